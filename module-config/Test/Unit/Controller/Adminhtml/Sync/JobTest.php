<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Controller\Adminhtml\Sync;

use Forcebridge\Connector\Controller\Adminhtml\Sync\Job;
use Forcebridge\Connector\Model\Sidecar\Answer;
use Forcebridge\Connector\Model\Sidecar\Client;
use Forcebridge\Connector\Model\Sync\JobProgress;
use Forcebridge\Connector\Test\Unit\Support\ControllerTestCase;
use Magento\Framework\App\Action\HttpGetActionInterface;

final class JobTest extends ControllerTestCase
{
    public function testRelaysTheJobsProgress(): void
    {
        self::assertSame('Forcebridge_Connector::sync', Job::ADMIN_RESOURCE);
        self::assertContains(HttpGetActionInterface::class, class_implements(Job::class));
        $this->params = ['id' => str_repeat('a', 32)];
        $client = $this->createMock(Client::class);
        $client->expects(self::once())->method('get')->with('/api/sync/' . str_repeat('a', 32))
            ->willReturn(new Answer(200, ['finished' => true, 'total' => 2, 'synced' => 2, 'failed' => 0, 'skipped' => 0]));
        (new Job($this->context(), $this->access(), new JobProgress($client, 0)))->execute();
        self::assertSame(['status' => 200, 'data' => ['finished' => true, 'total' => 2, 'synced' => 2, 'failed' => 0, 'skipped' => 0]], $this->json);
    }

    public function testRefusesAnIdThatIsNotAJobs(): void
    {
        $this->params = ['id' => '1 OR 1'];
        (new Job($this->context(), $this->access(), new JobProgress($this->createMock(Client::class), 0)))->execute();
        self::assertSame(['status' => 400, 'data' => ['error' => '"1 OR 1" is not a sync job id.']], $this->json);
    }
}
