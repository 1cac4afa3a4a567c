// When to ask about a Bulk API 2.0 job: about when it should be done, judged by how fast the org
// processed this object's rows in earlier jobs (the finished job's totalProcessingTime) or, while it
// runs, by how far it has got. A check that comes too early costs an API call; one that comes too
// late costs the time in between.

/** Job information as far as pacing needs it (Salesforce's JobInfo fields). */
export interface JobProgress {
  numberRecordsProcessed: number;
  /** Milliseconds the org has spent on the job so far. */
  totalProcessingTime?: number;
}

/** Checks come this much after the expected end: a check that finds the job still running costs a call. */
const MARGIN = 1.05;

function millisecondsPerRow(progress: JobProgress): number | undefined {
  const { numberRecordsProcessed: processed, totalProcessingTime: spent } = progress;
  return processed > 0 && spent !== undefined && spent > 0 ? spent / processed : undefined;
}

export class BulkPace {
  private readonly byObject = new Map<string, number>();

  /** Milliseconds until a new job of `rows` rows should be done; undefined before any job of the object finished. */
  expectedMs(object: string, rows: number): number | undefined {
    const perRow = this.byObject.get(object);
    return perRow === undefined ? undefined : rows * perRow * MARGIN;
  }

  /** Milliseconds until a running job should be done, from how far it has got; undefined without progress. */
  remainingMs(rows: number, progress: JobProgress): number | undefined {
    const perRow = millisecondsPerRow(progress);
    return perRow === undefined ? undefined : (rows - progress.numberRecordsProcessed) * perRow * MARGIN;
  }

  /** Remembers how fast a finished job went, for the next job of its object. */
  learn(object: string, finished: JobProgress): void {
    const perRow = millisecondsPerRow(finished);
    if (perRow !== undefined) this.byObject.set(object, perRow);
  }
}
