// Dropdown values from the org's describe data: Opportunity stages, record types, contact roles, lead sources.
import { Router } from 'express';
import { z } from 'zod';
import type { OrgProfile } from '../../salesforce/org-profile.js';
import type { SyncEngine } from '../../sync/sync-engine.js';
import { grantsOf } from '../auth/access-guard.js';
import { demand } from '../auth/permissions.js';
import { parseInput } from '../validation.js';

const PICKLISTS: Record<string, (org: OrgProfile) => string[]> = {
  stages: (org) => org.stages(),
  'record-types': (org) => org.recordTypeNames(),
  'contact-roles': (org) => org.contactRoles(),
  'lead-sources': (org) => org.leadSources(),
};
const paramsSchema = z.strictObject({ name: z.enum(Object.keys(PICKLISTS) as [string, ...string[]], { error: 'must be stages, record-types, contact-roles or lead-sources' }) });

export function picklistRoutes(engine: SyncEngine): Router {
  const router = Router();
  router.get('/api/picklists/:name', async (req, res) => {
    const { name } = parseInput(paramsSchema, req.params, 'path');
    demand(grantsOf(res), 'salesforce');
    const values = PICKLISTS[name]!(await engine.orgProfile());
    res.json(values.map((value) => ({ value, label: value })));
  });
  return router;
}
