import { expect } from 'chai';
import type mysql from 'mysql2/promise';
import { createDatabasePool, type DatabasePool } from '../../sidecar/db/pool.js';
import { configDefaults, MAGENTO_PATHS, MagentoConfig, SNAPSHOT_ROWS_SQL } from '../../sidecar/magento/config.js';
import { ConfigWriteError, removeConfigValue, setConfigValue } from '../../sidecar/magento/config-writer.js';
import { DEFAULT_ORDER_STATUS_MAP } from '../../sidecar/magento/config-paths.js';
import { insertStoreView, insertWebsiteWithStore, setConfigRow } from '../support/magento-rows.js';
import { useTestDatabase } from '../support/test-database.js';

describe('sidecar Magento configuration', () => {
  const db = useTestDatabase();
  let pool: DatabasePool;
  before(async () => {
    pool = createDatabasePool(db().url);
    await insertWebsiteWithStore(pool, { websiteId: 2, groupId: 2, storeId: 2 });
    await insertStoreView(pool, { websiteId: 2, groupId: 2, storeId: 3 });
  });
  after(async () => {
    await pool.end();
  });
  beforeEach(async () => {
    await pool.query("DELETE FROM core_config_data WHERE path LIKE 'forcebridge/%'");
  });

  const fresh = () => new MagentoConfig(pool, 0);

  it('gives every missing value its documented default', async () => {
    const config = await fresh().forStore(1);
    expect(config).to.deep.include({ storeId: 1, websiteId: 1, timezone: 'America/Chicago', baseCurrency: 'USD', allowedCurrencies: ['USD'], problems: [] });
    expect(config.abandonedCart).to.deep.equal({
      automaticSync: false, stage: 'Prospecting', recordType: null, salesCycleLength: 30,
      enableContactRoles: false, contactRole: 'Decision Maker', idleMinutes: 60, expireAfterDays: 30, expiredStage: 'Closed Lost',
    });
    expect(config.order).to.deep.equal({
      automaticSync: false, createOpportunity: 'every_order', recordType: null, salesCycleLength: 30,
      enableContactRoles: false, contactRole: 'Decision Maker', draftStage: 'Qualification', convertOpportunity: true,
      convertedStage: 'Closed Won', useInvoiceDateAsCloseDate: true, statusMap: DEFAULT_ORDER_STATUS_MAP,
    });
    expect(config.customer).to.deep.equal({ automaticSync: false });
    expect(config.general).to.deep.equal({ matchAccountsByCompany: true, leadSource: 'Web', defaultOwner: null });
    expect(configDefaults()['forcebridge/abandoned_cart/idle_minutes']).to.equal('60');
  });

  it('resolves stores over websites over default, each store through its own website', async () => {
    await setConfigRow(pool, 'default', 0, 'forcebridge/abandoned_cart/sales_cycle_length', '10');
    await setConfigRow(pool, 'websites', 2, 'forcebridge/abandoned_cart/sales_cycle_length', '20');
    await setConfigRow(pool, 'stores', 3, 'forcebridge/abandoned_cart/sales_cycle_length', '30');
    await setConfigRow(pool, 'websites', 1, 'general/locale/timezone', 'Europe/Paris');
    await setConfigRow(pool, 'stores', 2, 'forcebridge/order_status_map/processing', 'Value Proposition');
    await setConfigRow(pool, 'stores', 3, 'forcebridge/order_status_map/canceled', '');
    await setConfigRow(pool, 'default', 0, 'forcebridge/order_status_map/complete', 'Proposal/Price Quote');
    const config = fresh();
    const [one, two, three] = await Promise.all([config.forStore(1), config.forStore(2), config.forStore(3)]);
    expect([one.abandonedCart.salesCycleLength, two.abandonedCart.salesCycleLength, three.abandonedCart.salesCycleLength]).to.deep.equal([10, 20, 30]);
    expect([one.timezone, two.timezone]).to.deep.equal(['Europe/Paris', 'America/Chicago']);
    expect(two.order.statusMap).to.deep.equal({ ...DEFAULT_ORDER_STATUS_MAP, processing: 'Value Proposition', complete: 'Proposal/Price Quote' });
    const { canceled: _unmapped, ...withoutCanceled } = DEFAULT_ORDER_STATUS_MAP;
    expect(three.order.statusMap).to.deep.equal({ ...withoutCanceled, complete: 'Proposal/Price Quote' });
    expect((await config.forWebsite(2)).abandonedCart.salesCycleLength).to.equal(20);
    expect((await config.forStore(null)).abandonedCart.salesCycleLength).to.equal(10);
    expect((await config.forStore(99)).websiteId).to.equal(null);
  });

  it('resolves the general settings per scope; an empty lead source or owner means none', async () => {
    await setConfigRow(pool, 'default', 0, 'forcebridge/general/lead_source', 'Phone Inquiry');
    await setConfigRow(pool, 'websites', 2, 'forcebridge/general/lead_source', '');
    await setConfigRow(pool, 'websites', 2, 'forcebridge/general/default_owner', 'sales@example.com');
    await setConfigRow(pool, 'stores', 3, 'forcebridge/general/default_owner', '');
    await setConfigRow(pool, 'stores', 3, 'forcebridge/general/match_accounts_by_company', '0');
    await setConfigRow(pool, 'stores', 2, 'forcebridge/abandoned_cart/expire_after_days', '7');
    await setConfigRow(pool, 'websites', 2, 'forcebridge/abandoned_cart/expired_stage', 'Closed Won');
    const config = fresh();
    const [one, two, three] = await Promise.all([config.forStore(1), config.forStore(2), config.forStore(3)]);
    expect(one.general).to.deep.equal({ matchAccountsByCompany: true, leadSource: 'Phone Inquiry', defaultOwner: null });
    expect(two.general).to.deep.equal({ matchAccountsByCompany: true, leadSource: null, defaultOwner: 'sales@example.com' });
    expect(three.general).to.deep.equal({ matchAccountsByCompany: false, leadSource: null, defaultOwner: null });
    expect([one.abandonedCart.expireAfterDays, two.abandonedCart.expireAfterDays, three.abandonedCart.expireAfterDays]).to.deep.equal([30, 7, 30]);
    expect([one.abandonedCart.expiredStage, two.abandonedCart.expiredStage, three.abandonedCart.expiredStage]).to.deep.equal(['Closed Lost', 'Closed Won', 'Closed Won']);
  });

  it('falls back to the default for an unusable stored value and says so', async () => {
    await setConfigRow(pool, 'stores', 1, 'forcebridge/abandoned_cart/idle_minutes', 'soon');
    await setConfigRow(pool, 'default', 0, 'forcebridge/order/create_opportunity', 'sometimes');
    await setConfigRow(pool, 'websites', 1, 'forcebridge/abandoned_cart/expire_after_days', '0');
    await setConfigRow(pool, 'default', 0, 'forcebridge/general/match_accounts_by_company', 'maybe');
    const config = await fresh().forStore(1);
    expect(config.abandonedCart.idleMinutes).to.equal(60);
    expect(config.order.createOpportunity).to.equal('every_order');
    expect(config.abandonedCart.expireAfterDays).to.equal(30);
    expect(config.general.matchAccountsByCompany).to.equal(true);
    expect(config.problems).to.have.members([
      'forcebridge/abandoned_cart/idle_minutes (stores 1) must be a whole number, 0 or more; using the default "60"',
      'forcebridge/order/create_opportunity (default 0) must be one of: no, every_order; using the default "every_order"',
      'forcebridge/abandoned_cart/expire_after_days (websites 1) must be a whole number, 1 or more; using the default "30"',
      'forcebridge/general/match_accounts_by_company (default 0) must be 0 (No) or 1 (Yes); using the default "1"',
    ]);
  });

  it('sees changes without a restart once the short cache expires', async () => {
    const cached = new MagentoConfig(pool, 60_000);
    expect((await cached.forStore(1)).order.automaticSync).to.equal(false);
    await setConfigValue(pool, { path: 'forcebridge/order/automatic_sync', scope: 'default', scopeId: 0 }, '1');
    expect((await cached.forStore(1)).order.automaticSync, 'cached').to.equal(false);
    cached.invalidate();
    expect((await cached.forStore(1)).order.automaticSync).to.equal(true);
    expect((await fresh().forStore(1)).order.automaticSync).to.equal(true);
  });

  it('writes valid values at the given scope and removes them again', async () => {
    await setConfigValue(pool, { path: 'forcebridge/abandoned_cart/stage', scope: 'websites', scopeId: 2 }, 'Qualification');
    await setConfigValue(pool, { path: 'forcebridge/order_status_map/holded', scope: 'stores', scopeId: 3 }, 'On Hold');
    await setConfigValue(pool, { path: 'forcebridge/abandoned_cart/stage', scope: 'websites', scopeId: 2 }, 'Needs Analysis');
    const three = await fresh().forStore(3);
    expect(three.abandonedCart.stage).to.equal('Needs Analysis');
    expect(three.order.statusMap).to.deep.equal({ ...DEFAULT_ORDER_STATUS_MAP, holded: 'On Hold' });
    await removeConfigValue(pool, { path: 'forcebridge/abandoned_cart/stage', scope: 'websites', scopeId: 2 });
    expect((await fresh().forStore(3)).abandonedCart.stage).to.equal('Prospecting');
  });

  it('refuses bad input with every reason and writes nothing', async () => {
    const attempts: [Parameters<typeof setConfigValue>[1], string, string[]][] = [
      [{ path: 'forcebridge/abandoned_cart/idle_minutes', scope: 'default', scopeId: 0 }, '-5', ['forcebridge/abandoned_cart/idle_minutes must be a whole number, 0 or more']],
      [{ path: 'forcebridge/order/convert_opportunity', scope: 'stores', scopeId: 42 }, 'yes', ['store view 42 does not exist', 'forcebridge/order/convert_opportunity must be 0 (No) or 1 (Yes)']],
      [{ path: 'forcebridge/order/create_opportunity', scope: 'default', scopeId: 1 }, 'always', ['the default scope has scope id 0', 'forcebridge/order/create_opportunity must be one of: no, every_order']],
      [{ path: 'forcebridge/order_status_map/teleported', scope: 'default', scopeId: 0 }, 'Closed Won', ['Magento has no order status "teleported"']],
      [{ path: 'web/secure/base_url', scope: 'default', scopeId: 0 }, 'http://evil', ['"web/secure/base_url" is not a Forcebridge setting']],
      [{ path: 'forcebridge/order/draft_stage', scope: 'websites', scopeId: 0 }, ' ', ['website 0 does not exist', 'forcebridge/order/draft_stage must not be empty']],
      [{ path: 'forcebridge/abandoned_cart/expire_after_days', scope: 'default', scopeId: 0 }, '0', ['forcebridge/abandoned_cart/expire_after_days must be a whole number, 1 or more']],
      [{ path: 'forcebridge/abandoned_cart/expired_stage', scope: 'stores', scopeId: 1 }, '', ['forcebridge/abandoned_cart/expired_stage must not be empty']],
      [{ path: 'forcebridge/general/match_accounts_by_company', scope: 'websites', scopeId: 2 }, 'true', ['forcebridge/general/match_accounts_by_company must be 0 (No) or 1 (Yes)']],
      [{ path: 'forcebridge/general/default_owner', scope: 'default', scopeId: 0 }, `${'x'.repeat(250)}@example.com`, ['forcebridge/general/default_owner must be at most 255 characters']],
    ];
    for (const [location, value, problems] of attempts) {
      const error = await setConfigValue(pool, location, value).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error, location.path).to.be.instanceOf(ConfigWriteError);
      expect((error as ConfigWriteError).problems.sort()).to.deep.equal([...problems].sort());
    }
    const [rows] = await pool.query<mysql.RowDataPacket[]>("SELECT COUNT(*) AS n FROM core_config_data WHERE path LIKE 'forcebridge/%' OR value = 'http://evil'");
    expect(Number(rows[0]?.n)).to.equal(0);
  });

  it('reads default-scope configuration through the scope/path index, never the whole table', async () => {
    // a real store holds thousands of configuration rows, nearly all at the default scope
    await pool.query(
      `INSERT INTO core_config_data (scope, scope_id, path, value)
       SELECT 'default', 0, CONCAT('catalog/other/setting_', seq), 'x' FROM seq_1_to_3000`,
    );
    await pool.query('ANALYZE TABLE core_config_data');
    const [plan] = await pool.query<mysql.RowDataPacket[]>(`EXPLAIN ${SNAPSHOT_ROWS_SQL}`, [MAGENTO_PATHS]);
    expect(plan[0]?.key).to.equal('CORE_CONFIG_DATA_SCOPE_SCOPE_ID_PATH');
    expect(plan[0]?.type).to.equal('range');
    expect(Number(plan[0]?.rows)).to.be.below(100);
    await pool.query("DELETE FROM core_config_data WHERE path LIKE 'catalog/other/setting_%'");
  });

  it('reads the store list and the configuration once per cache period, for every scope', async () => {
    await setConfigRow(pool, 'stores', 3, 'forcebridge/order/automatic_sync', '1');
    const config = new MagentoConfig(pool, 60_000);
    expect(await config.storefrontStoreIds()).to.deep.equal([1, 2, 3]);
    const [one, three, website] = await Promise.all([config.forStore(1), config.forStore(3), config.forWebsite(2)]);
    expect([one.order.automaticSync, three.order.automaticSync, website.order.automaticSync]).to.deep.equal([false, true, false]);
    await insertStoreView(pool, { websiteId: 2, groupId: 2, storeId: 4 });
    try {
      expect(await config.storefrontStoreIds(), 'cached').to.deep.equal([1, 2, 3]);
      expect((await config.forStore(4)).storeId, 'unknown until read again').to.equal(null);
      config.invalidate();
      expect(await config.storefrontStoreIds()).to.deep.equal([1, 2, 3, 4]);
      expect(await config.forStore(4)).to.deep.include({ storeId: 4, websiteId: 2 });
    } finally {
      await pool.query('DELETE FROM store WHERE store_id = 4');
    }
  });
});
