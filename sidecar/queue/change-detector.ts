// One pass of automatic change detection: finds the Magento records that changed since the last
// pass and queues them (forcebridge_queue), for the areas whose "Automatic Synchronization" is on
// in the record's store. Manual requests do not come through here.
//   carts     quote, per store view through QUOTE_STORE_ID_UPDATED_AT, only once idle for the
//             store's idle_minutes; queued when active, with items, an e-mail and the shipping step done
//             (carts Magento deactivates or deletes are the cart expiry pass's: cart-expiry.ts)
//   orders    sales_order (SALES_ORDER_UPDATED_AT) and the invoices, shipments and credit memos
//             (their *_UPDATED_AT indexes), each of which queues its order
//   customers through CUSTOMER_ENTITY_UPDATED_AT, the index the Forcebridge_Connector module adds
//             (Magento has none on customer_entity.updated_at). Without it, new customers are found
//             by primary key (entity_id above the last one seen) and changed ones by a sweep over
//             the primary key, one window of ids per pass, the server returning only rows changed
//             since the previous sweep began
// A pass reads every source's position in one query, asks every source's index at once whether
// anything lies past it (updated-at-scan.ts), and scans the sources that have something side by
// side on separate connections: a poll with nothing to do costs a handful of statements, whatever
// the number of store views. Queueing stays one call at a time: two sources may find the same
// order, and concurrent inserts of overlapping rows could deadlock.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import { cartEmail, reachedCheckout } from '../magento/carts.js';
import { groupBy } from '../magento/columns.js';
import type { MagentoConfig, StoreConfig } from '../magento/config.js';
import type { QueuedEntityType } from '../magento/records.js';
import { databaseNow, shiftSeconds } from './db-time.js';
import { enqueue } from './queue.js';
import { HandledVersions, positionBefore, scanChangedRows, scansWithRows, type ScanLimits, type ScannedRow, type ScannedTable, type SourceScan } from './updated-at-scan.js';
import { readWatermarks, saveWatermark, type Watermark } from './watermarks.js';

export interface DetectorOptions {
  /** Seconds re-read before each watermark, for transactions that committed late. */
  overlapSeconds?: number;
  /** How often (seconds) that window is read again; passes in between read only past the watermark. */
  overlapRereadSeconds?: number;
  pageSize?: number;
  /** Rows read per source and pass at most; the rest waits for the next pass. */
  maxRowsPerSource?: number;
  /** Customer ids (a window of the primary key) the sweep for changed customers covers per pass. */
  customerSweepIds?: number;
  /** Where sources without a watermark start: with changes from now on (default), or everything. */
  initialPosition?: 'now' | 'beginning';
}

export interface DetectionSummary {
  /** Magento rows read. */
  scanned: number;
  /** Records queued (or re-queued), per entity type. */
  queued: Record<QueuedEntityType, number>;
}

interface Candidate {
  entityId: number;
  /** updated_at of the change that made it a candidate. */
  changedAt: string;
  /** Found again by an overlap window or the sweep: queue only if not queued or synced since. */
  recheck: boolean;
}

const ORDER_CHILD_TABLES: readonly ScannedTable[] = ['sales_invoice', 'sales_shipment', 'sales_creditmemo'];

/** Watermark names. Tables read through their updated_at index are named after the table. */
const cartSource = (storeId: number) => `quote:store:${storeId}`;
const NEW_CUSTOMERS = 'customer_entity:new';
const CUSTOMER_SWEEP = 'customer_entity:sweep';

/** The MySQL named lock held while watermarks move (two detectors at once could move one backwards). */
export const DETECTION_LOCK = 'forcebridge_detect';

const ordersOn = (config: StoreConfig) => config.order.automaticSync;

/** Waits for every one, so none outlives the pass; then the first failure, or the sum. */
async function allSummed(counts: Promise<number>[]): Promise<number> {
  let sum = 0;
  for (const outcome of await Promise.allSettled(counts)) {
    if (outcome.status === 'rejected') throw outcome.reason;
    sum += outcome.value;
  }
  return sum;
}

/**
 * Drops re-checked candidates that are queued already, or were synced from a version at least as
 * new as the change (forcebridge_link.source_updated_at), so the overlap never queues twice.
 */
async function withoutCurrent(pool: DatabasePool, entityType: QueuedEntityType, candidates: Candidate[]): Promise<Candidate[]> {
  const rechecked = candidates.filter((candidate) => candidate.recheck);
  if (rechecked.length === 0) return candidates;
  const ids = rechecked.map((candidate) => candidate.entityId);
  const [queued] = await pool.query<mysql.RowDataPacket[]>(
    'SELECT entity_id FROM forcebridge_queue WHERE entity_type = ? AND entity_id IN (?)',
    [entityType, ids],
  );
  const [links] = await pool.query<mysql.RowDataPacket[]>(
    'SELECT entity_id, source_updated_at FROM forcebridge_link WHERE entity_type = ? AND entity_id IN (?)',
    [entityType, ids.map(String)],
  );
  const inQueue = new Set(queued.map((row) => Number(row.entity_id)));
  const syncedVersion = new Map(links.map((row) => [Number(row.entity_id), row.source_updated_at === null ? null : String(row.source_updated_at)]));
  return candidates.filter((candidate) => {
    if (!candidate.recheck) return true;
    if (inQueue.has(candidate.entityId)) return false;
    const synced = syncedVersion.get(candidate.entityId);
    return synced === undefined || synced === null || synced < candidate.changedAt;
  });
}

/** Whether customer_entity has an index led by updated_at (Forcebridge_Connector's db_schema.xml adds one). */
export async function hasCustomerUpdatedAtIndex(pool: DatabasePool): Promise<boolean> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT 1 FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'customer_entity' AND COLUMN_NAME = 'updated_at' AND SEQ_IN_INDEX = 1 LIMIT 1`,
  );
  return rows.length > 0;
}

/** A sweep beginning its first cycle at `now`, counting changes since `since` (null: every customer). */
function sweepStart(now: string, since: string | null): Watermark {
  return { source: CUSTOMER_SWEEP, lastUpdatedAt: since, lastId: 0, cycleStartedAt: now };
}

/** One candidate per entity: the latest change, re-checked only if every change was. */
function mergeByEntity(candidates: Candidate[]): Candidate[] {
  const merged = new Map<number, Candidate>();
  for (const candidate of candidates) {
    const current = merged.get(candidate.entityId);
    merged.set(
      candidate.entityId,
      current
        ? { entityId: candidate.entityId, changedAt: current.changedAt > candidate.changedAt ? current.changedAt : candidate.changedAt, recheck: current.recheck && candidate.recheck }
        : candidate,
    );
  }
  return [...merged.values()];
}

export class ChangeDetector {
  private readonly options: Required<DetectorOptions>;
  private readonly handled: HandledVersions;
  private customerIndex?: Promise<boolean>;
  /** The queue writes of this pass, one after another. */
  private queueing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly pool: DatabasePool,
    private readonly config: MagentoConfig,
    options: DetectorOptions = {},
  ) {
    this.options = {
      // Re-read every 30 s, a 150 s window still finds a row that commits up to 2 minutes late.
      overlapSeconds: options.overlapSeconds ?? 150,
      overlapRereadSeconds: options.overlapRereadSeconds ?? 30,
      pageSize: options.pageSize ?? 500,
      maxRowsPerSource: options.maxRowsPerSource ?? 20_000,
      customerSweepIds: options.customerSweepIds ?? 1000,
      initialPosition: options.initialPosition ?? 'now',
    };
    this.handled = new HandledVersions(this.options.overlapRereadSeconds * 1000);
  }

  /** Runs one pass over every source. */
  async detect(): Promise<DetectionSummary> {
    const summary: DetectionSummary = { scanned: 0, queued: { quote: 0, order: 0, customer: 0 } };
    const [now, marks, storeIds, customersIndexed] = await Promise.all([
      databaseNow(this.pool),
      readWatermarks(this.pool),
      this.config.storefrontStoreIds(),
      this.customersHaveUpdatedAtIndex(),
    ]);
    const storeConfigs = await Promise.all(storeIds.map((storeId) => this.config.forStore(storeId)));
    // Nothing is started before this point, so a failure above leaves no work running.
    const scans: SourceScan[] = [];
    const otherWork: Promise<number>[] = [];
    for (const [index, storeId] of storeIds.entries()) {
      const { abandonedCart } = storeConfigs[index]!;
      const source = cartSource(storeId);
      // A cart counts once it has sat idle long enough, so only rows stamped before then are read.
      const before = shiftSeconds(now, -abandonedCart.idleMinutes * 60);
      if (abandonedCart.automaticSync) scans.push(this.cartScan(storeId, source, before, marks, summary));
      else otherWork.push(saveWatermark(this.pool, positionBefore(source, before)).then(() => 0));
    }
    scans.push(this.orderScan(now, marks, summary), ...ORDER_CHILD_TABLES.map((table) => this.orderDocumentScan(table, now, marks, summary)));
    if (customersIndexed) scans.push(this.customerScan(now, marks, summary));
    else otherWork.push(this.detectCustomersByKey(now, marks, summary));
    const scanning = scansWithRows(this.pool, scans, this.handled).then((due) => allSummed(due.map((scan) => scanChangedRows(this.pool, scan, this.handled))));
    summary.scanned = await allSummed([scanning, ...otherWork]);
    return summary;
  }

  /**
   * Every source's position as of `at` (database time), named as detect() names them: a pass
   * from there finds whatever changed at or after `at`. The backfill writes these as it starts.
   */
  async positionsAt(at: string): Promise<Watermark[]> {
    const [storeIds, customersIndexed] = await Promise.all([this.config.storefrontStoreIds(), this.customersHaveUpdatedAtIndex()]);
    const indexed = [...storeIds.map(cartSource), 'sales_order', ...ORDER_CHILD_TABLES, ...(customersIndexed ? ['customer_entity'] : [])];
    const positions = indexed.map((source) => positionBefore(source, at));
    return customersIndexed ? positions : [...positions, await this.newCustomersFromHere(), sweepStart(at, at)];
  }

  /** Customers without the updated_at index: new ones by id, changed ones by the primary-key sweep. */
  private async detectCustomersByKey(now: string, marks: Map<string, Watermark>, summary: DetectionSummary): Promise<number> {
    const { lastId, read } = await this.detectNewCustomers(marks, summary);
    return read + (await this.detectChangedCustomers(now, marks, lastId, summary));
  }

  /** Looked up once per detector, that is once in the service's life. */
  private customersHaveUpdatedAtIndex(): Promise<boolean> {
    this.customerIndex ??= hasCustomerUpdatedAtIndex(this.pool);
    return this.customerIndex;
  }

  /** New and changed customers alike, through the updated_at index. */
  private customerScan(now: string, marks: Map<string, Watermark>, summary: DetectionSummary): SourceScan {
    return {
      source: { name: 'customer_entity', table: 'customer_entity', columns: ['store_id', 'website_id'] },
      stored: marks.get('customer_entity'),
      limits: this.limits(now),
      handle: async (rows) => {
        const candidates: Candidate[] = [];
        for (const { id, updatedAt, seenBefore, row } of rows) {
          if (await this.customerSyncIsOn(row)) candidates.push({ entityId: id, changedAt: updatedAt, recheck: seenBefore });
        }
        await this.queue('customer', candidates, summary);
      },
    };
  }

  private limits(before: string): ScanLimits {
    return {
      before,
      overlapSeconds: this.options.overlapSeconds,
      pageSize: this.options.pageSize,
      maxRows: this.options.maxRowsPerSource,
      initialPosition: this.options.initialPosition,
    };
  }

  /** Queues the candidates once the queue writes before them are done. */
  private queue(entityType: QueuedEntityType, candidates: Candidate[], summary: DetectionSummary): Promise<void> {
    const write = this.queueing.then(async () => {
      const fresh = await withoutCurrent(this.pool, entityType, mergeByEntity(candidates));
      await enqueue(this.pool, fresh.map((candidate) => ({ entityType, entityId: candidate.entityId })), { manual: false });
      summary.queued[entityType] += fresh.length;
    });
    this.queueing = write.catch(() => undefined);
    return write;
  }

  private cartScan(storeId: number, source: string, before: string, marks: Map<string, Watermark>, summary: DetectionSummary): SourceScan {
    return {
      source: { name: source, table: 'quote', columns: ['is_active', 'items_count', 'is_virtual', 'customer_email'], leading: { column: 'store_id', value: storeId } },
      stored: marks.get(source),
      limits: this.limits(before),
      handle: async (rows) => this.queue('quote', await this.abandonedCarts(rows), summary),
    };
  }

  /** Active carts with items, an e-mail, and the shipping step done. */
  private async abandonedCarts(rows: ScannedRow[]): Promise<Candidate[]> {
    const active = rows.filter(({ row }) => Number(row.is_active) === 1 && Number(row.items_count) > 0);
    if (active.length === 0) return [];
    const [addresses] = await this.pool.query<mysql.RowDataPacket[]>(
      'SELECT quote_id, address_type, email, country_id, shipping_method FROM quote_address WHERE quote_id IN (?)',
      [active.map(({ id }) => id)],
    );
    const addressesByQuote = groupBy(addresses, 'quote_id');
    const addressOf = (quoteId: number, type: string) => addressesByQuote.get(quoteId)?.find((address) => address.address_type === type);
    return active
      .filter(({ id, row }) => {
        const billing = addressOf(id, 'billing');
        return cartEmail(row, billing) !== null && reachedCheckout(Number(row.is_virtual) === 1, addressOf(id, 'shipping'), billing);
      })
      .map(({ id, updatedAt, seenBefore }) => ({ entityId: id, changedAt: updatedAt, recheck: seenBefore }));
  }

  /** Keeps the rows whose store has automatic sync on for the area. */
  private async inAutomaticStores(rows: ScannedRow[], isOn: (config: StoreConfig) => boolean): Promise<ScannedRow[]> {
    const kept: ScannedRow[] = [];
    for (const scanned of rows) {
      const storeId = scanned.row.store_id === null ? null : Number(scanned.row.store_id);
      if (isOn(await this.config.forStore(storeId))) kept.push(scanned);
    }
    return kept;
  }

  private orderScan(now: string, marks: Map<string, Watermark>, summary: DetectionSummary): SourceScan {
    return {
      source: { name: 'sales_order', table: 'sales_order', columns: ['store_id'] },
      stored: marks.get('sales_order'),
      limits: this.limits(now),
      handle: async (rows) => {
        const kept = await this.inAutomaticStores(rows, ordersOn);
        await this.queue('order', kept.map(({ id, updatedAt, seenBefore }) => ({ entityId: id, changedAt: updatedAt, recheck: seenBefore })), summary);
      },
    };
  }

  /** Invoices, shipments and credit memos: each queues its order. */
  private orderDocumentScan(table: ScannedTable, now: string, marks: Map<string, Watermark>, summary: DetectionSummary): SourceScan {
    return {
      source: { name: table, table, columns: ['store_id', 'order_id'] },
      stored: marks.get(table),
      limits: this.limits(now),
      handle: async (rows) => {
        const kept = await this.inAutomaticStores(rows, ordersOn);
        await this.queue('order', kept.map(({ row, updatedAt, seenBefore }) => ({ entityId: Number(row.order_id), changedAt: updatedAt, recheck: seenBefore })), summary);
      },
    };
  }

  /** A customer's area switch: its store view's, or its website's for accounts made in the admin. */
  private async customerSyncIsOn(row: mysql.RowDataPacket): Promise<boolean> {
    const storeId = Number(row.store_id ?? 0);
    const config = storeId > 0 || row.website_id === null ? await this.config.forStore(storeId > 0 ? storeId : null) : await this.config.forWebsite(Number(row.website_id));
    return config.customer.automaticSync;
  }

  private async queueCustomers(rows: mysql.RowDataPacket[], recheck: boolean, summary: DetectionSummary): Promise<void> {
    const candidates: Candidate[] = [];
    for (const row of rows) {
      if (await this.customerSyncIsOn(row)) candidates.push({ entityId: Number(row.entity_id), changedAt: String(row.updated_at), recheck });
    }
    await this.queue('customer', candidates, summary);
  }

  /** The by-id position from which only customers created after now count as new. */
  private async newCustomersFromHere(): Promise<Watermark> {
    const [rows] = await this.pool.query<mysql.RowDataPacket[]>('SELECT COALESCE(MAX(entity_id), 0) AS last FROM customer_entity');
    return { source: NEW_CUSTOMERS, lastUpdatedAt: null, lastId: Number(rows[0]?.last), cycleStartedAt: null };
  }

  /** Customers created since the last pass: ids above the last one seen (primary key). Returns that id and the rows read. */
  private async detectNewCustomers(marks: Map<string, Watermark>, summary: DetectionSummary): Promise<{ lastId: number; read: number }> {
    const source = NEW_CUSTOMERS;
    const stored = marks.get(source);
    if (!stored && this.options.initialPosition === 'now') {
      const start = await this.newCustomersFromHere();
      await saveWatermark(this.pool, start);
      return { lastId: start.lastId, read: 0 };
    }
    let lastId = stored?.lastId ?? 0;
    let read = 0;
    while (read < this.options.maxRowsPerSource) {
      const limit = Math.min(this.options.pageSize, this.options.maxRowsPerSource - read);
      const [rows] = await this.pool.query<mysql.RowDataPacket[]>(
        'SELECT entity_id, store_id, website_id, updated_at FROM customer_entity WHERE entity_id > ? ORDER BY entity_id LIMIT ?',
        [lastId, limit],
      );
      if (rows.length === 0) break;
      await this.queueCustomers(rows, false, summary);
      read += rows.length;
      lastId = Number(rows[rows.length - 1]?.entity_id);
      await saveWatermark(this.pool, { source, lastUpdatedAt: null, lastId, cycleStartedAt: null });
      if (rows.length < limit) break;
    }
    return { lastId, read };
  }

  /**
   * Changed customers: one window of ids per pass, swept along the primary key. The server returns
   * only the rows updated since the previous sweep began (less the overlap), so an idle store
   * sends nothing back; those not synced since are queued. Past the last customer id known, the
   * sweep starts again from the first.
   */
  private async detectChangedCustomers(now: string, marks: Map<string, Watermark>, lastCustomerId: number, summary: DetectionSummary): Promise<number> {
    const source = CUSTOMER_SWEEP;
    const stored = marks.get(source) ?? sweepStart(now, this.options.initialPosition === 'now' ? now : null);
    const since = stored.lastUpdatedAt === null ? null : shiftSeconds(stored.lastUpdatedAt, -this.options.overlapSeconds);
    const upTo = stored.lastId + this.options.customerSweepIds;
    const [rows] = await this.pool.query<mysql.RowDataPacket[]>(
      `SELECT entity_id, store_id, website_id, updated_at FROM customer_entity WHERE entity_id > ? AND entity_id <= ?${since === null ? '' : ' AND updated_at >= ?'}`,
      since === null ? [stored.lastId, upTo] : [stored.lastId, upTo, since],
    );
    await this.queueCustomers(rows, true, summary);
    const cycleStartedAt = stored.cycleStartedAt ?? now;
    await saveWatermark(
      this.pool,
      upTo >= lastCustomerId
        ? { source, lastUpdatedAt: cycleStartedAt, lastId: 0, cycleStartedAt: now }
        : { source, lastUpdatedAt: stored.lastUpdatedAt, lastId: upTo, cycleStartedAt },
    );
    return rows.length;
  }
}
