<?php
// Mounts the admin-ui "Sync with Salesforce" button (Forcebridge_Connector/js/sync-button) for some
// records, with the Magento URLs it posts to and polls; nothing for a role that may not sync them.
declare(strict_types=1);

namespace Forcebridge\Connector\ViewModel;

use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\AreaAccess;
use Magento\Framework\UrlInterface;
use Magento\Framework\View\Element\Block\ArgumentInterface;

class SyncButton implements ArgumentInterface
{
    public function __construct(private UrlInterface $urlBuilder, private AreaAccess $access)
    {
    }

    /**
     * The data-mage-init value, or null when there is nothing the admin may sync.
     *
     * @param int[] $ids
     * @return array<string, array<string, mixed>>|null
     */
    public function mageInit(Area $area, array $ids): ?array
    {
        if ($ids === [] || !$this->access->may($area, true)) {
            return null;
        }
        return ['Forcebridge_Connector/js/sync-button' => [
            'syncUrl' => $this->urlBuilder->getUrl('forcebridge/sync/row'),
            'jobUrl' => $this->urlBuilder->getUrl('forcebridge/sync/job'),
            'area' => $area->name,
            'ids' => array_values(array_map('intval', $ids)),
        ]];
    }
}
