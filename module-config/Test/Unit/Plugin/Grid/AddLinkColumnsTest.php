<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Plugin\Grid;

use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\ResourceModel\Grid\LinkColumns;
use Forcebridge\Connector\Plugin\Grid\AddLinkColumns;
use Magento\Framework\Data\Collection\AbstractDb;
use Magento\Framework\View\Element\UiComponent\DataProvider\CollectionFactory;
use PHPUnit\Framework\TestCase;

final class AddLinkColumnsTest extends TestCase
{
    /** @return array<string, array{string, string|null}> */
    public static function dataSources(): array
    {
        return [
            'orders' => ['sales_order_grid_data_source', 'orders'],
            'customers' => ['customer_listing_data_source', 'customers'],
            'abandoned carts' => ['forcebridge_abandoned_cart_listing_data_source', 'carts'],
            'invoices' => ['sales_order_invoice_grid_data_source', null],
            'products' => ['product_listing_data_source', null],
        ];
    }

    /** @dataProvider dataSources */
    public function testAddsTheColumnsToTheThreeGridsOnly(string $dataSource, ?string $area): void
    {
        $collection = $this->createMock(AbstractDb::class);
        $linkColumns = $this->createMock(LinkColumns::class);
        if ($area === null) {
            $linkColumns->expects(self::never())->method('add');
        } else {
            $linkColumns->expects(self::once())->method('add')->with($collection, self::callback(fn (Area $given) => $given->name === $area));
        }
        $plugin = new AddLinkColumns($linkColumns);
        self::assertSame($collection, $plugin->afterGetReport($this->createMock(CollectionFactory::class), $collection, $dataSource));
    }
}
