<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Controller\Adminhtml\Sync;

use Forcebridge\Connector\Controller\Adminhtml\Sync\Record;
use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\Sync\OutcomeMessages;
use Forcebridge\Connector\Model\Sync\SyncRequest;
use Forcebridge\Connector\Test\Unit\Support\ControllerTestCase;
use Magento\Framework\App\Action\HttpPostActionInterface;

final class RecordTest extends ControllerTestCase
{
    public function testSyncsTheRowsRecordAndReturnsToTheGrid(): void
    {
        self::assertSame('Forcebridge_Connector::sync', Record::ADMIN_RESOURCE);
        self::assertContains(HttpPostActionInterface::class, class_implements(Record::class));
        $this->params = ['area' => 'customers', 'id' => '12'];
        $syncRequest = $this->createMock(SyncRequest::class);
        $syncRequest->expects(self::once())->method('start')->with(self::callback(fn (Area $area) => $area->name === 'customers'), ['12'])->willReturn(['job']);
        $outcome = $this->createMock(OutcomeMessages::class);
        $outcome->expects(self::once())->method('report')->with(self::anything(), 1, ['job']);
        (new Record($this->context(), $this->access(), $syncRequest, $outcome))->execute();
        self::assertSame(['referer', null], $this->redirectedTo);
    }

    public function testNeedsTheSyncAndAreaResources(): void
    {
        $this->granted = ['Forcebridge_Connector::customers'];
        $this->params = ['area' => 'customers', 'id' => '12'];
        $syncRequest = $this->createMock(SyncRequest::class);
        $syncRequest->expects(self::never())->method('start');
        (new Record($this->context(), $this->access(), $syncRequest, $this->createMock(OutcomeMessages::class)))->execute();
        self::assertSame('error', $this->messages[0][0]);
        self::assertStringContainsString('Forcebridge_Connector::sync', $this->messages[0][1]);
    }
}
