<?php
// POST forcebridge/sync/massSync (area, and Magento's mass-action selection): "Sync with
// Salesforce" from the Actions menu of the Orders, Customers and Abandoned Carts grids. The
// selection (ticked rows, or "Select All" across pages with the grid's filters) is resolved by
// Magento's mass-action filter over the grid's own collection, sent in batches of 500, and the
// admin returns to the grid with the outcome as a message.
declare(strict_types=1);

namespace Forcebridge\Connector\Controller\Adminhtml\Sync;

use Forcebridge\Connector\Exception\BadRequest;
use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\AreaAccess;
use Forcebridge\Connector\Model\Sync\OutcomeMessages;
use Forcebridge\Connector\Model\Sync\SyncRequest;
use Magento\Backend\App\Action;
use Magento\Backend\App\Action\Context;
use Magento\Framework\App\Action\HttpPostActionInterface;
use Magento\Framework\Exception\LocalizedException;
use Magento\Framework\View\Element\UiComponent\DataProvider\CollectionFactory;
use Magento\Ui\Component\MassAction\Filter;

class MassSync extends Action implements HttpPostActionInterface
{
    public const ADMIN_RESOURCE = AreaAccess::SYNC_RESOURCE;

    public function __construct(
        Context $context,
        private AreaAccess $access,
        private Filter $filter,
        private CollectionFactory $reports,
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
            // The filter reads the selection from the grid named by `namespace`; it must be this area's.
            if ((string) $this->getRequest()->getParam('namespace') !== $area->listing) {
                throw new BadRequest(__('This selection does not come from the %1 grid.', $area->records));
            }
            $ids = $this->filter->getCollection($this->reports->getReport($area->dataSource()))->getAllIds();
            $this->outcome->report($area, count($ids), $this->syncRequest->start($area, $ids));
        } catch (LocalizedException $error) {
            $this->messageManager->addErrorMessage($error->getMessage());
        }
        return $redirect;
    }
}
