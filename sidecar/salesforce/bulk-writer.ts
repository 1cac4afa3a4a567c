// Backlogs (thousands of records) go through Bulk API 2.0: one job per object, in dependency
// order, each a handful of API calls whatever its size: open, upload, close, a few status checks
// spaced further apart as the job runs, and the successful results (the failed ones only when
// the job reports failures). The CSV is written here rather than by jsforce, which takes its
// header from the first record only and would drop later columns.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Connection } from 'jsforce';
import type { IngestJobV2, JobInfoV2 } from 'jsforce/lib/api/bulk2.js';
import { EXTERNAL_ID_FIELD } from '../mapping/keys.js';
import type { SalesforcePayload } from '../mapping/people.js';
import { withRetries, type RetryPolicy } from './retry.js';
import { WRITE_ORDER, type RowError, type RowResult, type UpsertBatch, type UpsertedObject } from './upsert-writer.js';

/** Bulk API 2.0 sets a field to null with this value; an empty cell leaves it unchanged. */
const NULL_CELL = '#N/A';
/** Status checks start soon (small jobs finish in a moment) and back off to this spacing. */
const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 5000;
const POLL_TIMEOUT_MS = 60 * 60 * 1000;

/** Rows turned into CSV text at a time, so a round's CSV never exists as one array of cell arrays too. */
const CSV_ROWS_PER_PIECE = 1000;

export function toCsv(payloads: SalesforcePayload[]): string {
  const columns = new Set<string>();
  for (const payload of payloads) {
    for (const [field, value] of Object.entries(payload)) {
      if (value !== null && typeof value === 'object') for (const inner of Object.keys(value)) columns.add(`${field}.${inner}`);
      else columns.add(field);
    }
  }
  const header = [...columns];
  const cellsOf = (payload: SalesforcePayload) =>
    header.map((column) => {
      const [field, inner] = column.split('.') as [string, string | undefined];
      const value = payload[field];
      const cell = inner !== undefined && value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[inner] : value;
      if (cell === undefined) return '';
      if (cell === null || cell === '') return NULL_CELL;
      return String(cell);
    });
  const pieces = [stringify([header])];
  for (let start = 0; start < payloads.length; start += CSV_ROWS_PER_PIECE) {
    pieces.push(stringify(payloads.slice(start, start + CSV_ROWS_PER_PIECE).map(cellsOf)));
  }
  return pieces.join('');
}

/** "CODE:message:fields --" as Bulk API 2.0 reports a failed row. */
function parseBulkError(text: string | undefined): RowError {
  const match = /^([A-Z_]+):(.*?)(?::([^:]*) --)?$/s.exec((text ?? '').trim());
  if (!match) return { code: 'UNKNOWN_ERROR', message: text ?? 'failed', fields: [] };
  return { code: match[1]!, message: match[2]!.trim(), fields: match[3] ? match[3].split(',').filter(Boolean) : [] };
}

/** The columns a results CSV is read for; the echoed payload columns are dropped as rows are parsed. */
function readResults(csv: string, toResult: (key: string, row: Record<string, string>) => RowResult): RowResult[] {
  if (csv.trim() === '') return [];
  return parse(csv, {
    columns: true,
    skip_empty_lines: true,
    on_record: (row: Record<string, string>) => toResult(row[EXTERNAL_ID_FIELD] ?? '', row),
  }) as RowResult[];
}

/** A whole job refused (Failed or Aborted), e.g. a field the org lacks. */
export class BulkJobError extends Error {}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class BulkWriter {
  private readonly retry?: RetryPolicy;

  constructor(
    private readonly connection: Connection,
    private readonly options: { retry?: RetryPolicy; onApiCall?: () => void; pollTimeoutMs?: number } = {},
  ) {
    this.retry = options.retry;
  }

  async upsert(batch: UpsertBatch): Promise<RowResult[]> {
    const results: RowResult[] = [];
    for (const object of WRITE_ORDER) {
      const payloads = batch[object] ?? [];
      if (payloads.length > 0) results.push(...(await this.upsertObject(object, payloads)));
    }
    return results;
  }

  private call<T>(request: () => Promise<T>): Promise<T> {
    this.options.onApiCall?.();
    return request();
  }

  private async upsertObject(object: UpsertedObject, payloads: SalesforcePayload[]): Promise<RowResult[]> {
    // Uploading is all or nothing: a job whose upload may have half-arrived is aborted and the
    // data sent in a new job (Bulk API 2.0 takes one upload per job; upserts make repeats harmless).
    const { job, info } = await withRetries(() => this.uploadJob(object, toCsv(payloads)), this.retry);
    const byKey = new Map<string, RowResult>();
    const succeeded = info.numberRecordsProcessed - info.numberRecordsFailed;
    if (succeeded > 0) {
      const csv = await withRetries(() => this.call(() => job.getSuccessfulResults(true)), this.retry);
      for (const result of readResults(csv, (key, row) => ({ object, key, id: row.sf__Id || null, created: row.sf__Created === 'true', error: null }))) {
        byKey.set(result.key, result);
      }
    }
    if (info.numberRecordsFailed > 0) {
      const csv = await withRetries(() => this.call(() => job.getFailedResults(true)), this.retry);
      for (const result of readResults(csv, (key, row) => ({ object, key, id: null, created: false, error: parseBulkError(row.sf__Error) }))) {
        byKey.set(result.key, result);
      }
    }
    // Rows Salesforce did not get to (a job stopped part way) have no result: they are sent again.
    return payloads.map((payload) => {
      const key = String(payload[EXTERNAL_ID_FIELD]);
      return byKey.get(key) ?? { object, key, id: null, created: false, error: { code: 'UNPROCESSED', message: 'Salesforce did not process this record; it will be sent again.', fields: [] } };
    });
  }

  private async uploadJob(object: UpsertedObject, csv: string): Promise<{ job: IngestJobV2<never>; info: JobInfoV2 }> {
    const job = this.connection.bulk2.createJob({ object, operation: 'upsert', externalIdFieldName: EXTERNAL_ID_FIELD }) as IngestJobV2<never>;
    await this.call(() => job.open());
    try {
      await this.call(() => job.uploadData(csv));
      await this.call(() => job.close());
    } catch (error) {
      await this.call(() => job.abort()).catch(() => undefined);
      throw error;
    }
    return { job, info: await this.waitForJob(object, job) };
  }

  /** Checks the job's state, further apart the longer it runs, until it is finished. */
  private async waitForJob(object: UpsertedObject, job: IngestJobV2<never>): Promise<JobInfoV2> {
    const deadline = Date.now() + (this.options.pollTimeoutMs ?? POLL_TIMEOUT_MS);
    for (let wait = FIRST_POLL_MS; ; wait = Math.min(MAX_POLL_MS, wait * 2)) {
      await sleep(wait);
      const info = await withRetries(() => this.call(() => job.check()), this.retry);
      if (info.state === 'JobComplete') return info;
      if (info.state === 'Failed' || info.state === 'Aborted') {
        throw new BulkJobError(`The Bulk API 2.0 job for ${object} ${info.state === 'Failed' ? 'failed' : 'was aborted'}: ${info.errorMessage ?? 'no reason given'}`);
      }
      if (Date.now() > deadline) throw new Error(`The Bulk API 2.0 job ${job.id} for ${object} did not finish in time; its records stay queued.`);
    }
  }
}
