// The cart expiry pass: abandoned-cart opportunities close by themselves. Change detection only
// sees carts that are still active, so a cart Magento deactivated without an order, deleted (its
// cron removes old quotes) or that just sat idle would stay an open opportunity forever. This pass
// walks the opportunities last written as carts (forcebridge_opportunity, phase 'cart', through its
// (phase, cart_updated_at) index), looks each cart up in quote by primary key and its orders
// through SALES_ORDER_QUOTE_ID, and queues the carts that are over; the sync writes them as
// Expired and moves them out of phase 'cart', so later passes no longer see them. No Magento table
// is scanned: the walk is over Forcebridge's own rows, one keyset page at a time.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import type { MagentoConfig } from '../magento/config.js';
import { databaseNow, shiftSeconds } from './db-time.js';
import { enqueue } from './queue.js';

export interface ExpirySummary {
  /** Cart opportunities looked at. */
  checked: number;
  /** Carts queued to be written as Expired. */
  queued: number;
}

/** Where the walk stands: the last row read, in (cart_updated_at, salesforce_key) order (NULLs first). */
interface Position {
  cartUpdatedAt: string | null;
  key: string;
}

const DAY_SECONDS = 86_400;

/** The keyset condition for the rows after `after` (none for the first page). */
function pastPosition(after: Position | null): { where: string; params: unknown[] } {
  if (!after) return { where: '', params: [] };
  if (after.cartUpdatedAt === null) {
    return { where: 'AND ((o.cart_updated_at IS NULL AND o.salesforce_key > ?) OR o.cart_updated_at IS NOT NULL)', params: [after.key] };
  }
  return {
    where: 'AND (o.cart_updated_at > ? OR (o.cart_updated_at = ? AND o.salesforce_key > ?))',
    params: [after.cartUpdatedAt, after.cartUpdatedAt, after.key],
  };
}

/** The later of two "YYYY-MM-DD HH:MM:SS" times, either of which may be missing. */
function later(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b;
  return a > b ? a : b;
}

export class CartExpiry {
  constructor(
    private readonly pool: DatabasePool,
    private readonly config: MagentoConfig,
    private readonly pageSize = 500,
  ) {}

  /**
   * Queues (automatic priority) the carts of stores with automatic cart sync on whose opportunity
   * is still a cart but whose quote is deleted, inactive without an order, or idle longer than the
   * store view's expire_after_days. Carts with an order, and carts already queued, are left alone.
   */
  async enqueueExpired(): Promise<ExpirySummary> {
    const summary: ExpirySummary = { checked: 0, queued: 0 };
    if (!(await this.anyStoreSyncsCarts())) return summary;
    const now = await databaseNow(this.pool);
    let after: Position | null = null;
    for (;;) {
      const page = pastPosition(after);
      const [rows] = await this.pool.query<mysql.RowDataPacket[]>(
        `SELECT o.salesforce_key, o.store_id, o.quote_id, o.cart_updated_at,
                q.entity_id IS NULL AS deleted, q.is_active, q.updated_at AS quote_updated_at,
                EXISTS (SELECT 1 FROM sales_order s WHERE s.quote_id = o.quote_id) AS ordered,
                EXISTS (SELECT 1 FROM forcebridge_queue fq WHERE fq.entity_type = 'quote' AND fq.entity_id = o.quote_id) AS queued
           FROM forcebridge_opportunity o
           LEFT JOIN quote q ON q.entity_id = o.quote_id
          WHERE o.phase = 'cart' ${page.where}
          ORDER BY o.cart_updated_at, o.salesforce_key
          LIMIT ?`,
        [...page.params, this.pageSize],
      );
      if (rows.length === 0) break;
      const expired: number[] = [];
      for (const row of rows) if (await this.isOver(row, now)) expired.push(Number(row.quote_id));
      await enqueue(this.pool, expired.map((entityId) => ({ entityType: 'quote' as const, entityId })), { manual: false });
      summary.checked += rows.length;
      summary.queued += expired.length;
      const last = rows[rows.length - 1]!;
      after = { cartUpdatedAt: last.cart_updated_at === null ? null : String(last.cart_updated_at), key: String(last.salesforce_key) };
      if (rows.length < this.pageSize) break;
    }
    return summary;
  }

  /** Whether a store view (or the default scope, for opportunities of deleted stores) syncs carts automatically. */
  private async anyStoreSyncsCarts(): Promise<boolean> {
    const storeIds = [null, ...(await this.config.storefrontStoreIds())];
    const configs = await Promise.all(storeIds.map((storeId) => this.config.forStore(storeId)));
    return configs.some((config) => config.abandonedCart.automaticSync);
  }

  /** Whether the row's cart is over (deleted, deactivated, or idle past its store's limit) and has no order. */
  private async isOver(row: mysql.RowDataPacket, now: string): Promise<boolean> {
    if (row.quote_id === null || Number(row.ordered) === 1 || Number(row.queued) === 1) return false;
    const { abandonedCart } = await this.config.forStore(row.store_id === null ? null : Number(row.store_id));
    if (!abandonedCart.automaticSync) return false;
    if (Number(row.deleted) === 1 || Number(row.is_active) === 0) return true;
    // Idle since the later of what was written and the quote's own updated_at: the mapping expires
    // a cart by the latter, so a cart touched since it was written is left to change detection.
    const lastSeen = later(row.cart_updated_at === null ? null : String(row.cart_updated_at), String(row.quote_updated_at));
    return lastSeen !== null && lastSeen <= shiftSeconds(now, -abandonedCart.expireAfterDays * DAY_SECONDS);
  }
}
