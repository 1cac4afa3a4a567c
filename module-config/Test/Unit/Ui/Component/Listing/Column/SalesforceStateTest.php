<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Ui\Component\Listing\Column;

use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\RecordLinks;
use Forcebridge\Connector\Model\RecordStates;
use Forcebridge\Connector\Test\Unit\Support\ControllerTestCase;
use Forcebridge\Connector\Test\Unit\Support\UiContext;
use Forcebridge\Connector\Ui\Component\Listing\Column\SalesforceState;
use Magento\Framework\View\Element\UiComponentFactory;
use Magento\Framework\View\Element\UiComponent\DataProvider\CollectionFactory;

final class SalesforceStateTest extends ControllerTestCase
{
    use UiContext;

    private function column(string $listing): SalesforceState
    {
        $links = $this->createMock(RecordLinks::class);
        $links->method('url')->willReturnCallback(fn (Area $area, $id) => $id ? "https://org/lightning/r/{$area->salesforceObject}/$id/view" : null);
        $states = new RecordStates($this->createMock(CollectionFactory::class), $links);
        return new SalesforceState($this->listing($listing), $this->createMock(UiComponentFactory::class), $this->access(), $states, [], ['name' => 'forcebridge_salesforce_id', 'config' => ['label' => 'Salesforce ID']]);
    }

    public function testCompletesEveryRowWithItsLinkAndTheChangedFlagAsANumber(): void
    {
        $dataSource = ['data' => ['items' => [
            ['entity_id' => '1', 'forcebridge_sync_status' => 'synced', 'forcebridge_sync_changed' => '1', 'forcebridge_error' => null, 'forcebridge_salesforce_id' => '003AAA'],
            ['entity_id' => '2', 'forcebridge_sync_status' => null, 'forcebridge_sync_changed' => '0', 'forcebridge_error' => null, 'forcebridge_salesforce_id' => null],
        ]]];
        $items = $this->column('customer_listing')->prepareDataSource($dataSource)['data']['items'];
        self::assertSame([1, 'https://org/lightning/r/Contact/003AAA/view'], [$items[0]['forcebridge_sync_changed'], $items[0]['forcebridge_salesforce_url']]);
        self::assertSame([0, null], [$items[1]['forcebridge_sync_changed'], $items[1]['forcebridge_salesforce_url']]);
        self::assertSame('synced', $items[0]['forcebridge_sync_status']);
        self::assertSame(['data' => []], $this->column('sales_order_grid')->prepareDataSource(['data' => []]));
    }

    public function testIsLeftOutForARoleWithoutTheAreasResource(): void
    {
        $this->granted = ['Forcebridge_Connector::customers'];
        $shown = $this->column('customer_listing');
        $shown->prepare();
        self::assertArrayNotHasKey('componentDisabled', $shown->getData('config'));
        $hidden = $this->column('sales_order_grid');
        $hidden->prepare();
        self::assertTrue($hidden->getData('config')['componentDisabled']);
    }

    public function testRefusesToWorkInAGridForcebridgeDoesNotExtend(): void
    {
        $this->expectException(\LogicException::class);
        $this->column('product_listing')->prepare();
    }
}
