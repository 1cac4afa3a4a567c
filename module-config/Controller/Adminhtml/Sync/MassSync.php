<?php
// Not executed in this repository (it has no PHP); Magento runs it. The "Sync with Salesforce" mass
// action of the order, customer and abandoned-cart grids: resolves the selection (ids, "select all",
// filters) the Magento way and hands the ids to the sidecar, which syncs manual requests first.
declare(strict_types=1);

namespace Forcebridge\Connector\Controller\Adminhtml\Sync;

use Forcebridge\Connector\Model\SidecarClient;
use Magento\Backend\App\Action;
use Magento\Backend\App\Action\Context;
use Magento\Customer\Model\ResourceModel\Customer\CollectionFactory as CustomerCollectionFactory;
use Magento\Framework\App\Action\HttpPostActionInterface;
use Magento\Framework\Data\Collection\AbstractDb;
use Magento\Quote\Model\ResourceModel\Quote\CollectionFactory as QuoteCollectionFactory;
use Magento\Sales\Model\ResourceModel\Order\CollectionFactory as OrderCollectionFactory;
use Magento\Ui\Component\MassAction\Filter;

class MassSync extends Action implements HttpPostActionInterface
{
    public const ADMIN_RESOURCE = 'Forcebridge_Connector::sync';

    public function __construct(
        Context $context,
        private Filter $filter,
        private SidecarClient $sidecar,
        private OrderCollectionFactory $orders,
        private CustomerCollectionFactory $customers,
        private QuoteCollectionFactory $quotes
    ) {
        parent::__construct($context);
    }

    public function execute()
    {
        $entity = (string) $this->getRequest()->getParam('entity');
        $redirect = $this->resultRedirectFactory->create()->setRefererUrl();
        $collection = $this->collectionFor($entity);
        if ($collection === null) {
            $this->messageManager->addErrorMessage(__('Unknown record type "%1".', $entity));
            return $redirect;
        }
        try {
            $ids = array_map('intval', $this->filter->getCollection($collection)->getAllIds());
            $this->sidecar->requestSync($entity, $ids);
            $this->messageManager->addSuccessMessage(__('%1 record(s) sent to Salesforce sync.', count($ids)));
        } catch (\Exception $error) {
            $this->messageManager->addErrorMessage($error->getMessage());
        }
        return $redirect;
    }

    private function collectionFor(string $entity): ?AbstractDb
    {
        return match ($entity) {
            'order' => $this->orders->create(),
            'customer' => $this->customers->create(),
            'quote' => $this->quotes->create(),
            default => null,
        };
    }
}
