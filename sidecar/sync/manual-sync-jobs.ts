// "Sync with Salesforce" from the admin: the records are queued as a person's request, then a manual
// pass runs in the background. Passes run one at a time; a request made while one runs gets its own
// pass right after. A job's progress is read from forcebridge_link: a record is done once it has
// been attempted since the request. Jobs live in this process's memory (the latest 1000).
import { randomBytes } from 'node:crypto';
import type { DatabasePool } from '../db/pool.js';
import type { Logger } from '../logger.js';
import { databaseNow, databaseTimeToIso } from '../queue/db-time.js';
import type { SyncEngine } from './sync-engine.js';
import { AREA_RECORDS, type SyncAreaName, type SyncState } from './sync-states.js';

export interface SyncJobProgress {
  jobId: string;
  total: number;
  done: number;
  synced: number;
  failed: number;
  skipped: number;
  finished: boolean;
  results: Record<string, SyncState>;
  /** Set when the pass stopped early; unfinished records stay queued for the next pass. */
  error?: string;
}

interface SyncJob {
  id: string;
  area: SyncAreaName;
  ids: number[];
  /** Database time of the request (ISO): attempts from then on count as this job's. */
  requestedAt: string;
  finished: boolean;
  error?: string;
}

export interface ManualSyncJobsParts {
  pool: DatabasePool;
  engine: SyncEngine;
  logger: Logger;
  readStates(area: SyncAreaName, ids: readonly number[]): Promise<Map<number, SyncState>>;
}

const JOBS_KEPT = 1000;

export class ManualSyncJobs {
  private readonly jobs = new Map<string, SyncJob>();
  private passes: Promise<void> = Promise.resolve();

  constructor(private readonly parts: ManualSyncJobsParts) {}

  /** Queues the records and schedules their pass; resolves with the job id once they are queued. */
  async start(area: SyncAreaName, ids: readonly number[]): Promise<string> {
    const { pool, engine } = this.parts;
    const requestedAt = databaseTimeToIso(await databaseNow(pool))!;
    const unique = [...new Set(ids)];
    await engine.requestSync(unique.map((entityId) => ({ entityType: AREA_RECORDS[area].entityType, entityId })));
    const job: SyncJob = { id: randomBytes(16).toString('hex'), area, ids: unique, requestedAt, finished: false };
    this.remember(job);
    this.passes = this.passes.then(() => this.runPass(job));
    return job.id;
  }

  async progress(jobId: string): Promise<SyncJobProgress | undefined> {
    const job = this.jobs.get(jobId);
    if (!job) return undefined;
    const states = await this.parts.readStates(job.area, job.ids);
    const progress: SyncJobProgress = { jobId, total: job.ids.length, done: 0, synced: 0, failed: 0, skipped: 0, finished: job.finished, results: {} };
    for (const id of job.ids) {
      const state = states.get(id)!;
      progress.results[String(id)] = state;
      if (state.lastAttemptAt === null || state.lastAttemptAt < job.requestedAt) continue;
      progress.done += 1;
      if (state.status === 'synced') progress.synced += 1;
      else if (state.status === 'error') progress.failed += 1;
      else if (state.status === 'skipped') progress.skipped += 1;
    }
    if (job.error) progress.error = job.error;
    return progress;
  }

  /** Resolves once every scheduled pass has ended (for shutting down). */
  idle(): Promise<void> {
    return this.passes;
  }

  private async runPass(job: SyncJob): Promise<void> {
    try {
      await this.parts.engine.runPass(job.area, 'manual');
    } catch (error) {
      this.parts.logger.error({ err: error, jobId: job.id, area: job.area }, 'manual sync pass failed');
      job.error = 'The sync pass stopped early; the records not done stay queued and the sidecar log says why.';
    } finally {
      job.finished = true;
    }
  }

  private remember(job: SyncJob): void {
    this.jobs.set(job.id, job);
    for (const [id, old] of this.jobs) {
      if (this.jobs.size <= JOBS_KEPT) break;
      if (old.finished) this.jobs.delete(id);
    }
  }
}
