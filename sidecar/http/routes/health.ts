// Anonymous health check for load balancers and supervisors: "ok" when the database answers.
import { Router } from 'express';
import type { DatabasePool } from '../../db/pool.js';

export function healthRoutes(pool: DatabasePool): Router {
  const router = Router();
  router.get('/api/health', async (_req, res) => {
    const healthy = await pool.query('SELECT 1').then(
      () => true,
      () => false,
    );
    res.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'unavailable' });
  });
  return router;
}
