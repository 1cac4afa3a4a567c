// The HTTP API is closed by default: Magento admin sign-in (hash formats, inactive, locked, ACL),
// sessions that expire, CSRF on changes, the bearer token and acting-admin headers for Magento's
// PHP side, no CORS for any origin, rate-limited sign-in, and no route answers an anonymous caller.
import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { createAdminUser } from '../../devtools/magento-admin.js';
import { API_TOKEN, magentoServerHeaders, useHttpApi } from '../support/http-api-harness.js';

const PASSWORD = 'Str0ng-admin-pass';
const REFUSED = 'The username or password is wrong, or the account is inactive or locked.';

/** Every route of the contract, with a body that would be valid for the ones that change state. */
const PROTECTED_ROUTES: [string, string, unknown?][] = [
  ['GET', '/metrics'],
  ['GET', '/api/scopes'],
  ['GET', '/api/picklists/stages'],
  ['GET', '/api/picklists/record-types'],
  ['GET', '/api/picklists/contact-roles'],
  ['GET', '/api/links'],
  ['GET', '/api/config?scope=default&scopeId=0'],
  ['PUT', '/api/config', { scope: 'default', scopeId: 0, values: { 'forcebridge/order/automatic_sync': '1' } }],
  ['GET', '/api/grids/carts'],
  ['GET', '/api/grids/orders'],
  ['GET', '/api/grids/customers'],
  ['GET', '/api/sync-status/carts?ids=1'],
  ['GET', '/api/sync-status/orders?ids=1'],
  ['GET', '/api/sync-status/customers?ids=1'],
  ['POST', '/api/sync', { area: 'customers', ids: [1] }],
  ['GET', '/api/sync/0123456789abcdef0123456789abcdef'],
  ['GET', '/api/history/carts/1'],
  ['GET', '/api/history/orders/1'],
  ['GET', '/api/history/customers/1'],
  ['DELETE', '/api/session'],
];

describe('sidecar HTTP API: access', function () {
  this.timeout(60_000);
  const http = useHttpApi();

  before(async function () {
    this.timeout(60_000);
    const { pool } = http().sidecar;
    const account = { password: PASSWORD, firstName: 'Ada', lastName: 'Admin', email: 'ada@example.com' };
    await createAdminUser(pool, { ...account, username: 'ada' });
    await createAdminUser(pool, { ...account, username: 'sally', aclResources: ['Forcebridge_Connector::salesforce'] });
    await createAdminUser(pool, { ...account, username: 'carl', aclResources: ['Magento_Sales::sales'] });
    await createAdminUser(pool, { ...account, username: 'ina' });
    await pool.query("UPDATE admin_user SET is_active = 0 WHERE username = 'ina'");
    await createAdminUser(pool, { ...account, username: 'lock' });
    await pool.query("UPDATE admin_user SET lock_expires = NOW() + INTERVAL 1 HOUR WHERE username = 'lock'");
    await createAdminUser(pool, { ...account, username: 'unlocked' });
    await pool.query("UPDATE admin_user SET lock_expires = NOW() - INTERVAL 1 HOUR WHERE username = 'unlocked'");
    const salt = 'Qz8vLm2nRt5yUw7xAb9cDe1fGh3jKl4p';
    const sha256 = `${createHash('sha256').update(salt + 'legacy-pass').digest('hex')}:${salt}:1`;
    await createAdminUser(pool, { ...account, username: 'legacy', password: 'unused' });
    await pool.query("UPDATE admin_user SET password = ? WHERE username = 'legacy'", [sha256]);
  });

  describe('signing in', () => {
    it('signs in an administrator (Argon2id hash) with an HttpOnly SameSite=Strict cookie and a CSRF token', async () => {
      const response = await http().request<{ user: unknown; csrfToken: string }>('POST', '/api/session', { body: { username: 'ada', password: PASSWORD } });
      expect(response.status).to.equal(200);
      expect(response.body.user).to.deep.equal({ username: 'ada', firstName: 'Ada', lastName: 'Admin' });
      expect(response.body.csrfToken).to.match(/^[A-Za-z0-9_-]{43}$/);
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).to.match(/^forcebridge_session=[A-Za-z0-9_-]{43};/);
      expect(cookie).to.include('HttpOnly').and.include('SameSite=Strict');
      expect(response.text).not.to.match(/argon|:3_32_2_67108864|password/i);
    });

    it('signs in a user whose role allows only Forcebridge_Connector::salesforce, and one with an old SHA-256 hash', async () => {
      const session = await http().signIn('sally', PASSWORD);
      expect((await http().request('GET', '/api/session', { session })).status).to.equal(200);
      expect((await http().request('POST', '/api/session', { body: { username: 'legacy', password: 'legacy-pass' } })).status).to.equal(200);
      expect((await http().request('POST', '/api/session', { body: { username: 'unlocked', password: PASSWORD } })).status).to.equal(200);
    });

    it('refuses a wrong password, an unknown user, an inactive and a locked account with the same sentence', async () => {
      for (const [username, password] of [['ada', 'wrong-pass'], ['nobody', PASSWORD], ['ina', PASSWORD], ['lock', PASSWORD], ['legacy', 'legacy-pass2']]) {
        const response = await http().request('POST', '/api/session', { body: { username, password } });
        expect(response.status, username).to.equal(401);
        expect(response.body, username).to.deep.equal({ error: REFUSED });
        expect(response.headers.get('set-cookie'), username).to.equal(null);
      }
    });

    it('answers 403 to a right password whose role lacks every Forcebridge resource, and opens no session', async () => {
      const response = await http().request<{ error: string }>('POST', '/api/session', { body: { username: 'carl', password: PASSWORD } });
      expect(response.status).to.equal(403);
      expect(response.body.error).to.equal('Your Magento admin role does not include any Salesforce (Forcebridge) resource; ask an administrator to grant one.');
      expect(response.headers.get('set-cookie')).to.equal(null);
    });

    it('tells who is signed in, and signs out', async () => {
      const session = await http().signIn('ada', PASSWORD);
      const me = await http().request<{ user: { username: string }; csrfToken: string }>('GET', '/api/session', { session });
      expect(me.status).to.equal(200);
      expect(me.body).to.deep.equal({ user: { username: 'ada', firstName: 'Ada', lastName: 'Admin' }, csrfToken: session.csrfToken });
      expect((await http().request('DELETE', '/api/session', { session })).status).to.equal(204);
      expect((await http().request('GET', '/api/session', { session })).status).to.equal(401);
      expect((await http().request('GET', '/api/scopes', { session })).body).to.deep.equal({ error: 'Sign in first.' });
    });

    it('ends a session after the configured minutes without activity, not while it is used', async () => {
      const session = await http().signIn('ada', PASSWORD);
      http().advanceMinutes(20);
      expect((await http().request('GET', '/api/scopes', { session })).status).to.equal(200);
      http().advanceMinutes(20);
      expect((await http().request('GET', '/api/scopes', { session })).status).to.equal(200);
      http().advanceMinutes(31);
      const expired = await http().request('GET', '/api/scopes', { session });
      expect(expired.status).to.equal(401);
      expect(expired.body).to.deep.equal({ error: 'Sign in first.' });
    });
  });

  describe('changes need the CSRF token', () => {
    it('refuses a change without the X-CSRF-Token header, or with a wrong one, and writes nothing', async () => {
      const session = await http().signIn('ada', PASSWORD);
      const body = { scope: 'default', scopeId: 0, values: { 'forcebridge/customer/automatic_sync': '1' } };
      for (const csrf of ['', 'not-the-token', `${session.csrfToken}x`]) {
        const response = await http().request<{ error: string }>('PUT', '/api/config', { session, body, headers: { 'x-csrf-token': csrf } });
        expect(response.status, csrf).to.equal(403);
        expect(response.body.error).to.include('X-CSRF-Token');
      }
      const noHeader = await http().request('POST', '/api/sync', { body: { area: 'customers', ids: [1] }, headers: { cookie: session.cookie } });
      expect(noHeader.status).to.equal(403);
      const [rows] = await http().sidecar.pool.query<import('mysql2').RowDataPacket[]>("SELECT COUNT(*) AS n FROM core_config_data WHERE path LIKE 'forcebridge/%'");
      expect(Number(rows[0]!.n)).to.equal(0);
      const [queued] = await http().sidecar.pool.query<import('mysql2').RowDataPacket[]>('SELECT COUNT(*) AS n FROM forcebridge_queue');
      expect(Number(queued[0]!.n)).to.equal(0);
    });

    it('accepts the change with the right token', async () => {
      const session = await http().signIn('ada', PASSWORD);
      const response = await http().request('PUT', '/api/config', { session, body: { scope: 'default', scopeId: 0, values: { 'forcebridge/customer/automatic_sync': null } } });
      expect(response.status).to.equal(200);
    });
  });

  describe("Magento's server side", () => {
    it('reads and changes with the bearer token and the acting admin, no CSRF token needed', async () => {
      const headers = magentoServerHeaders();
      expect((await http().request('GET', '/api/scopes', { headers })).status).to.equal(200);
      const put = await http().request('PUT', '/api/config', { headers, body: { scope: 'default', scopeId: 0, values: { 'forcebridge/customer/automatic_sync': null } } });
      expect(put.status).to.equal(200);
    });

    it('refuses a wrong, truncated or malformed token, whatever acting admin it names', async () => {
      for (const authorization of [`Bearer ${API_TOKEN}x`, `Bearer ${API_TOKEN.slice(0, -1)}`, `Basic ${API_TOKEN}`, 'Bearer', `bearer  ${API_TOKEN}`]) {
        const response = await http().request('GET', '/api/scopes', { headers: { ...magentoServerHeaders(), authorization } });
        expect(response.status, authorization).to.equal(401);
        expect(response.body).to.deep.equal({ error: 'Sign in first.' });
      }
    });

    it('takes the acting-admin headers from nobody without the token', async () => {
      const { authorization: _, ...withoutToken } = magentoServerHeaders();
      const response = await http().request('GET', '/api/scopes', { headers: withoutToken });
      expect(response.status).to.equal(401);
    });

    it('refuses a token call that names no acting admin, and changes nothing', async () => {
      for (const [method, path, body] of [['GET', '/api/scopes'], ['POST', '/api/sync', { area: 'customers', ids: [1] }]] as const) {
        const response = await http().request<{ error: string }>(method, path, { body, headers: { authorization: `Bearer ${API_TOKEN}`, 'x-forcebridge-resources': 'Magento_Backend::all' } });
        expect(response.status, path).to.equal(400);
        expect(response.body.error).to.equal('A call with the API token must name the acting Magento admin in X-Forcebridge-Admin and the resources their role grants in X-Forcebridge-Resources.');
      }
      const [queued] = await http().sidecar.pool.query<import('mysql2').RowDataPacket[]>('SELECT COUNT(*) AS n FROM forcebridge_queue');
      expect(Number(queued[0]!.n)).to.equal(0);
    });

    it('refuses an acting admin without a resource list, or with an id that is not a Forcebridge resource', async () => {
      const withoutList = await http().request<{ error: string; details: { field: string }[] }>('GET', '/api/scopes', { headers: { authorization: `Bearer ${API_TOKEN}`, 'x-forcebridge-admin': 'ada' } });
      expect(withoutList.status).to.equal(400);
      expect(withoutList.body.error).to.equal('The X-Forcebridge-Admin or X-Forcebridge-Resources header is not valid.');
      expect(withoutList.body.details.map((detail) => detail.field)).to.deep.equal(['x-forcebridge-resources']);
      const unknown = await http().request<{ details: { field: string; problem: string }[] }>('GET', '/api/scopes', {
        headers: magentoServerHeaders(['Forcebridge_Connector::salesforce', 'Magento_Sales::sales']),
      });
      expect(unknown.status).to.equal(400);
      expect(unknown.body.details).to.have.length(1);
      expect(unknown.body.details[0]).to.include({ field: 'x-forcebridge-resources.1' });
      expect(unknown.body.details[0]!.problem).to.include('is not one of Forcebridge_Connector::salesforce');
      const blank = await http().request('GET', '/api/scopes', { headers: { ...magentoServerHeaders(), 'x-forcebridge-admin': ' ' } });
      expect(blank.status).to.equal(400);
    });

    it('lets the token alone read the Prometheus metrics (a scraper acts for no admin)', async () => {
      const response = await http().request('GET', '/metrics', { headers: { authorization: `Bearer ${API_TOKEN}` } });
      expect(response.status).to.equal(200);
    });
  });

  describe('closed by default', () => {
    for (const [method, path, body] of PROTECTED_ROUTES) {
      it(`refuses ${method} ${path} without a session or token`, async () => {
        const response = await http().request(method, path, { body });
        expect(response.status).to.equal(401);
        expect(response.body).to.deep.equal({ error: 'Sign in first.' });
      });
    }

    it('refuses a session id that was never handed out', async () => {
      const response = await http().request('GET', '/api/scopes', { headers: { cookie: 'forcebridge_session=made-up-session-id' } });
      expect(response.status).to.equal(401);
    });

    it('answers the anonymous health check with nothing but its status', async () => {
      const response = await http().request('GET', '/api/health');
      expect(response.status).to.equal(200);
      expect(response.body).to.deep.equal({ status: 'ok' });
    });

    it('sends security headers and no X-Powered-By', async () => {
      const response = await http().request('GET', '/api/health');
      expect(response.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(response.headers.get('content-security-policy')).to.include("default-src 'self'");
      expect(response.headers.get('strict-transport-security')).to.include('max-age');
      expect(response.headers.get('x-powered-by')).to.equal(null);
    });
  });

  describe('no CORS', () => {
    it('gives no origin CORS headers and answers no preflight', async () => {
      const session = await http().signIn('ada', PASSWORD);
      for (const origin of ['https://admin.example.test', 'https://evil.example']) {
        const response = await http().request('GET', '/api/scopes', { session, headers: { origin } });
        expect(response.status).to.equal(200);
        expect(response.headers.get('access-control-allow-origin'), origin).to.equal(null);
        expect(response.headers.get('access-control-allow-credentials'), origin).to.equal(null);
        const preflight = await http().request('OPTIONS', '/api/config', { headers: { origin, 'access-control-request-method': 'PUT' } });
        expect(preflight.status, origin).to.equal(401);
        expect(preflight.headers.get('access-control-allow-origin'), origin).to.equal(null);
        expect(preflight.headers.get('access-control-allow-methods'), origin).to.equal(null);
      }
    });
  });
});

describe('sidecar HTTP API: sign-in rate limits', function () {
  this.timeout(60_000);
  const http = useHttpApi({ signInLimits: { perAddress: 6, perUsername: 3, windowMinutes: 15 } });

  before(async function () {
    this.timeout(30_000);
    await createAdminUser(http().sidecar.pool, { username: 'rita', password: PASSWORD, firstName: 'Rita', lastName: 'Admin', email: 'rita@example.com' });
  });

  it('answers 429 with a sentence once one username has too many failed attempts, even with the right password', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await http().request('POST', '/api/session', { body: { username: 'rita', password: `guess-${attempt}` } })).status).to.equal(401);
    }
    const limited = await http().request<{ error: string }>('POST', '/api/session', { body: { username: 'RITA', password: PASSWORD } });
    expect(limited.status).to.equal(429);
    expect(limited.body.error).to.equal('Too many failed sign-in attempts; wait 15 minutes and try again.');
  });

  it('limits one address across usernames', async () => {
    const statuses: number[] = [];
    for (const username of ['u1', 'u2', 'u3']) statuses.push((await http().request('POST', '/api/session', { body: { username, password: 'x' } })).status);
    // rita's four failed attempts (the refused one too) count for this address: 6 allowed in all.
    expect(statuses).to.deep.equal([401, 401, 429]);
  });
});
