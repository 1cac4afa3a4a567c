// "Sync with Salesforce": POST starts a job over chosen records (202; the sync resource and the
// area's), GET reports its progress (the sync resource: the job id, 128 random bits, is known only to
// whoever started it).
import { Router } from 'express';
import { z } from 'zod';
import type { ManualSyncJobs } from '../../sync/manual-sync-jobs.js';
import { grantsOf } from '../auth/access-guard.js';
import { AREA_RESOURCE, demand } from '../auth/permissions.js';
import { HttpError } from '../errors.js';
import { areaSchema, parseInput } from '../validation.js';
import { MAX_IDS } from './sync-status.js';

const startSchema = z.strictObject({
  area: areaSchema,
  ids: z
    .array(z.int({ error: 'must be a whole number' }).min(1, { error: 'must be a positive id' }).max(4_294_967_295, { error: 'is larger than any Magento id' }), {
      error: 'must be a list of record ids',
    })
    .min(1, { error: 'must name at least one record' })
    .max(MAX_IDS, { error: `must name at most ${MAX_IDS} records` }),
});
const jobParamsSchema = z.strictObject({ jobId: z.string().regex(/^[0-9a-f]{32}$/, { error: 'is not a sync job id' }) });

export function syncJobRoutes(jobs: ManualSyncJobs): Router {
  const router = Router();
  router.post('/api/sync', async (req, res) => {
    const { area, ids } = parseInput(startSchema, req.body, 'request body');
    demand(grantsOf(res), 'sync', AREA_RESOURCE[area]);
    res.status(202).json({ jobId: await jobs.start(area, ids) });
  });
  router.get('/api/sync/:jobId', async (req, res) => {
    demand(grantsOf(res), 'sync');
    const { jobId } = parseInput(jobParamsSchema, req.params, 'path');
    const progress = await jobs.progress(jobId);
    if (!progress) throw new HttpError(404, 'There is no such sync job; jobs are forgotten when the sidecar restarts.');
    res.json(progress);
  });
  return router;
}
