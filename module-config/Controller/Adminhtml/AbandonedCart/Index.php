<?php
// Salesforce > Abandoned Carts: the page is all layout (view/adminhtml/layout/forcebridge_abandonedcart_index.xml).
declare(strict_types=1);

namespace Forcebridge\Connector\Controller\Adminhtml\AbandonedCart;

use Magento\Backend\App\Action;
use Magento\Framework\App\Action\HttpGetActionInterface;
use Magento\Framework\Controller\ResultFactory;

class Index extends Action implements HttpGetActionInterface
{
    public const ADMIN_RESOURCE = 'Forcebridge_Connector::abandoned_carts';

    public function execute()
    {
        $page = $this->resultFactory->create(ResultFactory::TYPE_PAGE);
        $page->setActiveMenu('Forcebridge_Connector::abandoned_carts');
        $page->getConfig()->getTitle()->prepend(__('Abandoned Carts'));
        return $page;
    }
}
