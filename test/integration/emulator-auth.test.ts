// OAuth against the emulator through jsforce: every grant, bad credentials, expiry and refresh.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { expect } from 'chai';
import jsforce from 'jsforce';
import { SignJWT } from 'jose';
import { EMULATOR_DEFAULTS } from '../../emulator/server.js';
import { API_VERSION, CLIENT_ID, CLIENT_SECRET, rejectionOf, useEmulator } from '../support/emulator-harness.js';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const USERNAME = EMULATOR_DEFAULTS.username;

async function assertion(key: KeyObject, audience: string, claims: { iss?: string; sub?: string; expiresIn?: string | number } = {}): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(claims.iss ?? CLIENT_ID)
    .setSubject(claims.sub ?? USERNAME)
    .setAudience(audience)
    .setExpirationTime(claims.expiresIn ?? '3m')
    .sign(key);
}

describe('emulator OAuth', () => {
  const harness = useEmulator({ jwtCertificate: publicKey.export({ type: 'spki', format: 'pem' }).toString() });

  function oauthConnection(extra: Record<string, unknown> = {}) {
    return new jsforce.Connection({
      oauth2: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, loginUrl: harness.emulator.url, redirectUri: 'http://127.0.0.1:1/callback' },
      version: API_VERSION,
      ...extra,
    });
  }

  it('answers client credentials with the token response Salesforce sends', async () => {
    const conn = oauthConnection();
    const token = await conn.oauth2.requestToken({ grant_type: 'client_credentials' });
    expect(token.instance_url).to.equal(harness.emulator.url);
    expect(token.token_type).to.equal('Bearer');
    expect(token.access_token).to.match(/^00D[A-Za-z0-9]{12}!/);
    expect(token.id).to.match(new RegExp(`^${harness.emulator.url}/id/00D[A-Za-z0-9]{15}/005[A-Za-z0-9]{15}$`));
    expect(token).to.include.keys('issued_at', 'signature');
  });

  it('logs jsforce in with client credentials and serves the identity URL', async () => {
    const conn = oauthConnection();
    const userInfo = await conn.authorize({ grant_type: 'client_credentials' });
    expect(userInfo.organizationId).to.equal(harness.emulator.org.orgId);
    expect(userInfo.id).to.equal(harness.emulator.org.userId);
    expect(conn.instanceUrl).to.equal(harness.emulator.url);
    const identity = await conn.identity();
    expect(identity.username).to.equal(USERNAME);
  });

  it('refuses a wrong client secret and an unknown client id', async () => {
    const wrongSecret = new jsforce.Connection({ oauth2: { clientId: CLIENT_ID, clientSecret: 'nope', loginUrl: harness.emulator.url }, version: API_VERSION });
    expect((await rejectionOf(wrongSecret.authorize({ grant_type: 'client_credentials' }))).name).to.equal('invalid_client');
    const unknownClient = new jsforce.Connection({ oauth2: { clientId: 'other', clientSecret: CLIENT_SECRET, loginUrl: harness.emulator.url }, version: API_VERSION });
    expect((await rejectionOf(unknownClient.authorize({ grant_type: 'client_credentials' }))).name).to.equal('invalid_client_id');
  });

  it('logs in with username and password, and refuses a wrong password with invalid_grant', async () => {
    const conn = oauthConnection();
    const userInfo = await conn.login(USERNAME, EMULATOR_DEFAULTS.password);
    expect(userInfo.id).to.equal(harness.emulator.org.userId);
    expect((await conn.sobject('Account').create({ Name: 'After password login' })).success).to.equal(true);
    const error = await rejectionOf(oauthConnection().login(USERNAME, 'wrong'));
    expect(error.name).to.equal('invalid_grant');
    expect(error.message).to.contain('authentication failure');
    expect((await rejectionOf(oauthConnection().login('nobody@example.com', EMULATOR_DEFAULTS.password))).name).to.equal('invalid_grant');
  });

  it('logs in with a JWT bearer assertion signed by the configured key', async () => {
    const conn = oauthConnection();
    const userInfo = await conn.authorize({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: await assertion(privateKey, harness.emulator.url) });
    expect(userInfo.id).to.equal(harness.emulator.org.userId);
    expect((await conn.query('SELECT Id FROM User')).totalSize).to.equal(1);
  });

  it('refuses JWT assertions with a wrong issuer, subject, audience, expiry or signature', async () => {
    const url = harness.emulator.url;
    const bad = [
      await assertion(privateKey, url, { iss: 'someone-else' }),
      await assertion(privateKey, url, { sub: 'nobody@example.com' }),
      await assertion(privateKey, 'https://elsewhere.example.com'),
      await assertion(privateKey, url, { expiresIn: Math.floor(Date.now() / 1000) - 60 }),
      await assertion(otherKey, url),
    ];
    for (const signed of bad) {
      const error = await rejectionOf(oauthConnection().authorize({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: signed }));
      expect(error.name).to.equal('invalid_grant');
    }
  });

  it('issues a refresh token through the authorization code flow and jsforce refreshes with it after the session expires', async () => {
    const conn = oauthConnection();
    const approval = await fetch(conn.oauth2.getAuthorizationUrl({ state: 'xyz' }), { redirect: 'manual' });
    expect(approval.status).to.equal(302);
    const location = new URL(approval.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).to.equal('xyz');
    await conn.authorize(location.searchParams.get('code') ?? '');
    expect(conn.refreshToken).to.be.a('string');
    const firstToken = conn.accessToken;

    expect((await harness.admin('POST', '/sessions/expire')).status).to.equal(204);
    let refreshed = 0;
    conn.on('refresh', () => (refreshed += 1));
    expect((await conn.query('SELECT Id FROM Account')).totalSize).to.equal(0);
    expect(refreshed).to.equal(1);
    expect(conn.accessToken).to.not.equal(firstToken);
  });

  it('answers an expired or unknown session with 401 INVALID_SESSION_ID', async () => {
    const bare = new jsforce.Connection({ instanceUrl: harness.emulator.url, accessToken: 'not-a-token', version: API_VERSION });
    const error = await rejectionOf(bare.query('SELECT Id FROM Account'));
    expect(error.errorCode).to.equal('INVALID_SESSION_ID');
    expect(error.message).to.equal('Session expired or invalid');
  });

  it('expires tokens after the configured lifetime; a client-credentials connection recovers through its refreshFn', async () => {
    const settings = await harness.admin('PATCH', '/settings', { tokenLifetimeSeconds: 0.05 });
    expect(settings.status).to.equal(200);
    try {
      let refreshCalls = 0;
      const conn = oauthConnection({
        refreshFn: (connection: InstanceType<typeof jsforce.Connection>, callback: (error: Error | null, accessToken?: string) => void) => {
          refreshCalls += 1;
          connection.oauth2.requestToken({ grant_type: 'client_credentials' }).then(
            (token) => callback(null, token.access_token),
            (error: Error) => callback(error),
          );
        },
      });
      await conn.authorize({ grant_type: 'client_credentials' });
      await new Promise((resolve) => setTimeout(resolve, 120));
      const result = await conn.sobject('Account').create({ Name: 'Created after expiry' });
      expect(result.success).to.equal(true);
      expect(refreshCalls).to.be.at.least(1);
    } finally {
      await harness.admin('PATCH', '/settings', { tokenLifetimeSeconds: EMULATOR_DEFAULTS.tokenLifetimeSeconds });
    }
  });

  it('revokes the token on logout', async () => {
    const conn = oauthConnection();
    await conn.authorize({ grant_type: 'client_credentials' });
    const token = conn.accessToken ?? '';
    await conn.logout();
    const reused = new jsforce.Connection({ instanceUrl: harness.emulator.url, accessToken: token, version: API_VERSION });
    expect((await rejectionOf(reused.query('SELECT Id FROM Account'))).errorCode).to.equal('INVALID_SESSION_ID');
  });
});
