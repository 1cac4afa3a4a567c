<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Controller\Adminhtml\Sync;

use Forcebridge\Connector\Controller\Adminhtml\Sync\MassSync;
use Forcebridge\Connector\Exception\SidecarUnavailable;
use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\Sync\OutcomeMessages;
use Forcebridge\Connector\Model\Sync\SyncRequest;
use Forcebridge\Connector\Test\Unit\Support\ControllerTestCase;
use Magento\Framework\App\Action\HttpPostActionInterface;
use Magento\Framework\Data\Collection\AbstractDb;
use Magento\Framework\View\Element\UiComponent\DataProvider\CollectionFactory;
use Magento\Ui\Component\MassAction\Filter;

final class MassSyncTest extends ControllerTestCase
{
    /** @param string[] $ids what Magento's mass-action filter resolves the selection to */
    private function dispatch(array $ids, SyncRequest $syncRequest, OutcomeMessages $outcome, string $dataSource = 'sales_order_grid_data_source'): void
    {
        $gridCollection = $this->createMock(AbstractDb::class);
        $selected = $this->createMock(AbstractDb::class);
        $selected->method('getAllIds')->willReturn($ids);
        $reports = $this->createMock(CollectionFactory::class);
        $reports->method('getReport')->with($dataSource)->willReturn($gridCollection);
        $filter = $this->createMock(Filter::class);
        $filter->method('getCollection')->with($gridCollection)->willReturn($selected);
        (new MassSync($this->context(), $this->access(), $filter, $reports, $syncRequest, $outcome))->execute();
    }

    public function testSendsTheWholeSelectionAndReturnsToTheGrid(): void
    {
        self::assertSame('Forcebridge_Connector::sync', MassSync::ADMIN_RESOURCE);
        self::assertContains(HttpPostActionInterface::class, class_implements(MassSync::class));
        $this->params = ['area' => 'orders', 'namespace' => 'sales_order_grid', 'excluded' => 'false'];
        $ids = array_map('strval', range(1, 1234));
        $syncRequest = $this->createMock(SyncRequest::class);
        $syncRequest->expects(self::once())->method('start')->with(self::callback(fn (Area $area) => $area->name === 'orders'), $ids)->willReturn(['a', 'b', 'c']);
        $outcome = $this->createMock(OutcomeMessages::class);
        $outcome->expects(self::once())->method('report')->with(self::anything(), 1234, ['a', 'b', 'c']);
        $this->dispatch($ids, $syncRequest, $outcome);
        self::assertSame(['referer', null], $this->redirectedTo);
        self::assertSame([], $this->messages);
    }

    public function testUsesTheCustomerAndCartGrids(): void
    {
        $this->params = ['area' => 'customers', 'namespace' => 'customer_listing'];
        $syncRequest = $this->createMock(SyncRequest::class);
        $syncRequest->expects(self::once())->method('start')->willReturn(['a']);
        $this->dispatch(['3'], $syncRequest, $this->createMock(OutcomeMessages::class), 'customer_listing_data_source');
        $this->params = ['area' => 'carts', 'namespace' => 'forcebridge_abandoned_cart_listing'];
        $syncRequest = $this->createMock(SyncRequest::class);
        $syncRequest->expects(self::once())->method('start')->willReturn(['a']);
        $this->dispatch(['3'], $syncRequest, $this->createMock(OutcomeMessages::class), 'forcebridge_abandoned_cart_listing_data_source');
    }

    public function testRefusesASelectionFromAnotherGrid(): void
    {
        $this->params = ['area' => 'orders', 'namespace' => 'customer_listing'];
        $syncRequest = $this->createMock(SyncRequest::class);
        $syncRequest->expects(self::never())->method('start');
        $this->dispatch(['1'], $syncRequest, $this->createMock(OutcomeMessages::class));
        self::assertSame([['error', 'This selection does not come from the orders grid.']], $this->messages);
    }

    public function testShowsWhyNothingWasSent(): void
    {
        $this->granted = ['Forcebridge_Connector::sync'];
        $this->params = ['area' => 'orders', 'namespace' => 'sales_order_grid'];
        $this->dispatch(['1'], $this->createMock(SyncRequest::class), $this->createMock(OutcomeMessages::class));
        self::assertSame('error', $this->messages[0][0]);
        self::assertStringContainsString('Forcebridge_Connector::orders', $this->messages[0][1]);

        $this->messages = [];
        $this->granted = ['Magento_Backend::all'];
        $syncRequest = $this->createMock(SyncRequest::class);
        $syncRequest->method('start')->willThrowException(new SidecarUnavailable('Connection refused'));
        $this->dispatch(['1'], $syncRequest, $this->createMock(OutcomeMessages::class));
        self::assertSame([['error', "Forcebridge's sidecar did not answer (Connection refused); try again shortly."]], $this->messages);
        self::assertSame(['referer', null], $this->redirectedTo);
    }
}
