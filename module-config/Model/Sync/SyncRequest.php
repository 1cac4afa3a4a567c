<?php
// "Sync with Salesforce" for chosen records: hands their ids to the sidecar (POST /api/sync), in
// batches of 500, the most one call may carry, and returns the sync jobs it started.
declare(strict_types=1);

namespace Forcebridge\Connector\Model\Sync;

use Forcebridge\Connector\Exception\BadRequest;
use Forcebridge\Connector\Exception\SidecarRefused;
use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\Sidecar\Client;

class SyncRequest
{
    public const BATCH_SIZE = 500;

    public function __construct(private Client $client)
    {
    }

    /**
     * @param array<mixed> $ids record ids as the request or the grid gave them
     * @return string[] the job ids, one per batch
     * @throws BadRequest when no valid id is given
     * @throws SidecarRefused saying how many records were sent before the refusal
     */
    public function start(Area $area, array $ids): array
    {
        $jobs = [];
        $batches = array_chunk(self::recordIds($ids), self::BATCH_SIZE);
        foreach ($batches as $index => $batch) {
            $answer = $this->client->post('/api/sync', ['area' => $area->name, 'ids' => $batch]);
            $jobId = $answer->body['jobId'] ?? null;
            if (!$answer->ok() || !is_string($jobId)) {
                throw new SidecarRefused($index === 0
                    ? __('%1', $answer->error())
                    : __('%1 of the %2 were sent to Salesforce sync; the rest were refused: %3', $index * self::BATCH_SIZE, $area->records, $answer->error()), $answer->status);
            }
            $jobs[] = $jobId;
        }
        return $jobs;
    }

    /**
     * Positive whole numbers, each once, in the order given.
     *
     * @param array<mixed> $ids
     * @return int[]
     * @throws BadRequest
     */
    private static function recordIds(array $ids): array
    {
        $valid = [];
        foreach ($ids as $id) {
            $text = is_int($id) ? (string) $id : (is_string($id) ? trim($id) : '');
            if (!preg_match('/^[1-9][0-9]{0,9}$/', $text) || (int) $text > 4294967295) {
                throw new BadRequest(__('"%1" is not a record id.', is_scalar($id) ? (string) $id : gettype($id)));
            }
            $valid[(int) $text] = (int) $text;
        }
        if ($valid === []) {
            throw new BadRequest(__('Choose at least one record to sync.'));
        }
        return array_values($valid);
    }
}
