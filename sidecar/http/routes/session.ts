// Console sign-in with a Magento admin username and password, when FORCEBRIDGE_PASSWORD_SIGN_IN=1
// (otherwise admins come through Magento's signed links): POST creates a session and hands out its
// CSRF token; GET says who is signed in; DELETE signs out.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { DatabasePool } from '../../db/pool.js';
import { requireCaller } from '../auth/access-guard.js';
import { NO_FORCEBRIDGE_RESOURCE, signInAdmin } from '../auth/admin-accounts.js';
import { closeSession, openSession, sessionOf } from '../auth/session-cookie.js';
import type { ConsoleSession, SessionStore } from '../auth/session-store.js';
import { signInLimiters, type SignInLimits } from '../auth/sign-in-limits.js';
import { HttpError } from '../errors.js';
import { parseInput } from '../validation.js';

const PASSWORD_SIGN_IN_OFF = 'Password sign-in is off: open the console from Magento (Salesforce > Open Forcebridge console).';

const signInSchema = z.strictObject({
  // admin_user.username is varchar(40).
  username: z.string({ error: 'is required (your Magento admin username)' }).trim().min(1, { error: 'must not be empty' }).max(40, { error: 'must be at most 40 characters' }),
  password: z.string({ error: 'is required' }).min(1, { error: 'must not be empty' }).max(256, { error: 'must be at most 256 characters' }),
});

interface SessionRouteParts {
  pool: DatabasePool;
  sessions: SessionStore;
  signInLimits: SignInLimits;
  apiToken: string | undefined;
  passwordSignIn: boolean;
}

function sessionBody(session: ConsoleSession) {
  const { username, firstName, lastName } = session.user;
  return { user: { username, firstName, lastName }, csrfToken: session.csrfToken };
}

export function sessionRoutes(parts: SessionRouteParts): Router {
  const { pool, sessions } = parts;
  const router = Router();

  if (parts.passwordSignIn) {
    router.post('/api/session', ...signInLimiters(parts.signInLimits), async (req: Request, res: Response) => {
      const { username, password } = parseInput(signInSchema, req.body, 'request body');
      const result = await signInAdmin(pool, username, password);
      if (result.outcome === 'refused') throw new HttpError(401, 'The username or password is wrong, or the account is inactive or locked.');
      if (result.outcome === 'not-allowed') throw new HttpError(403, NO_FORCEBRIDGE_RESOURCE);
      res.json(sessionBody(openSession(req, res, sessions, result.access)));
    });
  } else {
    router.post('/api/session', () => {
      throw new HttpError(403, PASSWORD_SIGN_IN_OFF);
    });
  }

  router.get('/api/session', (req, res) => {
    const session = sessionOf(req, sessions);
    if (!session) throw new HttpError(401, 'Sign in first.');
    res.json(sessionBody(session));
  });

  router.delete('/api/session', requireCaller(sessions, parts.apiToken), (req, res) => {
    closeSession(req, res, sessions);
    res.status(204).end();
  });

  return router;
}
