// The OAuth 2.0 endpoints of the org: the token endpoint (password, client credentials, JWT
// bearer, authorization code, refresh token), an authorize endpoint that approves the demo user
// at once, token revocation and the identity URL. Answers are shaped as Salesforce's.
import { createHmac } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { jwtVerify, type CryptoKey, type KeyObject } from 'jose';
import type { Org } from '../org/org.js';
import { sendJson } from './json.js';
import type { Session, SessionStore } from './sessions.js';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** JWT assertions may name the emulator itself or Salesforce's own login hosts as audience. */
const SALESFORCE_LOGIN_URLS = ['https://login.salesforce.com', 'https://test.salesforce.com'];

export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  /** Appended to the password by username-password logins that use one; optional. */
  securityToken: string;
  /** Verifies JWT bearer assertions; JWT logins are refused without it. */
  jwtKey: CryptoKey | KeyObject | undefined;
}

export interface OAuthDependencies {
  config: OAuthConfig;
  sessions: SessionStore;
  org: () => Org;
  instanceUrl: () => string;
}

class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

function invalidGrant(description = 'authentication failure'): OAuthError {
  return new OAuthError('invalid_grant', description);
}

function field(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function createOAuthRouter(dependencies: OAuthDependencies): Router {
  const { config, sessions } = dependencies;
  const router = express.Router();

  const identityUrl = (userId: string) => `${dependencies.instanceUrl()}/id/${dependencies.org().orgId}/${userId}`;

  const tokenResponse = (session: Session, extras: Record<string, string> = {}) => {
    const id = identityUrl(session.userId);
    const issuedAt = String(session.issuedAt);
    return {
      access_token: session.accessToken,
      ...extras,
      signature: createHmac('sha256', config.clientSecret).update(id + issuedAt).digest('base64'),
      instance_url: dependencies.instanceUrl(),
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
    };
  };

  const checkClient = (body: Record<string, unknown>, secretRequired: boolean) => {
    if (field(body, 'client_id') !== config.clientId) throw new OAuthError('invalid_client_id', 'client identifier invalid');
    const secret = field(body, 'client_secret');
    if ((secretRequired || secret !== undefined) && secret !== config.clientSecret) throw new OAuthError('invalid_client', 'invalid client credentials');
  };

  const userIdByUsername = (username: string | undefined): string => {
    const org = dependencies.org();
    const [user] = username ? org.findByExternalId('User', 'Username', username) : [];
    if (!user || user.IsActive !== true) throw invalidGrant();
    return String(user.Id);
  };

  const verifyAssertion = async (assertion: string | undefined): Promise<string> => {
    if (!config.jwtKey) throw invalidGrant('JWT bearer flow is not configured: no certificate');
    if (!assertion) throw invalidGrant('invalid assertion');
    try {
      const { payload } = await jwtVerify(assertion, config.jwtKey, {
        algorithms: ['RS256'],
        issuer: config.clientId,
        audience: [dependencies.instanceUrl(), ...SALESFORCE_LOGIN_URLS],
        requiredClaims: ['iss', 'sub', 'aud', 'exp'],
      });
      return userIdByUsername(payload.sub);
    } catch (error) {
      if (error instanceof OAuthError) throw error;
      throw invalidGrant(`invalid assertion: ${(error as Error).message}`);
    }
  };

  const grant = async (body: Record<string, unknown>) => {
    switch (field(body, 'grant_type')) {
      case 'password': {
        checkClient(body, true);
        const password = field(body, 'password');
        if (password !== config.password && password !== config.password + config.securityToken) throw invalidGrant();
        return tokenResponse(sessions.issueAccessToken(userIdByUsername(field(body, 'username'))));
      }
      case 'client_credentials':
        checkClient(body, true);
        return tokenResponse(sessions.issueAccessToken(userIdByUsername(config.username)), { scope: 'api', token_format: 'opaque' });
      case JWT_BEARER_GRANT: {
        const userId = await verifyAssertion(field(body, 'assertion'));
        return tokenResponse(sessions.issueAccessToken(userId), { scope: 'api' });
      }
      case 'authorization_code': {
        checkClient(body, true);
        const userId = sessions.redeemCode(field(body, 'code') ?? '', field(body, 'redirect_uri') ?? '');
        if (!userId) throw invalidGrant('invalid authorization code');
        return tokenResponse(sessions.issueAccessToken(userId), { refresh_token: sessions.issueRefreshToken(userId), scope: 'api refresh_token' });
      }
      case 'refresh_token': {
        checkClient(body, false);
        const userId = sessions.userOfRefreshToken(field(body, 'refresh_token') ?? '');
        if (!userId) throw invalidGrant('expired access/refresh token');
        return tokenResponse(sessions.issueAccessToken(userId), { scope: 'api refresh_token' });
      }
      default:
        throw new OAuthError('unsupported_grant_type', 'grant type not supported');
    }
  };

  router.post('/services/oauth2/token', express.urlencoded({ extended: false }), async (req: Request, res: Response) => {
    try {
      sendJson(res, 200, await grant((req.body ?? {}) as Record<string, unknown>));
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      sendJson(res, 400, { error: error.error, error_description: error.description });
    }
  });

  // The demo user approves every app at once: redirect back with a code.
  router.get('/services/oauth2/authorize', (req: Request, res: Response) => {
    const { client_id: clientId, redirect_uri: redirectUri, state } = req.query;
    if (clientId !== config.clientId || typeof redirectUri !== 'string') {
      sendJson(res, 400, { error: 'invalid_client_id', error_description: 'client identifier invalid' });
      return;
    }
    const target = new URL(redirectUri);
    target.searchParams.set('code', sessions.issueCode(dependencies.org().userId, redirectUri));
    if (typeof state === 'string') target.searchParams.set('state', state);
    res.redirect(302, target.toString());
  });

  router.post('/services/oauth2/revoke', express.urlencoded({ extended: false }), (req: Request, res: Response) => {
    sessions.revoke(String((req.body as Record<string, unknown> | undefined)?.token ?? ''));
    res.status(200).end();
  });

  router.get('/id/:orgId/:userId', (req: Request, res: Response) => {
    const session = sessions.authenticate((req.get('authorization') ?? '').replace(/^Bearer\s+/i, ''));
    if (!session) {
      sendJson(res, 403, 'Bad_OAuth_Token');
      return;
    }
    const org = dependencies.org();
    const user = org.recordById(session.userId)?.record;
    const base = dependencies.instanceUrl();
    sendJson(res, 200, {
      id: identityUrl(session.userId),
      asserted_user: true,
      user_id: session.userId,
      organization_id: org.orgId,
      username: user?.Username,
      display_name: user?.Name,
      email: user?.Email,
      active: true,
      user_type: 'STANDARD',
      urls: { rest: `${base}/services/data/v{version}/`, sobjects: `${base}/services/data/v{version}/sobjects/`, query: `${base}/services/data/v{version}/query/` },
    });
  });

  return router;
}
