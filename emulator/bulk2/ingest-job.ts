// One Bulk API 2.0 ingest job: what it writes, its uploaded rows, its state and the outcome of
// every processed row. State changes go through the methods so wrong transitions are refused.
import type { IngestJobSpec, RowOutcome } from '../contracts.js';
import { BulkApiError, invalidJobState } from './bulk-error.js';
import type { CsvFormat } from './csv-format.js';
import type { UploadedData } from './uploaded-data.js';

export type JobState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

const ABORTABLE: ReadonlySet<JobState> = new Set(['Open', 'UploadComplete', 'InProgress']);
const DELETABLE: ReadonlySet<JobState> = new Set(['UploadComplete', 'JobComplete', 'Aborted', 'Failed']);

export interface JobIdentity {
  id: string;
  spec: IngestJobSpec;
  format: CsvFormat;
  /** "62.0", from the version the job was created with. */
  apiVersion: string;
  createdById: string;
  createdDate: Date;
}

export class IngestJob {
  state: JobState = 'Open';
  systemModstamp: Date;
  errorMessage?: string;
  /** Why the uploaded data cannot be processed; the job fails with it once processing starts. */
  uploadProblem?: string;
  header: string[] = [];
  rows: string[][] = [];
  /** Outcomes of rows 0..n-1 in upload order; rows after them are unprocessed. */
  readonly outcomes: RowOutcome[] = [];
  numberRecordsFailed = 0;
  processingMs = 0;
  /** Set when the job is deleted, so processing that has not started never starts. */
  discarded = false;
  private uploaded = false;

  constructor(
    readonly identity: JobIdentity,
    private readonly now: () => Date,
  ) {
    this.systemModstamp = identity.createdDate;
  }

  get id(): string {
    return this.identity.id;
  }

  acceptUpload(data: UploadedData): void {
    if (this.state !== 'Open') throw invalidJobState(`Data can only be uploaded to an Open job; job ${this.id} is ${this.state}`);
    if (this.uploaded) {
      throw new BulkApiError(
        400,
        'BULK_API_ERROR',
        `Found multiple contents for job: <${this.id}>, please 'Close' / 'Abort' / 'Delete' the current Job then create a new Job and make sure you only do 'PUT' once on a given Job.`,
      );
    }
    this.uploaded = true;
    if (data.ok) {
      this.header = data.header;
      this.rows = data.rows;
    } else {
      this.uploadProblem = data.errorMessage;
    }
  }

  markUploadComplete(): void {
    if (this.state !== 'Open') throw invalidJobState(`Cannot change the state of job ${this.id} from ${this.state} to UploadComplete`);
    this.moveTo('UploadComplete');
  }

  abort(): void {
    if (!ABORTABLE.has(this.state)) throw invalidJobState(`Cannot change the state of job ${this.id} from ${this.state} to Aborted`);
    this.moveTo('Aborted');
  }

  assertDeletable(): void {
    if (!DELETABLE.has(this.state)) throw invalidJobState(`Job ${this.id} cannot be deleted while it is ${this.state}`);
  }

  startProcessing(): void {
    this.moveTo('InProgress');
  }

  record(outcome: RowOutcome): void {
    this.outcomes.push(outcome);
    if (!outcome.success) this.numberRecordsFailed += 1;
  }

  complete(): void {
    this.moveTo('JobComplete');
  }

  fail(errorMessage: string): void {
    this.errorMessage = errorMessage;
    this.moveTo('Failed');
  }

  private moveTo(state: JobState): void {
    this.state = state;
    this.systemModstamp = this.now();
  }
}
