<?php
// What a "Sync with Salesforce" from a grid or a record page says on the page it returns to: the
// outcome when the sidecar finishes within a few seconds (one batch of up to 500 records), else
// that the records were sent and the Salesforce Sync column will show each result.
declare(strict_types=1);

namespace Forcebridge\Connector\Model\Sync;

use Forcebridge\Connector\Model\Area;
use Magento\Framework\Exception\LocalizedException;
use Magento\Framework\Message\ManagerInterface;

class OutcomeMessages
{
    public function __construct(private JobProgress $progress, private ManagerInterface $messages)
    {
    }

    /** @param string[] $jobIds as SyncRequest::start returned them for `count` records */
    public function report(Area $area, int $count, array $jobIds): void
    {
        $sent = __('%1 %2 sent to Salesforce; the Salesforce Sync column shows each result once it is done.', $count, $area->noun($count));
        try {
            $job = count($jobIds) === 1 ? $this->progress->awaitFinished($jobIds[0]) : null;
        } catch (LocalizedException $error) {
            $this->messages->addWarningMessage(__('%1 %2 sent to Salesforce, but their progress is unknown: %3', $count, $area->noun($count), $error->getMessage()));
            return;
        }
        if ($job === null) {
            $this->messages->addSuccessMessage($sent);
            return;
        }
        $outcome = __(
            'Salesforce sync of %1 %2: %3 synced, %4 failed, %5 skipped.',
            (int) ($job['total'] ?? $count),
            $area->noun((int) ($job['total'] ?? $count)),
            (int) ($job['synced'] ?? 0),
            (int) ($job['failed'] ?? 0),
            (int) ($job['skipped'] ?? 0)
        );
        $note = isset($job['message']) && is_string($job['message']) ? ' ' . $job['message'] : '';
        if ((int) ($job['failed'] ?? 0) > 0) {
            $this->messages->addErrorMessage($outcome . $note . ' ' . __('Hover over the red mark in the Salesforce Sync column for the reason.'));
        } else {
            $this->messages->addSuccessMessage($outcome . $note);
        }
    }
}
