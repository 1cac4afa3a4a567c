// The console session's cookie: HttpOnly and SameSite=Strict (Secure over HTTPS), set by either
// sign-in (password or Magento's link) and read by the access guard.
import type { Request, Response } from 'express';
import type { AdminAccess } from './admin-accounts.js';
import type { ConsoleSession, SessionStore } from './session-store.js';

const SESSION_COOKIE = 'forcebridge_session';

function cookieOptions(req: Request) {
  return { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' } as const;
}

/** The console session named by the request's cookie, if it is live. */
export function sessionOf(req: Request, sessions: SessionStore): ConsoleSession | undefined {
  const id: unknown = req.cookies?.[SESSION_COOKIE];
  return typeof id === 'string' && id !== '' ? sessions.use(id) : undefined;
}

/** Starts a session for the admin, ending the one this browser had, and sets its cookie. */
export function openSession(req: Request, res: Response, sessions: SessionStore, access: AdminAccess): ConsoleSession {
  const previous = sessionOf(req, sessions);
  if (previous) sessions.end(previous.id);
  const session = sessions.create(access);
  res.cookie(SESSION_COOKIE, session.id, cookieOptions(req));
  return session;
}

export function closeSession(req: Request, res: Response, sessions: SessionStore): void {
  const session = sessionOf(req, sessions);
  if (session) sessions.end(session.id);
  res.clearCookie(SESSION_COOKIE, cookieOptions(req));
}
