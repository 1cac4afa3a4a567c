// The sidecar's HTTP API, assembled: security headers, bounded JSON bodies, the public routes
// (health, the two sign-ins, console page), then everything else behind the access guard, and JSON
// errors for whatever goes wrong. No CORS: browsers talk to Magento, and Magento's server to this.
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { recordLinks } from '../salesforce/record-links.js';
import { ManualSyncJobs } from '../sync/manual-sync-jobs.js';
import { readSyncStates, type SyncAreaName } from '../sync/sync-states.js';
import type { HttpApiOptions, HttpApiRuntime } from './api-parts.js';
import { requireCaller } from './auth/access-guard.js';
import { SessionStore } from './auth/session-store.js';
import { DEFAULT_SIGN_IN_LIMITS } from './auth/sign-in-limits.js';
import { errorResponder, notFound } from './errors.js';
import { SidecarMetrics } from './metrics.js';
import { configRoutes } from './routes/config.js';
import { consoleRoutes } from './routes/console.js';
import { gridRoutes } from './routes/grids.js';
import { healthRoutes } from './routes/health.js';
import { historyRoutes } from './routes/history.js';
import { linkRoutes } from './routes/links.js';
import { magentoSignInRoutes } from './routes/magento-sign-in.js';
import { metricsRoutes } from './routes/metrics.js';
import { picklistRoutes } from './routes/picklists.js';
import { scopeRoutes } from './routes/scopes.js';
import { sessionRoutes } from './routes/session.js';
import { syncJobRoutes } from './routes/sync-jobs.js';
import { syncStatusRoutes } from './routes/sync-status.js';

const BODY_LIMIT = '64kb';

/** The express app, plus what to do when it stops serving. */
export type HttpApiApp = Express & {
  /** Waits for the background sync passes it started, and stops listening to the engine. */
  shutDown(): Promise<void>;
};

export function createHttpApi(runtime: HttpApiRuntime, options: HttpApiOptions): HttpApiApp {
  const { pool, config, connection, engine, logger } = runtime;
  const sessions = new SessionStore(options.sessionMinutes * 60_000, options.now);
  const metrics = new SidecarMetrics({ pool, engine });
  const link = recordLinks(options.salesforceRecordUrl, () => connection.instanceUrl);
  const readStates = (area: SyncAreaName, ids: readonly number[]) => readSyncStates(pool, area, ids, link);
  const jobs = new ManualSyncJobs({ pool, engine, logger, readStates });

  const app = express();
  app.disable('x-powered-by');
  app.use(
    helmet({
      // Knockout evaluates its binding expressions with new Function (as in Magento's admin).
      contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-eval'"] } },
    }),
  );
  app.use(metrics.countRequests());
  app.use(express.json({ limit: BODY_LIMIT, strict: true }));
  app.use(cookieParser());

  app.use(healthRoutes(pool));
  app.use(
    sessionRoutes({ pool, sessions, signInLimits: options.signInLimits ?? DEFAULT_SIGN_IN_LIMITS, apiToken: options.apiToken, passwordSignIn: options.passwordSignIn ?? false }),
  );
  app.use(magentoSignInRoutes({ pool, sessions, apiToken: options.apiToken, now: options.now }));
  app.use(consoleRoutes(options));

  app.use(['/api', '/metrics'], requireCaller(sessions, options.apiToken));
  app.use(metricsRoutes(metrics));
  app.use(scopeRoutes(pool));
  app.use(picklistRoutes(engine));
  app.use(linkRoutes(link));
  app.use(configRoutes({ pool, config, engine, connection }));
  app.use(gridRoutes({ pool, readStates }));
  app.use(syncStatusRoutes(readStates));
  app.use(syncJobRoutes(jobs));
  app.use(historyRoutes(pool));

  app.use(notFound());
  app.use(errorResponder(logger, BODY_LIMIT));
  return Object.assign(app, {
    shutDown: async () => {
      await jobs.idle();
      metrics.stop();
    },
  });
}
