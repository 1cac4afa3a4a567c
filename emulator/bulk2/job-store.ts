// The Bulk API 2.0 jobs of one kind (ingest or query), by id.
import { jobNotFound } from './bulk-error.js';

export interface StoredJob {
  readonly id: string;
  /** Set when the job is deleted, so processing that has not started never starts. */
  discarded: boolean;
  /** Throws INVALIDJOBSTATE while the job may not be deleted. */
  assertDeletable(): void;
}

export class JobStore<J extends StoredJob> {
  private readonly jobs = new Map<string, J>();

  add(job: J): void {
    this.jobs.set(job.id, job);
  }

  get(id: string): J {
    const job = this.jobs.get(id);
    if (!job) throw jobNotFound();
    return job;
  }

  all(): J[] {
    return [...this.jobs.values()];
  }

  delete(job: J): void {
    job.assertDeletable();
    job.discarded = true;
    this.jobs.delete(job.id);
  }
}
