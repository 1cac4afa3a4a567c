// Opens a jsforce connection with the configured OAuth flow. Client-credentials and JWT-bearer
// tokens come without a refresh token, so jsforce cannot renew them on a 401 by itself: we hand
// it a refreshFn that simply asks for a new token the same way.
import { readFile } from 'node:fs/promises';
import { SignJWT, importPKCS8 } from 'jose';
import jsforce, { type Connection } from 'jsforce';

export type SalesforceAuth =
  | { kind: 'client_credentials'; clientId: string; clientSecret: string }
  | { kind: 'jwt'; clientId: string; username: string; privateKeyFile: string }
  | { kind: 'password'; clientId: string; clientSecret: string; username: string; password: string };

export interface SessionOptions {
  loginUrl: string;
  apiVersion: string;
  auth: SalesforceAuth;
}

interface TokenResponse {
  access_token: string;
  instance_url: string;
}

const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const JWT_LIFETIME = '3m';

async function signJwtAssertion(options: SessionOptions & { auth: { kind: 'jwt' } }): Promise<string> {
  const key = await importPKCS8(await readFile(options.auth.privateKeyFile, 'utf8'), 'RS256');
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(options.auth.clientId)
    .setSubject(options.auth.username)
    .setAudience(options.loginUrl)
    .setExpirationTime(JWT_LIFETIME)
    .sign(key);
}

async function requestToken(options: SessionOptions): Promise<TokenResponse> {
  const { auth, loginUrl } = options;
  if (auth.kind === 'password') throw new Error('The password flow logs in through jsforce itself.');
  const oauth2 =
    auth.kind === 'jwt'
      ? new jsforce.OAuth2({ clientId: auth.clientId, loginUrl })
      : new jsforce.OAuth2({ clientId: auth.clientId, clientSecret: auth.clientSecret, loginUrl });
  const params: { grant_type: string; [name: string]: string } =
    auth.kind === 'jwt'
      ? { grant_type: JWT_BEARER_GRANT, assertion: await signJwtAssertion({ ...options, auth }) }
      : { grant_type: 'client_credentials' };
  return (await oauth2.requestToken(params)) as unknown as TokenResponse;
}

/** A logged-in connection that renews its own session when Salesforce answers 401. */
export async function openSession(options: SessionOptions): Promise<Connection> {
  const { auth, loginUrl, apiVersion } = options;
  if (auth.kind === 'password') {
    const connection = new jsforce.Connection({
      loginUrl,
      version: apiVersion,
      oauth2: { clientId: auth.clientId, clientSecret: auth.clientSecret, loginUrl },
    });
    await connection.login(auth.username, auth.password);
    return connection;
  }
  const token = await requestToken(options);
  return new jsforce.Connection({
    instanceUrl: token.instance_url,
    accessToken: token.access_token,
    version: apiVersion,
    refreshFn: (_connection, callback) => {
      requestToken(options).then(
        (fresh) => callback(null, fresh.access_token),
        (error: Error) => callback(error),
      );
    },
  });
}
