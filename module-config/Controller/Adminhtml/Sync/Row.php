<?php
// Not executed in this repository (it has no PHP); Magento runs it. The "Sync with Salesforce" link
// of one grid row: hands that record to the sidecar.
declare(strict_types=1);

namespace Forcebridge\Connector\Controller\Adminhtml\Sync;

use Forcebridge\Connector\Model\SidecarClient;
use Magento\Backend\App\Action;
use Magento\Backend\App\Action\Context;
use Magento\Framework\App\Action\HttpPostActionInterface;

class Row extends Action implements HttpPostActionInterface
{
    public const ADMIN_RESOURCE = 'Forcebridge_Connector::sync';
    private const ENTITIES = ['order', 'customer', 'quote'];

    public function __construct(Context $context, private SidecarClient $sidecar)
    {
        parent::__construct($context);
    }

    public function execute()
    {
        $entity = (string) $this->getRequest()->getParam('entity');
        $id = (int) $this->getRequest()->getParam('id');
        $redirect = $this->resultRedirectFactory->create()->setRefererUrl();
        if (!in_array($entity, self::ENTITIES, true) || $id <= 0) {
            $this->messageManager->addErrorMessage(__('Choose a record to sync.'));
            return $redirect;
        }
        try {
            $this->sidecar->requestSync($entity, [$id]);
            $this->messageManager->addSuccessMessage(__('Sent to Salesforce sync.'));
        } catch (\Exception $error) {
            $this->messageManager->addErrorMessage($error->getMessage());
        }
        return $redirect;
    }
}
