<?php
// GET forcebridge/sync/job (id): how a "Sync with Salesforce" job is going, as the sidecar reports
// it ({finished, total, synced, failed, skipped, message?}).
declare(strict_types=1);

namespace Forcebridge\Connector\Controller\Adminhtml\Sync;

use Forcebridge\Connector\Controller\Adminhtml\SidecarJson;
use Forcebridge\Connector\Model\AreaAccess;
use Forcebridge\Connector\Model\Sync\JobProgress;
use Magento\Backend\App\Action\Context;
use Magento\Framework\App\Action\HttpGetActionInterface;
use Magento\Framework\Controller\ResultInterface;

class Job extends SidecarJson implements HttpGetActionInterface
{
    public const ADMIN_RESOURCE = AreaAccess::SYNC_RESOURCE;

    public function __construct(Context $context, AreaAccess $access, private JobProgress $progress)
    {
        parent::__construct($context, $access);
    }

    protected function answer(): ResultInterface
    {
        return $this->relay($this->progress->read((string) $this->getRequest()->getParam('id')));
    }
}
