// The cart expiry pass: which cart opportunities it queues to be closed as Expired, and that it
// gets there through indexes only.
import { expect } from 'chai';
import mysql from 'mysql2/promise';
import { migrate } from '../../sidecar/db/migrations.js';
import { createDatabasePool, type DatabasePool } from '../../sidecar/db/pool.js';
import { MagentoConfig } from '../../sidecar/magento/config.js';
import { CartExpiry } from '../../sidecar/queue/cart-expiry.js';
import { databaseNow, shiftSeconds } from '../../sidecar/queue/db-time.js';
import { enqueue, lease } from '../../sidecar/queue/queue.js';
import { insertCart, insertStoreView, placeOrder, setConfigRow, setUpdatedAt } from '../support/magento-rows.js';
import { useTestDatabase } from '../support/test-database.js';

describe('sidecar cart expiry', () => {
  const db = useTestDatabase();
  let pool: DatabasePool;
  let now: string;
  const daysAgo = (days: number) => shiftSeconds(now, -days * 86_400);

  before(async () => {
    pool = createDatabasePool(db().url);
    await migrate(pool);
    await insertStoreView(pool, { websiteId: 1, groupId: 1, storeId: 2 });
  });
  after(async () => {
    await pool.end();
  });
  beforeEach(async () => {
    for (const table of ['forcebridge_queue', 'forcebridge_opportunity', 'sales_order', 'quote']) await pool.query(`DELETE FROM ${table}`);
    await pool.query("DELETE FROM core_config_data WHERE path LIKE 'forcebridge/%'");
    await setConfigRow(pool, 'default', 0, 'forcebridge/abandoned_cart/automatic_sync', '1');
    now = await databaseNow(pool);
  });

  const expiry = (pageSize?: number, on: DatabasePool = pool) => new CartExpiry(on, new MagentoConfig(pool, 0), pageSize);

  /** A cart last saved `days` ago, and its opportunity as the sync records it. */
  async function cart(days: number, opportunity: { phase?: string | null; writtenDaysAgo?: number | null; storeId?: number } = {}): Promise<number> {
    const storeId = opportunity.storeId ?? 1;
    const quoteId = await insertCart(pool, { storeId });
    await setUpdatedAt(pool, 'quote', quoteId, daysAgo(days));
    const written = opportunity.writtenDaysAgo === undefined ? daysAgo(days) : opportunity.writtenDaysAgo === null ? null : daysAgo(opportunity.writtenDaysAgo);
    await pool.query(
      `INSERT INTO forcebridge_opportunity (salesforce_key, store_id, quote_id, phase, created_on, cart_updated_at)
       VALUES (?, ?, ?, ?, UTC_DATE(), ?)`,
      [`test:quote:${quoteId}`, storeId, quoteId, opportunity.phase === undefined ? 'cart' : opportunity.phase, written],
    );
    return quoteId;
  }

  async function queuedQuotes(): Promise<[number, number][]> {
    const [rows] = await pool.query<mysql.RowDataPacket[]>("SELECT entity_id, version FROM forcebridge_queue WHERE entity_type = 'quote' ORDER BY entity_id");
    return rows.map((row) => [Number(row.entity_id), Number(row.version)]);
  }

  const deactivate = (quoteId: number) => pool.query('UPDATE quote SET is_active = 0 WHERE entity_id = ?', [quoteId]);
  const remove = (quoteId: number) => pool.query('DELETE FROM quote WHERE entity_id = ?', [quoteId]);

  it('queues carts deleted, deactivated without an order, or idle past expire_after_days; nothing else', async () => {
    const deleted = await cart(2);
    await remove(deleted);
    const inactive = await cart(2);
    await deactivate(inactive);
    const idle = await cart(31); // the default is 30 days
    await cart(29); // recent enough
    const ordered = await cart(2);
    await placeOrder(pool, ordered, '100001'); // deactivates the quote, as Magento does
    const orderedThenDeleted = await cart(40);
    await placeOrder(pool, orderedThenDeleted, '100002');
    await remove(orderedThenDeleted);
    await cart(1, { writtenDaysAgo: 31 }); // touched since it was written: change detection's, not ours
    const open = await cart(40, { phase: 'open' });
    await remove(open);
    const expired = await cart(40, { phase: 'expired' });
    await deactivate(expired);
    const neverWritten = await cart(40, { phase: null });
    await deactivate(neverWritten);

    const summary = await expiry().enqueueExpired();
    expect(await queuedQuotes()).to.deep.equal([[deleted, 1], [inactive, 1], [idle, 1]]);
    // every cart opportunity was looked at, no other
    expect(summary).to.deep.equal({ checked: 7, queued: 3 });
    // the queue hands out the deleted cart like any other: the sync decides what becomes of it
    const leased = await lease(pool, { owner: 'test', limit: 10, leaseSeconds: 60 });
    expect(leased.map((entry) => [entry.entityType, entry.entityId, entry.manual])).to.have.deep.members([
      ['quote', deleted, false],
      ['quote', inactive, false],
      ['quote', idle, false],
    ]);
  });

  it("follows the store view's expire_after_days and its automatic sync switch", async () => {
    await setConfigRow(pool, 'stores', 1, 'forcebridge/abandoned_cart/expire_after_days', '3');
    const shortLived = await cart(4);
    await cart(4, { storeId: 2 }); // store 2 keeps the default 30 days
    const secondStoreGone = await cart(4, { storeId: 2 });
    await remove(secondStoreGone);
    await expiry().enqueueExpired();
    expect(await queuedQuotes()).to.deep.equal([[shortLived, 1], [secondStoreGone, 1]]);

    await pool.query('DELETE FROM forcebridge_queue');
    await setConfigRow(pool, 'stores', 1, 'forcebridge/abandoned_cart/automatic_sync', '0');
    await expiry().enqueueExpired();
    expect(await queuedQuotes(), 'store 1 no longer syncs carts').to.deep.equal([[secondStoreGone, 1]]);

    await pool.query('DELETE FROM forcebridge_queue');
    await setConfigRow(pool, 'default', 0, 'forcebridge/abandoned_cart/automatic_sync', '0');
    const statements: string[] = [];
    await expiry(500, recording(statements)).enqueueExpired();
    expect(await queuedQuotes()).to.deep.equal([]);
    expect(statements.filter((sql) => /forcebridge_opportunity/.test(sql)), 'no store syncs carts: nothing walked').to.deep.equal([]);
  });

  it('does not queue a cart again once queued, nor once its opportunity left phase cart', async () => {
    const inactive = await cart(2);
    await deactivate(inactive);
    await enqueue(pool, [{ entityType: 'quote', entityId: inactive }], { manual: false });
    await expiry().enqueueExpired();
    expect(await queuedQuotes(), 'already queued: left as it is').to.deep.equal([[inactive, 1]]);
    // the sync wrote it as Expired
    await pool.query('DELETE FROM forcebridge_queue');
    await pool.query("UPDATE forcebridge_opportunity SET phase = 'expired', closed_on = UTC_DATE() WHERE quote_id = ?", [inactive]);
    expect(await expiry().enqueueExpired()).to.deep.equal({ checked: 0, queued: 0 });
    expect(await queuedQuotes()).to.deep.equal([]);
  });

  it('walks every cart opportunity across pages, those never stamped and those sharing a stamp included', async () => {
    const over: number[] = [];
    for (let n = 0; n < 3; n++) over.push(await cart(40, { writtenDaysAgo: null }));
    for (let n = 0; n < 4; n++) over.push(await cart(40, { writtenDaysAgo: 40 }));
    for (let n = 0; n < 3; n++) await cart(1);
    const summary = await expiry(2).enqueueExpired();
    expect(summary).to.deep.equal({ checked: 10, queued: 7 });
    expect((await queuedQuotes()).map(([id]) => id)).to.deep.equal(over);
  });

  /** The test pool, noting each statement with its values filled in. */
  function recording(statements: string[]): DatabasePool {
    return new Proxy(pool, {
      get(target, property) {
        if (property === 'query') return (sql: string, values?: unknown) => (statements.push(mysql.format(sql, values as never)), target.query(sql, values as never));
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  it('reads quote by primary key and sales_order by SALES_ORDER_QUOTE_ID, never scanning a table', async () => {
    // a store with many carts and orders, and many opportunities in every phase
    await pool.query(
      `INSERT INTO quote (store_id, updated_at, is_active, items_count) SELECT 1, UTC_TIMESTAMP() - INTERVAL seq HOUR, seq % 2, 1 FROM seq_1_to_4000`,
    );
    await pool.query(`INSERT INTO sales_order (store_id, quote_id, state) SELECT 1, entity_id, 'new' FROM quote WHERE entity_id % 4 = 0`);
    await pool.query(
      `INSERT INTO forcebridge_opportunity (salesforce_key, store_id, quote_id, phase, created_on, cart_updated_at)
       SELECT CONCAT('test:quote:', entity_id), 1, entity_id, ELT(1 + entity_id % 5, 'cart', 'open', 'won', 'lost', 'expired'), UTC_DATE(), updated_at FROM quote`,
    );
    await pool.query('ANALYZE TABLE quote, sales_order, forcebridge_opportunity, forcebridge_queue');
    const statements: string[] = [];
    const summary = await expiry(100, recording(statements)).enqueueExpired();
    expect(summary.checked).to.equal(800);
    const pages = statements.filter((sql) => /FROM forcebridge_opportunity o/.test(sql));
    expect(pages).to.have.length(9);
    for (const [index, page] of pages.entries()) {
      const [plan] = await pool.query<mysql.RowDataPacket[]>(`EXPLAIN ${page}`);
      const access = Object.fromEntries(plan.map((row) => [String(row.table), [row.type, row.key, String(row.Extra)]]));
      // Early pages may read the phase's entries from the start (as cheap as seeking); late pages
      // must seek to their position, or the walk would cost the square of the number of carts.
      expect(['ref', 'range'], page).to.include(access.o?.[0]);
      if (index >= pages.length - 2) expect(access.o?.[0], page).to.equal('range');
      expect(access.o?.[1]).to.equal('FORCEBRIDGE_OPPORTUNITY_PHASE_CART_UPDATED_AT');
      expect(access.o?.[2]).to.not.match(/filesort/);
      expect(access.q?.slice(0, 2)).to.deep.equal(['eq_ref', 'PRIMARY']);
      expect(access.s?.slice(0, 2)).to.deep.equal(['ref', 'SALES_ORDER_QUOTE_ID']);
      expect(access.fq?.slice(0, 2)).to.deep.equal(['eq_ref', 'FORCEBRIDGE_QUEUE_ENTITY_TYPE_ENTITY_ID']);
      expect(plan.filter((row) => row.type === 'ALL' || row.type === 'index'), 'no full scan').to.deep.equal([]);
    }
  });
});
