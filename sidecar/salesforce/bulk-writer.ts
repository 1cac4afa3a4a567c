// Backlogs (thousands of records) go through Bulk API 2.0: one job per object, in dependency
// order, each a handful of API calls whatever its size: open, upload, close, a status check or two
// timed by how fast the org went before (bulk-pace.ts), and the successful results (the failed ones
// only when the job reports failures).
import { parse } from 'csv-parse/sync';
import type { Connection } from 'jsforce';
import type { IngestJobV2, JobInfoV2 } from 'jsforce/lib/api/bulk2.js';
import { EXTERNAL_ID_FIELD } from '../mapping/keys.js';
import type { BulkCsv } from './bulk-csv.js';
import { BulkPace } from './bulk-pace.js';
import { sleep, withRetries, type RetryPolicy } from './retry.js';
import type { RowError, RowResult, UpsertedObject } from './upsert-writer.js';

/** Without a pace to go by, status checks start soon (small jobs finish in a moment) and double up
 * to this spacing: a job of tens of thousands of rows can run for minutes in a busy org, and a check
 * every few seconds would then cost more calls than the rest of the job. */
const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 30_000;
const POLL_TIMEOUT_MS = 60 * 60 * 1000;

/** "CODE:message:fields --" as Bulk API 2.0 reports a failed row. */
function parseBulkError(text: string | undefined): RowError {
  const match = /^([A-Z_]+):(.*?)(?::([^:]*) --)?$/s.exec((text ?? '').trim());
  if (!match) return { code: 'UNKNOWN_ERROR', message: text ?? 'failed', fields: [] };
  return { code: match[1]!, message: match[2]!.trim(), fields: match[3] ? match[3].split(',').filter(Boolean) : [] };
}

/** The columns of a results file that are read; the rest echo what was sent. */
const RESULT_COLUMNS = new Set(['sf__Id', 'sf__Created', 'sf__Error', EXTERNAL_ID_FIELD]);

/** Reads a results CSV into `byKey`, skipping the echoed payload columns. */
function readResults(text: string, byKey: Map<string, RowResult>, toResult: (key: string, row: Record<string, string>) => RowResult): void {
  if (text.trim() === '') return;
  parse(text, {
    columns: (header: string[]) => header.map((column) => (RESULT_COLUMNS.has(column) ? column : false)),
    skip_empty_lines: true,
    on_record: (row: Record<string, string>) => {
      const result = toResult(row[EXTERNAL_ID_FIELD] ?? '', row);
      byKey.set(result.key, result);
      return null;
    },
  });
}

/** A whole job refused (Failed or Aborted), e.g. a field the org lacks. */
export class BulkJobError extends Error {}

interface JsforceTransport {
  httpRequest(request: { method?: string }, options?: { retry?: Record<string, unknown> }): unknown;
}

/** jsforce's own list of resent methods (3.10.16), less PUT. */
const RESENT_METHODS = ['GET', 'HEAD', 'OPTIONS', 'DELETE'];
const uploadsNeverResent = new WeakSet<object>();

/**
 * jsforce resends a PUT answered with a 5xx using the same body stream, by then consumed (it checks
 * for that only after network errors): a Bulk upload would arrive empty and its job fail. So jsforce
 * never resends PUTs on this connection; a failed upload is sent again by the writer, in a new job.
 */
function neverResendUploads(connection: Connection): void {
  const transport = (connection as unknown as { _transport?: JsforceTransport })._transport;
  // a stand-in connection without jsforce's transport has nothing to change
  if (!transport || uploadsNeverResent.has(transport)) return;
  uploadsNeverResent.add(transport);
  const httpRequest = transport.httpRequest.bind(transport);
  transport.httpRequest = (request, options = {}) =>
    httpRequest(request, request.method?.toUpperCase() === 'PUT' ? { ...options, retry: { ...options.retry, methods: RESENT_METHODS } } : options);
}

export class BulkWriter {
  private readonly retry?: RetryPolicy;
  private readonly pace: BulkPace;

  /** @param options.pace shared by the writers of one service, so each job is timed by the ones before */
  constructor(
    private readonly connection: Connection,
    private readonly options: { retry?: RetryPolicy; onApiCall?: () => void; pollTimeoutMs?: number; pace?: BulkPace } = {},
  ) {
    this.retry = options.retry;
    this.pace = options.pace ?? new BulkPace();
    neverResendUploads(connection);
  }

  private call<T>(request: () => Promise<T>): Promise<T> {
    this.options.onApiCall?.();
    return request();
  }

  /** Upserts one object's rows as one job: a result for every row, by Magento_Key__c. */
  async upsert(object: UpsertedObject, csv: BulkCsv): Promise<Map<string, RowResult>> {
    // Uploading is all or nothing: a job whose upload may have half-arrived is aborted and the
    // data sent in a new job (Bulk API 2.0 takes one upload per job; upserts make repeats harmless).
    const { job, info } = await withRetries(() => this.uploadJob(object, csv), this.retry);
    const byKey = new Map<string, RowResult>();
    const succeeded = info.numberRecordsProcessed - info.numberRecordsFailed;
    if (succeeded > 0) {
      const text = await withRetries(() => this.call(() => job.getSuccessfulResults(true)), this.retry);
      readResults(text, byKey, (key, row) => ({ object, key, id: row.sf__Id || null, created: row.sf__Created === 'true', error: null }));
    }
    if (info.numberRecordsFailed > 0) {
      const text = await withRetries(() => this.call(() => job.getFailedResults(true)), this.retry);
      readResults(text, byKey, (key, row) => ({ object, key, id: null, created: false, error: parseBulkError(row.sf__Error) }));
    }
    // Rows Salesforce did not get to (a job stopped part way) have no result: they are sent again.
    for (const key of csv.keys()) {
      if (!byKey.has(key)) byKey.set(key, { object, key, id: null, created: false, error: { code: 'UNPROCESSED', message: 'Salesforce did not process this record; it will be sent again.', fields: [] } });
    }
    return byKey;
  }

  private async uploadJob(object: UpsertedObject, csv: BulkCsv): Promise<{ job: IngestJobV2<never>; info: JobInfoV2 }> {
    const job = this.connection.bulk2.createJob({ object, operation: 'upsert', externalIdFieldName: EXTERNAL_ID_FIELD }) as IngestJobV2<never>;
    await this.call(() => job.open());
    try {
      // a stream, which jsforce pipes to the request as it is (a string it would first copy)
      await this.call(() => job.uploadData(csv.stream()));
      await this.call(() => job.close());
    } catch (error) {
      await this.call(() => job.abort()).catch(() => undefined);
      throw error;
    }
    return { job, info: await this.waitForJob(object, job, csv.rowCount) };
  }

  /**
   * Checks the job's state about when it should be done: as fast as the last job of the object went,
   * then by the job's own progress; with neither to go by, further apart the longer it runs.
   */
  private async waitForJob(object: UpsertedObject, job: IngestJobV2<never>, rows: number): Promise<JobInfoV2> {
    const deadline = Date.now() + (this.options.pollTimeoutMs ?? POLL_TIMEOUT_MS);
    const spacing = (ms: number) => Math.min(MAX_POLL_MS, Math.max(FIRST_POLL_MS, ms));
    let backoff = FIRST_POLL_MS;
    let wait = spacing(this.pace.expectedMs(object, rows) ?? FIRST_POLL_MS);
    for (;;) {
      await sleep(wait);
      const info = await withRetries(() => this.call(() => job.check()), this.retry);
      if (info.state === 'JobComplete') {
        this.pace.learn(object, info);
        return info;
      }
      if (info.state === 'Failed' || info.state === 'Aborted') {
        throw new BulkJobError(`The Bulk API 2.0 job for ${object} ${info.state === 'Failed' ? 'failed' : 'was aborted'}: ${info.errorMessage ?? 'no reason given'}`);
      }
      if (Date.now() > deadline) throw new Error(`The Bulk API 2.0 job ${job.id} for ${object} did not finish in time; its records stay queued.`);
      backoff = Math.min(MAX_POLL_MS, backoff * 2);
      const remaining = this.pace.remainingMs(rows, info);
      wait = remaining === undefined ? backoff : spacing(remaining);
    }
  }
}
