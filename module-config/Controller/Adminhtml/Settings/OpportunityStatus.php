<?php
// Salesforce > Opportunity Status: the page is all layout (view/adminhtml/layout/forcebridge_settings_opportunitystatus.xml).
declare(strict_types=1);

namespace Forcebridge\Connector\Controller\Adminhtml\Settings;

use Magento\Backend\App\Action;
use Magento\Framework\App\Action\HttpGetActionInterface;
use Magento\Framework\Controller\ResultFactory;

class OpportunityStatus extends Action implements HttpGetActionInterface
{
    public const ADMIN_RESOURCE = 'Forcebridge_Connector::field_mappings';

    public function execute()
    {
        $page = $this->resultFactory->create(ResultFactory::TYPE_PAGE);
        $page->setActiveMenu('Forcebridge_Connector::opportunity_status');
        $page->getConfig()->getTitle()->prepend(__('Opportunity Status'));
        return $page;
    }
}
