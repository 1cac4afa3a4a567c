// Bulk API 2.0 ingest resources under /jobs/ingest. Mounted by the server under
// /services/data/:version, after its auth, limit and fault handling.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { BulkRowTarget } from '../contracts.js';
import { IdGenerator, toEighteen } from '../ids.js';
import { sendSalesforceJson } from '../soql/json-response.js';
import { BulkApiError, invalidJobState } from './bulk-error.js';
import { parseCreateJobRequest } from './create-job-request.js';
import type { DescribeFields } from './header-check.js';
import { IngestJob } from './ingest-job.js';
import { jobDetails, jobListEntry, jobSummary } from './job-info.js';
import { scheduleProcessing } from './job-processor.js';
import { failedResultsCsv, successfulResultsCsv, unprocessedRecordsCsv } from './job-results.js';
import { JobStore } from './job-store.js';
import { readUploadBody } from './upload-body.js';
import { readUploadedCsv } from './uploaded-data.js';

export interface Bulk2RouterOptions {
  /** Largest accepted upload in bytes (Salesforce: 150 MB). */
  maxUploadBytes?: number;
  /** Rows handed to the org per event-loop turn while a job is processed. */
  rowsPerTurn?: number;
  /** Field lists of the org's objects; with it, a header naming an unknown field fails the job. */
  describe?: DescribeFields;
  /** Id source for job ids (750...); pass the org's so ids never repeat. */
  ids?: IdGenerator;
  /** The user the jobs are created by (createdById). */
  userId?: string;
  now?: () => Date;
}

const JOB_KEY_PREFIX = '750';
const DEFAULT_MAX_UPLOAD_BYTES = 150 * 1024 * 1024;
const DEFAULT_ROWS_PER_TURN = 200;
const DEFAULT_USER_ID = toEighteen('005000000000001');
const JSON_BODY_LIMIT = '1mb';

function apiVersionOf(req: Request): string {
  const version = req.params.version;
  if (typeof version !== 'string') throw new Error('The Bulk API 2.0 router must be mounted under /services/data/:version');
  return version.replace(/^v/, '');
}

function sendCsv(res: Response, csv: string): void {
  res.status(200).set('Content-Type', 'text/csv').end(csv);
}

export function createBulk2Router(target: BulkRowTarget, options: Bulk2RouterOptions = {}): Router {
  const router = express.Router({ mergeParams: true });
  const jobs = new JobStore<IngestJob>();
  const ids = options.ids ?? new IdGenerator();
  const now = options.now ?? (() => new Date());
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const processing = { rowsPerTurn: options.rowsPerTurn ?? DEFAULT_ROWS_PER_TURN, describe: options.describe };
  const jsonBody = express.json({ limit: JSON_BODY_LIMIT, type: () => true });
  const jobOf = (req: Request): IngestJob => jobs.get(String(req.params.jobId));

  router.post('/jobs/ingest', jsonBody, (req, res) => {
    const { spec, format } = parseCreateJobRequest(req.body, (name) => target.objectName(name));
    const job = new IngestJob({ id: ids.next(JOB_KEY_PREFIX), spec, format, apiVersion: apiVersionOf(req), createdById: options.userId ?? DEFAULT_USER_ID, createdDate: now() }, now);
    jobs.add(job);
    sendSalesforceJson(res, 200, jobSummary(job));
  });

  router.get('/jobs/ingest', (_req, res) => {
    sendSalesforceJson(res, 200, { done: true, records: jobs.all().map(jobListEntry), nextRecordsUrl: null });
  });

  router.put('/jobs/ingest/:jobId/batches', async (req, res) => {
    const job = jobOf(req);
    const body = await readUploadBody(req, maxUploadBytes);
    if (!body.ok) throw new BulkApiError(413, 'INVALIDBATCH', `The upload of ${body.receivedBytes} bytes exceeds the limit of ${maxUploadBytes} bytes per job`);
    job.acceptUpload(readUploadedCsv(body.text, job.identity.format));
    res.status(201).end();
  });

  router.patch('/jobs/ingest/:jobId', jsonBody, (req, res) => {
    const job = jobOf(req);
    const state: unknown = (req.body as { state?: unknown } | undefined)?.state;
    if (state === 'UploadComplete') {
      job.markUploadComplete();
      scheduleProcessing(job, target, processing);
    } else if (state === 'Aborted') {
      job.abort();
    } else {
      throw invalidJobState(`Invalid state: ${String(state)}; a job can only be set to UploadComplete or Aborted`);
    }
    sendSalesforceJson(res, 200, jobSummary(job));
  });

  router.get('/jobs/ingest/:jobId', (req, res) => sendSalesforceJson(res, 200, jobDetails(jobOf(req))));

  router.delete('/jobs/ingest/:jobId', (req, res) => {
    jobs.delete(jobOf(req));
    res.status(204).end();
  });

  router.get('/jobs/ingest/:jobId/successfulResults', (req, res) => sendCsv(res, successfulResultsCsv(jobOf(req))));
  router.get('/jobs/ingest/:jobId/failedResults', (req, res) => sendCsv(res, failedResultsCsv(jobOf(req))));
  router.get('/jobs/ingest/:jobId/unprocessedrecords', (req, res) => sendCsv(res, unprocessedRecordsCsv(jobOf(req))));

  router.use('/jobs/ingest', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (error instanceof BulkApiError) return sendSalesforceJson(res, error.status, [{ errorCode: error.errorCode, message: error.message }]);
    // express.json's refusal of a body that is not JSON.
    if (error instanceof SyntaxError) return sendSalesforceJson(res, 400, [{ errorCode: 'JSON_PARSER_ERROR', message: error.message }]);
    next(error);
  });
  return router;
}
