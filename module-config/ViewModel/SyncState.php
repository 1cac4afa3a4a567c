<?php
// A record's Salesforce state in words, for the pages that show one record (the order page, the
// customer's carts); the grids draw the same fields as icons (admin-ui columns).
declare(strict_types=1);

namespace Forcebridge\Connector\ViewModel;

use Forcebridge\Connector\Model\ResourceModel\Grid\LinkColumns;
use Magento\Framework\Phrase;
use Magento\Framework\View\Element\Block\ArgumentInterface;

class SyncState implements ArgumentInterface
{
    /** @param array<string, mixed> $row a grid row with the Salesforce fields */
    public function describe(array $row): Phrase
    {
        $status = $row[LinkColumns::STATUS] ?? null;
        $changed = (int) ($row[LinkColumns::CHANGED] ?? 0) === 1;
        return match (true) {
            $status === 'synced' && $changed => __('In Salesforce; changed in Magento since the last sync'),
            $status === 'synced' => __('In Salesforce'),
            $status === 'error' => __('Salesforce refused it: %1', (string) ($row[LinkColumns::ERROR] ?? '')),
            $status === 'skipped' => __('Not sent: %1', (string) ($row[LinkColumns::ERROR] ?? __('nothing to sync'))),
            $status === 'pending' => __('Being synced'),
            default => __('Not synced yet'),
        };
    }
}
