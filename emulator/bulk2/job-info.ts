// Job information as Salesforce returns it: the short form (create, PATCH, list) and the full
// form of GET /jobs/ingest/:id with counters and timings.
import type { IngestJob } from './ingest-job.js';

const JOB_TYPE = 'V2Ingest';

/** "2026-11-22T07:43:36.000+0000", Salesforce's datetime form. */
export function salesforceDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

export function jobSummary(job: IngestJob): Record<string, unknown> {
  const { spec, format, apiVersion, createdById, createdDate } = job.identity;
  return {
    id: job.id,
    operation: spec.operation,
    object: spec.object,
    createdById,
    createdDate: salesforceDateTime(createdDate),
    systemModstamp: salesforceDateTime(job.systemModstamp),
    state: job.state,
    ...(spec.externalIdFieldName === undefined ? {} : { externalIdFieldName: spec.externalIdFieldName }),
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(apiVersion),
    contentUrl: `services/data/v${apiVersion}/jobs/ingest/${job.id}/batches`,
    lineEnding: format.lineEnding,
    columnDelimiter: format.columnDelimiter,
  };
}

export function jobListEntry(job: IngestJob): Record<string, unknown> {
  return { ...jobSummary(job), jobType: JOB_TYPE };
}

export function jobDetails(job: IngestJob): Record<string, unknown> {
  return {
    ...jobSummary(job),
    jobType: JOB_TYPE,
    numberRecordsProcessed: job.outcomes.length,
    numberRecordsFailed: job.numberRecordsFailed,
    retries: 0,
    totalProcessingTime: job.processingMs,
    apiActiveProcessingTime: job.processingMs,
    apexProcessingTime: 0,
    ...(job.errorMessage === undefined ? {} : { errorMessage: job.errorMessage }),
  };
}
