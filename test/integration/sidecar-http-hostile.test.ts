// Hostile and malformed input on every route of the HTTP API: wrong types, unknown fields, SQL and
// script injection strings, oversized bodies. Each gets a clear 4xx JSON error, and nothing changes
// in core_config_data or the sync queue.
import { expect } from 'chai';
import type { RowDataPacket } from 'mysql2';
import { createAdminUser } from '../../devtools/magento-admin.js';
import { useHttpApi, type RequestOptions, type SignedIn } from '../support/http-api-harness.js';

interface ErrorBody {
  error: string;
  details?: { field: string; problem: string }[];
}

const SQL = "1' OR '1'='1'; DROP TABLE core_config_data; --";
const SCRIPT = '<script>alert(document.cookie)</script>';
const manyIds = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

/** [method, path, request, expected status] — the session and its CSRF token are added to each. */
const HOSTILE: [string, string, RequestOptions, number][] = [
  ['POST', '/api/session', { body: { username: 42, password: 'x' } }, 400],
  ['POST', '/api/session', { body: { username: 'ada', password: 'x', isAdmin: true } }, 400],
  ['POST', '/api/session', { body: { username: 'a'.repeat(41), password: 'x' } }, 400],
  ['POST', '/api/session', { body: { username: "admin' OR '1'='1' --", password: SQL } }, 401],
  ['POST', '/api/session', { rawBody: '{"username": "ada", "password": ' }, 400],
  ['GET', `/api/picklists/${encodeURIComponent(SQL)}`, {}, 400],
  ['GET', '/api/config?scope=galaxy&scopeId=0', {}, 400],
  ['GET', '/api/config?scope=default&scopeId=-1', {}, 400],
  ['GET', `/api/config?scope=default&scopeId=${encodeURIComponent(SQL)}`, {}, 400],
  ['GET', '/api/config?scope=default&scope=stores&scopeId=1', {}, 400],
  ['GET', '/api/config?scope=default&scopeId=0&debug=1', {}, 400],
  ['PUT', '/api/config', { body: [1, 2, 3] }, 400],
  ['PUT', '/api/config', { rawBody: 'scope=default', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 400],
  ['PUT', '/api/config', { body: { scope: 'default', scopeId: '0', values: {} } }, 400],
  ['PUT', '/api/config', { body: { scope: 'default', scopeId: 0, values: { 'forcebridge/order/automatic_sync': 1 } } }, 400],
  ['PUT', '/api/config', { body: { scope: 'default', scopeId: 0, values: { 'forcebridge/order/automatic_sync': { $set: '1' } } } }, 400],
  ['PUT', '/api/config', { body: { scope: 'default', scopeId: 0, values: {}, admin: true } }, 400],
  ['PUT', '/api/config', { body: { scope: 'default', scopeId: 0, values: { [`forcebridge/x${SQL}`]: '1' } } }, 400],
  ['PUT', '/api/config', { body: { scope: 'default', scopeId: 0, values: { 'web/secure/base_url': 'https://evil.example/' } } }, 400],
  ['PUT', '/api/config', { body: { scope: 'default', scopeId: 0, values: { 'forcebridge/abandoned_cart/stage': SCRIPT, 'forcebridge/order/automatic_sync': '1' } } }, 400],
  ['PUT', '/api/config', { body: { scope: 'default', scopeId: 0, values: { 'forcebridge/order/sales_cycle_length': SQL } } }, 400],
  ['PUT', '/api/config', { body: { scope: 'default', scopeId: 0, values: { 'forcebridge/order/draft_stage': 'x'.repeat(256) } } }, 400],
  ['PUT', '/api/config', { rawBody: JSON.stringify({ scope: 'default', scopeId: 0, values: { 'forcebridge/order/draft_stage': 'x'.repeat(70_000) } }) }, 413],
  ['GET', '/api/grids/everything', {}, 400],
  ['GET', '/api/grids/carts?limit=0', {}, 400],
  ['GET', '/api/grids/carts?limit=100000', {}, 400],
  ['GET', '/api/grids/carts?limit=ten', {}, 400],
  ['GET', `/api/grids/orders?after=${encodeURIComponent(SQL)}`, {}, 400],
  ['GET', '/api/grids/customers?after=-3', {}, 400],
  ['GET', `/api/grids/customers?q=${'x'.repeat(101)}`, {}, 400],
  ['GET', '/api/grids/carts?q=a&q=b', {}, 400],
  ['GET', '/api/grids/carts?sort=entity_id', {}, 400],
  ['GET', `/api/sync-status/carts?ids=${encodeURIComponent('1);DROP TABLE quote;--')}`, {}, 400],
  ['GET', '/api/sync-status/carts?ids=', {}, 400],
  ['GET', '/api/sync-status/carts', {}, 400],
  ['GET', `/api/sync-status/orders?ids=${manyIds(501).join(',')}`, {}, 400],
  ['GET', '/api/sync-status/guests?ids=1', {}, 400],
  ['POST', '/api/sync', { body: { area: 'all', ids: [1] } }, 400],
  ['POST', '/api/sync', { body: { area: 'carts', ids: [] } }, 400],
  ['POST', '/api/sync', { body: { area: 'carts', ids: ['1'] } }, 400],
  ['POST', '/api/sync', { body: { area: 'carts', ids: [1.5] } }, 400],
  ['POST', '/api/sync', { body: { area: 'carts', ids: [-1] } }, 400],
  ['POST', '/api/sync', { body: { area: 'carts', ids: '1,2' } }, 400],
  ['POST', '/api/sync', { body: { area: 'carts', ids: manyIds(501) } }, 400],
  ['POST', '/api/sync', { body: { area: 'carts', ids: [1], priority: 0 } }, 400],
  ['POST', '/api/sync', { body: { area: SCRIPT, ids: [1] } }, 400],
  ['POST', '/api/sync', {}, 400],
  ['GET', `/api/sync/${encodeURIComponent(SQL)}`, {}, 400],
  ['GET', '/api/history/carts/abc', {}, 400],
  ['GET', '/api/history/carts/0', {}, 400],
  ['GET', `/api/history/orders/${encodeURIComponent("1' OR 1=1")}`, {}, 400],
  ['GET', '/api/history/customers/99999999999', {}, 400],
  ['GET', '/api/nothing-here', {}, 404],
];

describe('sidecar HTTP API: hostile input', function () {
  this.timeout(60_000);
  const http = useHttpApi();
  let session: SignedIn;

  before(async function () {
    this.timeout(30_000);
    await createAdminUser(http().sidecar.pool, { username: 'ada', password: 'Str0ng-admin-pass', firstName: 'Ada', lastName: 'Admin', email: 'ada@example.com' });
    session = await http().signIn('ada', 'Str0ng-admin-pass');
  });

  async function storeState(): Promise<string> {
    const [config] = await http().sidecar.pool.query<RowDataPacket[]>('SELECT scope, scope_id, path, value FROM core_config_data ORDER BY config_id');
    const [queue] = await http().sidecar.pool.query<RowDataPacket[]>('SELECT entity_type, entity_id FROM forcebridge_queue ORDER BY queue_id');
    return JSON.stringify({ config, queue });
  }

  for (const [method, path, request, status] of HOSTILE) {
    const sent = request.body !== undefined ? JSON.stringify(request.body) : request.rawBody;
    const label = `${method} ${path.length > 70 ? `${path.slice(0, 70)}…` : path}${sent !== undefined ? ` ${sent.slice(0, 70)}` : ''}`;
    it(`answers ${status} with a sentence to ${label}`, async () => {
      const before = await storeState();
      const response = await http().request<ErrorBody>(method, path, { ...request, session });
      expect(response.status).to.equal(status);
      expect(response.headers.get('content-type')).to.include('application/json');
      expect(response.body.error).to.be.a('string').and.match(/^[A-Z].*\.$/);
      if (status === 400 && path !== '/api/session') expect(response.body.details ?? [], 'details name the field').to.have.length.greaterThan(0);
      expect(response.text).not.to.include('<script>');
      expect(response.text).not.to.match(/SQL syntax|ER_|at \w+ \(/);
      expect(await storeState()).to.equal(before);
    });
  }

  it('says which field is wrong and why', async () => {
    const response = await http().request<ErrorBody>('POST', '/api/sync', { session, body: { area: 'carts', ids: [1, 'two'], extra: 1 } });
    expect(response.body.error).to.equal('The request body is not valid.');
    expect(response.body.details).to.deep.include({ field: 'extra', problem: 'is not a field this request accepts' });
    expect(response.body.details?.map((detail) => detail.field)).to.include('ids.1');
  });

  it('treats injection strings in the grid filter as plain text', async () => {
    for (const text of [SQL, SCRIPT, '%', '\\']) {
      const response = await http().request<{ rows: unknown[]; nextAfter: null }>('GET', `/api/grids/orders?q=${encodeURIComponent(text)}`, { session });
      expect(response.status, text).to.equal(200);
      expect(response.body).to.deep.equal({ rows: [], nextAfter: null });
    }
    const [tables] = await http().sidecar.pool.query<RowDataPacket[]>("SHOW TABLES LIKE 'core_config_data'");
    expect(tables).to.have.length(1);
  });

  it('refuses an oversized sign-in body with 413', async () => {
    const response = await http().request<ErrorBody>('POST', '/api/session', { rawBody: JSON.stringify({ username: 'ada', password: 'p'.repeat(100_000) }) });
    expect(response.status).to.equal(413);
    expect(response.body.error).to.equal('The request body is larger than the 64kb the API accepts.');
  });
});
