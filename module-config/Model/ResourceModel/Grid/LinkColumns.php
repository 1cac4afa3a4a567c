<?php
// The Salesforce columns of an admin grid, joined from forcebridge_link into the grid's own
// collection so that they sort, filter and export like Magento's columns. Each row gets
// forcebridge_sync_status (synced, error, skipped, pending; null: never sent),
// forcebridge_sync_changed (1 when the record changed after its last sync), forcebridge_error and
// forcebridge_salesforce_id. The link rows come in as a derived table whose columns carry names no
// Magento table uses, so the grids' unqualified filters (store_id, status, entity_id) stay
// unambiguous; its entity_id is text, hence the CAST, which keeps the unique index usable.
declare(strict_types=1);

namespace Forcebridge\Connector\Model\ResourceModel\Grid;

use Forcebridge\Connector\Model\Area;
use Magento\Framework\App\ResourceConnection;
use Magento\Framework\Data\Collection\AbstractDb;

class LinkColumns
{
    public const STATUS = 'forcebridge_sync_status';
    public const CHANGED = 'forcebridge_sync_changed';
    public const ERROR = 'forcebridge_error';
    public const SALESFORCE_ID = 'forcebridge_salesforce_id';
    /** Filled by the grid column from the sidecar's link template, not by SQL. */
    public const SALESFORCE_URL = 'forcebridge_salesforce_url';

    /** Values of the "Salesforce Sync" filter. */
    public const FILTER_SYNCED = 'synced';
    public const FILTER_ERROR = 'error';
    public const FILTER_NOT_SYNCED = 'not_synced';
    public const FILTER_CHANGED = 'changed';

    private const ALIAS = 'forcebridge_state';

    public function __construct(private ResourceConnection $resource)
    {
    }

    public function add(AbstractDb $collection, Area $area): void
    {
        $connection = $collection->getConnection();
        $links = sprintf(
            '(SELECT entity_id AS link_entity_id, status AS link_status, error_message AS link_error,'
            . ' %s AS link_salesforce_id, source_updated_at AS link_synced_version FROM %s WHERE entity_type = %s)',
            $connection->quoteIdentifier($area->salesforceIdColumn),
            $connection->quoteIdentifier($this->resource->getTableName('forcebridge_link')),
            $connection->quote($area->linkType)
        );
        $changed = sprintf(
            '(%1$s.link_synced_version IS NOT NULL AND (SELECT changed_source.updated_at FROM %2$s AS changed_source'
            . ' WHERE changed_source.entity_id = main_table.entity_id) > %1$s.link_synced_version)',
            self::ALIAS,
            $connection->quoteIdentifier($this->resource->getTableName($area->entityTable))
        );
        $status = self::ALIAS . '.link_status';
        $fields = [
            self::STATUS => new \Zend_Db_Expr($status),
            self::CHANGED => new \Zend_Db_Expr("IF($changed, 1, 0)"),
            self::ERROR => new \Zend_Db_Expr(self::ALIAS . '.link_error'),
            self::SALESFORCE_ID => new \Zend_Db_Expr(self::ALIAS . '.link_salesforce_id'),
        ];
        $collection->getSelect()->joinLeft(
            [self::ALIAS => new \Zend_Db_Expr($links)],
            self::ALIAS . '.link_entity_id = CAST(main_table.entity_id AS CHAR)',
            $fields
        );

        // Filtering and sorting go through the collection's field map. "Salesforce Sync" filters
        // by what the admin sees rather than the raw status.
        $filters = [self::STATUS => new \Zend_Db_Expr(sprintf(
            "(CASE WHEN %1\$s = 'error' THEN '%2\$s' WHEN %1\$s = 'synced' AND %3\$s THEN '%4\$s'"
            . " WHEN %1\$s = 'synced' THEN '%5\$s' ELSE '%6\$s' END)",
            $status,
            self::FILTER_ERROR,
            $changed,
            self::FILTER_CHANGED,
            self::FILTER_SYNCED,
            self::FILTER_NOT_SYNCED
        ))] + $fields;
        foreach ($filters as $field => $expression) {
            $collection->addFilterToMap($field, $expression);
            // Magento's customer grid collection prefixes every unqualified filter field with
            // "main_table." before it reads the map (Customer\Model\ResourceModel\Grid\Collection).
            $collection->addFilterToMap('main_table.' . $field, $expression);
        }
    }
}
