<?php
// GET forcebridge/picklist/index (name): dropdown values from the org ([{value, label}, ...]), kept
// in Magento's cache for five minutes so a page asks the sidecar once per list at most.
declare(strict_types=1);

namespace Forcebridge\Connector\Controller\Adminhtml\Picklist;

use Forcebridge\Connector\Controller\Adminhtml\SidecarJson;
use Forcebridge\Connector\Exception\BadRequest;
use Forcebridge\Connector\Model\AreaAccess;
use Forcebridge\Connector\Model\Sidecar\CachedReader;
use Magento\Backend\App\Action\Context;
use Magento\Framework\App\Action\HttpGetActionInterface;
use Magento\Framework\Controller\ResultInterface;

class Index extends SidecarJson implements HttpGetActionInterface
{
    public const ADMIN_RESOURCE = 'Forcebridge_Connector::salesforce';
    private const NAMES = ['stages', 'record-types', 'contact-roles', 'lead-sources'];

    public function __construct(Context $context, AreaAccess $access, private CachedReader $reader)
    {
        parent::__construct($context, $access);
    }

    protected function answer(): ResultInterface
    {
        $name = (string) $this->getRequest()->getParam('name');
        if (!in_array($name, self::NAMES, true)) {
            throw new BadRequest(__('"%1" is not a picklist: use %2.', $name, implode(', ', self::NAMES)));
        }
        return $this->relay($this->reader->get('/api/picklists/' . $name));
    }
}
