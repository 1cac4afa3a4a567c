// Everything under /services/data/vNN.N/: faults first, then the session check, the API
// allocation and its header, then the query and bulk engines' routers and the REST resources.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Org } from '../org/org.js';
import { notFound, SalesforceError } from '../org/salesforce-error.js';
import { collectionRoutes } from '../rest/collections.js';
import { createCompositeRoute } from '../rest/composite.js';
import { compositeQueryRoutes } from '../rest/composite-query.js';
import { RestDispatcher } from '../rest/dispatch.js';
import type { RestContext } from '../rest/rest-types.js';
import { sobjectRoutes } from '../rest/sobject-resources.js';
import { toolingRoutes } from '../rest/tooling.js';
import { apiUsageMiddleware, type ApiUsage } from './api-usage.js';
import type { FaultInjector } from './faults.js';
import { sendJson, sendRestError } from './json.js';
import type { SessionStore } from './sessions.js';

const VERSION_SEGMENT = /^v(\d{2,3}\.\d)$/;
const BODY_LIMIT = '100mb';

export interface RestApiDependencies {
  org: () => Org;
  sessions: SessionStore;
  usage: () => ApiUsage;
  faults: FaultInjector;
  /** Routers of the query and Bulk API 2.0 engines, relative to /services/data/vNN.N. */
  engineRouters: readonly Router[];
}

function createDispatcher(): RestDispatcher {
  const plainRoutes = [...sobjectRoutes, ...collectionRoutes, ...toolingRoutes];
  const subrequests = new RestDispatcher([...plainRoutes, ...compositeQueryRoutes]);
  const compositeRoute = createCompositeRoute((context, request) => subrequests.dispatch(context, request));
  return new RestDispatcher([...plainRoutes, compositeRoute]);
}

function versionOf(req: Request): string {
  return VERSION_SEGMENT.exec(req.baseUrl.split('/').pop() ?? '')?.[1] ?? '';
}

function decodedSegments(path: string): string[] {
  try {
    return path.split('/').filter((segment) => segment !== '').map(decodeURIComponent);
  } catch {
    throw notFound();
  }
}

function resourceList(version: string): Record<string, string> {
  const base = `/services/data/v${version}`;
  const names = ['sobjects', 'query', 'queryAll', 'composite', 'limits', 'tooling', 'jobs/ingest', 'jobs/query'];
  return Object.fromEntries(names.map((name) => [name, `${base}/${name}`]));
}

export function createRestApiRouter(dependencies: RestApiDependencies): Router {
  const dispatcher = createDispatcher();
  const router = express.Router({ mergeParams: true });

  router.use((req: Request, res: Response, next: NextFunction) => {
    if (versionOf(req)) next();
    else sendJson(res, 404, [notFound().toRestError()]);
  });
  router.use(dependencies.faults.middleware());
  router.use((req: Request, res: Response, next: NextFunction) => {
    const token = (req.get('authorization') ?? '').replace(/^(Bearer|OAuth)\s+/i, '');
    if (dependencies.sessions.authenticate(token)) next();
    else sendRestError(res, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
  });
  router.use(apiUsageMiddleware(dependencies.usage));
  router.use(express.json({ limit: BODY_LIMIT }));

  router.get('/', (req: Request, res: Response) => sendJson(res, 200, resourceList(versionOf(req))));
  router.get('/limits', (_req: Request, res: Response) => {
    const usage = dependencies.usage();
    sendJson(res, 200, {
      DailyApiRequests: { Max: usage.dailyLimit, Remaining: usage.remaining },
      DailyBulkApiBatches: { Max: 15000, Remaining: 15000 },
      DailyBulkV2QueryJobs: { Max: 10000, Remaining: 10000 },
    });
  });
  for (const engineRouter of dependencies.engineRouters) router.use(engineRouter);

  router.use((req: Request, res: Response, next: NextFunction) => {
    const context: RestContext = { org: dependencies.org(), version: versionOf(req) };
    const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
    const response = dispatcher.dispatch(context, { method: req.method, segments: decodedSegments(req.path), query, body: req.body });
    if (!response) {
      next();
      return;
    }
    sendJson(res, response.status, response.body, response.headers);
  });
  router.use((_req: Request, res: Response) => sendJson(res, 404, [notFound().toRestError()]));
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof SalesforceError) sendJson(res, error.httpStatus, [error.toRestError()]);
    else if ((error as { type?: unknown }).type === 'entity.parse.failed') sendRestError(res, 400, 'JSON_PARSER_ERROR', `Unexpected character in the request body: ${(error as Error).message}`);
    else if ((error as { type?: unknown }).type === 'entity.too.large') sendRestError(res, 413, 'REQUEST_ENTITY_TOO_LARGE', 'Request entity too large');
    else {
      console.error(error);
      sendRestError(res, 500, 'UNKNOWN_EXCEPTION', 'An unexpected error occurred in the emulator');
    }
  });
  return router;
}
