// Console sign-in with a Magento admin account: POST creates a session (HttpOnly, SameSite=Strict
// cookie) and hands out its CSRF token; GET says who is signed in; DELETE signs out.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { DatabasePool } from '../../db/pool.js';
import { requireCaller, SESSION_COOKIE, sessionOf } from '../auth/access-guard.js';
import { signInAdmin } from '../auth/admin-accounts.js';
import type { ConsoleSession, SessionStore } from '../auth/session-store.js';
import { signInLimiters, type SignInLimits } from '../auth/sign-in-limits.js';
import { HttpError } from '../errors.js';
import { parseInput } from '../validation.js';

const signInSchema = z.strictObject({
  // admin_user.username is varchar(40).
  username: z.string({ error: 'is required (your Magento admin username)' }).trim().min(1, { error: 'must not be empty' }).max(40, { error: 'must be at most 40 characters' }),
  password: z.string({ error: 'is required' }).min(1, { error: 'must not be empty' }).max(256, { error: 'must be at most 256 characters' }),
});

function sessionBody(session: ConsoleSession) {
  const { username, firstName, lastName } = session.user;
  return { user: { username, firstName, lastName }, csrfToken: session.csrfToken };
}

function cookieOptions(req: Request) {
  return { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' } as const;
}

export function sessionRoutes(parts: { pool: DatabasePool; sessions: SessionStore; signInLimits: SignInLimits; apiToken: string | undefined }): Router {
  const { pool, sessions } = parts;
  const router = Router();

  router.post('/api/session', ...signInLimiters(parts.signInLimits), async (req: Request, res: Response) => {
    const { username, password } = parseInput(signInSchema, req.body, 'request body');
    const result = await signInAdmin(pool, username, password);
    if (result.outcome === 'refused') throw new HttpError(401, 'The username or password is wrong, or the account is inactive or locked.');
    if (result.outcome === 'not-allowed') {
      throw new HttpError(403, 'Your Magento admin role does not include the Salesforce (Forcebridge) resource; ask an administrator to grant it.');
    }
    const previous = sessionOf(req, sessions);
    if (previous) sessions.end(previous.id);
    const session = sessions.create(result.user);
    res.cookie(SESSION_COOKIE, session.id, cookieOptions(req));
    res.json(sessionBody(session));
  });

  router.get('/api/session', (req, res) => {
    const session = sessionOf(req, sessions);
    if (!session) throw new HttpError(401, 'Sign in first.');
    res.json(sessionBody(session));
  });

  router.delete('/api/session', requireCaller(sessions, parts.apiToken), (req, res) => {
    const session = sessionOf(req, sessions);
    if (session) sessions.end(session.id);
    res.clearCookie(SESSION_COOKIE, cookieOptions(req));
    res.status(204).end();
  });

  return router;
}
