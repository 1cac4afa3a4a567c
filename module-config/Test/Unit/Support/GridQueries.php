<?php
// The SQL of each Forcebridge grid as the stand-in select assembles it: the grid's own table with
// the Salesforce columns joined (LinkColumns), then each "Salesforce Sync" filter and a sort. The
// unit test reads it; test/integration/module-config-grid-sql.test.ts runs it against MariaDB.
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Support;

use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\ResourceModel\AbandonedCart\Collection as CartCollection;
use Forcebridge\Connector\Model\ResourceModel\Grid\LinkColumns;
use Magento\Framework\App\ResourceConnection;
use Magento\Framework\Data\Collection\AbstractDb;
use Magento\Framework\View\Element\UiComponent\DataProvider\SearchResult;

final class GridQueries
{
    public function __construct(private ResourceConnection $resource = new ResourceConnection())
    {
    }

    /** The grid's collection as Magento builds it, with the Salesforce columns added. */
    public function collection(Area $area): AbstractDb
    {
        $collection = match ($area->name) {
            'orders' => new SearchResult(null, null, null, null, $this->resource->getTableName('sales_order_grid')),
            'customers' => new CustomerGridCollection(null, null, null, null, $this->resource->getTableName('customer_grid_flat')),
            'carts' => new CartCollection(null, null, null, null, $this->resource->getTableName('quote')),
        };
        (new LinkColumns($this->resource))->add($collection, $area);
        return $collection;
    }

    /** @return array<string, array{all: string, filters: array<string, string>, sorted: string}> */
    public function all(): array
    {
        $queries = [];
        foreach (['carts', 'orders', 'customers'] as $name) {
            $area = Area::named($name);
            $filters = [];
            foreach ([LinkColumns::FILTER_SYNCED, LinkColumns::FILTER_ERROR, LinkColumns::FILTER_NOT_SYNCED, LinkColumns::FILTER_CHANGED] as $value) {
                $filters[$value] = (string) $this->collection($area)->addFieldToFilter(LinkColumns::STATUS, ['eq' => $value])->getSelect();
            }
            $queries[$name] = [
                'all' => (string) $this->collection($area)->getSelect(),
                'filters' => $filters,
                'sorted' => (string) $this->collection($area)->setOrder(LinkColumns::STATUS, 'ASC')->setOrder('entity_id', 'ASC')->getSelect(),
            ];
        }
        return $queries;
    }
}
