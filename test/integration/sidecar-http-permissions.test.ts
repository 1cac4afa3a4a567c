// Per-area permissions on every route: a console session carries the Forcebridge resources its
// admin's role grants (read at sign-in), and a call from Magento's server carries the ones named in
// X-Forcebridge-Resources. Both are held to the same table: grids, sync states and history by area,
// syncing needs the sync resource and the area's, each setting path its area's (else the
// configuration section's), and scopes, picklists and links the Salesforce menu's.
import { expect } from 'chai';
import type { RowDataPacket } from 'mysql2';
import { createAdminUser } from '../../devtools/magento-admin.js';
import { insertCart, insertCustomer, saveShippingInformation } from '../support/magento-rows.js';
import { magentoServerHeaders, useHttpApi, type RequestOptions } from '../support/http-api-harness.js';

const PASSWORD = 'Str0ng-admin-pass';
const RECORD_URL = 'https://acme.example/records/{object}/{id}?view=full';
const SALESFORCE = 'Forcebridge_Connector::salesforce';
const CARTS = 'Forcebridge_Connector::abandoned_carts';
const ORDERS = 'Forcebridge_Connector::orders';
const CUSTOMERS = 'Forcebridge_Connector::customers';
const FIELD_MAPPINGS = 'Forcebridge_Connector::field_mappings';
const SYNC = 'Forcebridge_Connector::sync';
const CONFIG = 'Forcebridge_Connector::config';
/** A role allowed only Abandoned Carts (with the Salesforce menu they sit in, and syncing). */
const CARTS_ONLY = [SALESFORCE, CARTS, SYNC];

const NOT_ORDERS = 'Your Magento role does not allow Salesforce > Orders.';
const NOT_CUSTOMERS = 'Your Magento role does not allow Salesforce > Customers.';

interface ErrorBody {
  error: string;
  details?: { field: string; problem: string }[];
}

interface ConfigBody {
  values: Record<string, unknown>;
}

const groupsOf = (body: ConfigBody) => [...new Set(Object.keys(body.values).map((path) => path.split('/')[1]))].sort();

describe('sidecar HTTP API: per-area permissions', function () {
  this.timeout(90_000);
  const http = useHttpApi({ salesforceRecordUrl: RECORD_URL });
  let cartId: number;
  let customerId: number;

  before(async function () {
    this.timeout(60_000);
    const { pool } = http().sidecar;
    const account = { password: PASSWORD, firstName: 'Cara', lastName: 'Carts', email: 'cara@example.com' };
    await createAdminUser(pool, { ...account, username: 'cara', aclResources: CARTS_ONLY });
    await createAdminUser(pool, { ...account, username: 'fay', aclResources: [CONFIG, FIELD_MAPPINGS] });
    await createAdminUser(pool, { ...account, username: 'cuss', aclResources: [CUSTOMERS] });
    customerId = await insertCustomer(pool, { email: 'reg@example.com', firstname: 'Reg', lastname: 'Ular' });
    cartId = await insertCart(pool, { customerId, customerEmail: 'reg@example.com', items: [{ sku: 'MH01', name: 'Hoodie', qty: 1, price: 50 }] });
    await saveShippingInformation(pool, cartId, { email: 'reg@example.com', firstname: 'Reg', lastname: 'Ular' });
  });

  async function forcebridgeRows(): Promise<RowDataPacket[]> {
    const [rows] = await http().sidecar.pool.query<RowDataPacket[]>("SELECT scope, scope_id, path, value FROM core_config_data WHERE path LIKE 'forcebridge/%' ORDER BY path");
    return rows;
  }

  /** The same role, as a console session and as Magento's server acting for it. */
  const callers: [string, (resources: string[], username: string) => Promise<RequestOptions>][] = [
    ['a console session', async (_resources, username) => ({ session: await http().signIn(username, PASSWORD) })],
    ["Magento's server with the token", async (resources, username) => ({ headers: magentoServerHeaders(resources, username) })],
  ];

  for (const [label, as] of callers) {
    describe(`a role allowed only Abandoned Carts, as ${label}`, () => {
      let caller: RequestOptions;
      before(async () => {
        caller = await as(CARTS_ONLY, 'cara');
      });

      it('reads the carts grid, their sync states and history, and the scopes, dropdowns and links', async () => {
        for (const path of ['/api/grids/carts', `/api/sync-status/carts?ids=${cartId}`, `/api/history/carts/${cartId}`, '/api/scopes', '/api/picklists/stages', '/api/links']) {
          const response = await http().request('GET', path, caller);
          expect(response.status, `${path}: ${response.text}`).to.equal(200);
        }
      });

      it('syncs carts', async () => {
        const response = await http().request<{ jobId: string }>('POST', '/api/sync', { ...caller, body: { area: 'carts', ids: [cartId] } });
        expect(response.status, response.text).to.equal(202);
        expect((await http().request('GET', `/api/sync/${response.body.jobId}`, caller)).status).to.equal(200);
      });

      it('sees and changes only the abandoned-cart settings', async () => {
        const read = await http().request<ConfigBody>('GET', '/api/config?scope=default&scopeId=0', caller);
        expect(groupsOf(read.body)).to.deep.equal(['abandoned_cart']);
        const put = await http().request<ConfigBody>('PUT', '/api/config', { ...caller, body: { scope: 'default', scopeId: 0, values: { 'forcebridge/abandoned_cart/sales_cycle_length': '21' } } });
        expect(put.status, put.text).to.equal(200);
        expect(groupsOf(put.body)).to.deep.equal(['abandoned_cart']);
        expect((await http().sidecar.config.forStore(1)).abandonedCart.salesCycleLength).to.equal(21);
      });

      it('cannot change order settings, alone or among cart settings, and nothing is saved', async () => {
        const before = await forcebridgeRows();
        const alone = await http().request<ErrorBody>('PUT', '/api/config', { ...caller, body: { scope: 'default', scopeId: 0, values: { 'forcebridge/order/automatic_sync': '1' } } });
        expect(alone.status).to.equal(403);
        expect(alone.body.error).to.equal('Your Magento role does not allow Salesforce > Orders, so forcebridge/order/automatic_sync cannot be changed; nothing was saved.');
        const mixed = await http().request<ErrorBody>('PUT', '/api/config', {
          ...caller,
          body: {
            scope: 'default',
            scopeId: 0,
            values: { 'forcebridge/abandoned_cart/sales_cycle_length': '5', 'forcebridge/order_status_map/complete': 'Closed Lost', 'forcebridge/general/lead_source': 'Web' },
          },
        });
        expect(mixed.status).to.equal(403);
        expect(mixed.body.error).to.equal(
          'Your Magento role does not allow Salesforce > Field Mappings and Stores > Settings > Configuration > Salesforce Section, so forcebridge/order_status_map/complete and 1 more settings cannot be changed; nothing was saved.',
        );
        expect(mixed.body.details?.map((detail) => detail.field)).to.deep.equal(['forcebridge/order_status_map/complete', 'forcebridge/general/lead_source']);
        expect(await forcebridgeRows()).to.deep.equal(before);
      });

      it("cannot read the customers' grid or history, nor anything of orders, nor sync orders", async () => {
        for (const path of ['/api/grids/customers', `/api/history/customers/${customerId}`, `/api/sync-status/customers?ids=${customerId}`]) {
          const response = await http().request('GET', path, caller);
          expect(response.status, path).to.equal(403);
          expect(response.body, path).to.deep.equal({ error: NOT_CUSTOMERS });
        }
        for (const path of ['/api/grids/orders', '/api/history/orders/1', '/api/sync-status/orders?ids=1']) {
          expect((await http().request('GET', path, caller)).body, path).to.deep.equal({ error: NOT_ORDERS });
        }
        const [queuedBefore] = await http().sidecar.pool.query<RowDataPacket[]>("SELECT COUNT(*) AS n FROM forcebridge_queue WHERE entity_type = 'order'");
        const sync = await http().request('POST', '/api/sync', { ...caller, body: { area: 'orders', ids: [1] } });
        expect(sync.status).to.equal(403);
        expect(sync.body).to.deep.equal({ error: NOT_ORDERS });
        const [queuedAfter] = await http().sidecar.pool.query<RowDataPacket[]>("SELECT COUNT(*) AS n FROM forcebridge_queue WHERE entity_type = 'order'");
        expect(queuedAfter[0]!.n).to.equal(queuedBefore[0]!.n);
      });
    });
  }

  it('sends each setting path with its area: field mappings for the status map, the configuration section for general and customer', async () => {
    const session = await http().signIn('fay', PASSWORD);
    const read = await http().request<ConfigBody>('GET', '/api/config?scope=default&scopeId=0', { session });
    expect(groupsOf(read.body)).to.deep.equal(['customer', 'general', 'order_status_map']);
    const put = await http().request('PUT', '/api/config', {
      session,
      body: { scope: 'default', scopeId: 0, values: { 'forcebridge/order_status_map/holded': 'Closed Lost', 'forcebridge/customer/automatic_sync': null } },
    });
    expect(put.status, put.text).to.equal(200);
    const refused = await http().request('PUT', '/api/config', { session, body: { scope: 'default', scopeId: 0, values: { 'forcebridge/abandoned_cart/stage': 'Prospecting' } } });
    expect(refused.status).to.equal(403);
    // No Salesforce menu: no scopes, dropdowns or links, and no grid.
    expect((await http().request('GET', '/api/scopes', { session })).body).to.deep.equal({ error: 'Your Magento role does not allow Salesforce.' });
    expect((await http().request('GET', '/api/grids/carts', { session })).status).to.equal(403);
  });

  it("lets the Customers area open a customer's Shopping Cart tab, but not the Abandoned Carts grid or cart syncing", async () => {
    const session = await http().signIn('cuss', PASSWORD);
    const tab = await http().request<{ rows: { id: number }[] }>('GET', `/api/grids/carts?customerId=${customerId}`, { session });
    expect(tab.status, tab.text).to.equal(200);
    expect(tab.body.rows.map((row) => row.id)).to.deep.equal([cartId]);
    expect((await http().request('GET', '/api/grids/customers', { session })).status).to.equal(200);
    expect((await http().request('GET', '/api/grids/carts', { session })).body).to.deep.equal({ error: 'Your Magento role does not allow Salesforce > Abandoned Carts.' });
    const sync = await http().request('POST', '/api/sync', { session, body: { area: 'carts', ids: [cartId] } });
    expect(sync.body).to.deep.equal({ error: 'Your Magento role does not allow Salesforce > Sync with Salesforce and Salesforce > Abandoned Carts.' });
  });

  describe("resources named by Magento's server", () => {
    it('honours a list exactly as named, for an admin the sidecar never heard of, and never beyond it', async () => {
      const headers = magentoServerHeaders([ORDERS], 'someone-magento-vouched-for');
      expect((await http().request('GET', '/api/grids/orders', { headers })).status).to.equal(200);
      expect((await http().request('GET', '/api/history/orders/1', { headers })).status).to.equal(200);
      const read = await http().request<ConfigBody>('GET', '/api/config?scope=default&scopeId=0', { headers });
      expect(groupsOf(read.body)).to.deep.equal(['order']);
      expect((await http().request('GET', '/api/grids/carts', { headers })).status).to.equal(403);
      expect((await http().request('GET', '/api/scopes', { headers })).status).to.equal(403);
      const sync = await http().request('POST', '/api/sync', { headers, body: { area: 'orders', ids: [1] } });
      expect(sync.body).to.deep.equal({ error: 'Your Magento role does not allow Salesforce > Sync with Salesforce.' });
      expect((await http().request('PUT', '/api/config', { headers, body: { scope: 'default', scopeId: 0, values: { 'forcebridge/general/lead_source': 'Web' } } })).status).to.equal(403);
    });

    it('grants nothing for an empty list, and everything for Magento_Backend::all', async () => {
      const none = magentoServerHeaders([]);
      for (const path of ['/api/scopes', '/api/grids/carts', '/api/sync/0123456789abcdef0123456789abcdef']) {
        expect((await http().request('GET', path, { headers: none })).status, path).to.equal(403);
      }
      expect(groupsOf((await http().request<ConfigBody>('GET', '/api/config', { headers: none })).body)).to.deep.equal([]);
      const all = magentoServerHeaders(['Magento_Backend::all']);
      expect(groupsOf((await http().request<ConfigBody>('GET', '/api/config', { headers: all })).body)).to.deep.equal(['abandoned_cart', 'customer', 'general', 'order', 'order_status_map']);
      expect((await http().request('GET', '/api/grids/customers', { headers: all })).status).to.equal(200);
    });

    it('gives the configured record link template with its placeholders', async () => {
      const response = await http().request('GET', '/api/links', { headers: magentoServerHeaders([SALESFORCE]) });
      expect(response.body).to.deep.equal({ recordUrl: RECORD_URL });
    });
  });
});
