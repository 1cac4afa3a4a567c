<?php
// One answer of the sidecar: its HTTP status and decoded JSON body. Anything that is not JSON did
// not come from the sidecar's API (a proxy's error page, a wrong port) and counts as no answer.
declare(strict_types=1);

namespace Forcebridge\Connector\Model\Sidecar;

use Forcebridge\Connector\Exception\SidecarUnavailable;

final class Answer
{
    /** @param array<mixed> $body */
    public function __construct(public readonly int $status, public readonly array $body)
    {
    }

    /** @throws SidecarUnavailable when the body is not a JSON object or list */
    public static function fromHttp(int $status, string $body): self
    {
        try {
            $decoded = json_decode($body, true, 64, JSON_THROW_ON_ERROR);
        } catch (\JsonException) {
            $decoded = null;
        }
        if (!is_array($decoded)) {
            throw new SidecarUnavailable(sprintf('HTTP %d without a JSON body', $status));
        }
        return new self($status, $decoded);
    }

    public function ok(): bool
    {
        return $this->status >= 200 && $this->status < 300;
    }

    /** The sidecar's one-sentence reason for a refusal. */
    public function error(): string
    {
        $error = $this->body['error'] ?? null;
        return is_string($error) && $error !== '' ? $error : sprintf('The sidecar answered HTTP %d.', $this->status);
    }
}
