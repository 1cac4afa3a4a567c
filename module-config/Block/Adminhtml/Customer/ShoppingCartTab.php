<?php
// The customer page's "Shopping Cart (Salesforce)" tab. Magento 2.4.8 builds that page as the
// customer_form UI component, whose tabs are blocks implementing Ui's Tabs\TabInterface
// (Ui\Component\Layout\Tabs::addWrappedBlock asks each for canShowTab, isAjaxLoaded, getTabUrl,
// getTabTitle and its HTML); this one is rendered with the page. It lists the customer's carts with
// their Salesforce state and mounts the "Sync with Salesforce" button for them.
declare(strict_types=1);

namespace Forcebridge\Connector\Block\Adminhtml\Customer;

use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\RecordStates;
use Forcebridge\Connector\ViewModel\SyncButton;
use Magento\Backend\Block\Template;
use Magento\Backend\Block\Template\Context;
use Magento\Customer\Model\CustomerIdProvider;
use Magento\Ui\Component\Layout\Tabs\TabInterface;

class ShoppingCartTab extends Template implements TabInterface
{
    /** More carts than this are the Abandoned Carts grid's job. */
    private const MAX_CARTS = 20;

    protected $_template = 'Forcebridge_Connector::customer/shopping-cart-tab.phtml';

    /** @var array<array<string, mixed>>|null */
    private ?array $carts = null;

    /** @param array<mixed> $data */
    public function __construct(
        Context $context,
        private CustomerIdProvider $customerIdProvider,
        private RecordStates $states,
        private SyncButton $syncButton,
        array $data = []
    ) {
        parent::__construct($context, $data);
    }

    public function getTabLabel()
    {
        return __('Shopping Cart (Salesforce)');
    }

    public function getTabTitle()
    {
        return $this->getTabLabel();
    }

    public function getTabClass()
    {
        return '';
    }

    public function getTabUrl()
    {
        return '';
    }

    public function isAjaxLoaded()
    {
        return false;
    }

    /** A customer still being created has no carts. */
    public function canShowTab()
    {
        return $this->customerIdProvider->getCustomerId() > 0;
    }

    public function isHidden()
    {
        return false;
    }

    /** @return array<array<string, mixed>> the customer's active carts, newest first, with their Salesforce fields */
    public function getCarts(): array
    {
        return $this->carts ??= $this->states->rows(Area::named('carts'), 'customer_id', $this->customerIdProvider->getCustomerId(), self::MAX_CARTS);
    }

    /** @return array<string, array<string, mixed>>|null */
    public function getSyncButton(): ?array
    {
        return $this->syncButton->mageInit(Area::named('carts'), array_map(fn (array $cart) => (int) $cart['entity_id'], $this->getCarts()));
    }
}
