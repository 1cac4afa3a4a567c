// One Bulk API 2.0 query job: its checked query, its state and, once run, its result rows as CSV
// cells. State changes go through the methods so wrong transitions are refused.
import type { BoundField } from '../soql/field-paths.js';
import type { PreparedQuery } from '../soql/run-query.js';
import { BulkApiError, invalidJobState } from './bulk-error.js';
import type { CsvFormat } from './csv-format.js';

/** The emulator runs every accepted query, so its jobs never reach Salesforce's Failed state. */
export type QueryJobState = 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Aborted';
export type QueryOperation = 'query' | 'queryAll';

const ABORTABLE: ReadonlySet<QueryJobState> = new Set(['UploadComplete', 'InProgress']);
const DELETABLE: ReadonlySet<QueryJobState> = new Set(['UploadComplete', 'JobComplete', 'Aborted']);

/** How a state reads in Salesforce's "Current status" wording (IN_PROGRESS). */
function upperSnake(state: QueryJobState): string {
  return state.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

export interface QueryJobIdentity {
  id: string;
  operation: QueryOperation;
  /** Canonical name of the queried object. */
  object: string;
  format: CsvFormat;
  /** "62.0", from the version the job was created with. */
  apiVersion: string;
  createdById: string;
  createdDate: Date;
}

/** The checked query and the fields it selects (Bulk queries always select fields). */
export interface QueryJobPlan {
  query: PreparedQuery;
  fields: readonly BoundField[];
}

export class QueryJob {
  state: QueryJobState = 'UploadComplete';
  systemModstamp: Date;
  /** Column names, then one row of cells per record, filled when the query runs. */
  header: string[] = [];
  rows: string[][] = [];
  processingMs = 0;
  discarded = false;

  constructor(
    readonly identity: QueryJobIdentity,
    readonly plan: QueryJobPlan,
    private readonly now: () => Date,
  ) {
    this.systemModstamp = identity.createdDate;
  }

  get id(): string {
    return this.identity.id;
  }

  startProcessing(): void {
    this.moveTo('InProgress');
  }

  complete(header: string[], rows: string[][]): void {
    this.header = header;
    this.rows = rows;
    this.moveTo('JobComplete');
  }

  abort(): void {
    if (!ABORTABLE.has(this.state)) throw invalidJobState(`Cannot change the state of job ${this.id} from ${this.state} to Aborted`);
    this.moveTo('Aborted');
  }

  assertDeletable(): void {
    if (!DELETABLE.has(this.state)) throw invalidJobState(`Job ${this.id} cannot be deleted while it is ${this.state}`);
  }

  assertResultsReady(): void {
    if (this.state === 'JobComplete') return;
    throw new BulkApiError(
      412,
      'JOB_NOT_COMPLETE',
      `can only download query results of successfully completed bulk job with status: JOB_COMPLETE. Current status: ${upperSnake(this.state)}`,
    );
  }

  private moveTo(state: QueryJobState): void {
    this.state = state;
    this.systemModstamp = this.now();
  }
}
