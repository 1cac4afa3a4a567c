// A record's sync history: what each sync sent, what came back, and the stage it moved.
import { Router } from 'express';
import { z } from 'zod';
import type { DatabasePool } from '../../db/pool.js';
import { readSyncHistory } from '../../sync/sync-history.js';
import { grantsOf } from '../auth/access-guard.js';
import { AREA_RESOURCE, demand } from '../auth/permissions.js';
import { areaSchema, idText, parseInput } from '../validation.js';

const paramsSchema = z.strictObject({ area: areaSchema, id: idText });

export function historyRoutes(pool: DatabasePool): Router {
  const router = Router();
  router.get('/api/history/:area/:id', async (req, res) => {
    const { area, id } = parseInput(paramsSchema, req.params, 'path');
    demand(grantsOf(res), AREA_RESOURCE[area]);
    res.json({ events: await readSyncHistory(pool, area, id) });
  });
  return router;
}
