<?php
// Not executed in this repository (it has no PHP); Magento runs it. The customer page's "Shopping
// Cart" tab: the customer's cart in Salesforce and the "Sync with Salesforce" button (admin-ui).
declare(strict_types=1);

namespace Forcebridge\Connector\Block\Adminhtml\Customer;

use Magento\Backend\Block\Template;
use Magento\Backend\Block\Widget\Tab\TabInterface;

class ShoppingCartTab extends Template implements TabInterface
{
    public function getCustomerId(): int
    {
        return (int) $this->getRequest()->getParam('id');
    }

    public function getTabLabel()
    {
        return __('Shopping Cart');
    }

    public function getTabTitle()
    {
        return __('Shopping Cart');
    }

    /** A customer who is still being created has no cart to sync. */
    public function canShowTab()
    {
        return $this->getCustomerId() > 0 && $this->_authorization->isAllowed('Forcebridge_Connector::sync');
    }

    public function isHidden()
    {
        return false;
    }
}
