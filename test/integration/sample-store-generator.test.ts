import { expect } from 'chai';
import type mysql from 'mysql2/promise';
import { generateStore, type GenerationResult } from '../../sample-store/generator/generate-store.js';
import { useTestDatabase } from '../support/test-database.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const ORDERS = 200;

type Rows = mysql.RowDataPacket[];

async function select(pool: mysql.Pool, sql: string): Promise<Rows> {
  const [rows] = await pool.query<Rows>(sql);
  return rows;
}

async function count(pool: mysql.Pool, sql: string): Promise<number> {
  const rows = await select(pool, sql);
  return Number(Object.values(rows[0] ?? {})[0]);
}

/** CHECKSUM TABLE of every table: equal for two databases exactly when their rows are. */
async function checksums(pool: mysql.Pool): Promise<Record<string, string>> {
  const tables = (await select(pool, 'SHOW TABLES')).map((row) => String(Object.values(row)[0]));
  const rows = await select(pool, `CHECKSUM TABLE ${tables.map((table) => `\`${table}\``).join(', ')}`);
  return Object.fromEntries(rows.map((row) => [String(row.Table).split('.').pop(), String(row.Checksum)]));
}

describe('sample-store generator', function () {
  this.timeout(60_000);
  const store = useTestDatabase();
  const twin = useTestDatabase();
  const otherSeed = useTestDatabase();
  const larger = useTestDatabase();
  let result: GenerationResult;
  let largerResult: GenerationResult;

  before(async () => {
    result = await generateStore(store().url, { orders: ORDERS, seed: 7, now: NOW });
    await generateStore(twin().url, { orders: ORDERS, seed: 7, now: NOW });
    await generateStore(otherSeed().url, { orders: ORDERS, seed: 8, now: NOW });
    largerResult = await generateStore(larger().url, { orders: ORDERS * 3, seed: 7, now: NOW });
  });

  describe('determinism and size', () => {
    it('writes identical rows for the same seed, size and now', async () => {
      const first = await checksums(store().pool);
      expect(Number(first.sales_order)).to.not.equal(0);
      expect(await checksums(twin().pool)).to.deep.equal(first);
    });

    it('writes different rows for another seed', async () => {
      const first = await checksums(store().pool);
      const other = await checksums(otherSeed().pool);
      for (const table of ['customer_entity', 'quote', 'quote_item', 'sales_order', 'sales_invoice']) {
        expect(other[table], table).to.not.equal(first[table]);
      }
    });

    it('reports the rows it wrote, table by table', async () => {
      for (const [table, written] of Object.entries(result.rowsPerTable)) {
        const installed = table === 'core_config_data' || table === 'store' || table === 'store_group' || table === 'store_website'
          ? await count(twin().pool, `SELECT COUNT(*) FROM ${table}`) - written
          : 0;
        expect(await count(store().pool, `SELECT COUNT(*) FROM ${table}`), table).to.equal(written + installed);
      }
      expect(result.rowsPerTable.sales_order).to.equal(ORDERS);
    });

    it('scales customers, products and carts with the number of orders', () => {
      const ratio = (table: string) => (largerResult.rowsPerTable[table] ?? 0) / (result.rowsPerTable[table] ?? 1);
      expect(largerResult.rowsPerTable.sales_order).to.equal(ORDERS * 3);
      expect(ratio('customer_entity')).to.equal(3);
      // The catalog has a floor of 20 products for the smallest stores.
      expect(ratio('catalog_product_entity')).to.be.above(1);
      expect(ratio('quote')).to.be.closeTo(3, 0.1);
      expect(ratio('quote_item')).to.be.closeTo(3, 0.5);
    });

    it('refuses to fill a store that already has customers or orders', async () => {
      let message = '';
      await generateStore(store().url, { orders: ORDERS, now: NOW }).catch((error: Error) => (message = error.message));
      expect(message).to.match(/already holds/);
    });
  });

  describe('stores, currencies and timezones', () => {
    it('has two websites and three store views beside the admin ones', async () => {
      expect(await count(store().pool, 'SELECT COUNT(*) FROM store_website WHERE website_id > 0')).to.equal(2);
      expect(await count(store().pool, 'SELECT COUNT(*) FROM store WHERE store_id > 0')).to.equal(3);
      expect(await count(store().pool, 'SELECT COUNT(DISTINCT store_id) FROM sales_order')).to.equal(3);
    });

    it('sets a timezone per website and store view', async () => {
      const rows = await select(store().pool,
        "SELECT scope, scope_id, value FROM core_config_data WHERE path = 'general/locale/timezone' ORDER BY scope, scope_id");
      expect(rows.map((row) => `${row.scope}/${row.scope_id}=${row.value}`)).to.deep.equal([
        'default/0=America/Chicago', 'stores/3=Europe/Paris', 'websites/1=America/New_York', 'websites/2=Europe/Berlin',
      ]);
    });

    it('keeps USD as base currency and shows EUR on the European website at the installed rate', async () => {
      const rows = await select(store().pool, `
        SELECT w.code, o.base_currency_code AS base, o.order_currency_code AS shown, o.base_to_order_rate AS rate,
               MAX(ABS(o.grand_total - o.base_grand_total * o.base_to_order_rate)) AS drift
          FROM sales_order o JOIN store s ON s.store_id = o.store_id JOIN store_website w ON w.website_id = s.website_id
         GROUP BY w.code, base, shown, rate ORDER BY w.code`);
      expect(rows.map((row) => [row.code, row.base, row.shown, Number(row.rate)])).to.deep.equal([
        ['base', 'USD', 'USD', 1], ['europe', 'USD', 'EUR', 0.7067],
      ]);
      for (const row of rows) expect(Number(row.drift)).to.be.below(0.05);
      expect(await count(store().pool,
        'SELECT COUNT(*) FROM quote q JOIN store s ON s.store_id = q.store_id WHERE s.website_id = 2 AND q.quote_currency_code <> \'EUR\'')).to.equal(0);
    });
  });

  describe('carts', () => {
    const checkoutReached = "a.shipping_method IS NOT NULL AND a.firstname IS NOT NULL AND a.email IS NOT NULL";
    const stageCount = (where: string) => count(store().pool, `
      SELECT COUNT(*) FROM quote q JOIN quote_address a ON a.quote_id = q.entity_id AND a.address_type = 'shipping'
       WHERE q.is_active = 1 AND q.items_count > 0 AND ${where}`);

    it('has browsing carts: active, items, no checkout', async () => {
      expect(await stageCount('a.shipping_method IS NULL')).to.be.above(0);
    });

    it('has carts in checkout right now and carts abandoned in checkout long ago', async () => {
      expect(await stageCount(`${checkoutReached} AND q.updated_at > '2026-06-01 09:00:00'`)).to.be.above(0);
      expect(await stageCount(`${checkoutReached} AND q.updated_at < '2026-05-25 00:00:00'`)).to.be.above(10);
    });

    it('fills both addresses once checkout is reached', async () => {
      expect(await count(store().pool, `
        SELECT COUNT(*) FROM quote_address s JOIN quote_address b ON b.quote_id = s.quote_id AND b.address_type = 'billing'
         WHERE s.address_type = 'shipping' AND s.shipping_method IS NOT NULL
           AND (b.firstname IS NULL OR b.street IS NULL OR s.street IS NULL OR b.country_id IS NULL)`)).to.equal(0);
    });

    it('has guest and registered carts at every stage', async () => {
      const rows = await select(store().pool, `
        SELECT q.is_active, a.shipping_method IS NOT NULL AS checkout, q.customer_is_guest AS guest, COUNT(*) AS n
          FROM quote q JOIN quote_address a ON a.quote_id = q.entity_id AND a.address_type = 'shipping'
         GROUP BY 1, 2, 3`);
      expect(rows.map((row) => `${row.is_active}${row.checkout}${row.guest}`).sort()).to.deep.equal(
        ['010', '011', '100', '101', '110', '111']);
    });

    it('keeps quote totals consistent with items and the shipping address', async () => {
      expect(await count(store().pool, `
        SELECT COUNT(*) FROM quote q
          JOIN (SELECT quote_id, SUM(row_total) AS rows_total, SUM(base_row_total) AS base_rows_total, COUNT(*) AS n, SUM(qty) AS qty
                  FROM quote_item GROUP BY quote_id) i ON i.quote_id = q.entity_id
          JOIN quote_address a ON a.quote_id = q.entity_id AND a.address_type = 'shipping'
         WHERE q.subtotal <> i.rows_total OR q.base_subtotal <> i.base_rows_total OR q.items_count <> i.n
            OR q.items_qty <> i.qty OR q.grand_total <> q.subtotal + a.shipping_amount
            OR q.base_grand_total <> q.base_subtotal + a.base_shipping_amount OR a.grand_total <> q.grand_total`)).to.equal(0);
      expect(await count(store().pool, 'SELECT COUNT(*) FROM quote WHERE items_count = 0')).to.equal(0);
    });

    it('turns every ordered cart inactive, with the order increment id reserved', async () => {
      expect(await count(store().pool, `
        SELECT COUNT(*) FROM sales_order o LEFT JOIN quote q ON q.entity_id = o.quote_id
         WHERE q.entity_id IS NULL OR q.is_active <> 0 OR q.reserved_order_id <> o.increment_id
            OR q.base_grand_total <> o.base_grand_total OR q.customer_id <=> o.customer_id = 0`)).to.equal(0);
      expect(await count(store().pool, 'SELECT COUNT(*) FROM quote WHERE is_active = 0')).to.equal(ORDERS);
    });
  });

  describe('orders', () => {
    it('uses only state/status pairs from sales_order_status_state, and all of them', async () => {
      expect(await count(store().pool, `
        SELECT COUNT(*) FROM sales_order o LEFT JOIN sales_order_status_state s ON s.state = o.state AND s.status = o.status
         WHERE s.status IS NULL`)).to.equal(0);
      expect(await count(store().pool, `
        SELECT COUNT(*) FROM sales_order_status_state s
         WHERE NOT EXISTS (SELECT 1 FROM sales_order o WHERE o.state = s.state AND o.status = s.status)`)).to.equal(0);
    });

    it('numbers orders per store view like Magento', async () => {
      const rows = await select(store().pool, 'SELECT store_id, MIN(increment_id) AS first FROM sales_order GROUP BY store_id ORDER BY store_id');
      expect(rows.map((row) => row.first)).to.deep.equal(['000000001', '2000000001', '3000000001']);
    });

    it('has two addresses, items, a payment and a history row per order', async () => {
      expect(await count(store().pool, `
        SELECT COUNT(*) FROM sales_order o
         WHERE (SELECT COUNT(*) FROM sales_order_address WHERE parent_id = o.entity_id) <> 2
            OR (SELECT COUNT(*) FROM sales_order_payment WHERE parent_id = o.entity_id) <> 1
            OR (SELECT COUNT(*) FROM sales_order_status_history WHERE parent_id = o.entity_id) = 0
            OR (SELECT SUM(row_total) FROM sales_order_item WHERE order_id = o.entity_id) <> o.subtotal
            OR o.grand_total <> o.subtotal + o.shipping_amount`)).to.equal(0);
    });

    it('has a paid invoice for every paid order, and none for unpaid ones', async () => {
      expect(await count(store().pool, `
        SELECT COUNT(*) FROM sales_order o
          LEFT JOIN (SELECT order_id, SUM(grand_total) AS invoiced, MIN(state) AS state FROM sales_invoice GROUP BY order_id) i
            ON i.order_id = o.entity_id
         WHERE (o.total_paid IS NULL) <> (i.order_id IS NULL)
            OR (o.total_paid IS NOT NULL AND (o.total_paid <> o.grand_total OR i.invoiced <> o.total_paid OR i.state <> 2))`)).to.equal(0);
      expect(await count(store().pool, `
        SELECT COUNT(*) FROM sales_order WHERE state IN ('processing', 'complete', 'closed') AND total_paid IS NULL`)).to.equal(0);
      expect(await count(store().pool, `
        SELECT COUNT(*) FROM sales_order WHERE state IN ('new', 'pending_payment', 'payment_review', 'canceled') AND total_paid IS NOT NULL`)).to.equal(0);
    });

    it('ships complete orders and refunds closed ones in full', async () => {
      expect(await count(store().pool, `
        SELECT COUNT(*) FROM sales_order o WHERE o.state = 'complete'
           AND NOT EXISTS (SELECT 1 FROM sales_shipment s WHERE s.order_id = o.entity_id)`)).to.equal(0);
      expect(await count(store().pool, `
        SELECT COUNT(*) FROM sales_order o
          LEFT JOIN (SELECT order_id, SUM(grand_total) AS refunded FROM sales_creditmemo WHERE state = 2 GROUP BY order_id) c
            ON c.order_id = o.entity_id
         WHERE o.state = 'closed' AND (c.refunded IS NULL OR c.refunded <> o.grand_total OR o.total_refunded <> o.grand_total)`)).to.equal(0);
      expect(await count(store().pool, `
        SELECT COUNT(*) FROM sales_order WHERE state = 'complete' AND total_refunded > 0 AND total_refunded < grand_total`)).to.be.above(0);
    });

    it('keeps item quantities in step with the documents', async () => {
      expect(await count(store().pool, `
        SELECT COUNT(*) FROM sales_order_item i JOIN sales_order o ON o.entity_id = i.order_id
         WHERE i.qty_invoiced <> IF(o.total_paid IS NULL, 0, i.qty_ordered)
            OR i.qty_shipped <> IF(EXISTS (SELECT 1 FROM sales_shipment s WHERE s.order_id = o.entity_id), i.qty_ordered, 0)
            OR i.qty_canceled <> IF(o.state = 'canceled', i.qty_ordered, 0)
            OR i.qty_refunded <> (SELECT COALESCE(SUM(ci.qty), 0) FROM sales_creditmemo_item ci WHERE ci.order_item_id = i.item_id)`)).to.equal(0);
    });

    it('mirrors orders and documents in their grids', async () => {
      expect(await count(store().pool, `
        SELECT COUNT(*) FROM sales_order o LEFT JOIN sales_order_grid g ON g.entity_id = o.entity_id
         WHERE NOT (g.status <=> o.status AND g.increment_id <=> o.increment_id AND g.grand_total <=> o.grand_total
                    AND g.base_grand_total <=> o.base_grand_total AND g.total_paid <=> o.total_paid
                    AND g.total_refunded <=> o.total_refunded AND g.customer_email <=> o.customer_email
                    AND g.created_at <=> o.created_at AND g.updated_at <=> o.updated_at AND g.customer_id <=> o.customer_id)`)).to.equal(0);
      for (const table of ['sales_invoice', 'sales_shipment', 'sales_creditmemo']) {
        expect(await count(store().pool, `
          SELECT COUNT(*) FROM ${table} d LEFT JOIN ${table}_grid g ON g.entity_id = d.entity_id
           WHERE NOT (g.increment_id <=> d.increment_id AND g.order_id <=> d.order_id AND g.created_at <=> d.created_at)`), table).to.equal(0);
      }
    });

    it('dates everything in the past months, each event after the one before', async () => {
      expect(await count(store().pool, `
        SELECT COUNT(*) FROM sales_order o JOIN quote q ON q.entity_id = o.quote_id
         WHERE o.created_at < q.created_at OR o.updated_at < o.created_at OR o.updated_at > '2026-06-01 12:00:00'
            OR o.created_at < '2025-11-01 00:00:00'`)).to.equal(0);
      for (const table of ['sales_invoice', 'sales_shipment', 'sales_creditmemo']) {
        expect(await count(store().pool, `
          SELECT COUNT(*) FROM ${table} d JOIN sales_order o ON o.entity_id = d.order_id
           WHERE d.created_at < o.created_at OR d.created_at > o.updated_at`), table).to.equal(0);
      }
      expect(await count(store().pool, "SELECT COUNT(*) FROM quote WHERE updated_at > '2026-06-01 12:00:00' OR updated_at < created_at")).to.equal(0);
    });
  });

  describe('regions', () => {
    it('installs the regions of the countries the store ships to, under the ids Magento gives them', async () => {
      const rows = await select(store().pool, 'SELECT country_id, COUNT(*) AS n FROM directory_country_region GROUP BY country_id ORDER BY country_id');
      expect(rows.map((row) => [row.country_id, Number(row.n)])).to.deep.equal([['AT', 9], ['CA', 13], ['DE', 16], ['FR', 96], ['US', 65]]);
      const known = await select(store().pool, 'SELECT region_id, code, default_name FROM directory_country_region WHERE region_id IN (16, 57, 76, 95, 257) ORDER BY region_id');
      expect(known.map((row) => [row.region_id, row.code, row.default_name])).to.deep.equal([
        [16, 'DC', 'District of Columbia'], [57, 'TX', 'Texas'], [76, 'QC', 'Quebec'], [95, 'WI', 'Wien'], [257, '75', 'Paris'],
      ]);
    });

    for (const table of ['customer_address_entity', 'quote_address', 'sales_order_address']) {
      it(`gives ${table} rows a region_id of their country whose name is the region written on them`, async () => {
        expect(await count(store().pool, `SELECT COUNT(*) FROM ${table} WHERE region_id IS NOT NULL`)).to.be.above(0);
        expect(await count(store().pool, `
          SELECT COUNT(*) FROM ${table} a LEFT JOIN directory_country_region r ON r.region_id = a.region_id
           WHERE a.country_id IS NOT NULL
             AND (r.region_id IS NULL OR r.country_id <> a.country_id OR NOT (r.default_name <=> a.region))`)).to.equal(0);
      });
    }
  });

  describe('customers and awkward rows', () => {
    it('gives customers addresses and a customer_grid_flat row each', async () => {
      expect(await count(store().pool, `
        SELECT COUNT(*) FROM customer_entity c LEFT JOIN customer_grid_flat g ON g.entity_id = c.entity_id
         WHERE g.entity_id IS NULL OR g.email <> c.email OR g.website_id <> c.website_id
            OR (c.default_billing IS NOT NULL AND NOT EXISTS (
                  SELECT 1 FROM customer_address_entity a WHERE a.entity_id = c.default_billing AND a.parent_id = c.entity_id))`)).to.equal(0);
      expect(await count(store().pool, 'SELECT COUNT(*) FROM customer_address_entity')).to.be.above(ORDERS / 2);
      expect(await count(store().pool, 'SELECT COUNT(*) FROM newsletter_subscriber WHERE customer_id = 0')).to.be.above(0);
      expect(await count(store().pool, 'SELECT COUNT(*) FROM newsletter_subscriber WHERE customer_id > 0')).to.be.above(0);
    });

    it('has names with accents, emoji, Arabic and Hebrew', async () => {
      const names = (await select(store().pool, 'SELECT firstname, lastname FROM customer_entity'))
        .map((row) => `${String(row.firstname)} ${String(row.lastname ?? '')}`).join('\n');
      expect(names).to.match(/[À-ž]/u);
      expect(names).to.match(/\p{Extended_Pictographic}/u);
      expect(names).to.match(/\p{Script=Arabic}/u);
      expect(names).to.match(/\p{Script=Hebrew}/u);
    });

    it('has names that fill their columns, cut where the column is shorter', async () => {
      expect(await count(store().pool, 'SELECT MAX(CHAR_LENGTH(firstname)) FROM customer_entity')).to.equal(255);
      expect(await count(store().pool, 'SELECT MAX(CHAR_LENGTH(customer_firstname)) FROM sales_order')).to.equal(128);
    });

    it('has a customer without a last name', async () => {
      expect(await count(store().pool, 'SELECT COUNT(*) FROM customer_entity WHERE lastname IS NULL')).to.be.above(0);
    });

    it('has a guest cart that reached checkout without any email', async () => {
      expect(await count(store().pool, `
        SELECT COUNT(*) FROM quote q JOIN quote_address a ON a.quote_id = q.entity_id AND a.address_type = 'shipping'
         WHERE q.is_active = 1 AND q.customer_is_guest = 1 AND a.shipping_method IS NOT NULL
           AND q.customer_email IS NULL AND a.email IS NULL`)).to.be.above(0);
    });

    it('has a zero-total cart with items', async () => {
      expect(await count(store().pool, 'SELECT COUNT(*) FROM quote WHERE is_active = 1 AND items_count > 0 AND grand_total = 0')).to.be.above(0);
    });
  });
});
