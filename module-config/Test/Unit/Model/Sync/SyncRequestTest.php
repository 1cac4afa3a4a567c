<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Model\Sync;

use Forcebridge\Connector\Exception\BadRequest;
use Forcebridge\Connector\Exception\SidecarRefused;
use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\Sidecar\Answer;
use Forcebridge\Connector\Model\Sidecar\Client;
use Forcebridge\Connector\Model\Sync\SyncRequest;
use PHPUnit\Framework\TestCase;

final class SyncRequestTest extends TestCase
{
    public function testSendsAnySelectionInBatchesOf500(): void
    {
        $batches = [];
        $client = $this->createMock(Client::class);
        $client->method('post')->willReturnCallback(function (string $path, array $body) use (&$batches) {
            self::assertSame(['/api/sync', 'orders'], [$path, $body['area']]);
            $batches[] = $body['ids'];
            return new Answer(202, ['jobId' => str_repeat((string) count($batches), 32)]);
        });
        $ids = array_map('strval', range(1, 1201));
        $jobs = (new SyncRequest($client))->start(Area::named('orders'), $ids);
        self::assertSame([500, 500, 201], array_map('count', $batches));
        self::assertSame([1, 501, 1001], array_column($batches, 0));
        self::assertSame([str_repeat('1', 32), str_repeat('2', 32), str_repeat('3', 32)], $jobs);
    }

    public function testSendsEachRecordOnce(): void
    {
        $client = $this->createMock(Client::class);
        $client->expects(self::once())->method('post')->with('/api/sync', ['area' => 'carts', 'ids' => [7, 3]])
            ->willReturn(new Answer(202, ['jobId' => str_repeat('a', 32)]));
        (new SyncRequest($client))->start(Area::named('carts'), ['7', 3, '7']);
    }

    public function testRefusesWhatIsNotARecordId(): void
    {
        $client = $this->createMock(Client::class);
        $client->expects(self::never())->method('post');
        try {
            (new SyncRequest($client))->start(Area::named('carts'), ['1', 'x;DROP']);
            self::fail('expected a refusal');
        } catch (BadRequest $error) {
            self::assertSame('"x;DROP" is not a record id.', $error->getMessage());
        }
        $this->expectExceptionMessage('Choose at least one record to sync.');
        (new SyncRequest($client))->start(Area::named('carts'), []);
    }

    public function testSaysHowManyWereSentBeforeTheSidecarRefused(): void
    {
        $client = $this->createMock(Client::class);
        $client->method('post')->willReturnOnConsecutiveCalls(
            new Answer(202, ['jobId' => str_repeat('a', 32)]),
            new Answer(403, ['error' => 'Your role lacks Salesforce > Orders.'])
        );
        try {
            (new SyncRequest($client))->start(Area::named('orders'), range(1, 600));
            self::fail('expected a refusal');
        } catch (SidecarRefused $error) {
            self::assertSame(403, $error->status);
            self::assertSame('500 of the orders were sent to Salesforce sync; the rest were refused: Your role lacks Salesforce > Orders.', $error->getMessage());
        }
    }
}
