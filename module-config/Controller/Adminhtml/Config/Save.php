<?php
// POST forcebridge/config/save (scope, scopeId, values): writes forcebridge/* settings through the
// sidecar (PUT /api/config), which checks them against the org and the role and saves all or none;
// its refusal (400 with the reason per field, 403) comes back as it was given.
declare(strict_types=1);

namespace Forcebridge\Connector\Controller\Adminhtml\Config;

use Forcebridge\Connector\Controller\Adminhtml\SidecarJson;
use Forcebridge\Connector\Exception\BadRequest;
use Forcebridge\Connector\Model\AreaAccess;
use Forcebridge\Connector\Model\Sidecar\Client;
use Magento\Backend\App\Action\Context;
use Magento\Framework\App\Action\HttpPostActionInterface;
use Magento\Framework\Controller\ResultInterface;

class Save extends SidecarJson implements HttpPostActionInterface
{
    public const ADMIN_RESOURCE = 'Forcebridge_Connector::salesforce';

    public function __construct(Context $context, AreaAccess $access, private Client $client)
    {
        parent::__construct($context, $access);
    }

    protected function answer(): ResultInterface
    {
        $request = $this->getRequest();
        $scopeId = (string) $request->getParam('scopeId', '0');
        if (!preg_match('/^[0-9]{1,5}$/', $scopeId)) {
            throw new BadRequest(__('scopeId must be a website or store view id, not "%1".', $scopeId));
        }
        return $this->relay($this->client->put('/api/config', [
            'scope' => (string) $request->getParam('scope'),
            'scopeId' => (int) $scopeId,
            'values' => $this->values($request->getParam('values')),
        ]));
    }

    /**
     * The settings to write, path => value (null: use the parent scope's), sent either as form
     * fields values[<path>] or as one JSON object, which alone can carry null.
     *
     * @return array<string, string|null>
     */
    private function values(mixed $values): array
    {
        if (is_string($values)) {
            try {
                $values = json_decode($values, true, 4, JSON_THROW_ON_ERROR);
            } catch (\JsonException) {
                throw new BadRequest(__('values must be a JSON object of setting paths and values.'));
            }
        }
        if (!is_array($values) || $values === [] || array_is_list($values)) {
            throw new BadRequest(__('values must name at least one forcebridge/... setting and its value.'));
        }
        return $values;
    }
}
