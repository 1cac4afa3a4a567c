// Access tokens, refresh tokens and authorization codes the token endpoint hands out; access
// tokens stop working after the configured lifetime or when every session is expired at once.
import { randomBytes } from 'node:crypto';

export interface Session {
  accessToken: string;
  userId: string;
  issuedAt: number;
  expiresAt: number;
}

interface AuthorizationCode {
  userId: string;
  redirectUri: string;
}

function randomToken(): string {
  return randomBytes(30).toString('base64url');
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly refreshTokens = new Map<string, string>();
  private readonly codes = new Map<string, AuthorizationCode>();

  constructor(
    private readonly orgId: string,
    public lifetimeSeconds: number,
  ) {}

  issueAccessToken(userId: string): Session {
    const issuedAt = Date.now();
    // Salesforce session ids start with the 15-character org id and an exclamation mark.
    const session = { accessToken: `${this.orgId.slice(0, 15)}!${randomToken()}`, userId, issuedAt, expiresAt: issuedAt + this.lifetimeSeconds * 1000 };
    this.sessions.set(session.accessToken, session);
    return session;
  }

  /** The live session of a bearer token; expired ones are forgotten. */
  authenticate(accessToken: string): Session | undefined {
    const session = this.sessions.get(accessToken);
    if (session && session.expiresAt <= Date.now()) this.sessions.delete(accessToken);
    return session && session.expiresAt > Date.now() ? session : undefined;
  }

  revoke(token: string): void {
    this.sessions.delete(token);
    this.refreshTokens.delete(token);
  }

  /** Ends every current access token (refresh tokens stay valid, as after a session timeout). */
  expireAll(): void {
    this.sessions.clear();
  }

  issueRefreshToken(userId: string): string {
    const token = `5Aep${randomToken()}`;
    this.refreshTokens.set(token, userId);
    return token;
  }

  userOfRefreshToken(token: string): string | undefined {
    return this.refreshTokens.get(token);
  }

  issueCode(userId: string, redirectUri: string): string {
    const code = `aPrx${randomToken()}`;
    this.codes.set(code, { userId, redirectUri });
    return code;
  }

  /** Codes are single-use. */
  redeemCode(code: string, redirectUri: string): string | undefined {
    const entry = this.codes.get(code);
    this.codes.delete(code);
    return entry && entry.redirectUri === redirectUri ? entry.userId : undefined;
  }
}
