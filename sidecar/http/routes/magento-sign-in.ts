// Console sign-in through Magento: the admin's "Open Forcebridge console" link lands here with a
// token Magento signed with FORCEBRIDGE_API_TOKEN. A good link opens a console session for that
// admin (still active and unlocked, with the Forcebridge resources its role grants) and goes on to
// /admin; anything else is a 403 page with one sentence. Without an API token there is no route.
import { Router } from 'express';
import { z } from 'zod';
import type { DatabasePool } from '../../db/pool.js';
import { NO_FORCEBRIDGE_RESOURCE, signInVouchedAdmin } from '../auth/admin-accounts.js';
import { openSession } from '../auth/session-cookie.js';
import type { SessionStore } from '../auth/session-store.js';
import { LINK_NOT_VALID, SignInLinks } from '../auth/sign-in-links.js';

const ACCOUNT_NOT_USABLE = 'Your Magento admin account is unknown, inactive or locked.';

const querySchema = z.strictObject({ token: z.string().max(1100) });

interface MagentoSignInParts {
  pool: DatabasePool;
  sessions: SessionStore;
  apiToken: string | undefined;
  /** The clock links expire by. */
  now?: () => number;
}

export function magentoSignInRoutes(parts: MagentoSignInParts): Router {
  const router = Router();
  if (parts.apiToken === undefined) return router;
  const links = new SignInLinks(parts.apiToken, parts.now);

  router.get('/admin/sign-in/magento', async (req, res) => {
    // The answer carries a session or a refusal for one link: never cached, never replayed from a cache.
    res.set('Cache-Control', 'no-store');
    const refuse = (sentence: string) => {
      res.status(403).type('text/plain').send(`${sentence}\n`);
    };
    const query = querySchema.safeParse(req.query);
    const link = query.success ? links.check(query.data.token) : { ok: false as const, reason: LINK_NOT_VALID };
    if (!link.ok) return refuse(link.reason);
    const result = await signInVouchedAdmin(parts.pool, link.username);
    if (result.outcome === 'refused') return refuse(ACCOUNT_NOT_USABLE);
    if (result.outcome === 'not-allowed') return refuse(NO_FORCEBRIDGE_RESOURCE);
    openSession(req, res, parts.sessions, result.access);
    res.redirect(302, '/admin');
  });

  return router;
}
