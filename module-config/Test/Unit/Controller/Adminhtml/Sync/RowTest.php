<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Controller\Adminhtml\Sync;

use Forcebridge\Connector\Controller\Adminhtml\Sync\Row;
use Forcebridge\Connector\Exception\SidecarRefused;
use Forcebridge\Connector\Exception\SidecarUnavailable;
use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\Sync\SyncRequest;
use Forcebridge\Connector\Test\Unit\Support\ControllerTestCase;
use Magento\Framework\App\Action\HttpPostActionInterface;

final class RowTest extends ControllerTestCase
{
    private function dispatch(?SyncRequest $syncRequest = null): void
    {
        (new Row($this->context(), $this->access(), $syncRequest ?? $this->createMock(SyncRequest::class)))->execute();
    }

    public function testIsAPostGuardedByTheSyncResource(): void
    {
        self::assertSame('Forcebridge_Connector::sync', Row::ADMIN_RESOURCE);
        self::assertContains(HttpPostActionInterface::class, class_implements(Row::class));
    }

    public function testStartsAJobForTheChosenRecords(): void
    {
        $this->params = ['area' => 'carts', 'ids' => ['4', '5']];
        $syncRequest = $this->createMock(SyncRequest::class);
        $syncRequest->expects(self::once())->method('start')
            ->with(self::callback(fn (Area $area) => $area->name === 'carts'), ['4', '5'])
            ->willReturn([str_repeat('f', 32)]);
        $this->dispatch($syncRequest);
        self::assertSame(['status' => 202, 'data' => ['jobId' => str_repeat('f', 32)]], $this->json);
    }

    public function testRefusesARoleWithoutTheAreasResource(): void
    {
        $this->granted = ['Forcebridge_Connector::sync', 'Forcebridge_Connector::orders'];
        $this->params = ['area' => 'carts', 'ids' => ['4']];
        $this->dispatch();
        self::assertSame(403, $this->json['status']);
        self::assertStringContainsString('Forcebridge_Connector::abandoned_carts', $this->json['data']['error']);
    }

    public function testRefusesBadInputInWords(): void
    {
        $this->params = ['area' => 'wishlists', 'ids' => ['4']];
        $this->dispatch();
        self::assertSame([400, '"wishlists" is not a Forcebridge area: use carts, orders or customers.'], [$this->json['status'], $this->json['data']['error']]);
        $this->params = ['area' => 'orders', 'ids' => '4'];
        $this->dispatch();
        self::assertSame([400, 'Send the records to sync as ids[].'], [$this->json['status'], $this->json['data']['error']]);
        $this->params = ['area' => 'orders', 'ids' => range(1, 501)];
        $this->dispatch();
        self::assertSame(400, $this->json['status']);
        self::assertStringStartsWith('Choose at most 500 records here', $this->json['data']['error']);
    }

    public function testPassesOnTheSidecarsRefusalAndItsAbsence(): void
    {
        $this->params = ['area' => 'orders', 'ids' => ['4']];
        $syncRequest = $this->createMock(SyncRequest::class);
        $syncRequest->method('start')->willThrowException(new SidecarRefused(__('Your role lacks Salesforce > Orders.'), 403));
        $this->dispatch($syncRequest);
        self::assertSame(['status' => 403, 'data' => ['error' => 'Your role lacks Salesforce > Orders.']], $this->json);

        $syncRequest = $this->createMock(SyncRequest::class);
        $syncRequest->method('start')->willThrowException(new SidecarUnavailable('Connection refused'));
        $this->dispatch($syncRequest);
        self::assertSame(['status' => 503, 'data' => ['error' => "Forcebridge's sidecar did not answer (Connection refused); try again shortly."]], $this->json);
    }
}
