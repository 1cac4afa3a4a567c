<?php
// Salesforce > Orders: the page is all layout (view/adminhtml/layout/forcebridge_settings_orders.xml).
declare(strict_types=1);

namespace Forcebridge\Connector\Controller\Adminhtml\Settings;

use Magento\Backend\App\Action;
use Magento\Framework\App\Action\HttpGetActionInterface;
use Magento\Framework\Controller\ResultFactory;

class Orders extends Action implements HttpGetActionInterface
{
    public const ADMIN_RESOURCE = 'Forcebridge_Connector::orders';

    public function execute()
    {
        $page = $this->resultFactory->create(ResultFactory::TYPE_PAGE);
        $page->setActiveMenu('Forcebridge_Connector::orders');
        $page->getConfig()->getTitle()->prepend(__('Orders'));
        return $page;
    }
}
