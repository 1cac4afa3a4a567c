<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Model;

use Forcebridge\Connector\Exception\BadRequest;
use Forcebridge\Connector\Model\Area;
use PHPUnit\Framework\TestCase;

final class AreaTest extends TestCase
{
    public function testDescribesEachAreaAsTheSidecarAndMagentoNameIt(): void
    {
        $carts = Area::named('carts');
        self::assertSame(['Forcebridge_Connector::abandoned_carts', 'quote', 'opportunity_id', 'Opportunity', 'quote', 'forcebridge_abandoned_cart_listing'], [$carts->resource, $carts->linkType, $carts->salesforceIdColumn, $carts->salesforceObject, $carts->entityTable, $carts->listing]);
        $orders = Area::named('orders');
        self::assertSame(['Forcebridge_Connector::orders', 'order', 'opportunity_id', 'Opportunity', 'sales_order', 'sales_order_grid'], [$orders->resource, $orders->linkType, $orders->salesforceIdColumn, $orders->salesforceObject, $orders->entityTable, $orders->listing]);
        $customers = Area::named('customers');
        self::assertSame(['Forcebridge_Connector::customers', 'customer', 'contact_id', 'Contact', 'customer_entity', 'customer_listing'], [$customers->resource, $customers->linkType, $customers->salesforceIdColumn, $customers->salesforceObject, $customers->entityTable, $customers->listing]);
        self::assertSame('sales_order_grid_data_source', $orders->dataSource());
        self::assertSame(['abandoned cart', 'abandoned carts'], [$carts->noun(1), $carts->noun(2)]);
    }

    public function testRefusesAnUnknownAreaInWords(): void
    {
        $this->expectException(BadRequest::class);
        $this->expectExceptionMessage('"quotes" is not a Forcebridge area: use carts, orders or customers.');
        Area::named('quotes');
    }

    public function testFindsTheAreaOfAGridAndNoneForOtherListings(): void
    {
        self::assertSame('customers', Area::forListing('customer_listing')?->name);
        self::assertNull(Area::forListing('product_listing'));
        self::assertSame('carts', Area::ofGrid('forcebridge_abandoned_cart_listing')->name);
        $this->expectException(\LogicException::class);
        Area::ofGrid('cms_page_listing');
    }
}
