// Sync states of a list of records, for the columns on Magento's own grids.
import { Router } from 'express';
import { z } from 'zod';
import type { SyncAreaName, SyncState } from '../../sync/sync-states.js';
import { grantsOf } from '../auth/access-guard.js';
import { AREA_RESOURCE, demand } from '../auth/permissions.js';
import { areaSchema, idText, parseInput } from '../validation.js';

export const MAX_IDS = 500;

const paramsSchema = z.strictObject({ area: areaSchema });
const querySchema = z.strictObject({
  ids: z
    .string({ error: 'is required: ids separated by commas, e.g. 1,2,3' })
    .transform((text) => text.split(','))
    .pipe(z.array(idText).min(1).max(MAX_IDS, { error: `must name at most ${MAX_IDS} ids` })),
});

export function syncStatusRoutes(readStates: (area: SyncAreaName, ids: readonly number[]) => Promise<Map<number, SyncState>>): Router {
  const router = Router();
  router.get('/api/sync-status/:area', async (req, res) => {
    const { area } = parseInput(paramsSchema, req.params, 'path');
    demand(grantsOf(res), AREA_RESOURCE[area]);
    const { ids } = parseInput(querySchema, req.query, 'query');
    res.json(Object.fromEntries(await readStates(area, [...new Set(ids)])));
  });
  return router;
}
