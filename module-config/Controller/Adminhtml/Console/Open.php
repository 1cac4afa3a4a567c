<?php
// GET forcebridge/console/open (Salesforce > Open Forcebridge console): sends the admin to the
// sidecar's console with a single-use sign-in link minted for them (Model\ConsoleLink).
declare(strict_types=1);

namespace Forcebridge\Connector\Controller\Adminhtml\Console;

use Forcebridge\Connector\Model\ConsoleLink;
use Magento\Backend\App\Action;
use Magento\Backend\App\Action\Context;
use Magento\Framework\App\Action\HttpGetActionInterface;
use Magento\Framework\Exception\LocalizedException;

class Open extends Action implements HttpGetActionInterface
{
    public const ADMIN_RESOURCE = 'Forcebridge_Connector::salesforce';

    public function __construct(Context $context, private ConsoleLink $consoleLink)
    {
        parent::__construct($context);
    }

    public function execute()
    {
        $redirect = $this->resultRedirectFactory->create();
        try {
            return $redirect->setUrl($this->consoleLink->forCurrentAdmin());
        } catch (LocalizedException $error) {
            $this->messageManager->addErrorMessage($error->getMessage());
            return $redirect->setPath('admin/dashboard');
        }
    }
}
