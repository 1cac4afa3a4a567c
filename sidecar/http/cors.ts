// CORS for exactly one origin, the Magento admin (FORCEBRIDGE_ADMIN_ORIGIN), with credentials so its
// pages can use the console session. Other origins get no CORS headers, so browsers keep their
// pages from reading any answer; their preflights are refused outright.
import type { RequestHandler } from 'express';
import { HttpError } from './errors.js';

const ALLOWED_METHODS = 'GET, POST, PUT, DELETE';
const ALLOWED_HEADERS = 'Content-Type, X-CSRF-Token, Authorization';

export function corsForAdminOrigin(adminOrigin: string | undefined): RequestHandler {
  return (req, res, next) => {
    res.vary('Origin');
    const origin = req.get('origin');
    const allowed = origin !== undefined && origin === adminOrigin;
    if (allowed) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Access-Control-Allow-Credentials', 'true');
    }
    if (req.method === 'OPTIONS' && req.get('access-control-request-method') !== undefined) {
      if (!allowed) throw new HttpError(403, 'This origin may not call the Forcebridge API.');
      res.set('Access-Control-Allow-Methods', ALLOWED_METHODS);
      res.set('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.set('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
