// Console sessions, kept in this process's memory: a restart signs everyone out, and sessions are
// not shared between sidecars. Ids and CSRF tokens are 32 random bytes; a session ends after a
// stretch of inactivity. A session keeps the Forcebridge resources its admin's role granted at
// sign-in (a changed role applies from the next sign-in).
import { randomBytes } from 'node:crypto';
import type { AdminAccess, AdminUser } from './admin-accounts.js';
import type { Grants } from './permissions.js';

export interface ConsoleSession {
  id: string;
  csrfToken: string;
  user: AdminUser;
  resources: Grants;
  lastSeenAt: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, ConsoleSession>();

  constructor(
    private readonly idleMilliseconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  create(access: AdminAccess): ConsoleSession {
    this.forgetExpired();
    const session: ConsoleSession = { id: randomToken(), csrfToken: randomToken(), user: access.user, resources: access.resources, lastSeenAt: this.now() };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session with this id, its inactivity clock restarted; undefined when unknown or expired. */
  use(id: string): ConsoleSession | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (this.isExpired(session)) {
      this.sessions.delete(id);
      return undefined;
    }
    session.lastSeenAt = this.now();
    return session;
  }

  end(id: string): void {
    this.sessions.delete(id);
  }

  private isExpired(session: ConsoleSession): boolean {
    return this.now() - session.lastSeenAt > this.idleMilliseconds;
  }

  /** Run at every sign-in, so abandoned sessions never pile up. */
  private forgetExpired(): void {
    for (const [id, session] of this.sessions) if (this.isExpired(session)) this.sessions.delete(id);
  }
}

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}
