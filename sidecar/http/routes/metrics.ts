// Prometheus scrape endpoint (behind the same access rules as the API).
import { Router } from 'express';
import type { SidecarMetrics } from '../metrics.js';

export function metricsRoutes(metrics: SidecarMetrics): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
