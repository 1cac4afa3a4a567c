<?php
// How a sync job is going (GET /api/sync/<jobId>: {finished, total, synced, failed, skipped,
// message?}), waiting a few seconds for it to finish so that a small "Sync with Salesforce" can
// report its outcome on the page it returns to.
declare(strict_types=1);

namespace Forcebridge\Connector\Model\Sync;

use Forcebridge\Connector\Exception\BadRequest;
use Forcebridge\Connector\Exception\SidecarRefused;
use Forcebridge\Connector\Model\Sidecar\Answer;
use Forcebridge\Connector\Model\Sidecar\Client;

class JobProgress
{
    private const POLL_MICROSECONDS = 250000;

    public function __construct(private Client $client, private float $waitSeconds = 8.0)
    {
    }

    /** The job as the sidecar reports it, whatever the answer (for the JSON controller). */
    public function read(string $jobId): Answer
    {
        if (!preg_match('/^[0-9a-f]{32}$/', $jobId)) {
            throw new BadRequest(__('"%1" is not a sync job id.', $jobId));
        }
        return $this->client->get('/api/sync/' . $jobId);
    }

    /**
     * The finished job's body, or null when it is still running after the wait.
     *
     * @return array<mixed>|null
     * @throws SidecarRefused
     */
    public function awaitFinished(string $jobId): ?array
    {
        $deadline = microtime(true) + $this->waitSeconds;
        while (true) {
            $answer = $this->read($jobId);
            if (!$answer->ok()) {
                throw new SidecarRefused(__('%1', $answer->error()), $answer->status);
            }
            if (($answer->body['finished'] ?? false) === true) {
                return $answer->body;
            }
            if (microtime(true) + self::POLL_MICROSECONDS / 1e6 > $deadline) {
                return null;
            }
            usleep(self::POLL_MICROSECONDS);
        }
    }
}
