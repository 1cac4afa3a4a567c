// Rows stamped with the zero date, which change detection never finds: what doctor says of them,
// and that it finds them through the updated_at indexes alone.
import { expect } from 'chai';
import type mysql from 'mysql2/promise';
import { databaseChecks } from '../../sidecar/cli/doctor.js';
import { migrate } from '../../sidecar/db/migrations.js';
import { createDatabasePool, type DatabasePool } from '../../sidecar/db/pool.js';
import { findUndatedRows, undatedRowsQueries } from '../../sidecar/queue/undated-rows.js';
import { insertCart, insertCustomer, invoiceOrder, placeOrder } from '../support/magento-rows.js';
import { useTestDatabase } from '../support/test-database.js';

describe('sidecar undated rows', () => {
  const db = useTestDatabase();
  let pool: DatabasePool;

  before(async () => {
    pool = createDatabasePool(db().url);
    await migrate(pool);
  });
  after(async () => {
    await pool.end();
  });
  beforeEach(async () => {
    for (const table of ['sales_order', 'quote', 'customer_entity']) await pool.query(`DELETE FROM ${table}`);
  });

  /** What an old import leaves: the zero date, which only a lax sql_mode lets in. */
  const unstamp = (table: string, id: number) => pool.query(`SET STATEMENT sql_mode = '' FOR UPDATE ${table} SET updated_at = 0 WHERE entity_id = ?`, [id]);

  async function withCustomerIndex(work: () => Promise<void>): Promise<void> {
    await pool.query('ALTER TABLE customer_entity ADD INDEX CUSTOMER_ENTITY_UPDATED_AT (updated_at)');
    try {
      await work();
    } finally {
      await pool.query('ALTER TABLE customer_entity DROP INDEX CUSTOMER_ENTITY_UPDATED_AT');
    }
  }

  const undatedCheck = async () => (await databaseChecks(pool)).find((check) => check.name === 'Undated rows')!;

  it('names the zero-dated rows change detection reads, with their count, a few ids and the commands that send them', async () => {
    const carts = [await insertCart(pool), await insertCart(pool)];
    for (const quoteId of carts) await unstamp('quote', quoteId);
    const converted = await insertCart(pool);
    const orderId = await placeOrder(pool, converted, '80001'); // its quote is inactive now: not an abandoned cart
    await unstamp('quote', converted);
    const invoicedOrder = await placeOrder(pool, await insertCart(pool), '80002');
    await unstamp('sales_invoice', await invoiceOrder(pool, invoicedOrder));
    await unstamp('sales_order', orderId);
    const customer = await insertCustomer(pool, { email: 'import@example.com' });
    await unstamp('customer_entity', customer);

    // without the customer index, customers are not counted (it would read the whole table)
    expect(await findUndatedRows(pool, false)).to.deep.equal([
      { table: 'quote', area: 'carts', idsAreOrders: false, count: 2, ids: carts },
      { table: 'sales_order', area: 'orders', idsAreOrders: false, count: 1, ids: [orderId] },
      { table: 'sales_invoice', area: 'orders', idsAreOrders: true, count: 1, ids: [invoicedOrder] },
    ]);
    await withCustomerIndex(async () => {
      expect((await findUndatedRows(pool, true)).map((rows) => [rows.table, rows.ids])).to.deep.equal([
        ['quote', carts],
        ['sales_order', [orderId]],
        ['sales_invoice', [invoicedOrder]],
        ['customer_entity', [customer]],
      ]);
      const check = await undatedCheck();
      expect(check.ok).to.equal(false);
      expect(check.detail).to.equal(
        `change detection never finds rows whose updated_at is 0000-00-00 00:00:00: quote 2 (ids ${carts.join(', ')}); ` +
          `sales_order 1 (ids ${orderId}); sales_invoice 1 (orders ${invoicedOrder}); customer_entity 1 (ids ${customer})`,
      );
      expect(check.fix).to.contain(`"forcebridge sync --area carts --ids ${carts.join(',')}"`);
      expect(check.fix).to.contain(`"forcebridge sync --area orders --ids ${orderId},${invoicedOrder}"`);
      expect(check.fix).to.contain(`"forcebridge sync --area customers --ids ${customer}"`);
      expect(check.fix).to.contain('"forcebridge backfill"');
    });
  });

  it('is ok when there are none, and says when customers could not be searched', async () => {
    await insertCart(pool);
    await insertCustomer(pool, { email: 'fresh@example.com' });
    expect(await undatedCheck()).to.deep.include({ ok: true, detail: 'no row that change detection reads has a zero updated_at (customer_entity not searched: without its updated_at index that would read the whole table)' });
    await withCustomerIndex(async () => {
      expect(await undatedCheck()).to.deep.include({ ok: true, detail: 'no row that change detection reads has a zero updated_at' });
    });
  });

  it('names at most five ids, and reads each table through its updated_at index', async () => {
    // enough rows that the optimizer weighs the index against a scan, as in a real store
    await pool.query(`INSERT INTO quote (store_id, updated_at, is_active, items_count) SELECT 1, UTC_TIMESTAMP() - INTERVAL seq MINUTE, 1, 1 FROM seq_1_to_3000`);
    await pool.query(`INSERT INTO sales_order (store_id, updated_at, state) SELECT 1, UTC_TIMESTAMP() - INTERVAL seq MINUTE, 'new' FROM seq_1_to_3000`);
    await pool.query("SET STATEMENT sql_mode = '' FOR UPDATE sales_order SET updated_at = 0 WHERE entity_id % 100 = 0");
    await pool.query('ANALYZE TABLE quote, sales_order, sales_invoice, sales_shipment, sales_creditmemo');
    const [orders] = await findUndatedRows(pool, false);
    expect(orders?.count).to.equal(30);
    expect(orders?.ids).to.have.length(5);
    await withCustomerIndex(async () => {
      await pool.query('ANALYZE TABLE customer_entity');
      const indexes: Record<string, string> = {
        quote: 'QUOTE_STORE_ID_UPDATED_AT', sales_order: 'SALES_ORDER_UPDATED_AT', sales_invoice: 'SALES_INVOICE_UPDATED_AT',
        sales_shipment: 'SALES_SHIPMENT_UPDATED_AT', sales_creditmemo: 'SALES_CREDITMEMO_UPDATED_AT', customer_entity: 'CUSTOMER_ENTITY_UPDATED_AT',
      };
      const queries = undatedRowsQueries([0, 1], true);
      expect(queries.map((query) => query.table)).to.deep.equal(Object.keys(indexes));
      for (const { table, sql, params } of queries) {
        const [plan] = await pool.query<mysql.RowDataPacket[]>(`EXPLAIN ${sql}`, params);
        expect([plan[0]?.key, plan[0]?.type], table).to.deep.equal([indexes[table], table === 'quote' ? 'range' : 'ref']);
      }
    });
  });
});
