<?php
// POST forcebridge/sync/row (area, ids[]): starts "Sync with Salesforce" for up to 500 records for
// the admin-ui sync button, which then follows the job through forcebridge/sync/job.
// Answers {"jobId": "..."} or {"error": "..."}.
declare(strict_types=1);

namespace Forcebridge\Connector\Controller\Adminhtml\Sync;

use Forcebridge\Connector\Controller\Adminhtml\SidecarJson;
use Forcebridge\Connector\Exception\BadRequest;
use Forcebridge\Connector\Model\AreaAccess;
use Forcebridge\Connector\Model\Sync\SyncRequest;
use Magento\Backend\App\Action\Context;
use Magento\Framework\App\Action\HttpPostActionInterface;
use Magento\Framework\Controller\ResultInterface;

class Row extends SidecarJson implements HttpPostActionInterface
{
    public const ADMIN_RESOURCE = AreaAccess::SYNC_RESOURCE;

    public function __construct(Context $context, AreaAccess $access, private SyncRequest $syncRequest)
    {
        parent::__construct($context, $access);
    }

    protected function answer(): ResultInterface
    {
        $area = $this->area(true);
        $ids = $this->getRequest()->getParam('ids');
        if (!is_array($ids)) {
            throw new BadRequest(__('Send the records to sync as ids[].'));
        }
        if (count($ids) > SyncRequest::BATCH_SIZE) {
            throw new BadRequest(__('Choose at most %1 records here; the grid\'s "Sync with Salesforce" action takes any number.', SyncRequest::BATCH_SIZE));
        }
        [$jobId] = $this->syncRequest->start($area, $ids);
        return $this->json(['jobId' => $jobId], 202);
    }
}
