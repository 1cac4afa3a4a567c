// Processes a job after UploadComplete, asynchronously: a slice of rows per event-loop turn
// (setImmediate), so the server keeps answering polls, aborts and other calls meanwhile.
import type { BulkRowTarget } from '../contracts.js';
import { headerErrorMessage, unknownHeaderColumn, type DescribeFields } from './header-check.js';
import type { IngestJob } from './ingest-job.js';
import { rowFields } from './uploaded-data.js';

export interface ProcessingOptions {
  rowsPerTurn: number;
  /** When given, a header naming an unknown field fails the job instead of every row. */
  describe?: DescribeFields;
}

export function scheduleProcessing(job: IngestJob, target: BulkRowTarget, options: ProcessingOptions): void {
  setImmediate(() => {
    // Aborted or deleted before its turn came.
    if (job.state !== 'UploadComplete' || job.discarded) return;
    const startedAt = Date.now();
    job.startProcessing();
    const problem = job.uploadProblem ?? headerProblem(job, options.describe);
    if (problem) {
      job.fail(problem);
      return;
    }
    const processSlice = (): void => {
      if (job.state !== 'InProgress') return;
      const end = Math.min(job.rows.length, job.outcomes.length + options.rowsPerTurn);
      try {
        for (let index = job.outcomes.length; index < end; index++) {
          job.record(target.applyRow(job.identity.spec, rowFields(job.header, job.rows[index] ?? [])));
        }
      } catch (error) {
        // A failure of the org itself, not of a row: the remaining rows stay unprocessed.
        job.fail(`InternalServerError : ${(error as Error).message}`);
        return;
      } finally {
        job.processingMs = Date.now() - startedAt;
      }
      if (job.outcomes.length < job.rows.length) setImmediate(processSlice);
      else job.complete();
    };
    processSlice();
  });
}

function headerProblem(job: IngestJob, describe: DescribeFields | undefined): string | undefined {
  if (!describe) return undefined;
  const column = unknownHeaderColumn(job.header, describe(job.identity.spec.object));
  return column === undefined ? undefined : headerErrorMessage(column);
}
