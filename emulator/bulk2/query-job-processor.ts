// Runs a query job after it is created, asynchronously: one event-loop turn starts it (InProgress)
// and runs the query over the org as it is then, the next one completes it, so polls can see each
// state and an abort in between still stops it.
import type { QueryJob } from './query-job.js';
import { resultHeader, resultRow } from './query-results.js';

export function scheduleQueryJob(job: QueryJob): void {
  setImmediate(() => {
    // Aborted or deleted before its turn came.
    if (job.state !== 'UploadComplete' || job.discarded) return;
    const startedAt = Date.now();
    job.startProcessing();
    const { query, fields } = job.plan;
    const rows = query.window(query.matching(job.identity.operation === 'queryAll')).map((record) => resultRow(fields, record));
    job.processingMs = Date.now() - startedAt;
    setImmediate(() => {
      if (job.state === 'InProgress' && !job.discarded) job.complete(resultHeader(fields), rows);
    });
  });
}
