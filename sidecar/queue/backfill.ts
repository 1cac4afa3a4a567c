// `forcebridge backfill`: queues every customer, every abandoned cart and every order, walking each
// table by primary key in pages (keyset, never OFFSET), so memory stays flat on any store size.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import type { QueuedEntityType } from '../magento/records.js';
import { enqueue } from './queue.js';

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

export async function enqueueEverything(pool: DatabasePool, onPage?: (entityType: QueuedEntityType, total: number) => void): Promise<Record<QueuedEntityType, number>> {
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
