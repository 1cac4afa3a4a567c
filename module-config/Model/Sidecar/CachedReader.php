<?php
// GET answers that change only with the org (picklist values, the record-link template), kept in
// Magento's cache for five minutes under the module's own tag, so a page that needs them costs at
// most one sidecar call per answer, and usually none. Only successful answers are kept.
declare(strict_types=1);

namespace Forcebridge\Connector\Model\Sidecar;

use Magento\Framework\App\CacheInterface;

class CachedReader
{
    /** `bin/magento cache:clean` with this tag (or a full flush) forgets every kept answer. */
    public const CACHE_TAG = 'FORCEBRIDGE_SIDECAR';
    private const LIFETIME_SECONDS = 300;

    public function __construct(private Client $client, private CacheInterface $cache)
    {
    }

    /**
     * @throws \Forcebridge\Connector\Exception\SidecarUnavailable
     * @throws \Forcebridge\Connector\Exception\NotConfigured
     */
    public function get(string $path): Answer
    {
        $key = 'forcebridge_sidecar_' . sha1($path);
        $kept = $this->cache->load($key);
        if (is_string($kept) && $kept !== '') {
            return new Answer(200, json_decode($kept, true, 64, JSON_THROW_ON_ERROR));
        }
        $answer = $this->client->get($path);
        if ($answer->ok()) {
            $this->cache->save(json_encode($answer->body, JSON_THROW_ON_ERROR), $key, [self::CACHE_TAG], self::LIFETIME_SECONDS);
        }
        return $answer;
    }
}
