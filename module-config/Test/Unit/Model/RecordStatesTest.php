<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Model;

use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\RecordLinks;
use Forcebridge\Connector\Model\RecordStates;
use Magento\Framework\Data\Collection\AbstractDb;
use Magento\Framework\View\Element\UiComponent\DataProvider\CollectionFactory;
use PHPUnit\Framework\TestCase;

final class RecordStatesTest extends TestCase
{
    public function testReadsRecordsThroughTheAreasGridCollection(): void
    {
        $collection = $this->createMock(AbstractDb::class);
        $collection->expects(self::once())->method('addFieldToFilter')->with('customer_id', ['eq' => 42]);
        $collection->expects(self::once())->method('setOrder')->with('entity_id', 'DESC');
        $collection->expects(self::once())->method('setPageSize')->with(20);
        $collection->method('getData')->willReturn([
            ['entity_id' => '9', 'forcebridge_sync_status' => 'synced', 'forcebridge_sync_changed' => '0', 'forcebridge_salesforce_id' => '006A'],
            ['entity_id' => '8', 'forcebridge_sync_status' => null, 'forcebridge_sync_changed' => '0', 'forcebridge_salesforce_id' => null],
        ]);
        $reports = $this->createMock(CollectionFactory::class);
        $reports->expects(self::once())->method('getReport')->with('forcebridge_abandoned_cart_listing_data_source')->willReturn($collection);
        $links = $this->createMock(RecordLinks::class);
        $links->method('url')->willReturnCallback(fn (Area $area, $id) => $id === null ? null : "https://org/{$area->salesforceObject}/$id");

        $rows = (new RecordStates($reports, $links))->rows(Area::named('carts'), 'customer_id', 42, 20);
        self::assertSame([0, 'https://org/Opportunity/006A'], [$rows[0]['forcebridge_sync_changed'], $rows[0]['forcebridge_salesforce_url']]);
        self::assertSame([0, null], [$rows[1]['forcebridge_sync_changed'], $rows[1]['forcebridge_salesforce_url']]);
    }

    public function testGivesTheChangedFlagAsANumber(): void
    {
        $states = new RecordStates($this->createMock(CollectionFactory::class), $this->createMock(RecordLinks::class));
        self::assertSame(1, $states->complete(Area::named('orders'), ['forcebridge_sync_changed' => '1'])['forcebridge_sync_changed']);
        self::assertSame(0, $states->complete(Area::named('orders'), [])['forcebridge_sync_changed']);
    }
}
