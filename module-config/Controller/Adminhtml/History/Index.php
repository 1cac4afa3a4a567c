<?php
// GET forcebridge/history/index (area, id): each sync of one record (when, what was sent, the
// result, the stage change), for a role that may see the area's records.
declare(strict_types=1);

namespace Forcebridge\Connector\Controller\Adminhtml\History;

use Forcebridge\Connector\Controller\Adminhtml\SidecarJson;
use Forcebridge\Connector\Model\AreaAccess;
use Forcebridge\Connector\Model\Sidecar\Client;
use Magento\Backend\App\Action\Context;
use Magento\Framework\App\Action\HttpGetActionInterface;
use Magento\Framework\Controller\ResultInterface;

class Index extends SidecarJson implements HttpGetActionInterface
{
    public const ADMIN_RESOURCE = 'Forcebridge_Connector::salesforce';

    public function __construct(Context $context, AreaAccess $access, private Client $client)
    {
        parent::__construct($context, $access);
    }

    protected function answer(): ResultInterface
    {
        $area = $this->area();
        return $this->relay($this->client->get(sprintf('/api/history/%s/%d', $area->name, $this->recordId('id'))));
    }
}
