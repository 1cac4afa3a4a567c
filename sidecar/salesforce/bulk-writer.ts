// Backlogs (thousands of records) go through Bulk API 2.0: one job per object, in dependency
// order, each a handful of API calls whatever its size. The CSV is written here rather than by
// jsforce, which takes its header from the first record only and would drop later columns.
import { stringify } from 'csv-stringify/sync';
import type { Connection } from 'jsforce';
import { EXTERNAL_ID_FIELD } from '../mapping/keys.js';
import type { SalesforcePayload } from '../mapping/people.js';
import { withRetries, type RetryPolicy } from './retry.js';
import { WRITE_ORDER, type RowResult, type UpsertBatch, type UpsertedObject } from './upsert-writer.js';

/** Bulk API 2.0 sets a field to null with this value; an empty cell leaves it unchanged. */
const NULL_CELL = '#N/A';
const POLL_INTERVAL_MS = 1000;
const POLL_TIMEOUT_MS = 60 * 60 * 1000;

export function toCsv(payloads: SalesforcePayload[]): string {
  const columns = new Set<string>();
  for (const payload of payloads) {
    for (const [field, value] of Object.entries(payload)) {
      if (value !== null && typeof value === 'object') for (const inner of Object.keys(value)) columns.add(`${field}.${inner}`);
      else columns.add(field);
    }
  }
  const header = [...columns];
  const rows = payloads.map((payload) =>
    header.map((column) => {
      const [field, inner] = column.split('.') as [string, string | undefined];
      const value = payload[field];
      const cell = inner !== undefined && value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[inner] : value;
      if (cell === undefined) return '';
      if (cell === null || cell === '') return NULL_CELL;
      return String(cell);
    }),
  );
  return stringify([header, ...rows]);
}

interface BulkRow {
  sf__Id?: string;
  sf__Created?: string;
  sf__Error?: string;
  [column: string]: unknown;
}

/** "CODE:message:fields --" as Bulk API 2.0 reports a failed row. */
function parseBulkError(text: string | undefined): { code: string; message: string; fields: string[] } {
  const match = /^([A-Z_]+):(.*?)(?::([^:]*) --)?$/s.exec((text ?? '').trim());
  if (!match) return { code: 'UNKNOWN_ERROR', message: text ?? 'failed', fields: [] };
  return { code: match[1]!, message: match[2]!.trim(), fields: match[3] ? match[3].split(',').filter(Boolean) : [] };
}

export class BulkWriter {
  constructor(
    private readonly connection: Connection,
    private readonly options: { retry?: RetryPolicy; onApiCall?: () => void; pollTimeoutMs?: number } = {},
  ) {}

  async upsert(batch: UpsertBatch): Promise<RowResult[]> {
    const results: RowResult[] = [];
    for (const object of WRITE_ORDER) {
      const payloads = batch[object] ?? [];
      if (payloads.length > 0) results.push(...(await this.upsertObject(object, payloads)));
    }
    return results;
  }

  private async upsertObject(object: UpsertedObject, payloads: SalesforcePayload[]): Promise<RowResult[]> {
    // A job is open, upload, close, a few polls and three result downloads: about 7 calls.
    const job = await withRetries(() => {
      this.options.onApiCall?.();
      return this.connection.bulk2.loadAndWaitForResults({
        object,
        operation: 'upsert',
        externalIdFieldName: EXTERNAL_ID_FIELD,
        input: toCsv(payloads),
        pollInterval: POLL_INTERVAL_MS,
        pollTimeout: this.options.pollTimeoutMs ?? POLL_TIMEOUT_MS,
      });
    }, this.options.retry);
    const byKey = new Map<string, RowResult>();
    for (const row of job.successfulResults as BulkRow[]) {
      const key = String(row[EXTERNAL_ID_FIELD]);
      byKey.set(key, { object, key, id: row.sf__Id ?? null, created: String(row.sf__Created) === 'true', error: null });
    }
    for (const row of job.failedResults as BulkRow[]) {
      const key = String(row[EXTERNAL_ID_FIELD]);
      byKey.set(key, { object, key, id: null, created: false, error: parseBulkError(row.sf__Error) });
    }
    return payloads.map((payload) => {
      const key = String(payload[EXTERNAL_ID_FIELD]);
      return (
        byKey.get(key) ?? {
          object,
          key,
          id: null,
          created: false,
          error: { code: 'UNPROCESSED', message: 'Salesforce did not process this record; it will be sent again.', fields: [] },
        }
      );
    });
  }
}
