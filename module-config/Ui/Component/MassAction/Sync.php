<?php
// The "Sync with Salesforce" mass action, left out of the Actions menu (actionDisable, which
// Magento's MassAction skips) for a role that may not sync the grid's records.
declare(strict_types=1);

namespace Forcebridge\Connector\Ui\Component\MassAction;

use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\AreaAccess;
use Magento\Framework\View\Element\UiComponent\ContextInterface;
use Magento\Ui\Component\Action;

class Sync extends Action
{
    /**
     * @param array<mixed> $components
     * @param array<mixed> $data
     * @param array<mixed>|\JsonSerializable|null $actions
     */
    public function __construct(
        ContextInterface $context,
        private AreaAccess $access,
        array $components = [],
        array $data = [],
        $actions = null
    ) {
        parent::__construct($context, $components, $data, $actions);
    }

    public function prepare()
    {
        parent::prepare();
        if (!$this->access->may(Area::ofGrid((string) $this->getContext()->getNamespace()), true)) {
            $this->_data['config']['actionDisable'] = true;
        }
    }
}
