<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Model\ResourceModel\AbandonedCart;

use Forcebridge\Connector\Model\ResourceModel\AbandonedCart\Collection;
use PHPUnit\Framework\TestCase;

final class CollectionTest extends TestCase
{
    public function testListsActiveCartsWithItemsAndAnEmailAddress(): void
    {
        $collection = new Collection(null, null, null, null, 'quote');
        $sql = (string) $collection->getSelect();
        self::assertStringContainsString("FROM `quote` AS `main_table`", $sql);
        self::assertStringContainsString("TRIM(CONCAT_WS(' ', main_table.customer_firstname, main_table.customer_lastname)) AS `customer_name`", $sql);
        self::assertStringContainsString('WHERE (main_table.is_active = 1) AND (main_table.items_count > 0) AND (main_table.customer_email IS NOT NULL)', $sql);
    }

    public function testFiltersByTheCustomersName(): void
    {
        $collection = new Collection(null, null, null, null, 'quote');
        $collection->addFieldToFilter('customer_name', ['like' => '%Ada%']);
        self::assertStringContainsString("(TRIM(CONCAT_WS(' ', main_table.customer_firstname, main_table.customer_lastname)) LIKE '%Ada%')", (string) $collection->getSelect());
    }
}
