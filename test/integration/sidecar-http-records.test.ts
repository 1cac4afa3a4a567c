// The record side of the HTTP API: the grids (paginated, filtered, with sync state), sync states for
// Magento's grids, "Sync with Salesforce" jobs to completion, each record's history, and metrics.
import { expect } from 'chai';
import { createAdminUser } from '../../devtools/magento-admin.js';
import type { SyncJobProgress } from '../../sidecar/sync/manual-sync-jobs.js';
import type { SyncState } from '../../sidecar/sync/sync-states.js';
import { insertCart, insertCustomer, placeOrder, saveShippingInformation, setConfigRow } from '../support/magento-rows.js';
import { API_TOKEN, magentoServerHeaders, useHttpApi, type SignedIn } from '../support/http-api-harness.js';

interface GridBody<Row> {
  rows: (Row & { id: number; sync: SyncState })[];
  nextAfter: number | null;
}

/** What GET /api/sync/:jobId answers (the job's progress as JSON). */
type JobBody = SyncJobProgress;

interface HistoryEvent {
  occurredAt: string;
  result: string;
  salesforceObject: string | null;
  salesforceId: string | null;
  sent: { Opportunity?: Record<string, unknown> } | null;
  error: string | null;
  stageBefore: string | null;
  stageAfter: string | null;
}

describe('sidecar HTTP API: grids, sync and history', function () {
  this.timeout(90_000);
  const http = useHttpApi();
  let session: SignedIn;
  const cartIds: number[] = [];
  let customerId: number;
  let orderId: number;

  before(async function () {
    this.timeout(60_000);
    const { pool } = http().sidecar;
    await createAdminUser(pool, { username: 'ada', password: 'Str0ng-admin-pass', firstName: 'Ada', lastName: 'Admin', email: 'ada@example.com' });
    session = await http().signIn('ada', 'Str0ng-admin-pass');
    for (const name of ['anna', 'ben', 'cleo', 'dora', 'emil']) {
      const quoteId = await insertCart(pool, { items: [{ sku: 'MH01', name: 'Hoodie', qty: 2, price: 50 }] });
      await saveShippingInformation(pool, quoteId, { email: `${name}@example.com`, firstname: name[0]!.toUpperCase() + name.slice(1), lastname: 'Shopper' });
      cartIds.push(quoteId);
    }
    await insertCart(pool); // no e-mail anywhere: not in the Abandoned Carts grid
    customerId = await insertCustomer(pool, { email: 'reg@example.com', firstname: 'Reg', lastname: 'Ular' });
    await insertCustomer(pool, { email: 'other@example.com', firstname: 'Otto', lastname: 'Other' });
    const orderQuote = await insertCart(pool, { customerId, customerEmail: 'reg@example.com' });
    await saveShippingInformation(pool, orderQuote, { email: 'reg@example.com', firstname: 'Reg', lastname: 'Ular' });
    orderId = await placeOrder(pool, orderQuote, '000000042');
  });

  async function runJob(area: string, ids: number[]): Promise<JobBody> {
    const started = await http().request<{ jobId: string }>('POST', '/api/sync', { session, body: { area, ids } });
    expect(started.status).to.equal(202);
    expect(started.body.jobId).to.match(/^[0-9a-f]{32}$/);
    for (let poll = 0; poll < 200; poll++) {
      const progress = await http().request<JobBody>('GET', `/api/sync/${started.body.jobId}`, { session });
      expect(progress.status).to.equal(200);
      if (progress.body.finished) return progress.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the sync job did not finish within 200 polls');
  }

  it('pages through abandoned carts newest first with after=, without repeats', async () => {
    const seen: number[] = [];
    let after: number | null = null;
    for (let page = 0; page < 5; page++) {
      const query: string = after === null ? '' : `&after=${after}`;
      const response = await http().request<GridBody<{ email: string }>>('GET', `/api/grids/carts?limit=2${query}`, { session });
      expect(response.status).to.equal(200);
      expect(response.body.rows.length).to.be.at.most(2);
      seen.push(...response.body.rows.map((row) => row.id));
      after = response.body.nextAfter;
      if (after === null) break;
    }
    expect(seen).to.deep.equal([...cartIds].reverse());
  });

  it('shows a cart row with its customer, totals and sync state, and filters by name or e-mail', async () => {
    const response = await http().request<GridBody<Record<string, unknown>>>('GET', '/api/grids/carts?q=CLEO', { session });
    expect(response.body.nextAfter).to.equal(null);
    expect(response.body.rows).to.have.length(1);
    const row = response.body.rows[0]!;
    expect(row).to.deep.include({ id: cartIds[2], customer: 'Cleo Shopper', email: 'cleo@example.com', store: 'Default Store View', items: 2, grandTotal: 100, currency: 'USD' });
    expect(row.updatedAt).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(row.sync).to.deep.include({ status: 'never', salesforceId: null, salesforceUrl: null, error: null, lastSyncedAt: null });
    // LIKE wildcards in the filter are taken literally.
    expect((await http().request<GridBody<unknown>>('GET', '/api/grids/carts?q=%25', { session })).body.rows).to.deep.equal([]);
    expect((await http().request<GridBody<unknown>>('GET', '/api/grids/carts?q=_', { session })).body.rows).to.deep.equal([]);
  });

  it("narrows the carts grid to one customer's carts (the Shopping Cart tab), and refuses that elsewhere", async () => {
    const openCart = await insertCart(http().sidecar.pool, { customerId, customerEmail: 'reg@example.com' });
    const mine = await http().request<GridBody<{ id: number }>>('GET', `/api/grids/carts?customerId=${customerId}`, { session });
    expect(mine.status).to.equal(200);
    // The ordered cart is no longer active; the open one is the customer's only cart.
    expect(mine.body.rows.map((row) => row.id)).to.deep.equal([openCart]);
    const none = await http().request<GridBody<unknown>>('GET', `/api/grids/carts?customerId=${customerId + 1000}`, { session });
    expect(none.body.rows).to.deep.equal([]);
    const refused = await http().request<{ error: string }>('GET', `/api/grids/orders?customerId=${customerId}`, { session });
    expect(refused.status).to.equal(400);
    expect(refused.body.error).to.contain('cannot be narrowed');
  });

  it('lists orders and customers, filtered by order number and e-mail', async () => {
    const orders = await http().request<GridBody<Record<string, unknown>>>('GET', '/api/grids/orders?q=000000042', { session });
    expect(orders.body.rows).to.have.length(1);
    expect(orders.body.rows[0]).to.deep.include({ id: orderId, incrementId: '000000042', customer: 'Reg Ular', email: 'reg@example.com', status: 'pending', currency: 'USD' });
    const customers = await http().request<GridBody<Record<string, unknown>>>('GET', '/api/grids/customers?limit=1', { session });
    expect(customers.body.rows).to.have.length(1);
    expect(customers.body.nextAfter).to.be.a('number');
    const reg = await http().request<GridBody<Record<string, unknown>>>('GET', '/api/grids/customers?q=reg%40example', { session });
    expect(reg.body.rows.map((row) => row.id)).to.deep.equal([customerId]);
    expect(reg.body.rows[0]).to.deep.include({ name: 'Reg Ular', email: 'reg@example.com', website: 'Main Website' });
  });

  it('syncs chosen carts in a job that reports each result, with a link to each record in the org', async () => {
    const job = await runJob('carts', [cartIds[0]!, cartIds[1]!]);
    expect(job).to.deep.include({ total: 2, done: 2, synced: 2, failed: 0, skipped: 0, finished: true });
    for (const id of [cartIds[0]!, cartIds[1]!]) {
      const state = job.results[String(id)]!;
      expect(state.status).to.equal('synced');
      expect(state.salesforceId).to.match(/^006[A-Za-z0-9]{15}$/);
      expect(state.salesforceUrl).to.equal(`${http().sidecar.emulator.url}/lightning/r/Opportunity/${state.salesforceId}/view`);
      expect(state.lastSyncedAt).to.match(/Z$/);
      const opportunities = await http().sidecar.query<{ Id: string }>(`SELECT Id FROM Opportunity WHERE Magento_Key__c = 'test:quote:${id}'`);
      expect(opportunities.map((o) => o.Id)).to.deep.equal([state.salesforceId]);
    }
  });

  it("gives Magento's grids the sync state of any ids, 'never' for records not tried", async () => {
    const response = await http().request<Record<string, SyncState>>('GET', `/api/sync-status/carts?ids=${cartIds[0]},${cartIds[4]}`, { headers: magentoServerHeaders() });
    expect(response.status).to.equal(200);
    expect(Object.keys(response.body).sort()).to.deep.equal([String(cartIds[0]), String(cartIds[4])].sort());
    expect(response.body[String(cartIds[0])]!.status).to.equal('synced');
    expect(response.body[String(cartIds[4])]).to.deep.include({ status: 'never', salesforceId: null });
    const grid = await http().request<GridBody<unknown>>('GET', '/api/grids/carts?q=anna', { session });
    expect(grid.body.rows[0]!.sync.status).to.equal('synced');
  });

  it('reports a record that fails with its reason, next to one that syncs', async () => {
    // Written behind the API's back, as a stale setting would be: new orders are "pending".
    await setConfigRow(http().sidecar.pool, 'stores', 1, 'forcebridge/order_status_map/pending', 'Wishful Thinking');
    const job = await runJob('orders', [orderId]);
    expect(job).to.deep.include({ total: 1, done: 1, synced: 0, failed: 1, finished: true });
    expect(job.results[String(orderId)]!.error).to.include('Wishful Thinking');
    await http().sidecar.pool.query("DELETE FROM core_config_data WHERE path = 'forcebridge/order_status_map/pending'");
    const customers = await runJob('customers', [customerId]);
    expect(customers).to.deep.include({ synced: 1, failed: 0 });
    expect(customers.results[String(customerId)]!.salesforceUrl).to.match(/\/lightning\/r\/Contact\/003[A-Za-z0-9]{15}\/view$/);
  });

  it('runs jobs requested together one after the other, each to completion', async () => {
    const [first, second] = await Promise.all([
      http().request<{ jobId: string }>('POST', '/api/sync', { session, body: { area: 'carts', ids: [cartIds[2]] } }),
      http().request<{ jobId: string }>('POST', '/api/sync', { session, body: { area: 'carts', ids: [cartIds[3]] } }),
    ]);
    for (const started of [first, second]) {
      let progress: JobBody | undefined;
      for (let poll = 0; poll < 200 && !progress?.finished; poll++) {
        if (poll > 0) await new Promise((resolve) => setTimeout(resolve, 100));
        progress = (await http().request<JobBody>('GET', `/api/sync/${started.body.jobId}`, { session })).body;
      }
      expect(progress).to.deep.include({ finished: true, synced: 1 });
    }
  });

  it('shows what each sync sent and the stage transition in the history', async () => {
    const put = await http().request('PUT', '/api/config', { session, body: { scope: 'default', scopeId: 0, values: { 'forcebridge/abandoned_cart/stage': 'Needs Analysis' } } });
    expect(put.status).to.equal(200);
    await runJob('carts', [cartIds[0]!]);
    const response = await http().request<{ events: HistoryEvent[] }>('GET', `/api/history/carts/${cartIds[0]}`, { session });
    expect(response.status).to.equal(200);
    const [latest, first] = response.body.events;
    expect(response.body.events).to.have.length(2);
    expect(first).to.deep.include({ result: 'success', salesforceObject: 'Opportunity', stageBefore: null, stageAfter: 'Prospecting', error: null });
    expect(latest).to.deep.include({ result: 'success', stageBefore: 'Prospecting', stageAfter: 'Needs Analysis' });
    expect(latest!.sent?.Opportunity).to.include({ StageName: 'Needs Analysis', Amount: 100 });
    expect(latest!.salesforceId).to.equal(first!.salesforceId);
    expect(latest!.occurredAt).to.match(/Z$/);
    expect((await http().request('GET', '/api/history/customers/999999', { session })).body).to.deep.equal({ events: [] });
  });

  it("gives Magento the template of the sidecar's record links", async () => {
    const response = await http().request<{ recordUrl: string }>('GET', '/api/links', { headers: magentoServerHeaders() });
    expect(response.status).to.equal(200);
    expect(response.body).to.deep.equal({ recordUrl: `${http().sidecar.emulator.url}/lightning/r/{object}/{id}/view` });
  });

  it('refuses more than 500 ids in one sync request (Magento sends larger selections in batches of 500)', async () => {
    const ids = Array.from({ length: 501 }, (_, index) => index + 1);
    const response = await http().request<{ error: string; details: { field: string; problem: string }[] }>('POST', '/api/sync', { session, body: { area: 'customers', ids } });
    expect(response.status).to.equal(400);
    expect(response.body.details).to.deep.equal([{ field: 'ids', problem: 'must name at most 500 records' }]);
  });

  it('answers 404 for a sync job it does not know', async () => {
    const response = await http().request<{ error: string }>('GET', '/api/sync/0123456789abcdef0123456789abcdef', { session });
    expect(response.status).to.equal(404);
    expect(response.body.error).to.include('no such sync job');
  });

  it('serves Prometheus metrics: passes, records by area, API calls, queue depth, HTTP requests', async () => {
    await http().sidecar.pool.query("INSERT INTO forcebridge_queue (entity_type, entity_id, priority, enqueued_at, available_at) VALUES ('customer', 424242, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())");
    const response = await http().request<string>('GET', '/metrics', { headers: { authorization: `Bearer ${API_TOKEN}` } });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.include('text/plain');
    const text = response.body;
    expect(text).to.match(/^forcebridge_sync_passes_total\{area="carts",trigger="manual",outcome="completed"\} [1-9]\d*$/m);
    expect(text).to.match(/^forcebridge_sync_records_total\{area="carts",result="synced"\} ([5-9]|\d\d+)$/m);
    expect(text).to.match(/^forcebridge_sync_records_total\{area="orders",result="failed"\} 1$/m);
    expect(text).to.match(/^forcebridge_salesforce_api_calls_total [1-9]\d*$/m);
    expect(text).to.match(/^forcebridge_queue_depth\{entity_type="customer",state="ready"\} 1$/m);
    expect(text).to.match(/^forcebridge_http_requests_total\{method="POST",route="\/api\/sync",status="202"\} [1-9]\d*$/m);
    await http().sidecar.pool.query('DELETE FROM forcebridge_queue WHERE entity_id = 424242');
  });
});
