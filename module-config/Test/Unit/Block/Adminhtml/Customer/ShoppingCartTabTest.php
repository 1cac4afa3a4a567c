<?php
// The customer page's tab as Magento 2.4.8's Ui\Component\Layout\Tabs::addWrappedBlock uses it:
// every TabInterface method answers (the old block lacked isAjaxLoaded and broke the page).
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Block\Adminhtml\Customer;

use Forcebridge\Connector\Block\Adminhtml\Customer\ShoppingCartTab;
use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\RecordStates;
use Forcebridge\Connector\ViewModel\SyncButton;
use Magento\Backend\Block\Template\Context;
use Magento\Customer\Model\CustomerIdProvider;
use Magento\Ui\Component\Layout\Tabs\TabInterface;
use PHPUnit\Framework\TestCase;

final class ShoppingCartTabTest extends TestCase
{
    private function tab(int $customerId, ?RecordStates $states = null, ?SyncButton $button = null): ShoppingCartTab
    {
        $customer = $this->createMock(CustomerIdProvider::class);
        $customer->method('getCustomerId')->willReturn($customerId);
        return new ShoppingCartTab($this->createMock(Context::class), $customer, $states ?? $this->createMock(RecordStates::class), $button ?? $this->createMock(SyncButton::class), ['sort_order' => 95]);
    }

    public function testAnswersEverythingMagentosCustomerFormAsksATab(): void
    {
        $tab = $this->tab(8);
        self::assertInstanceOf(TabInterface::class, $tab);
        self::assertSame('Shopping Cart (Salesforce)', (string) $tab->getTabLabel());
        self::assertSame('Shopping Cart (Salesforce)', (string) $tab->getTabTitle());
        self::assertSame('', $tab->getTabClass());
        self::assertSame('', $tab->getTabUrl());
        self::assertFalse($tab->isAjaxLoaded());
        self::assertTrue($tab->canShowTab());
        self::assertFalse($tab->isHidden());
        self::assertSame('Forcebridge_Connector::customer/shopping-cart-tab.phtml', $tab->getTemplate());
    }

    public function testIsNotShownForACustomerBeingCreated(): void
    {
        self::assertFalse($this->tab(0)->canShowTab());
    }

    public function testListsTheCustomersCartsAndOffersToSyncThem(): void
    {
        $states = $this->createMock(RecordStates::class);
        $states->expects(self::once())->method('rows')->with(self::callback(fn (Area $area) => $area->name === 'carts'), 'customer_id', 8, 20)
            ->willReturn([['entity_id' => '41'], ['entity_id' => '40']]);
        $button = $this->createMock(SyncButton::class);
        $button->expects(self::once())->method('mageInit')->with(self::callback(fn (Area $area) => $area->name === 'carts'), [41, 40])->willReturn(['x' => []]);
        $tab = $this->tab(8, $states, $button);
        self::assertSame([['entity_id' => '41'], ['entity_id' => '40']], $tab->getCarts());
        self::assertSame(['x' => []], $tab->getSyncButton());
    }
}
