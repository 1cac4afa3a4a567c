<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Model\Sidecar;

use Forcebridge\Connector\Model\Sidecar\Answer;
use Forcebridge\Connector\Model\Sidecar\CachedReader;
use Forcebridge\Connector\Model\Sidecar\Client;
use Forcebridge\Connector\Test\Unit\Support\ArrayCache;
use PHPUnit\Framework\TestCase;

final class CachedReaderTest extends TestCase
{
    public function testAsksTheSidecarOnceAndKeepsTheAnswerFiveMinutesUnderTheModulesTag(): void
    {
        $client = $this->createMock(Client::class);
        $client->expects(self::once())->method('get')->with('/api/picklists/stages')
            ->willReturn(new Answer(200, [['value' => 'Prospecting', 'label' => 'Prospecting']]));
        $cache = new ArrayCache();
        $reader = new CachedReader($client, $cache);
        for ($page = 0; $page < 3; $page++) {
            $answer = $reader->get('/api/picklists/stages');
            self::assertSame([200, [['value' => 'Prospecting', 'label' => 'Prospecting']]], [$answer->status, $answer->body]);
        }
        $entry = array_values($cache->entries)[0];
        self::assertSame([[CachedReader::CACHE_TAG], 300], [$entry['tags'], $entry['lifetime']]);
        // A later request (a new reader) is answered from Magento's cache too.
        (new CachedReader($client, $cache))->get('/api/picklists/stages');
    }

    public function testDoesNotKeepARefusal(): void
    {
        $client = $this->createMock(Client::class);
        $client->expects(self::exactly(2))->method('get')->willReturn(new Answer(403, ['error' => 'No.']));
        $cache = new ArrayCache();
        $reader = new CachedReader($client, $cache);
        self::assertSame(403, $reader->get('/api/links')->status);
        self::assertSame(403, $reader->get('/api/links')->status);
        self::assertSame([], $cache->entries);
    }
}
