// The Magento module's grid SQL against MariaDB: the Salesforce columns that
// Forcebridge\Connector\Model\ResourceModel\Grid\LinkColumns joins into the Orders, Customers and
// Abandoned Carts grids (assembled by the PHP test stand-in for Zend_Db_Select, printed by
// module-config/Test/Integration/grid-queries.php), run on a store database with link rows in every
// state, over a connection set up as Magento's (SET NAMES utf8, time zone UTC).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type mysql from 'mysql2/promise';
import { migrate } from '../../sidecar/db/migrations.js';
import { createDatabasePool } from '../../sidecar/db/pool.js';
import { insertCart, insertCustomer, placeOrder } from '../support/magento-rows.js';
import { useTestDatabase } from '../support/test-database.js';

const SCRIPT = fileURLToPath(new URL('../../module-config/Test/Integration/grid-queries.php', import.meta.url));
const AREAS = ['carts', 'orders', 'customers'] as const;
type AreaName = (typeof AREAS)[number];
type Queries = Record<AreaName, { all: string; filters: Record<'synced' | 'error' | 'not_synced' | 'changed', string>; sorted: string }>;

/** One record per state the grid distinguishes. */
const STATES = ['never', 'synced', 'changed', 'error', 'pending'] as const;
type State = (typeof STATES)[number];

const SYNCED_AT = '2026-01-01 00:00:00';
const CHANGED_AT = '2026-02-01 00:00:00';
const ENTITY_TABLE: Record<AreaName, string> = { carts: 'quote', orders: 'sales_order', customers: 'customer_entity' };
const LINK_TYPE: Record<AreaName, string> = { carts: 'quote', orders: 'order', customers: 'customer' };

describe('module-config: grid SQL on MariaDB', function () {
  const db = useTestDatabase();
  let queries: Queries;
  const ids = {} as Record<AreaName, Record<State, number>>;

  before(async function () {
    const php = spawnSync('php', [SCRIPT], { encoding: 'utf8' });
    if (php.error || php.status !== 0) {
      console.log(`      skipped: php could not print the grid SQL (${php.error?.message ?? php.stderr.trim()})`);
      this.skip();
    }
    queries = JSON.parse(php.stdout) as Queries;
    const pool = db().pool;
    const migrationPool = createDatabasePool(db().url);
    try {
      await migrate(migrationPool);
    } finally {
      await migrationPool.end();
    }
    for (const area of AREAS) ids[area] = {} as Record<State, number>;
    for (const [index, state] of STATES.entries()) {
      const customerId = await insertCustomer(pool, { email: `${state}@example.com` });
      await pool.query('INSERT INTO customer_grid_flat (entity_id, name, email, website_id) VALUES (?, ?, ?, 1)', [customerId, `Ann ${state}`, `${state}@example.com`]);
      const orderQuote = await insertCart(pool, { customerId, customerEmail: `${state}@example.com` });
      const orderId = await placeOrder(pool, orderQuote, `00000010${index}`);
      await pool.query("INSERT INTO sales_order_grid (entity_id, status, store_id, increment_id, billing_name) VALUES (?, 'pending', 1, ?, ?)", [orderId, `00000010${index}`, `Ann ${state}`]);
      const cartId = await insertCart(pool, { customerId, customerEmail: `${state}@example.com` });
      ids.carts[state] = cartId;
      ids.orders[state] = orderId;
      ids.customers[state] = customerId;
    }
    for (const area of AREAS) {
      for (const state of STATES) {
        const id = ids[area][state];
        await pool.query(`UPDATE \`${ENTITY_TABLE[area]}\` SET updated_at = ? WHERE entity_id = ?`, [state === 'changed' ? CHANGED_AT : SYNCED_AT, id]);
        if (state === 'never') continue;
        const status = state === 'changed' ? 'synced' : state;
        await pool.query(
          `INSERT INTO forcebridge_link (entity_type, entity_id, salesforce_key, status, contact_id, opportunity_id, error_message, source_updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [LINK_TYPE[area], String(id), `test:${LINK_TYPE[area]}:${id}`, status, `003${state}`, `006${state}`, state === 'error' ? 'Stage "X" does not exist.' : null, status === 'synced' ? SYNCED_AT : null],
        );
      }
    }
  });

  /** Runs on one connection set up as Magento's PDO adapter sets up its own. */
  async function run<T extends mysql.RowDataPacket>(sql: string, names = 'utf8'): Promise<T[]> {
    const connection = await db().pool.getConnection();
    try {
      await connection.query(`SET NAMES ${names}`);
      await connection.query("SET time_zone = '+00:00'");
      const [rows] = await connection.query<T[]>(sql);
      return rows;
    } finally {
      await connection.query('SET NAMES utf8mb4');
      connection.release();
    }
  }

  const stateOf = (area: AreaName, id: unknown): State => {
    const state = STATES.find((candidate) => ids[area][candidate] === Number(id));
    if (!state) throw new Error(`row ${String(id)} is not a fixture of ${area}`);
    return state;
  };

  for (const area of AREAS) {
    describe(area, () => {
      it('gives every row the contract fields from its link row', async () => {
        const rows = await run(queries[area].all);
        const byState = Object.fromEntries(rows.map((row) => [stateOf(area, row.entity_id), row]));
        const idColumn = area === 'customers' ? '003' : '006';
        expect(Object.keys(byState).sort()).to.deep.equal([...STATES].sort());
        const fields = (state: State) => {
          const row = byState[state]!;
          return [row.forcebridge_sync_status, Number(row.forcebridge_sync_changed), row.forcebridge_error, row.forcebridge_salesforce_id];
        };
        expect(fields('never')).to.deep.equal([null, 0, null, null]);
        expect(fields('synced')).to.deep.equal(['synced', 0, null, `${idColumn}synced`]);
        expect(fields('changed')).to.deep.equal(['synced', 1, null, `${idColumn}changed`]);
        expect(fields('error')).to.deep.equal(['error', 0, 'Stage "X" does not exist.', `${idColumn}error`]);
        expect(fields('pending')).to.deep.equal(['pending', 0, null, `${idColumn}pending`]);
      });

      it('filters by Synced, Error, Not synced and Changed since last sync', async () => {
        const filtered = async (value: keyof Queries[AreaName]['filters']) =>
          (await run(queries[area].filters[value])).map((row) => stateOf(area, row.entity_id)).sort();
        expect(await filtered('synced')).to.deep.equal(['synced']);
        expect(await filtered('error')).to.deep.equal(['error']);
        expect(await filtered('changed')).to.deep.equal(['changed']);
        expect(await filtered('not_synced')).to.deep.equal(['never', 'pending']);
      });

      it('sorts by the sync state the column shows', async () => {
        const sorted = (await run(queries[area].sorted)).map((row) => stateOf(area, row.entity_id));
        expect(sorted).to.deep.equal(['changed', 'error', 'never', 'pending', 'synced']);
      });

      it('joins each link row through the unique (entity_type, entity_id) index (eq_ref), whatever the connection charset', async () => {
        for (const names of ['utf8', 'utf8mb4']) {
          const plan = await run(`EXPLAIN ${queries[area].all}`, names);
          const link = plan.find((step) => String(step.table).includes('forcebridge_link') || String(step.key ?? '').startsWith('FORCEBRIDGE_LINK'));
          expect(link, JSON.stringify(plan)).to.not.equal(undefined);
          expect([link!.type, link!.key], `${names}: ${JSON.stringify(plan)}`).to.deep.equal(['eq_ref', 'FORCEBRIDGE_LINK_ENTITY_TYPE_ENTITY_ID']);
          expect(await run(queries[area].filters.error, names)).to.have.length(1);
        }
      });
    });
  }
});
