// Console sign-in through Magento: GET /admin/sign-in/magento?token=<payload>.<signature>, signed
// with the API token, good once and for at most two minutes, for an active, unlocked admin whose
// role grants a Forcebridge resource; the session carries those resources. Password sign-in is off
// unless FORCEBRIDGE_PASSWORD_SIGN_IN=1, and without an API token there are no links at all.
import { createHmac, randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { createAdminUser } from '../../devtools/magento-admin.js';
import { API_TOKEN, useHttpApi, type ApiResponse, type HttpApiHarness, type SignedIn } from '../support/http-api-harness.js';

const PASSWORD = 'Str0ng-admin-pass';
const AGAIN = 'open the console again from Magento (Salesforce > Open Forcebridge console).';

interface LinkPayload {
  u: string;
  exp: number;
  n: string;
}

/** The token Magento's "Open Forcebridge console" puts in the link, written from the contract. */
function linkToken(payload: LinkPayload, key = API_TOKEN): string {
  const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${encoded}.${createHmac('sha256', key).update(encoded).digest('base64url')}`;
}

function payloadFor(http: HttpApiHarness, username: string, secondsAhead = 60): LinkPayload {
  return { u: username, exp: Math.floor(http.now() / 1000) + secondsAhead, n: randomBytes(16).toString('hex') };
}

async function openLink(http: HttpApiHarness, token: string): Promise<ApiResponse<string>> {
  return http.request<string>('GET', `/admin/sign-in/magento?token=${encodeURIComponent(token)}`);
}

function expectRefused(response: ApiResponse<string>, sentence: string): void {
  expect(response.status).to.equal(403);
  expect(response.headers.get('content-type')).to.include('text/plain');
  expect(response.text).to.equal(`${sentence}\n`);
  expect(response.headers.get('set-cookie')).to.equal(null);
}

describe('sidecar HTTP API: console sign-in through Magento', function () {
  this.timeout(60_000);
  const http = useHttpApi({ passwordSignIn: false });

  before(async function () {
    this.timeout(30_000);
    const { pool } = http().sidecar;
    const account = { password: PASSWORD, firstName: 'Ada', lastName: 'Admin', email: 'ada@example.com' };
    await createAdminUser(pool, { ...account, username: 'ada' });
    await createAdminUser(pool, { ...account, username: 'cara', aclResources: ['Forcebridge_Connector::salesforce', 'Forcebridge_Connector::abandoned_carts'] });
    await createAdminUser(pool, { ...account, username: 'carl', aclResources: ['Magento_Sales::sales'] });
    await createAdminUser(pool, { ...account, username: 'ina' });
    await pool.query("UPDATE admin_user SET is_active = 0 WHERE username = 'ina'");
    await createAdminUser(pool, { ...account, username: 'lock' });
    await pool.query("UPDATE admin_user SET lock_expires = NOW() + INTERVAL 1 HOUR WHERE username = 'lock'");
  });

  it('signs in once with a good link: an HttpOnly SameSite=Strict session cookie and a redirect to /admin', async () => {
    const token = linkToken(payloadFor(http(), 'ada'));
    const response = await openLink(http(), token);
    expect(response.status, response.text).to.equal(302);
    expect(response.headers.get('location')).to.equal('/admin');
    expect(response.headers.get('cache-control')).to.equal('no-store');
    expect(response.headers.get('referrer-policy')).to.equal('no-referrer');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).to.match(/^forcebridge_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).to.include('HttpOnly').and.include('SameSite=Strict');
    expect(setCookie).not.to.include('Secure');
    const cookie = /forcebridge_session=[^;]+/.exec(setCookie)![0];
    const me = await http().request<{ user: unknown; csrfToken: string }>('GET', '/api/session', { headers: { cookie } });
    expect(me.status).to.equal(200);
    expect(me.body.user).to.deep.equal({ username: 'ada', firstName: 'Ada', lastName: 'Admin' });
    const session: SignedIn = { cookie, csrfToken: me.body.csrfToken };
    expect((await http().request('GET', '/api/grids/customers', { session })).status).to.equal(200);

    expectRefused(await openLink(http(), token), `This sign-in link was already used; ${AGAIN}`);
  });

  it("gives the session the resources of the admin's role", async () => {
    const response = await openLink(http(), linkToken(payloadFor(http(), 'cara')));
    expect(response.status).to.equal(302);
    const cookie = /forcebridge_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')![0];
    expect((await http().request('GET', '/api/grids/carts', { headers: { cookie } })).status).to.equal(200);
    expect((await http().request('GET', '/api/grids/orders', { headers: { cookie } })).body).to.deep.equal({ error: 'Your Magento role does not allow Salesforce > Orders.' });
  });

  it('refuses an expired link, and one that claims to last longer than two minutes', async () => {
    expectRefused(await openLink(http(), linkToken(payloadFor(http(), 'ada', 0))), `This sign-in link has expired; ${AGAIN}`);
    expectRefused(await openLink(http(), linkToken(payloadFor(http(), 'ada', -30))), `This sign-in link has expired; ${AGAIN}`);
    expectRefused(await openLink(http(), linkToken(payloadFor(http(), 'ada', 121))), `This sign-in link is not valid; ${AGAIN}`);
    expect((await openLink(http(), linkToken(payloadFor(http(), 'ada', 120)))).status).to.equal(302);
  });

  it('refuses a good link opened after it expired', async () => {
    const token = linkToken(payloadFor(http(), 'ada', 60));
    http().advanceMinutes(1.5);
    expectRefused(await openLink(http(), token), `This sign-in link has expired; ${AGAIN}`);
  });

  it('refuses a tampered payload, a link signed with another key, and malformed tokens', async () => {
    const notValid = `This sign-in link is not valid; ${AGAIN}`;
    const [, signature] = linkToken(payloadFor(http(), 'cara')).split('.');
    const tampered = `${Buffer.from(JSON.stringify(payloadFor(http(), 'ada'))).toString('base64url')}.${signature}`;
    expectRefused(await openLink(http(), tampered), notValid);
    expectRefused(await openLink(http(), linkToken(payloadFor(http(), 'ada'), `${API_TOKEN}-other`)), notValid);
    const good = linkToken(payloadFor(http(), 'ada'));
    for (const token of ['', 'no-dot-here', `${good}=`, `${good.slice(0, -1)}`, `${good}.extra`, good.replace('.', '..')]) {
      expectRefused(await openLink(http(), token), notValid);
    }
    // Signed with the right key but not the contract's payload: extra fields, a bad nonce, no username.
    const signedOddities: unknown[] = [{ ...payloadFor(http(), 'ada'), admin: true }, { ...payloadFor(http(), 'ada'), n: 'xyz' }, { exp: payloadFor(http(), 'ada').exp, n: 'a'.repeat(32) }];
    for (const payload of signedOddities) expectRefused(await openLink(http(), linkToken(payload as LinkPayload)), notValid);
    expectRefused(await http().request<string>('GET', '/admin/sign-in/magento'), notValid);
    expectRefused(await http().request<string>('GET', `/admin/sign-in/magento?token=${encodeURIComponent(good)}&token=${encodeURIComponent(good)}`), notValid);
    // None of these spent the good link.
    expect((await openLink(http(), good)).status).to.equal(302);
  });

  it('refuses a link for an inactive, locked or unknown admin, and for a role without any Forcebridge resource', async () => {
    for (const username of ['ina', 'lock', 'nobody']) {
      expectRefused(await openLink(http(), linkToken(payloadFor(http(), username))), 'Your Magento admin account is unknown, inactive or locked.');
    }
    expectRefused(
      await openLink(http(), linkToken(payloadFor(http(), 'carl'))),
      'Your Magento admin role does not include any Salesforce (Forcebridge) resource; ask an administrator to grant one.',
    );
  });

  it('refuses password sign-in, with the way in', async () => {
    const response = await http().request('POST', '/api/session', { body: { username: 'ada', password: PASSWORD } });
    expect(response.status).to.equal(403);
    expect(response.body).to.deep.equal({ error: 'Password sign-in is off: open the console from Magento (Salesforce > Open Forcebridge console).' });
    expect(response.headers.get('set-cookie')).to.equal(null);
  });
});

describe('sidecar HTTP API: no API token, no sign-in links', function () {
  this.timeout(60_000);
  const http = useHttpApi({ apiToken: undefined });

  it('answers 404 at the link route', async () => {
    const response = await http().request('GET', `/admin/sign-in/magento?token=${encodeURIComponent(linkToken(payloadFor(http(), 'ada')))}`);
    expect(response.status).to.equal(404);
    expect(response.headers.get('set-cookie')).to.equal(null);
  });
});
