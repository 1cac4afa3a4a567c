<?php
// The module's templates rendered with their blocks: escaped output, the admin-ui components
// mounted with their data-mage-init, nothing for a role that may not sync.
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Templates;

use Forcebridge\Connector\Block\Adminhtml\Customer\ShoppingCartTab;
use Forcebridge\Connector\ViewModel\ConfigForm;
use Forcebridge\Connector\ViewModel\OrderSalesforce;
use Forcebridge\Connector\ViewModel\SyncState;
use Magento\Backend\Block\Template;
use Magento\Backend\Block\Template\Context;
use Magento\Framework\Escaper;
use PHPUnit\Framework\TestCase;

final class TemplatesTest extends TestCase
{
    private static function render(string $template, object $block): string
    {
        $escaper = new Escaper();
        ob_start();
        include dirname(__DIR__, 3) . '/view/adminhtml/templates/' . $template;
        return (string) ob_get_clean();
    }

    private static function mageInit(string $html): array
    {
        preg_match('/data-mage-init="([^"]+)"/', $html, $match);
        return json_decode(html_entity_decode($match[1] ?? 'null', ENT_QUOTES), true) ?? [];
    }

    public function testShoppingCartTabListsCartsEscapedAndMountsTheButton(): void
    {
        $tab = $this->createMock(ShoppingCartTab::class);
        $tab->method('getData')->with('sync_state')->willReturn(new SyncState());
        $tab->method('getCarts')->willReturn([[
            'entity_id' => '41', 'items_count' => '2', 'updated_at' => '2026-05-01 10:00:00',
            'forcebridge_sync_status' => 'error', 'forcebridge_sync_changed' => 0, 'forcebridge_error' => '<b>Stage</b> missing',
            'forcebridge_salesforce_id' => '006AAA', 'forcebridge_salesforce_url' => 'https://org/lightning/r/Opportunity/006AAA/view',
        ]]);
        $tab->method('getSyncButton')->willReturn(['Forcebridge_Connector/js/sync-button' => ['area' => 'carts', 'ids' => [41]]]);
        $html = self::render('customer/shopping-cart-tab.phtml', $tab);
        self::assertStringContainsString('Salesforce refused it: &lt;b&gt;Stage&lt;/b&gt; missing', $html);
        self::assertStringContainsString('<a href="https://org/lightning/r/Opportunity/006AAA/view" target="_blank" rel="noopener">006AAA</a>', $html);
        self::assertSame(['Forcebridge_Connector/js/sync-button' => ['area' => 'carts', 'ids' => [41]]], self::mageInit($html));
    }

    public function testShoppingCartTabWithoutCartsOrPermissionToSync(): void
    {
        $tab = $this->createMock(ShoppingCartTab::class);
        $tab->method('getData')->willReturn(new SyncState());
        $tab->method('getCarts')->willReturn([]);
        $tab->method('getSyncButton')->willReturn(null);
        $html = self::render('customer/shopping-cart-tab.phtml', $tab);
        self::assertStringContainsString('This customer has no active cart with items.', $html);
        self::assertStringNotContainsString('data-mage-init', $html);
    }

    public function testOrderSectionShowsTheStateLinkAndButton(): void
    {
        $order = $this->createMock(OrderSalesforce::class);
        $order->method('state')->willReturn(['forcebridge_sync_status' => 'synced', 'forcebridge_sync_changed' => 1, 'forcebridge_salesforce_id' => '006B', 'forcebridge_salesforce_url' => 'https://org/006B']);
        $order->method('syncButton')->willReturn(['Forcebridge_Connector/js/sync-button' => ['area' => 'orders', 'ids' => [3]]]);
        $html = self::render('order/salesforce.phtml', new Template($this->createMock(Context::class), ['order_salesforce' => $order, 'sync_state' => new SyncState()]));
        self::assertStringContainsString('In Salesforce; changed in Magento since the last sync', $html);
        self::assertStringContainsString('<a href="https://org/006B"', $html);
        self::assertSame(['Forcebridge_Connector/js/sync-button' => ['area' => 'orders', 'ids' => [3]]], self::mageInit($html));

        $order = $this->createMock(OrderSalesforce::class);
        $order->method('state')->willReturn(null);
        self::assertSame('', trim(self::render('order/salesforce.phtml', new Template($this->createMock(Context::class), ['order_salesforce' => $order, 'sync_state' => new SyncState()]))));
    }

    public function testConfigFormMountsTheAdminUiForm(): void
    {
        $form = $this->createMock(ConfigForm::class);
        $form->expects(self::once())->method('mageInit')->with(['order' => 'order'])->willReturn(['Forcebridge_Connector/js/config-form' => ['tabs' => ['order']]]);
        $html = self::render('config-form.phtml', new Template($this->createMock(Context::class), ['config_form' => $form, 'tabs' => ['order' => 'order']]));
        self::assertSame(['Forcebridge_Connector/js/config-form' => ['tabs' => ['order']]], self::mageInit($html));
    }
}
