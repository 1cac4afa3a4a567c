// Where "Salesforce ID" links point, for Magento's grid columns to build them without asking per
// row: {"recordUrl": "<template with {object} and {id}>"}.
import { Router } from 'express';
import type { RecordLink } from '../../salesforce/record-links.js';
import { grantsOf } from '../auth/access-guard.js';
import { demand } from '../auth/permissions.js';

const PLACEHOLDERS = ['{object}', '{id}'] as const;

/** The template behind the sidecar's own links: one filled with the placeholders themselves, which it escapes. */
function templateOf(link: RecordLink): string {
  const [object, id] = PLACEHOLDERS;
  return PLACEHOLDERS.reduce((url, placeholder) => url.replaceAll(encodeURIComponent(placeholder), placeholder), link(object, id));
}

export function linkRoutes(link: RecordLink): Router {
  const router = Router();
  router.get('/api/links', (_req, res) => {
    demand(grantsOf(res), 'salesforce');
    res.json({ recordUrl: templateOf(link) });
  });
  return router;
}
