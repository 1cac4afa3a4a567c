<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\ViewModel;

use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\RecordStates;
use Forcebridge\Connector\ViewModel\OrderSalesforce;
use Forcebridge\Connector\ViewModel\SyncButton;
use Magento\Framework\App\RequestInterface;
use PHPUnit\Framework\TestCase;

final class OrderSalesforceTest extends TestCase
{
    private function viewModel(mixed $orderId, RecordStates $states, SyncButton $button): OrderSalesforce
    {
        $request = $this->createMock(RequestInterface::class);
        $request->method('getParam')->willReturnCallback(fn ($key) => $key === 'order_id' ? $orderId : null);
        return new OrderSalesforce($request, $states, $button);
    }

    public function testReadsTheOrdersGridRowAndOffersTheButton(): void
    {
        $states = $this->createMock(RecordStates::class);
        $states->expects(self::once())->method('rows')->with(self::callback(fn (Area $area) => $area->name === 'orders'), 'entity_id', 31, 1)
            ->willReturn([['entity_id' => '31', 'forcebridge_sync_status' => 'synced']]);
        $button = $this->createMock(SyncButton::class);
        $button->method('mageInit')->with(self::anything(), [31])->willReturn(['Forcebridge_Connector/js/sync-button' => []]);
        $viewModel = $this->viewModel('31', $states, $button);
        self::assertSame(['entity_id' => '31', 'forcebridge_sync_status' => 'synced'], $viewModel->state());
        self::assertSame(['Forcebridge_Connector/js/sync-button' => []], $viewModel->syncButton());
    }

    public function testShowsNothingWithoutAnOrder(): void
    {
        $states = $this->createMock(RecordStates::class);
        $states->expects(self::never())->method('rows');
        $viewModel = $this->viewModel(null, $states, $this->createMock(SyncButton::class));
        self::assertNull($viewModel->state());
        self::assertNull($viewModel->syncButton());
    }
}
