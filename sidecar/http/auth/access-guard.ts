// Who may call the API: Magento's PHP side with `Authorization: Bearer <FORCEBRIDGE_API_TOKEN>`,
// naming the acting admin and the Forcebridge resources their role grants in X-Forcebridge-Admin
// and X-Forcebridge-Resources (Magento checked its own ACL; the headers count only with the token),
// or a signed-in console user (session cookie) who, for anything that changes state, also sends
// the session's CSRF token in X-CSRF-Token. Everyone else gets 401.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { HttpError } from '../errors.js';
import { parseInput } from '../validation.js';
import { GRANTABLE_IDS, grantsFromIds, type Grants } from './permissions.js';
import { sessionOf } from './session-cookie.js';
import type { ConsoleSession, SessionStore } from './session-store.js';

export const CSRF_HEADER = 'x-csrf-token';
const ADMIN_HEADER = 'x-forcebridge-admin';
const RESOURCES_HEADER = 'x-forcebridge-resources';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface ActingAdmin {
  username: string;
  resources: Grants;
}

/** A bearer call without an acting admin may only reach what needs no resource (/metrics). */
export type Caller = { kind: 'magento-server'; actingAdmin?: ActingAdmin } | { kind: 'console'; session: ConsoleSession };

const actingAdminSchema = z.strictObject({
  // admin_user.username is 40 characters, which a header carries as up to 160 bytes of UTF-8.
  [ADMIN_HEADER]: z.string().trim().min(1, { error: 'must name the acting Magento admin' }).max(160, { error: 'is longer than any Magento username' }),
  [RESOURCES_HEADER]: z
    .string({ error: "is required with X-Forcebridge-Admin: the Forcebridge resource ids the admin's role grants, separated by commas" })
    .transform((text) => text.split(',').map((id) => id.trim()).filter((id) => id !== ''))
    .pipe(z.array(z.string().refine((id) => GRANTABLE_IDS.includes(id), { error: `is not one of ${GRANTABLE_IDS.join(', ')}` }))),
});

/** Constant-time comparison that does not reveal the expected length either. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function callerOf(res: Response): Caller {
  return res.locals.caller as Caller;
}

/** The caller's Forcebridge resources; a bearer call naming no acting admin has none to give (400). */
export function grantsOf(res: Response): Grants {
  const caller = callerOf(res);
  if (caller.kind === 'console') return caller.session.resources;
  if (!caller.actingAdmin) {
    throw new HttpError(400, 'A call with the API token must name the acting Magento admin in X-Forcebridge-Admin and the resources their role grants in X-Forcebridge-Resources.');
  }
  return caller.actingAdmin.resources;
}

function actingAdminOf(headers: { admin: string | undefined; resources: string | undefined }): ActingAdmin | undefined {
  if (headers.admin === undefined) return undefined;
  const parsed = parseInput(actingAdminSchema, { [ADMIN_HEADER]: headers.admin, [RESOURCES_HEADER]: headers.resources }, 'X-Forcebridge-Admin or X-Forcebridge-Resources header');
  return { username: parsed[ADMIN_HEADER], resources: grantsFromIds(parsed[RESOURCES_HEADER]) };
}

export function requireCaller(sessions: SessionStore, apiToken: string | undefined): RequestHandler {
  return (req, res, next) => {
    const authorization = req.get('authorization');
    if (authorization !== undefined) {
      const token = /^Bearer (\S+)$/.exec(authorization)?.[1];
      if (apiToken === undefined || token === undefined || !sameSecret(token, apiToken)) throw new HttpError(401, 'Sign in first.');
      const actingAdmin = actingAdminOf({ admin: req.get(ADMIN_HEADER), resources: req.get(RESOURCES_HEADER) });
      res.locals.caller = { kind: 'magento-server', actingAdmin } satisfies Caller;
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
