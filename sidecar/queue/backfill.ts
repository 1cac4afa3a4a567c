// `forcebridge backfill`: queues every customer, every abandoned cart and every order, walking each
// table by primary key in pages (keyset, never OFFSET), so memory stays flat on any store size.
// Before the walk it writes down where change detection stands at that moment, so that what
// changes during the walk or after it is found by the next automatic pass.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import type { MagentoConfig } from '../magento/config.js';
import type { QueuedEntityType } from '../magento/records.js';
import { withNamedLock } from '../sync/named-lock.js';
import { ChangeDetector, DETECTION_LOCK } from './change-detector.js';
import { databaseNow } from './db-time.js';
import { enqueue } from './queue.js';
import { addMissingWatermarks } from './watermarks.js';

const PAGE_SIZE = 5000;

/** Each source: the entity it queues and a page query taking (after id, page size). */
const SOURCES: { entityType: QueuedEntityType; sql: string }[] = [
  { entityType: 'customer', sql: 'SELECT entity_id FROM customer_entity WHERE entity_id > ? ORDER BY entity_id LIMIT ?' },
  {
    entityType: 'quote',
    // Carts that reached checkout and are still open; converted carts come through their orders.
    sql: `SELECT q.entity_id FROM quote q
            JOIN quote_address a ON a.quote_id = q.entity_id AND a.address_type = 'shipping' AND a.shipping_method IS NOT NULL
           WHERE q.entity_id > ? AND q.is_active = 1 AND q.items_count > 0
           ORDER BY q.entity_id LIMIT ?`,
  },
  { entityType: 'order', sql: 'SELECT entity_id FROM sales_order WHERE entity_id > ? ORDER BY entity_id LIMIT ?' },
];

type OnPage = (entityType: QueuedEntityType, total: number) => void;

/**
 * The backfill: every source the detector reads gets a position at the database time the backfill
 * began (sources that have one keep it), then every record is queued. Without those positions a
 * source would start "from now" at the first automatic pass and miss what changed in between.
 */
export async function backfill(pool: DatabasePool, config: MagentoConfig, onPage?: OnPage): Promise<Record<QueuedEntityType, number>> {
  const began = await databaseNow(pool);
  // Under the detection lock, so a detector's pass cannot overwrite these with a later position.
  await withNamedLock(pool, DETECTION_LOCK, async () => addMissingWatermarks(pool, await new ChangeDetector(pool, config).positionsAt(began)));
  return enqueueEverything(pool, onPage);
}

export async function enqueueEverything(pool: DatabasePool, onPage?: OnPage): Promise<Record<QueuedEntityType, number>> {
  const totals: Record<QueuedEntityType, number> = { customer: 0, quote: 0, order: 0 };
  for (const source of SOURCES) {
    for (let after = 0; ; ) {
      const [rows] = await pool.query<mysql.RowDataPacket[]>(source.sql, [after, PAGE_SIZE]);
      if (rows.length === 0) break;
      const ids = rows.map((row) => Number(row.entity_id));
      await enqueue(pool, ids.map((entityId) => ({ entityType: source.entityType, entityId })), { manual: false });
      totals[source.entityType] += ids.length;
      onPage?.(source.entityType, totals[source.entityType]);
      after = ids[ids.length - 1]!;
    }
  }
  return totals;
}
