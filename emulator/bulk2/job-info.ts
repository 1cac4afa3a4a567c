// Job information as Salesforce returns it: the short form (create, PATCH, list) and the full
// form of GET /jobs/ingest/:id and /jobs/query/:id with counters and timings.
import type { CsvFormat } from './csv-format.js';
import type { IngestJob } from './ingest-job.js';
import type { QueryJob } from './query-job.js';

/** "2026-11-22T07:43:36.000+0000", Salesforce's datetime form. */
export function salesforceDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

/** What ingest and query jobs both report. */
interface JobBasics {
  id: string;
  operation: string;
  object: string;
  createdById: string;
  createdDate: Date;
  systemModstamp: Date;
  state: string;
  apiVersion: string;
  format: CsvFormat;
}

function basicFields(job: JobBasics): Record<string, unknown> {
  return {
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: job.createdById,
    createdDate: salesforceDateTime(job.createdDate),
    systemModstamp: salesforceDateTime(job.systemModstamp),
    state: job.state,
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(job.apiVersion),
    lineEnding: job.format.lineEnding,
    columnDelimiter: job.format.columnDelimiter,
  };
}

export function jobSummary(job: IngestJob): Record<string, unknown> {
  const { spec, apiVersion } = job.identity;
  return {
    ...basicFields({ ...job.identity, ...spec, id: job.id, state: job.state, systemModstamp: job.systemModstamp }),
    ...(spec.externalIdFieldName === undefined ? {} : { externalIdFieldName: spec.externalIdFieldName }),
    contentUrl: `services/data/v${apiVersion}/jobs/ingest/${job.id}/batches`,
  };
}

export function jobListEntry(job: IngestJob): Record<string, unknown> {
  return { ...jobSummary(job), jobType: 'V2Ingest' };
}

export function jobDetails(job: IngestJob): Record<string, unknown> {
  return {
    ...jobListEntry(job),
    numberRecordsProcessed: job.outcomes.length,
    numberRecordsFailed: job.numberRecordsFailed,
    retries: 0,
    totalProcessingTime: job.processingMs,
    apiActiveProcessingTime: job.processingMs,
    apexProcessingTime: 0,
    ...(job.errorMessage === undefined ? {} : { errorMessage: job.errorMessage }),
  };
}

export function queryJobSummary(job: QueryJob): Record<string, unknown> {
  return basicFields({ ...job.identity, state: job.state, systemModstamp: job.systemModstamp });
}

export function queryJobListEntry(job: QueryJob): Record<string, unknown> {
  return { ...queryJobSummary(job), jobType: 'V2Query' };
}

export function queryJobDetails(job: QueryJob): Record<string, unknown> {
  return {
    ...queryJobListEntry(job),
    numberRecordsProcessed: job.rows.length,
    retries: 0,
    totalProcessingTime: job.processingMs,
    isPkChunkingSupported: true,
  };
}
