// Upserts Accounts, Contacts and Opportunities on Magento_Key__c. One Composite call carries up to
// 200 of each as sObject Collections subrequests, in dependency order: Contacts and Opportunities
// name their Account by its external ID, so nothing waits for ids and a whole batch costs one
// API call. Rows that fail for a transient reason are sent again; the rest are reported.
import type { Connection } from 'jsforce';
import { EXTERNAL_ID_FIELD } from '../mapping/keys.js';
import type { SalesforcePayload } from '../mapping/people.js';
import { DEFAULT_RETRY_POLICY, isTransient, waitBeforeRetry, withRetries, type RetryPolicy } from './retry.js';

export const COLLECTION_LIMIT = 200;
export const WRITE_ORDER = ['Account', 'Contact', 'Opportunity'] as const;
export type UpsertedObject = (typeof WRITE_ORDER)[number];

export interface RowError {
  code: string;
  message: string;
  fields: string[];
}

export interface RowResult {
  object: UpsertedObject;
  key: string;
  id: string | null;
  created: boolean;
  error: RowError | null;
}

export type UpsertBatch = Partial<Record<UpsertedObject, SalesforcePayload[]>>;

interface CollectionRow {
  id?: string;
  success: boolean;
  created?: boolean;
  errors?: { statusCode?: string; errorCode?: string; message: string; fields?: string[] }[];
}

interface CompositeResponse {
  compositeResponse: { referenceId: string; httpStatusCode: number; body: unknown }[];
}

export interface UpsertWriterOptions {
  retry?: RetryPolicy;
  /** Called once per API call made, for metrics and the API budget. */
  onApiCall?: () => void;
}

function keyOf(payload: SalesforcePayload): string {
  const key = payload[EXTERNAL_ID_FIELD];
  if (typeof key !== 'string') throw new Error(`A payload without ${EXTERNAL_ID_FIELD} cannot be upserted`);
  return key;
}

function rowError(row: CollectionRow | undefined): RowError {
  const first = row?.errors?.[0];
  if (!first) return { code: 'UNKNOWN_ERROR', message: 'Salesforce gave no result for this record', fields: [] };
  return { code: first.statusCode ?? first.errorCode ?? 'UNKNOWN_ERROR', message: first.message, fields: first.fields ?? [] };
}

function toRowResults(object: UpsertedObject, payloads: SalesforcePayload[], body: unknown): RowResult[] {
  const rows: CollectionRow[] | undefined = Array.isArray(body) && body.every((row) => 'success' in (row as object)) ? (body as CollectionRow[]) : undefined;
  // A subrequest refused as a whole answers with an error list instead of one row per record.
  const wholeError = rows ? undefined : rowError({ success: false, errors: Array.isArray(body) ? body : [] });
  return payloads.map((payload, index) => {
    const row = rows?.[index];
    const ok = row?.success === true && typeof row.id === 'string';
    return {
      object,
      key: keyOf(payload),
      id: ok ? row.id! : null,
      created: ok ? Boolean(row.created) : false,
      error: ok ? null : (wholeError ?? rowError(row)),
    };
  });
}

export class UpsertWriter {
  private readonly retry: RetryPolicy;

  constructor(
    private readonly connection: Connection,
    private readonly options: UpsertWriterOptions = {},
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
  }

  /** Upserts one batch (at most 200 records per object) and returns one result per record. */
  async upsert(batch: UpsertBatch): Promise<RowResult[]> {
    for (const object of WRITE_ORDER) {
      const count = batch[object]?.length ?? 0;
      if (count > COLLECTION_LIMIT) throw new Error(`At most ${COLLECTION_LIMIT} ${object} records per call, got ${count}`);
    }
    const results = new Map<string, RowResult>();
    let pending = batch;
    for (let attempt = 0; ; attempt++) {
      const round = await this.sendOnce(pending);
      for (const result of round) results.set(`${result.object}|${result.key}`, result);
      const transient = round.filter((r) => r.error && isTransient({ errorCode: r.error.code }));
      if (transient.length === 0 || attempt + 1 >= this.retry.attempts) break;
      // Dependent rows (a Contact whose Account was locked) fail too; resending the failed rows
      // of every object in order is enough, and upserts make the repeats harmless.
      const failedKeys = new Set(round.filter((r) => r.error).map((r) => `${r.object}|${r.key}`));
      pending = Object.fromEntries(
        WRITE_ORDER.map((object) => [object, (pending[object] ?? []).filter((p) => failedKeys.has(`${object}|${keyOf(p)}`))]),
      );
      await waitBeforeRetry(attempt, this.retry);
    }
    return WRITE_ORDER.flatMap((object) => (batch[object] ?? []).map((p) => results.get(`${object}|${keyOf(p)}`)!));
  }

  private async sendOnce(batch: UpsertBatch): Promise<RowResult[]> {
    const parts = WRITE_ORDER.filter((object) => (batch[object]?.length ?? 0) > 0);
    if (parts.length === 0) return [];
    const version = this.connection.version;
    const body = {
      allOrNone: false,
      compositeRequest: parts.map((object) => ({
        method: 'PATCH',
        url: `/services/data/v${version}/composite/sobjects/${object}/${EXTERNAL_ID_FIELD}`,
        referenceId: object,
        body: { allOrNone: false, records: batch[object]!.map((p) => ({ attributes: { type: object }, ...p })) },
      })),
    };
    const response = await withRetries(async () => {
      this.options.onApiCall?.();
      return (await this.connection.requestPost('/composite', body)) as CompositeResponse;
    }, this.retry);
    return parts.flatMap((object) => {
      const part = response.compositeResponse.find((r) => r.referenceId === object);
      return toRowResults(object, batch[object]!, part?.body);
    });
  }
}
