// One sync pass: lease queued entries batch by batch, plan them, send them, record the outcome,
// until nothing ready is left. Small batches go through sObject Collections (one Composite call per
// 200 records); a backlog of at least `bulkThreshold` entries goes through Bulk API 2.0 in rounds
// (bulk-round.ts) that cost a few calls each.
import type { Connection } from 'jsforce';
import type { DatabasePool } from '../db/pool.js';
import type { MagentoConfig } from '../magento/config.js';
import type { QueuedEntityType } from '../magento/records.js';
import { enqueue, lease, newLeaseOwner, release, type LeasedEntry, type QueueKey } from '../queue/queue.js';
import { BulkPace } from '../salesforce/bulk-pace.js';
import { BulkWriter } from '../salesforce/bulk-writer.js';
import { OrgProfile } from '../salesforce/org-profile.js';
import { ApiLimitExceededError } from '../salesforce/retry.js';
import { COLLECTION_LIMIT, UpsertWriter } from '../salesforce/upsert-writer.js';
import { chunked } from '../chunked.js';
import { planBatch } from './batch-planner.js';
import { addSummary, syncBatch, type BatchSummary, type BatchSyncContext } from './batch-sync.js';
import { syncBulk } from './bulk-round.js';
import { scanOrgForMatches } from './person-resolver.js';
import { finishRun, startRun, type RunTrigger } from './run-log.js';

/** Large enough that a backfill costs one API call per 2,000 records or fewer (a round is about 15
 * calls), small enough that a round's text and results fit the sidecar's heap. */
const DEFAULT_BULK_BATCH_SIZE = 40_000;

export type SyncArea = 'carts' | 'orders' | 'customers' | 'all';

export const AREA_ENTITY_TYPES: Record<SyncArea, QueuedEntityType[]> = {
  carts: ['quote'],
  orders: ['order'],
  customers: ['customer'],
  all: ['customer', 'quote', 'order'],
};

export interface SyncEngineOptions {
  pool: DatabasePool;
  config: MagentoConfig;
  connection: Connection;
  instance: string;
  bulkThreshold: number;
  /** Entries per Bulk API 2.0 round; each object's job carries this many records at most. */
  bulkBatchSize?: number;
  leaseSeconds?: number;
  /** How long describe data (stages, roles, record types, lengths) is trusted. */
  orgProfileSeconds?: number;
  onProgress?: (summary: PassSummary) => void;
}

export interface PassSummary extends BatchSummary {
  runId: number;
  records: number;
  apiCalls: number;
  /** Set when the org's daily API limit stopped the pass; the rest stays queued. */
  pausedForLimit: boolean;
}

export interface FinishedPass {
  area: SyncArea;
  trigger: RunTrigger;
  summary: PassSummary;
  /** Set when the pass stopped on an error (the rest stays queued). */
  failed: boolean;
}

export class SyncEngine {
  readonly leaseOwner = newLeaseOwner();
  private org?: { profile: OrgProfile; loadedAt: number };
  private apiCalls = 0;
  /** Leases a failed pass could not give back (the database was gone); the next pass does. */
  private unreleased: LeasedEntry[] = [];
  private readonly passListeners = new Set<(pass: FinishedPass) => void>();
  /** How fast the org processed Bulk jobs, kept across passes to time the next job's checks. */
  private readonly bulkPace = new BulkPace();

  constructor(private readonly options: SyncEngineOptions) {}

  get apiCallsMade(): number {
    return this.apiCalls;
  }

  /** Queues records as a person's explicit request: they go first and skip any retry wait. */
  async requestSync(keys: QueueKey[]): Promise<void> {
    await enqueue(this.options.pool, keys, { manual: true });
  }

  async orgProfile(): Promise<OrgProfile> {
    const maxAge = (this.options.orgProfileSeconds ?? 300) * 1000;
    if (!this.org || Date.now() - this.org.loadedAt > maxAge) {
      this.countCall(4);
      this.org = { profile: await OrgProfile.load(this.options.connection), loadedAt: Date.now() };
    }
    return this.org.profile;
  }

  /** Forgets describe data, e.g. after setup-org or when the admin picks new values. */
  forgetOrgProfile(): void {
    this.org = undefined;
  }

  /** Calls `listener` after every pass, whoever started it (metrics); returns how to stop. */
  onPassFinished(listener: (pass: FinishedPass) => void): () => void {
    this.passListeners.add(listener);
    return () => this.passListeners.delete(listener);
  }

  async runPass(area: SyncArea, trigger: RunTrigger): Promise<PassSummary> {
    const { pool } = this.options;
    const runId = await startRun(pool, area, trigger);
    if (this.unreleased.length > 0) {
      await release(pool, this.leaseOwner, this.unreleased);
      this.unreleased = [];
    }
    const callsAtStart = this.apiCalls;
    // A backlog is matched against the whole org once per pass (one query job per object), not per batch.
    let orgScanned = false;
    const summary: PassSummary = { runId, records: 0, synced: 0, failed: 0, skipped: 0, unchanged: 0, apiCalls: 0, pausedForLimit: false };
    let note: string | null = null;
    try {
      for (;;) {
        const entries = await lease(pool, {
          owner: this.leaseOwner,
          limit: Math.max(this.options.bulkBatchSize ?? DEFAULT_BULK_BATCH_SIZE, this.options.bulkThreshold, COLLECTION_LIMIT),
          leaseSeconds: this.options.leaseSeconds ?? 600,
          entityTypes: AREA_ENTITY_TYPES[area],
        });
        if (entries.length === 0) break;
        const batches = entries.length >= this.options.bulkThreshold ? [entries] : chunked(entries, COLLECTION_LIMIT);
        for (const [index, batch] of batches.entries()) {
          try {
            const useBulk = batch.length >= this.options.bulkThreshold;
            if (useBulk && !orgScanned) {
              await this.scanOrg();
              orgScanned = true;
            }
            addSummary(summary, await this.syncEntries(batch, runId, useBulk, orgScanned));
            summary.records += batch.length;
            summary.apiCalls = this.apiCalls - callsAtStart;
            this.options.onProgress?.({ ...summary });
          } catch (error) {
            // Whatever was not finished goes back to the queue untried; if the database is gone,
            // the next pass gives it back rather than leaving it leased for leaseSeconds.
            const unfinished = batches.slice(index).flat();
            await release(pool, this.leaseOwner, unfinished).catch(() => this.unreleased.push(...unfinished));
            throw error;
          }
        }
      }
    } catch (error) {
      if (!(error instanceof ApiLimitExceededError)) {
        note = (error as Error).message;
        throw error;
      }
      summary.pausedForLimit = true;
      note = 'Paused: the Salesforce daily API request limit is spent; the queue is kept and resumes later.';
    } finally {
      summary.apiCalls = this.apiCalls - callsAtStart;
      await finishRun(pool, runId, summary, note);
      const finished: FinishedPass = { area, trigger, summary: { ...summary }, failed: note !== null && !summary.pausedForLimit };
      for (const listener of this.passListeners) listener(finished);
    }
    return summary;
  }

  private async scanOrg(): Promise<void> {
    const { pool, connection, instance } = this.options;
    await scanOrgForMatches({ pool, connection, instance, onApiCall: () => this.countCall(1) });
  }

  private async syncEntries(entries: LeasedEntry[], runId: number, useBulk: boolean, orgScanned: boolean): Promise<BatchSummary> {
    const { pool, config, connection, instance } = this.options;
    const org = await this.orgProfile();
    // The record owners the configuration names, looked up once per profile (a new name costs one query).
    const scopes = [null, ...(await config.storefrontStoreIds())];
    const owners = await Promise.all(scopes.map(async (storeId) => (await config.forStore(storeId)).general.defaultOwner));
    this.countCall(await org.loadOwners(connection, owners));
    const onApiCall = () => this.countCall(1);
    const context: BatchSyncContext = { pool, connection, instance, org, leaseOwner: this.leaseOwner, runId, onApiCall, orgScanned };
    const plan = (chunk: LeasedEntry[]) => planBatch({ pool, config, org, instance }, chunk);
    if (useBulk) return syncBulk(context, new BulkWriter(connection, { onApiCall, pace: this.bulkPace }), entries, plan);
    return syncBatch(context, new UpsertWriter(connection, { onApiCall }), await plan(entries));
  }

  private countCall(count: number): void {
    this.apiCalls += count;
  }
}
