// The jobs of one org, by id.
import { jobNotFound } from './bulk-error.js';
import type { IngestJob } from './ingest-job.js';

export class IngestJobs {
  private readonly jobs = new Map<string, IngestJob>();

  add(job: IngestJob): void {
    this.jobs.set(job.id, job);
  }

  get(id: string): IngestJob {
    const job = this.jobs.get(id);
    if (!job) throw jobNotFound();
    return job;
  }

  all(): IngestJob[] {
    return [...this.jobs.values()];
  }

  delete(job: IngestJob): void {
    job.assertDeletable();
    job.discarded = true;
    this.jobs.delete(job.id);
  }
}
