<?php
// Choices of the "Salesforce Sync" filter (and the labels CSV export gives the statuses).
declare(strict_types=1);

namespace Forcebridge\Connector\Ui\Component\Listing\Column\SyncStatus;

use Forcebridge\Connector\Model\ResourceModel\Grid\LinkColumns;
use Magento\Framework\Data\OptionSourceInterface;

class Options implements OptionSourceInterface
{
    /** @return array<array{value: string, label: mixed}> */
    public function toOptionArray()
    {
        return [
            ['value' => LinkColumns::FILTER_SYNCED, 'label' => __('Synced')],
            ['value' => LinkColumns::FILTER_ERROR, 'label' => __('Error')],
            ['value' => LinkColumns::FILTER_NOT_SYNCED, 'label' => __('Not synced')],
            ['value' => LinkColumns::FILTER_CHANGED, 'label' => __('Changed since last sync')],
        ];
    }
}
