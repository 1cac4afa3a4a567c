<?php
// GET forcebridge/config/values (scope, scopeId): every forcebridge/* setting at a scope, from the
// sidecar (GET /api/config), which leaves out what the admin's role may not read.
declare(strict_types=1);

namespace Forcebridge\Connector\Controller\Adminhtml\Config;

use Forcebridge\Connector\Controller\Adminhtml\SidecarJson;
use Forcebridge\Connector\Model\AreaAccess;
use Forcebridge\Connector\Model\Sidecar\Client;
use Magento\Backend\App\Action\Context;
use Magento\Framework\App\Action\HttpGetActionInterface;
use Magento\Framework\Controller\ResultInterface;

class Values extends SidecarJson implements HttpGetActionInterface
{
    public const ADMIN_RESOURCE = 'Forcebridge_Connector::salesforce';

    public function __construct(Context $context, AreaAccess $access, private Client $client)
    {
        parent::__construct($context, $access);
    }

    protected function answer(): ResultInterface
    {
        // The sidecar checks both values and says what is wrong with them.
        return $this->relay($this->client->get('/api/config', [
            'scope' => (string) $this->getRequest()->getParam('scope', 'default'),
            'scopeId' => (string) $this->getRequest()->getParam('scopeId', '0'),
        ]));
    }
}
