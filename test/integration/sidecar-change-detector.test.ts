import { expect } from 'chai';
import type mysql from 'mysql2/promise';
import { migrate } from '../../sidecar/db/migrations.js';
import { createDatabasePool, type DatabasePool } from '../../sidecar/db/pool.js';
import { MagentoConfig } from '../../sidecar/magento/config.js';
import { ChangeDetector, type DetectorOptions } from '../../sidecar/queue/change-detector.js';
import { databaseNow, shiftSeconds } from '../../sidecar/queue/db-time.js';
import { readCarts } from '../../sidecar/magento/carts.js';
import { readCustomers } from '../../sidecar/magento/customers.js';
import { readOrders } from '../../sidecar/magento/orders.js';
import type { QueuedEntityType } from '../../sidecar/magento/records.js';
import { backfill } from '../../sidecar/queue/backfill.js';
import { complete, lease, type LeasedEntry } from '../../sidecar/queue/queue.js';
import { readWatermarks, saveWatermark } from '../../sidecar/queue/watermarks.js';
import {
  insertCart, insertCustomer, invoiceOrder, placeOrder, refundOrder, saveShippingInformation, setConfigRow, setUpdatedAt, shipOrder,
} from '../support/magento-rows.js';
import { useTestDatabase } from '../support/test-database.js';

type Queued = [string, number, number];

describe('sidecar change detection', () => {
  const db = useTestDatabase();
  let pool: DatabasePool;
  let now: string;
  const ago = (minutes: number) => shiftSeconds(now, -minutes * 60);

  before(async () => {
    pool = createDatabasePool(db().url);
    await migrate(pool);
    now = await databaseNow(pool);
  });
  after(async () => {
    await pool.end();
  });
  beforeEach(async () => {
    for (const table of ['forcebridge_queue', 'forcebridge_watermark', 'forcebridge_link', 'sales_order', 'quote', 'customer_entity']) await pool.query(`DELETE FROM ${table}`);
    await pool.query("DELETE FROM core_config_data WHERE path LIKE 'forcebridge/%'");
    // Automatic sync is off by default; these tests are about what it picks up when it is on.
    for (const area of ['abandoned_cart', 'order', 'customer']) await setConfigRow(pool, 'default', 0, `forcebridge/${area}/automatic_sync`, '1');
  });

  /** The test pool, noting the text of every statement sent through it. */
  function recordingPool(sqls: string[]): DatabasePool {
    return new Proxy(pool, {
      get(target, property) {
        if (property === 'query') return (sql: string, values?: unknown) => (sqls.push(sql), target.query(sql, values as never));
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  const detector = (options: DetectorOptions = {}) => new ChangeDetector(pool, new MagentoConfig(pool, 0), { initialPosition: 'beginning', ...options });

  async function queued(): Promise<Queued[]> {
    const [rows] = await pool.query<mysql.RowDataPacket[]>('SELECT entity_type, entity_id, version FROM forcebridge_queue ORDER BY entity_type, entity_id');
    return rows.map((row) => [String(row.entity_type), Number(row.entity_id), Number(row.version)]);
  }

  async function syncEverything(): Promise<void> {
    // what the pipeline records: the version of each record it synced
    const entries = await lease(pool, { owner: 'test', limit: 1000, leaseSeconds: 60 });
    const versions = new Map<string, string>();
    for (const cart of (await readCarts(pool, idsOf(entries, 'quote'))).records) versions.set(`quote:${cart.quoteId}`, cart.updatedAt);
    for (const order of (await readOrders(pool, idsOf(entries, 'order'))).records) versions.set(`order:${order.entityId}`, order.lastChangedAt);
    for (const customer of (await readCustomers(pool, idsOf(entries, 'customer'))).records) versions.set(`customer:${customer.customerId}`, customer.updatedAt);
    for (const [key, version] of versions) {
      const [entityType, entityId] = key.split(':');
      await pool.query(
        `INSERT INTO forcebridge_link (entity_type, entity_id, salesforce_key, status, source_updated_at) VALUES (?, ?, 'k', 'synced', ?)
         ON DUPLICATE KEY UPDATE source_updated_at = VALUES(source_updated_at)`,
        [entityType, entityId, version.replace('T', ' ').replace('Z', '')],
      );
    }
    await complete(pool, 'test', entries);
  }

  function idsOf(entries: LeasedEntry[], entityType: QueuedEntityType): number[] {
    return entries.filter((entry) => entry.entityType === entityType).map((entry) => entry.entityId);
  }

  async function checkedOutCart(updatedAt: string, email = 'jane@example.com'): Promise<number> {
    const quoteId = await insertCart(pool);
    await saveShippingInformation(pool, quoteId, { email, firstname: 'Jane', lastname: 'Doe' });
    await setUpdatedAt(pool, 'quote', quoteId, updatedAt);
    return quoteId;
  }

  describe('abandoned carts', () => {
    it('queues active carts with an e-mail that reached checkout and sat idle long enough', async () => {
      await setConfigRow(pool, 'default', 0, 'forcebridge/abandoned_cart/idle_minutes', '30');
      const abandoned = await checkedOutCart(ago(120));
      const stillShopping = await checkedOutCart(ago(10));
      const noCheckout = await insertCart(pool);
      await setUpdatedAt(pool, 'quote', noCheckout, ago(120));
      const noEmail = await insertCart(pool);
      await pool.query("UPDATE quote_address SET shipping_method = 'flatrate_flatrate', country_id = 'US' WHERE quote_id = ?", [noEmail]);
      await setUpdatedAt(pool, 'quote', noEmail, ago(120));
      const ordered = await checkedOutCart(ago(120));
      await pool.query('UPDATE quote SET is_active = 0, updated_at = ? WHERE entity_id = ?', [ago(119), ordered]);
      const empty = await checkedOutCart(ago(120));
      await pool.query('UPDATE quote SET items_count = 0, updated_at = ? WHERE entity_id = ?', [ago(120), empty]);

      const summary = await detector().detect();
      expect(await queued()).to.deep.equal([['quote', abandoned, 1]]);
      expect(summary.queued.quote).to.equal(1);

      // once the idle threshold is shorter, the cart that was still being shopped counts too
      await setConfigRow(pool, 'default', 0, 'forcebridge/abandoned_cart/idle_minutes', '5');
      await detector().detect();
      expect(await queued()).to.deep.equal([['quote', abandoned, 1], ['quote', stillShopping, 1]]);
    });

    it('does not queue a cart twice, and queues it again when it changes after its sync', async () => {
      const cart = await checkedOutCart(ago(120));
      await detector().detect();
      await detector().detect();
      expect(await queued()).to.deep.equal([['quote', cart, 1]]);
      await syncEverything();
      await detector().detect();
      expect(await queued(), 'synced and unchanged').to.deep.equal([]);
      await pool.query('UPDATE quote_item SET qty = 3 WHERE quote_id = ?', [cart]);
      await pool.query('UPDATE quote SET items_qty = 3, updated_at = ? WHERE entity_id = ?', [ago(90), cart]);
      await detector().detect();
      expect(await queued()).to.deep.equal([['quote', cart, 1]]);
    });

    it('queues nothing for a store whose automatic sync is off, and does not catch up later', async () => {
      await setConfigRow(pool, 'stores', 1, 'forcebridge/abandoned_cart/automatic_sync', '0');
      await checkedOutCart(ago(120));
      await detector().detect();
      expect(await queued()).to.deep.equal([]);
      await setConfigRow(pool, 'stores', 1, 'forcebridge/abandoned_cart/automatic_sync', '1');
      await detector().detect();
      expect(await queued()).to.deep.equal([]);
    });
  });

  describe('orders', () => {
    async function order(updatedAt: string, increment: string): Promise<number> {
      const orderId = await placeOrder(pool, await insertCart(pool), increment);
      await setUpdatedAt(pool, 'sales_order', orderId, updatedAt);
      return orderId;
    }

    it('pages through rows sharing one timestamp without skipping or repeating any', async () => {
      const ids: number[] = [];
      for (let n = 0; n < 7; n++) ids.push(await order(ago(30), `1000${n}`));
      const summary = await detector({ pageSize: 3 }).detect();
      expect(await queued()).to.deep.equal(ids.map((id): Queued => ['order', id, 1]));
      expect(summary.queued.order).to.equal(7);
      const [watermark] = await pool.query<mysql.RowDataPacket[]>("SELECT last_updated_at, last_id FROM forcebridge_watermark WHERE source = 'sales_order'");
      expect([watermark[0]?.last_updated_at, Number(watermark[0]?.last_id)]).to.deep.equal([ago(30), ids[6]]);
      await syncEverything();
      await detector({ pageSize: 3 }).detect();
      expect(await queued()).to.deep.equal([]);
    });

    it('finds a row that committed late inside the overlap window, not one older than it', async () => {
      const first = await order(ago(10), '20001');
      await detector({ overlapSeconds: 120 }).detect();
      await syncEverything();
      const late = await order(ago(11), '20002');
      const tooLate = await order(ago(15), '20003');
      await detector({ overlapSeconds: 120 }).detect();
      expect(await queued()).to.deep.equal([['order', late, 1]]);
      expect([first, tooLate]).not.to.include(late);
    });

    it('does not re-check rows it handled when the overlap window reads them again, yet finds a late one', async () => {
      const first = await order(ago(10), '21001');
      await detector({ overlapSeconds: 120 }).detect();
      await syncEverything();
      const sqls: string[] = [];
      const recording = recordingPool(sqls);
      const watched = new ChangeDetector(recording, new MagentoConfig(pool, 0), { initialPosition: 'beginning', overlapSeconds: 120, overlapRereadSeconds: 0 });
      await watched.detect(); // learns the rows of the window, as the running service has
      sqls.length = 0;
      await watched.detect();
      expect(sqls.filter((sql) => /FROM sales_order WHERE entity_id IN|FROM forcebridge_queue|FROM forcebridge_link/.test(sql))).to.deep.equal([]);
      const late = await order(ago(11), '21002');
      await watched.detect();
      expect(await queued()).to.deep.equal([['order', late, 1]]);
      expect(late).to.not.equal(first);
    });

    it('between window re-reads reads only past the watermark, and the next re-read still finds a late row', async () => {
      const same = detector({ overlapSeconds: 120, overlapRereadSeconds: 1 });
      await order(ago(10), '22001');
      expect((await same.detect()).scanned).to.equal(1);
      await syncEverything();
      expect((await same.detect()).scanned).to.equal(0); // the window is not due: nothing read again
      const late = await order(ago(11), '22002');
      expect(await queued()).to.deep.equal([]);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await same.detect();
      expect(await queued()).to.deep.equal([['order', late, 1]]);
    });

    it('queues an order when it is invoiced, shipped or refunded', async () => {
      const orderId = await order(ago(60), '30001');
      await detector().detect();
      await syncEverything();
      const invoiceId = await invoiceOrder(pool, orderId, ago(50));
      await setUpdatedAt(pool, 'sales_order', orderId, ago(60)); // only the invoice row moved
      await detector().detect();
      expect(await queued()).to.deep.equal([['order', orderId, 1]]);
      await syncEverything();
      const shipmentId = await shipOrder(pool, orderId);
      await setUpdatedAt(pool, 'sales_order', orderId, ago(60));
      await setUpdatedAt(pool, 'sales_shipment', shipmentId, ago(40));
      await detector().detect();
      expect(await queued()).to.deep.equal([['order', orderId, 1]]);
      await syncEverything();
      const creditmemoId = await refundOrder(pool, orderId);
      await setUpdatedAt(pool, 'sales_order', orderId, ago(60));
      await setUpdatedAt(pool, 'sales_creditmemo', creditmemoId, ago(30));
      await detector().detect();
      expect(await queued()).to.deep.equal([['order', orderId, 1]]);
      expect(invoiceId).to.be.greaterThan(0);
    });

    it('leaves orders of stores with automatic sync off alone', async () => {
      await setConfigRow(pool, 'websites', 1, 'forcebridge/order/automatic_sync', '0');
      await order(ago(30), '40001');
      await detector().detect();
      expect(await queued()).to.deep.equal([]);
    });

    it('starts from now on a first run unless asked for everything', async () => {
      await order(ago(30), '50001');
      await new ChangeDetector(pool, new MagentoConfig(pool, 0)).detect();
      expect(await queued()).to.deep.equal([]);
      const later = await order(shiftSeconds(await databaseNow(pool), 0), '50002');
      await setUpdatedAt(pool, 'sales_order', later, shiftSeconds(now, 3600)); // stamped after the first pass
      await new ChangeDetector(pool, new MagentoConfig(pool, 0), { overlapSeconds: 0 }).detect();
      expect(await queued()).to.deep.equal([]); // stamped in the future: waits until its second has passed
    });
  });

  describe('customers', () => {
    it('queues new customers by id and changed ones by the sweep', async () => {
      const first = await insertCustomer(pool, { email: 'a@example.com', updatedAt: ago(300) });
      const second = await insertCustomer(pool, { email: 'b@example.com', updatedAt: ago(300) });
      await detector({ customerSweepIds: 1 }).detect();
      expect(await queued()).to.deep.equal([['customer', first, 1], ['customer', second, 1]]);
      await syncEverything();
      // the sweep goes on, one customer per pass, without queuing unchanged ones
      await detector({ customerSweepIds: 1 }).detect();
      await detector({ customerSweepIds: 1 }).detect();
      expect(await queued()).to.deep.equal([]);
      await pool.query("UPDATE customer_entity SET lastname = 'Jones', updated_at = UTC_TIMESTAMP() WHERE entity_id = ?", [first]);
      for (let pass = 0; pass < 3; pass++) await detector({ customerSweepIds: 1 }).detect();
      expect(await queued()).to.deep.equal([['customer', first, 1]]);
    });

    it('finds new and changed customers through the updated_at index the module adds, when it is there', async () => {
      await pool.query('ALTER TABLE customer_entity ADD INDEX CUSTOMER_ENTITY_UPDATED_AT (updated_at)');
      try {
        const first = await insertCustomer(pool, { email: 'e@example.com', updatedAt: ago(300) });
        const sqls: string[] = [];
        const recording = recordingPool(sqls);
        const indexed = new ChangeDetector(recording, new MagentoConfig(pool, 0), { initialPosition: 'beginning' });
        await indexed.detect();
        expect(await queued()).to.deep.equal([['customer', first, 1]]);
        await syncEverything();
        await pool.query("UPDATE customer_entity SET lastname = 'Jones', updated_at = ? WHERE entity_id = ?", [ago(1), first]);
        const second = await insertCustomer(pool, { email: 'f@example.com', updatedAt: ago(1) });
        await indexed.detect();
        expect(await queued()).to.deep.equal([['customer', first, 1], ['customer', second, 1]]);
        // no sweep: the primary key is never walked
        expect(sqls.filter((sql) => /FROM customer_entity WHERE entity_id >/.test(sql))).to.deep.equal([]);
        const [plan] = await pool.query<mysql.RowDataPacket[]>(
          `EXPLAIN SELECT entity_id, updated_at FROM customer_entity WHERE updated_at < UTC_TIMESTAMP() AND (updated_at > '${ago(5)}' OR (updated_at = '${ago(5)}' AND entity_id > 5)) ORDER BY updated_at, entity_id LIMIT 500`,
        );
        expect(plan[0]?.key).to.equal('CUSTOMER_ENTITY_UPDATED_AT');
      } finally {
        await pool.query('ALTER TABLE customer_entity DROP INDEX CUSTOMER_ENTITY_UPDATED_AT');
      }
    });

    it('follows the website switch for customers', async () => {
      await setConfigRow(pool, 'websites', 1, 'forcebridge/customer/automatic_sync', '0');
      await insertCustomer(pool, { email: 'c@example.com', storeId: 0 });
      await insertCustomer(pool, { email: 'd@example.com', storeId: 1 });
      await detector().detect();
      expect(await queued()).to.deep.equal([]);
    });
  });

  describe('one pass', () => {
    /** The test pool, noting how many statements were running at once at most. */
    function concurrencyPool(peak: { running: number; most: number }, failOn?: RegExp): DatabasePool {
      return new Proxy(pool, {
        get(target, property) {
          if (property === 'query') {
            return async (sql: string, values?: unknown) => {
              peak.running++;
              peak.most = Math.max(peak.most, peak.running);
              try {
                if (failOn?.test(sql)) throw new Error(`lost connection during: ${sql}`);
                return await target.query(sql, values as never);
              } finally {
                peak.running--;
              }
            };
          }
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
    }

    async function oneOfEach(): Promise<{ cart: number; orderId: number; customer: number }> {
      const cart = await checkedOutCart(ago(120));
      const orderId = await placeOrder(pool, await insertCart(pool), '60001');
      await setUpdatedAt(pool, 'sales_order', orderId, ago(50));
      const invoiceId = await invoiceOrder(pool, orderId, ago(50));
      expect(invoiceId).to.be.greaterThan(0);
      const customer = await insertCustomer(pool, { email: 'g@example.com', updatedAt: ago(300) });
      return { cart, orderId, customer };
    }

    it('scans every source side by side, counting and queueing what each found, an order found twice once', async () => {
      const { cart, orderId, customer } = await oneOfEach();
      const peak = { running: 0, most: 0 };
      const watched = concurrencyPool(peak);
      const summary = await new ChangeDetector(watched, new MagentoConfig(watched, 0), { initialPosition: 'beginning' }).detect();
      expect(peak.most, 'statements running at once').to.be.greaterThan(2);
      // the cart, the order, its invoice and the customer (the order's own cart is not idle yet)
      expect(summary).to.deep.equal({ scanned: 4, queued: { quote: 1, order: 1, customer: 1 } });
      expect(await queued()).to.deep.equal([['customer', customer, 1], ['order', orderId, 1], ['quote', cart, 1]]);
    });

    it('asks every source at once whether it has anything new, and scans only the ones that do', async () => {
      await pool.query('ALTER TABLE customer_entity ADD INDEX CUSTOMER_ENTITY_UPDATED_AT (updated_at)');
      try {
        const sqls: string[] = [];
        const recording = recordingPool(sqls);
        const same = new ChangeDetector(recording, new MagentoConfig(pool, 0));
        await same.detect(); // places the watermarks at now
        await same.detect(); // reads each source's overlap window once
        const scans = () => sqls.filter((sql) => /ORDER BY updated_at, entity_id/.test(sql)).map((sql) => /FROM (\w+)/.exec(sql)![1]);
        const probes = () => sqls.filter((sql) => /EXISTS/.test(sql));
        sqls.length = 0;
        expect(await same.detect()).to.deep.equal({ scanned: 0, queued: { quote: 0, order: 0, customer: 0 } });
        expect(scans(), 'nothing new: no source scanned').to.deep.equal([]);
        expect(probes()).to.have.length(1);
        // the store view's carts, the orders and their three kinds of documents, the customers
        expect(probes()[0]!.match(/EXISTS/g)).to.have.length(1 + 4 + 1);
        await new Promise((resolve) => setTimeout(resolve, 1100));
        const orderId = await placeOrder(pool, await insertCart(pool), '60002');
        await setUpdatedAt(pool, 'sales_order', orderId, shiftSeconds(await databaseNow(pool), -1));
        sqls.length = 0;
        expect((await same.detect()).queued.order).to.equal(1);
        expect(scans()).to.deep.equal(['sales_order']);
        expect(await queued()).to.deep.equal([['order', orderId, 1]]);
      } finally {
        await pool.query('ALTER TABLE customer_entity DROP INDEX CUSTOMER_ENTITY_UPDATED_AT');
      }
    });

    it('lets the other sources finish when one fails, then reports the failure', async () => {
      const { cart, orderId } = await oneOfEach();
      const peak = { running: 0, most: 0 };
      const failing = concurrencyPool(peak, /FROM sales_shipment/);
      const error = await new ChangeDetector(failing, new MagentoConfig(pool, 0), { initialPosition: 'beginning' }).detect().then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(String(error)).to.match(/lost connection during: SELECT entity_id, updated_at FROM sales_shipment/);
      expect(peak.running, 'nothing still running').to.equal(0);
      // The order may be queued by its own source and by its invoice's (twice when the clock's second
      // turns between them), so only what is queued counts here, then that nothing is queued again.
      const afterFailure = (await queued()).filter(([type]) => type !== 'customer');
      expect(afterFailure.map(([type, id]) => [type, id])).to.deep.equal([['order', orderId], ['quote', cart]]);
      // the failed source starts where it was next time; the others do not queue again
      await detector().detect();
      expect((await queued()).filter(([type]) => type !== 'customer')).to.deep.equal(afterFailure);
    });
  });

  describe('backfill, then automatic passes', () => {
    /** The test pool, running `stage` once just before the first statement that matches `when`. */
    function stagingPool(stages: [when: RegExp, stage: () => Promise<unknown>][]): DatabasePool {
      const pending = [...stages];
      return new Proxy(pool, {
        get(target, property) {
          if (property === 'query') {
            return async (sql: string, values?: unknown) => {
              const due = pending.findIndex(([when]) => when.test(sql));
              if (due >= 0) await pending.splice(due, 1)[0]![1]();
              return target.query(sql, values as never);
            };
          }
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
    }

    for (const customersIndexed of [false, true]) {
      it(`finds what changed during and after the backfill (customers ${customersIndexed ? 'through their updated_at index' : 'by id and sweep'})`, async () => {
        if (customersIndexed) await pool.query('ALTER TABLE customer_entity ADD INDEX CUSTOMER_ENTITY_UPDATED_AT (updated_at)');
        try {
          await setConfigRow(pool, 'default', 0, 'forcebridge/abandoned_cart/idle_minutes', '0');
          const customer = await insertCustomer(pool, { email: 'old@example.com', updatedAt: ago(300) });
          const cart = await checkedOutCart(ago(120));
          const orderId = await placeOrder(pool, await insertCart(pool), '70001');
          await setUpdatedAt(pool, 'sales_order', orderId, ago(60));
          let joined = 0;
          let checkedOut = 0;
          // during the walk: a customer signs up once customers are walked, a cart reaches
          // checkout once carts are
          const staged = stagingPool([
            [/FROM quote q/, async () => (joined = await insertCustomer(pool, { email: 'new@example.com' }))],
            [/FROM sales_order WHERE entity_id >/, async () => (checkedOut = await checkedOutCart(shiftSeconds(await databaseNow(pool), 0), 'late@example.com'))],
          ]);
          const walked = await backfill(staged, new MagentoConfig(pool, 0));
          expect(walked).to.deep.equal({ customer: 1, quote: 1, order: 1 });
          await syncEverything();

          // after it: each kind of record changes
          await pool.query("UPDATE customer_entity SET lastname = 'Later' WHERE entity_id = ?", [customer]);
          await pool.query('UPDATE quote SET items_qty = 5 WHERE entity_id = ?', [cart]);
          await invoiceOrder(pool, orderId);
          await new Promise((resolve) => setTimeout(resolve, 1100)); // rows of the current second wait for the next
          // the service's first pass, starting from the positions the backfill wrote, not from now
          await new ChangeDetector(pool, new MagentoConfig(pool, 0)).detect();
          expect((await queued()).map(([type, id]) => [type, id])).to.deep.equal([
            ['customer', customer],
            ['customer', joined],
            ['order', orderId], // by the order and by its invoice
            ['quote', cart],
            ['quote', checkedOut],
          ]);
        } finally {
          if (customersIndexed) await pool.query('ALTER TABLE customer_entity DROP INDEX CUSTOMER_ENTITY_UPDATED_AT');
        }
      });
    }

    it('writes a position at its start for every source the detector reads, and keeps those that have one', async () => {
      const kept = { source: 'sales_order', lastUpdatedAt: ago(600), lastId: 42, cycleStartedAt: null };
      await saveWatermark(pool, kept);
      const began = await databaseNow(pool);
      await backfill(pool, new MagentoConfig(pool, 0));
      const marks = await readWatermarks(pool);
      expect([...marks.keys()].sort()).to.deep.equal([
        'customer_entity:new', 'customer_entity:sweep', 'quote:store:1', 'sales_creditmemo', 'sales_invoice', 'sales_order', 'sales_shipment',
      ]);
      expect(marks.get('sales_order')).to.deep.equal(kept);
      // everything stamped at or after the start lies past it
      const invoices = marks.get('sales_invoice')!;
      expect(invoices.lastUpdatedAt! >= shiftSeconds(began, -1) && invoices.lastUpdatedAt! <= shiftSeconds(began, 1), invoices.lastUpdatedAt!).to.equal(true);
      expect(marks.get('customer_entity:sweep')).to.include({ lastId: 0 });
    });
  });

  it('reads changes through the updated_at indexes, never a full scan', async () => {
    // enough rows that the optimizer weighs the index against a scan, as in a real store
    await pool.query(
      `INSERT INTO quote (store_id, updated_at, is_active, items_count) SELECT 1, UTC_TIMESTAMP() - INTERVAL seq MINUTE, 1, 1 FROM seq_1_to_3000`,
    );
    await pool.query(`INSERT INTO sales_order (store_id, updated_at, state) SELECT 1, UTC_TIMESTAMP() - INTERVAL seq MINUTE, 'new' FROM seq_1_to_3000`);
    await pool.query('ANALYZE TABLE quote, sales_order');
    // a watermark half an hour back: the steady state of a sidecar polling every minute
    const mark = ago(30);
    const keyset = `updated_at < UTC_TIMESTAMP() AND (updated_at > '${mark}' OR (updated_at = '${mark}' AND entity_id > 5)) ORDER BY updated_at, entity_id LIMIT 500`;
    // [query, index, read from the index alone (no row lookups)]
    const plans: [string, string, boolean][] = [
      [`SELECT entity_id, updated_at FROM quote WHERE store_id = 1 AND ${keyset}`, 'QUOTE_STORE_ID_UPDATED_AT', true],
      [`SELECT entity_id, updated_at FROM sales_order WHERE ${keyset}`, 'SALES_ORDER_UPDATED_AT', true],
      [`SELECT entity_id, updated_at FROM sales_invoice WHERE ${keyset}`, 'SALES_INVOICE_UPDATED_AT', true],
      [`SELECT entity_id, updated_at FROM sales_shipment WHERE ${keyset}`, 'SALES_SHIPMENT_UPDATED_AT', true],
      [`SELECT entity_id, updated_at FROM sales_creditmemo WHERE ${keyset}`, 'SALES_CREDITMEMO_UPDATED_AT', true],
      ['SELECT entity_id, is_active, items_count FROM quote WHERE entity_id IN (5, 6, 7)', 'PRIMARY', false],
      ['SELECT entity_id, store_id, website_id, updated_at FROM customer_entity WHERE entity_id > 5 ORDER BY entity_id LIMIT 500', 'PRIMARY', false],
      ["SELECT entity_id, store_id, website_id, updated_at FROM customer_entity WHERE entity_id > 5 AND entity_id <= 1005 AND updated_at >= '2026-01-01 00:00:00'", 'PRIMARY', false],
    ];
    for (const [sql, key, indexOnly] of plans) {
      const [plan] = await pool.query<mysql.RowDataPacket[]>(`EXPLAIN ${sql}`);
      expect(plan[0]?.key, sql).to.equal(key);
      expect(plan[0]?.type, sql).to.equal('range');
      if (indexOnly) expect(String(plan[0]?.Extra), sql).to.match(/Using index(?! condition)/);
    }
    // the question a pass asks every source at once, whether anything lies past its watermark
    const keysetWhere = keyset.replace(/ ORDER BY .*/, '');
    const [probe] = await pool.query<mysql.RowDataPacket[]>(
      `EXPLAIN SELECT EXISTS (SELECT 1 FROM quote WHERE store_id = 1 AND ${keysetWhere}) AS source0, EXISTS (SELECT 1 FROM sales_order WHERE ${keysetWhere}) AS source1`,
    );
    const probed = probe.filter((row) => row.table !== null).map((row) => [row.table, row.key, row.type, /Using index(?! condition)/.test(String(row.Extra))]);
    expect(probed).to.have.deep.members([
      ['quote', 'QUOTE_STORE_ID_UPDATED_AT', 'range', true],
      ['sales_order', 'SALES_ORDER_UPDATED_AT', 'range', true],
    ]);
  });
});
