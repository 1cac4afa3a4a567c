// Automatic synchronization: on every tick, find what changed in Magento (for the areas whose
// "Automatic Synchronization" is Yes) and run one pass over the queue, manual requests first. The
// cart expiry pass runs at the first tick and then every ten minutes (not every tick: it walks
// every open cart opportunity, while carts expire after days and Magento's own quote cleanup runs
// from a daily cron, so ten minutes late costs nothing).
// Ticks never overlap; near the org's daily API limit ticks are spaced out, and once the limit is
// spent they pause and resume later with the queue intact.
import type { Connection } from 'jsforce';
import schedule from 'node-schedule';
import type { DatabasePool } from '../db/pool.js';
import type { Logger } from '../logger.js';
import type { MagentoConfig } from '../magento/config.js';
import { CartExpiry } from '../queue/cart-expiry.js';
import { ChangeDetector, DETECTION_LOCK } from '../queue/change-detector.js';
import { LockTimeoutError, withNamedLock } from '../sync/named-lock.js';
import type { PassSummary, SyncEngine } from '../sync/sync-engine.js';

export interface AutoSyncOptions {
  intervalSeconds: number;
  /** Share of the daily allocation above which ticks are spaced out. */
  slowDownAt?: number;
  /** How long to wait after REQUEST_LIMIT_EXCEEDED before trying again. */
  pauseAfterLimitSeconds?: number;
  /** Time between cart expiry passes (default 600). */
  cartExpirySeconds?: number;
  now?: () => number;
}

export interface AutoSyncParts {
  pool: DatabasePool;
  config: MagentoConfig;
  engine: SyncEngine;
  connection: Connection;
  logger: Logger;
}

/** A node-schedule rule firing every `seconds` (seconds below a minute, else whole minutes). */
export function cronForInterval(seconds: number): string {
  if (seconds < 60) return `*/${Math.max(1, Math.round(seconds))} * * * * *`;
  return `0 */${Math.max(1, Math.round(seconds / 60))} * * * *`;
}

export class AutoSync {
  private job?: schedule.Job;
  private running?: Promise<void>;
  private notBefore = 0;
  /** When the cart expiry pass is due next (0: at the first tick). */
  private expiryDueAt = 0;
  private readonly detector: ChangeDetector;
  private readonly expiry: CartExpiry;
  lastPass?: PassSummary;

  constructor(
    private readonly parts: AutoSyncParts,
    private readonly options: AutoSyncOptions,
  ) {
    this.detector = new ChangeDetector(parts.pool, parts.config);
    this.expiry = new CartExpiry(parts.pool, parts.config);
  }

  start(): void {
    this.job = schedule.scheduleJob(cronForInterval(this.options.intervalSeconds), () => void this.tick());
  }

  async stop(): Promise<void> {
    this.job?.cancel();
    await this.running;
  }

  /** Runs one tick now unless one is running or the API budget says wait; resolves when done. */
  tick(): Promise<void> {
    const now = (this.options.now ?? Date.now)();
    if (this.running || now < this.notBefore) return this.running ?? Promise.resolve();
    this.running = this.runTick().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runTick(): Promise<void> {
    const { pool, engine, logger } = this.parts;
    try {
      // One detector at a time across sidecars: two at once could move a watermark backwards.
      // When another sidecar is detecting, this one just works the queue (and leaves expiry to it).
      const detect = async () => {
        const found = await this.detector.detect();
        await this.expireCartsWhenDue();
        return found;
      };
      const detected = await withNamedLock(pool, DETECTION_LOCK, detect, 1).catch((error: unknown) => {
        if (error instanceof LockTimeoutError) return undefined;
        throw error;
      });
      const pass = await engine.runPass('all', 'auto');
      this.lastPass = pass;
      if (pass.records > 0) logger.info({ detected: detected?.queued, pass }, 'automatic sync pass');
      this.planNextTick(pass);
    } catch (error) {
      logger.error({ err: error }, 'automatic sync pass failed; the queue is kept and the next tick tries again');
    }
  }

  /** Queues the carts whose opportunity should close as Expired, when the pass is due; a failure waits for the next one. */
  private async expireCartsWhenDue(): Promise<void> {
    const now = (this.options.now ?? Date.now)();
    if (now < this.expiryDueAt) return;
    this.expiryDueAt = now + (this.options.cartExpirySeconds ?? 600) * 1000;
    try {
      const expired = await this.expiry.enqueueExpired();
      if (expired.queued > 0) this.parts.logger.info({ expired }, 'queued expired carts');
    } catch (error) {
      this.parts.logger.error({ err: error }, 'cart expiry pass failed; it runs again at its next time');
    }
  }

  private planNextTick(pass: PassSummary): void {
    const now = (this.options.now ?? Date.now)();
    const interval = this.options.intervalSeconds * 1000;
    if (pass.pausedForLimit) {
      this.notBefore = now + (this.options.pauseAfterLimitSeconds ?? 900) * 1000;
      this.parts.logger.warn({ resumeAt: new Date(this.notBefore).toISOString() }, 'Salesforce daily API limit spent: automatic sync paused');
      return;
    }
    const usage = this.parts.connection.limitInfo?.apiUsage;
    const share = usage && usage.limit > 0 ? usage.used / usage.limit : 0;
    // Near the limit: space ticks out so people's manual syncs still have calls left.
    this.notBefore = share >= (this.options.slowDownAt ?? 0.9) ? now + interval * 4 : 0;
  }
}
