<?php
// POST forcebridge/sync/record (area, id): the "Sync with Salesforce" row action of the grids, a
// form post that returns to the grid with the outcome as an admin message.
declare(strict_types=1);

namespace Forcebridge\Connector\Controller\Adminhtml\Sync;

use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\AreaAccess;
use Forcebridge\Connector\Model\Sync\OutcomeMessages;
use Forcebridge\Connector\Model\Sync\SyncRequest;
use Magento\Backend\App\Action;
use Magento\Backend\App\Action\Context;
use Magento\Framework\App\Action\HttpPostActionInterface;
use Magento\Framework\Exception\LocalizedException;

class Record extends Action implements HttpPostActionInterface
{
    public const ADMIN_RESOURCE = AreaAccess::SYNC_RESOURCE;

    public function __construct(
        Context $context,
        private AreaAccess $access,
        private SyncRequest $syncRequest,
        private OutcomeMessages $outcome
    ) {
        parent::__construct($context);
    }

    public function execute()
    {
        $redirect = $this->resultRedirectFactory->create()->setRefererUrl();
        try {
            $area = Area::named((string) $this->getRequest()->getParam('area'));
            $this->access->demand($area, true);
            $this->outcome->report($area, 1, $this->syncRequest->start($area, [$this->getRequest()->getParam('id')]));
        } catch (LocalizedException $error) {
            $this->messageManager->addErrorMessage($error->getMessage());
        }
        return $redirect;
    }
}
