// Who may call the API: Magento's PHP side with `Authorization: Bearer <FORCEBRIDGE_API_TOKEN>`, or
// a signed-in console user (session cookie) who, for anything that changes state, also sends the
// session's CSRF token in X-CSRF-Token. Everyone else gets 401.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { HttpError } from '../errors.js';
import type { ConsoleSession, SessionStore } from './session-store.js';

export const SESSION_COOKIE = 'forcebridge_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type Caller = { kind: 'magento-server' } | { kind: 'console'; session: ConsoleSession };

/** Constant-time comparison that does not reveal the expected length either. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The console session named by the request's cookie, if it is live. */
export function sessionOf(req: Request, sessions: SessionStore): ConsoleSession | undefined {
  const id: unknown = req.cookies?.[SESSION_COOKIE];
  return typeof id === 'string' && id !== '' ? sessions.use(id) : undefined;
}

export function callerOf(res: Response): Caller {
  return res.locals.caller as Caller;
}

export function requireCaller(sessions: SessionStore, apiToken: string | undefined): RequestHandler {
  return (req, res, next) => {
    const authorization = req.get('authorization');
    if (authorization !== undefined) {
      const token = /^Bearer (\S+)$/.exec(authorization)?.[1];
      if (apiToken === undefined || token === undefined || !sameSecret(token, apiToken)) throw new HttpError(401, 'Sign in first.');
      res.locals.caller = { kind: 'magento-server' } satisfies Caller;
      next();
      return;
    }
    const session = sessionOf(req, sessions);
    if (!session) throw new HttpError(401, 'Sign in first.');
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.get(CSRF_HEADER);
      if (sent === undefined || !sameSecret(sent, session.csrfToken)) {
        throw new HttpError(403, 'The X-CSRF-Token header is missing or wrong; reload the console and try again.');
      }
    }
    res.locals.caller = { kind: 'console', session } satisfies Caller;
    next();
  };
}
