<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Model\Sync;

use Forcebridge\Connector\Exception\BadRequest;
use Forcebridge\Connector\Exception\SidecarRefused;
use Forcebridge\Connector\Model\Sidecar\Answer;
use Forcebridge\Connector\Model\Sidecar\Client;
use Forcebridge\Connector\Model\Sync\JobProgress;
use PHPUnit\Framework\TestCase;

final class JobProgressTest extends TestCase
{
    private const JOB = '0123456789abcdef0123456789abcdef';

    public function testReadsAJobByItsId(): void
    {
        $client = $this->createMock(Client::class);
        $client->expects(self::once())->method('get')->with('/api/sync/' . self::JOB)->willReturn(new Answer(200, ['finished' => false]));
        self::assertSame(['finished' => false], (new JobProgress($client, 0))->read(self::JOB)->body);
    }

    public function testRefusesAnIdThatIsNotAJobs(): void
    {
        $this->expectException(BadRequest::class);
        $this->expectExceptionMessage('"../../admin" is not a sync job id.');
        (new JobProgress($this->createMock(Client::class), 0))->read('../../admin');
    }

    public function testWaitsForTheJobToFinish(): void
    {
        $client = $this->createMock(Client::class);
        $client->expects(self::exactly(3))->method('get')->willReturnOnConsecutiveCalls(
            new Answer(200, ['finished' => false, 'total' => 2]),
            new Answer(200, ['finished' => false, 'total' => 2]),
            new Answer(200, ['finished' => true, 'total' => 2, 'synced' => 2])
        );
        self::assertSame(['finished' => true, 'total' => 2, 'synced' => 2], (new JobProgress($client, 5))->awaitFinished(self::JOB));
    }

    public function testStopsWaitingAfterTheWait(): void
    {
        $client = $this->createMock(Client::class);
        $client->method('get')->willReturn(new Answer(200, ['finished' => false]));
        self::assertNull((new JobProgress($client, 0))->awaitFinished(self::JOB));
    }

    public function testPassesOnARefusal(): void
    {
        $client = $this->createMock(Client::class);
        $client->method('get')->willReturn(new Answer(404, ['error' => 'There is no such sync job.']));
        $this->expectException(SidecarRefused::class);
        $this->expectExceptionMessage('There is no such sync job.');
        (new JobProgress($client, 0))->awaitFinished(self::JOB);
    }
}
