// Bulk API 2.0 query resources under /jobs/query: create, list, inspect, abort, delete and read
// results page by page. Mounted by the server under /services/data/:version, after its auth,
// limit and fault handling, so every call counts and can fail like any other.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { QuerySource } from '../contracts.js';
import type { IdGenerator } from '../ids.js';
import { sendSalesforceJson } from '../soql/json-response.js';
import { SoqlError } from '../soql/soql-error.js';
import { BulkApiError, invalidJobState } from './bulk-error.js';
import { parseCreateQueryJobRequest } from './create-query-job-request.js';
import { queryJobDetails, queryJobListEntry, queryJobSummary } from './job-info.js';
import { JobStore } from './job-store.js';
import { QueryJob } from './query-job.js';
import { scheduleQueryJob } from './query-job-processor.js';
import { parseMaxRecords, resultPage } from './query-results.js';

export interface QueryJobsRouterOptions {
  /** Id source for job ids (750...); share the ingest router's so ids never repeat. */
  ids: IdGenerator;
  /** The user the jobs are created by (createdById). */
  userId: string;
  now?: () => Date;
}

const JOB_KEY_PREFIX = '750';
const JSON_BODY_LIMIT = '1mb';

function apiVersionOf(req: Request): string {
  const version = req.params.version;
  if (typeof version !== 'string') throw new Error('The query jobs router must be mounted under /services/data/:version');
  return version.replace(/^v/, '');
}

function queryParameter(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' ? value : undefined;
}

export function createQueryJobsRouter(source: QuerySource, options: QueryJobsRouterOptions): Router {
  const router = express.Router({ mergeParams: true });
  const jobs = new JobStore<QueryJob>();
  const now = options.now ?? (() => new Date());
  const jsonBody = express.json({ limit: JSON_BODY_LIMIT, type: () => true });
  const jobOf = (req: Request): QueryJob => jobs.get(String(req.params.jobId));

  router.post('/jobs/query', jsonBody, (req, res) => {
    const created = now();
    const { operation, plan, format } = parseCreateQueryJobRequest(req.body, source, created);
    const identity = { id: options.ids.next(JOB_KEY_PREFIX), operation, object: plan.query.objectName, format, apiVersion: apiVersionOf(req), createdById: options.userId, createdDate: created };
    const job = new QueryJob(identity, plan, now);
    jobs.add(job);
    scheduleQueryJob(job);
    sendSalesforceJson(res, 200, queryJobSummary(job));
  });

  router.get('/jobs/query', (_req, res) => {
    sendSalesforceJson(res, 200, { done: true, records: jobs.all().map(queryJobListEntry), nextRecordsUrl: null });
  });

  router.get('/jobs/query/:jobId', (req, res) => sendSalesforceJson(res, 200, queryJobDetails(jobOf(req))));

  router.patch('/jobs/query/:jobId', jsonBody, (req, res) => {
    const job = jobOf(req);
    const state: unknown = (req.body as { state?: unknown } | undefined)?.state;
    if (state !== 'Aborted') throw invalidJobState(`Invalid state: ${String(state)}; a query job can only be set to Aborted`);
    job.abort();
    sendSalesforceJson(res, 200, queryJobSummary(job));
  });

  router.delete('/jobs/query/:jobId', (req, res) => {
    jobs.delete(jobOf(req));
    res.status(204).end();
  });

  router.get('/jobs/query/:jobId/results', (req, res) => {
    const job = jobOf(req);
    job.assertResultsReady();
    // Without maxRecords the whole result is one page: jsforce 3's bulk2.query cannot read a second one.
    const maxRecords = parseMaxRecords(queryParameter(req, 'maxRecords')) ?? job.rows.length;
    const page = resultPage(job.header, job.rows, job.identity.format, queryParameter(req, 'locator'), maxRecords);
    res
      .status(200)
      .set({ 'Content-Type': 'text/csv', 'Sforce-Locator': page.locator, 'Sforce-NumberOfRecords': String(page.numberOfRecords) })
      .end(page.csv);
  });

  router.use('/jobs/query', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (error instanceof BulkApiError || error instanceof SoqlError) return sendSalesforceJson(res, error.status, [{ errorCode: error.errorCode, message: error.message }]);
    // express.json's refusal of a body that is not JSON.
    if (error instanceof SyntaxError) return sendSalesforceJson(res, 400, [{ errorCode: 'JSON_PARSER_ERROR', message: error.message }]);
    next(error);
  });
  return router;
}
