// Prometheus metrics of the sidecar: sync passes and their records by area, Salesforce API calls,
// queue depth (read from the database when scraped) and HTTP requests. One registry per API, so
// several sidecars in one process (tests) keep separate counts.
import type { RequestHandler } from 'express';
import { Counter, Gauge, Registry } from 'prom-client';
import type { DatabasePool } from '../db/pool.js';
import { queueStatistics, type QueueDepth } from '../queue/queue.js';
import type { SyncEngine } from '../sync/sync-engine.js';

const QUEUE_STATES = ['ready', 'leased', 'waitingToRetry'] as const satisfies readonly (keyof QueueDepth)[];

export class SidecarMetrics {
  readonly registry = new Registry();
  private readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  private readonly stopListening: () => void;

  constructor(parts: { pool: DatabasePool; engine: SyncEngine }) {
    const { pool, engine } = parts;
    const registers = [this.registry];
    const passes = new Counter({ name: 'forcebridge_sync_passes_total', help: 'Sync passes that ended, by area, trigger and outcome', labelNames: ['area', 'trigger', 'outcome'], registers });
    const records = new Counter({ name: 'forcebridge_sync_records_total', help: 'Records handled by sync passes, by area and result', labelNames: ['area', 'result'], registers });
    let callsCounted = 0;
    new Counter({
      name: 'forcebridge_salesforce_api_calls_total',
      help: 'Salesforce API calls made by this sidecar',
      registers,
      collect() {
        this.inc(engine.apiCallsMade - callsCounted);
        callsCounted = engine.apiCallsMade;
      },
    });
    new Gauge({
      name: 'forcebridge_queue_depth',
      help: 'Entries in the sync queue, by entity type and state',
      labelNames: ['entity_type', 'state'],
      registers,
      async collect() {
        const statistics = await queueStatistics(pool);
        this.reset();
        for (const [entityType, depth] of Object.entries(statistics.byEntityType)) {
          for (const state of QUEUE_STATES) this.set({ entity_type: entityType, state }, depth[state]);
        }
      },
    });
    this.httpRequests = new Counter({ name: 'forcebridge_http_requests_total', help: 'HTTP API requests answered, by method, route and status', labelNames: ['method', 'route', 'status'], registers });
    this.stopListening = engine.onPassFinished((pass) => {
      const outcome = pass.failed ? 'failed' : pass.summary.pausedForLimit ? 'paused' : 'completed';
      passes.inc({ area: pass.area, trigger: pass.trigger, outcome });
      for (const result of ['synced', 'failed', 'skipped', 'unchanged'] as const) records.inc({ area: pass.area, result }, pass.summary[result]);
    });
  }

  /** Counts each answered request under its route pattern (never the raw path, which holds ids). */
  countRequests(): RequestHandler {
    return (req, res, next) => {
      res.on('finish', () => {
        const route = (req.route as { path?: unknown } | undefined)?.path;
        this.httpRequests.inc({ method: req.method, route: typeof route === 'string' ? route : 'unmatched', status: String(res.statusCode) });
      });
      next();
    };
  }

  stop(): void {
    this.stopListening();
  }
}
