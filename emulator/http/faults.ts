// Faults on demand, reproducible from a seed: latency before each REST call, a share of calls
// failing with 500 or 503 or a dropped connection, or carried out with their answer lost (the
// connection drops after the org did the work: a blind resend then does it twice), and a share of
// row writes failing with UNABLE_TO_LOCK_ROW (the org asks `rowLocked()` for each row).
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { sendRestError } from './json.js';

/** drop: the connection drops before the call is carried out; lost: after, instead of the answer. */
export const FAILURE_KINDS = ['500', '503', 'drop', 'lost'] as const;

export const faultSettingsSchema = z
  .object({
    seed: z.number().int(),
    latencyMs: z.number().min(0),
    /** With latencyMaxMs above latencyMs, each call waits a random time in between. */
    latencyMaxMs: z.number().min(0),
    failureRate: z.number().min(0).max(1),
    failureKinds: z.array(z.enum(FAILURE_KINDS)).min(1),
    rowLockRate: z.number().min(0).max(1),
  })
  .strict();

export type FaultSettings = z.infer<typeof faultSettingsSchema>;

export const NO_FAULTS: FaultSettings = { seed: 1, latencyMs: 0, latencyMaxMs: 0, failureRate: 0, failureKinds: ['503'], rowLockRate: 0 };

/** mulberry32: small, fast and the same sequence for the same seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private current: FaultSettings = NO_FAULTS;
  private random: () => number = seededRandom(NO_FAULTS.seed);

  constructor(settings: Partial<FaultSettings> = {}) {
    this.configure(settings);
  }

  get settings(): FaultSettings {
    return this.current;
  }

  /** Merges the given settings over the current ones and restarts the random sequence from the seed. */
  configure(settings: Partial<FaultSettings>): void {
    this.current = faultSettingsSchema.parse({ ...this.current, ...settings });
    this.random = seededRandom(this.current.seed);
  }

  rowLocked(): boolean {
    return this.current.rowLockRate > 0 && this.random() < this.current.rowLockRate;
  }

  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const { latencyMs, latencyMaxMs, failureRate, failureKinds } = this.current;
      const delay = latencyMaxMs > latencyMs ? latencyMs + this.random() * (latencyMaxMs - latencyMs) : latencyMs;
      const failing = failureRate > 0 && this.random() < failureRate;
      const kind = failing ? failureKinds[Math.floor(this.random() * failureKinds.length)] : undefined;
      const proceed = () => {
        if (!failing) next();
        else if (kind === 'drop') req.socket.destroy();
        else if (kind === 'lost') {
          res.end = (() => (req.socket.destroy(), res)) as Response['end'];
          next();
        }
        else if (kind === '500') sendRestError(res, 500, 'UNKNOWN_EXCEPTION', 'An unexpected error occurred. Please include this ErrorId if you contact support: emulated-fault');
        else sendRestError(res, 503, 'SERVER_UNAVAILABLE', 'Server temporarily unavailable: emulated fault');
      };
      if (delay > 0) setTimeout(proceed, delay);
      else proceed();
    };
  }
}
