// The scope switcher's choices: websites and their store views.
import { Router } from 'express';
import type { DatabasePool } from '../../db/pool.js';
import { listStoreViews, listWebsites } from '../../magento/stores.js';
import { grantsOf } from '../auth/access-guard.js';
import { demand } from '../auth/permissions.js';

export function scopeRoutes(pool: DatabasePool): Router {
  const router = Router();
  router.get('/api/scopes', async (_req, res) => {
    demand(grantsOf(res), 'salesforce');
    const [websites, storeViews] = await Promise.all([listWebsites(pool), listStoreViews(pool)]);
    res.json({
      websites: websites.map((website) => ({
        id: website.websiteId,
        name: website.name,
        stores: storeViews.filter((store) => store.websiteId === website.websiteId).map((store) => ({ id: store.storeId, name: store.name })),
      })),
    });
  });
  return router;
}
