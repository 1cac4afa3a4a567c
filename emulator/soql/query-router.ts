// REST query resources: GET /query?q=, /queryAll?q= and the next pages at /query/<locator>.
// Mounted by the server under /services/data/:version, after its auth, limit and fault handling.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { QuerySource } from '../contracts.js';
import { IdGenerator } from '../ids.js';
import { sendSalesforceJson } from './json-response.js';
import { QueryCursors, type QueryPage } from './query-cursors.js';
import { runQuery } from './run-query.js';
import { SoqlError } from './soql-error.js';

export interface QueryRouterOptions {
  /** Records per page (Salesforce: 2,000). A `Sforce-Query-Options: batchSize=n` header may ask for 200-2,000. */
  batchSize?: number;
  /** Open cursors kept before the oldest is dropped. */
  maxOpenCursors?: number;
  /** Id source for query locators (01g...); pass the org's so ids never repeat. */
  ids?: IdGenerator;
  /** Clock for TODAY, LAST_N_DAYS:n ... */
  now?: () => Date;
}

const DEFAULT_BATCH_SIZE = 2000;
const DEFAULT_MAX_OPEN_CURSORS = 10;
const HEADER_BATCH_SIZE_RANGE = { min: 200, max: 2000 };

function apiVersionOf(req: Request): string {
  const version = req.params.version;
  if (typeof version !== 'string') throw new Error('The query router must be mounted under /services/data/:version');
  return version;
}

function requestedBatchSize(req: Request, fallback: number): number {
  const match = /batchSize\s*=\s*(\d+)/i.exec(req.get('Sforce-Query-Options') ?? '');
  if (!match?.[1]) return fallback;
  return Math.min(HEADER_BATCH_SIZE_RANGE.max, Math.max(HEADER_BATCH_SIZE_RANGE.min, Number(match[1])));
}

function pageBody(page: QueryPage, apiVersion: string): object {
  return {
    totalSize: page.totalSize,
    done: page.done,
    ...(page.nextLocator ? { nextRecordsUrl: `/services/data/${apiVersion}/query/${page.nextLocator}` } : {}),
    records: page.records,
  };
}

export function createQueryRouter(source: QuerySource, options: QueryRouterOptions = {}): Router {
  const router = express.Router({ mergeParams: true });
  const cursors = new QueryCursors(options.ids ?? new IdGenerator(), options.maxOpenCursors ?? DEFAULT_MAX_OPEN_CURSORS);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const now = options.now ?? (() => new Date());

  const runFromQueryString = (includeDeleted: boolean) => (req: Request, res: Response) => {
    const soql = req.query.q;
    if (typeof soql !== 'string' || soql.trim() === '') throw new SoqlError('MALFORMED_QUERY', 'A query string has to be specified');
    const apiVersion = apiVersionOf(req);
    const outcome = runQuery(source, soql, { includeDeleted, apiVersion, now: now() });
    // COUNT() answers with its count as totalSize and no records.
    const page = cursors.firstPage(outcome.records, requestedBatchSize(req, batchSize));
    sendSalesforceJson(res, 200, pageBody({ ...page, totalSize: outcome.totalSize }, apiVersion));
  };

  const nextPage = (req: Request, res: Response) => {
    const page = cursors.pageFor(String(req.params.locator));
    if (!page) throw new SoqlError('INVALID_QUERY_LOCATOR', 'invalid query locator');
    sendSalesforceJson(res, 200, pageBody(page, apiVersionOf(req)));
  };

  router.get('/query', runFromQueryString(false));
  router.get('/queryAll', runFromQueryString(true));
  router.get('/query/:locator', nextPage);
  router.get('/queryAll/:locator', nextPage);
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!(error instanceof SoqlError)) return next(error);
    sendSalesforceJson(res, error.status, [{ message: error.message, errorCode: error.errorCode }]);
  });
  return router;
}
