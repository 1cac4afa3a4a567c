// Rows whose updated_at is the zero date ('0000-00-00 00:00:00', left by some old imports) sort
// before every watermark, so change detection never finds them. `doctor` names them; this finds
// them in the tables change detection reads, through the same updated_at indexes (an index range
// on the zero date, never a table scan).
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import type { ScannedTable } from './updated-at-scan.js';

export type SyncAreaName = 'carts' | 'orders' | 'customers';

export interface UndatedRows {
  table: ScannedTable;
  /** The `--area` that syncs them. */
  area: SyncAreaName;
  count: number;
  /** A few ids to sync: the rows' own, or for invoices, shipments and credit memos their orders'. */
  ids: number[];
  idsAreOrders: boolean;
}

export const ZERO_DATE = '0000-00-00 00:00:00';
const SAMPLE_SIZE = 5;

interface UndatedSource {
  table: ScannedTable;
  area: SyncAreaName;
  /** The id the area syncs by. */
  idColumn: 'entity_id' | 'order_id';
  /** Only rows change detection would queue: for quote, active carts with items. */
  filter?: string;
}

const SOURCES: readonly UndatedSource[] = [
  { table: 'quote', area: 'carts', idColumn: 'entity_id', filter: 'is_active = 1 AND items_count > 0' },
  { table: 'sales_order', area: 'orders', idColumn: 'entity_id' },
  { table: 'sales_invoice', area: 'orders', idColumn: 'order_id' },
  { table: 'sales_shipment', area: 'orders', idColumn: 'order_id' },
  { table: 'sales_creditmemo', area: 'orders', idColumn: 'order_id' },
  { table: 'customer_entity', area: 'customers', idColumn: 'entity_id' },
];

/**
 * The statement per table counting its zero-dated rows and naming a few. quote's index leads with
 * store_id, so every store is named; customer_entity is searched only with its updated_at index
 * (Magento has none; without it the count would read the whole table).
 */
export function undatedRowsQueries(storeIds: readonly number[], customersIndexed: boolean): (Omit<UndatedRows, 'count' | 'ids'> & { sql: string; params: unknown[] })[] {
  return SOURCES.filter((source) => customersIndexed || source.table !== 'customer_entity').map((source) => {
    const byStore = source.table === 'quote';
    const conditions = [...(byStore ? ['store_id IN (?)'] : []), 'updated_at = ?', ...(source.filter ? [source.filter] : [])];
    return {
      table: source.table,
      area: source.area,
      idsAreOrders: source.idColumn === 'order_id',
      sql: `SELECT COUNT(*) AS count, GROUP_CONCAT(DISTINCT ${source.idColumn} ORDER BY ${source.idColumn} LIMIT ${SAMPLE_SIZE}) AS ids
              FROM ${source.table} WHERE ${conditions.join(' AND ')}`,
      params: [...(byStore ? [storeIds] : []), ZERO_DATE],
    };
  });
}

/** Every table searched that has zero-dated rows, with their count and a few ids. */
export async function findUndatedRows(pool: DatabasePool, customersIndexed: boolean): Promise<UndatedRows[]> {
  const [stores] = await pool.query<mysql.RowDataPacket[]>('SELECT store_id FROM store');
  const queries = undatedRowsQueries(stores.map((row) => Number(row.store_id)), customersIndexed);
  const found = await Promise.all(
    queries.map(async ({ sql, params, ...source }): Promise<UndatedRows> => {
      const [rows] = await pool.query<mysql.RowDataPacket[]>(sql, params);
      const ids = rows[0]?.ids ? String(rows[0].ids).split(',').map(Number) : [];
      return { ...source, count: Number(rows[0]?.count ?? 0), ids };
    }),
  );
  return found.filter((rows) => rows.count > 0);
}
