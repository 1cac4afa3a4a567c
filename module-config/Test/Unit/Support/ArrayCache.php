<?php
// Magento's cache as the module uses it, kept in memory, recording tags and lifetimes.
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Support;

use Magento\Framework\App\CacheInterface;

final class ArrayCache implements CacheInterface
{
    /** @var array<string, array{data: string, tags: array, lifetime: mixed}> */
    public array $entries = [];

    public function getFrontend()
    {
        throw new \LogicException('not used');
    }

    public function load($identifier)
    {
        return $this->entries[$identifier]['data'] ?? false;
    }

    public function save($data, $identifier, $tags = [], $lifeTime = null)
    {
        $this->entries[$identifier] = ['data' => $data, 'tags' => $tags, 'lifetime' => $lifeTime];
        return true;
    }

    public function remove($identifier)
    {
        unset($this->entries[$identifier]);
        return true;
    }

    public function clean($tags = [])
    {
        foreach ($this->entries as $key => $entry) {
            if (array_intersect($tags, $entry['tags']) !== []) {
                unset($this->entries[$key]);
            }
        }
        return true;
    }
}
