<?php
// The grid join as SQL text (assembled by the stand-in select); module-config-grid-sql.test.ts runs
// the same SQL against MariaDB with link rows in every state.
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Model\ResourceModel\Grid;

use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\ResourceModel\Grid\LinkColumns;
use Forcebridge\Connector\Test\Unit\Support\GridQueries;
use Magento\Framework\App\ResourceConnection;
use PHPUnit\Framework\TestCase;

final class LinkColumnsTest extends TestCase
{
    public function testJoinsTheAreasLinkRowsByTheTextOfTheEntityId(): void
    {
        $sql = (string) (new GridQueries())->collection(Area::named('orders'))->getSelect();
        self::assertStringContainsString(
            'LEFT JOIN (SELECT entity_id AS link_entity_id, status AS link_status, error_message AS link_error, `opportunity_id` AS link_salesforce_id,'
            . " source_updated_at AS link_synced_version FROM `forcebridge_link` WHERE entity_type = 'order') AS `forcebridge_state`"
            . ' ON forcebridge_state.link_entity_id = CAST(main_table.entity_id AS CHAR)',
            $sql
        );
        foreach (['forcebridge_sync_status', 'forcebridge_sync_changed', 'forcebridge_error', 'forcebridge_salesforce_id'] as $field) {
            self::assertStringContainsString(" AS `$field`", $sql);
        }
        self::assertStringContainsString('FROM `sales_order` AS changed_source WHERE changed_source.entity_id = main_table.entity_id', $sql);
    }

    public function testUsesTheContactForCustomersAndTheTablePrefix(): void
    {
        $resource = $this->createMock(ResourceConnection::class);
        $resource->method('getTableName')->willReturnCallback(fn ($table) => 'mg_' . $table);
        $sql = (string) (new GridQueries($resource))->collection(Area::named('customers'))->getSelect();
        self::assertStringContainsString("`contact_id` AS link_salesforce_id, source_updated_at AS link_synced_version FROM `mg_forcebridge_link` WHERE entity_type = 'customer'", $sql);
        self::assertStringContainsString('FROM `mg_customer_entity` AS changed_source', $sql);
        self::assertStringContainsString('FROM `mg_customer_grid_flat` AS `main_table`', $sql);
    }

    public function testFiltersBySyncStateOnEveryGridIncludingTheCustomerGridsPrefixedFields(): void
    {
        foreach ((new GridQueries())->all() as $area => $queries) {
            self::assertMatchesRegularExpression("/WHERE .*\\(\\(CASE WHEN forcebridge_state\\.link_status = 'error' THEN 'error' .* END\\) = 'changed'\\)/", $queries['filters']['changed'], $area);
            self::assertMatchesRegularExpression('/ORDER BY \(CASE .* END\) ASC, .*entity_id.* ASC/', $queries['sorted'], $area);
        }
    }

    public function testMapsEveryRowFieldForFilteringAndSorting(): void
    {
        $collection = (new GridQueries())->collection(Area::named('carts'));
        $collection->addFieldToFilter(LinkColumns::SALESFORCE_ID, ['like' => '006%']);
        $collection->addFieldToFilter(LinkColumns::CHANGED, ['eq' => 1]);
        $sql = (string) $collection->getSelect();
        self::assertStringContainsString("(forcebridge_state.link_salesforce_id LIKE '006%')", $sql);
        self::assertMatchesRegularExpression('/\(IF\(.*, 1, 0\) = 1\)/', $sql);
    }
}
