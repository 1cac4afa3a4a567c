// One strategy's backfill and incremental pass, measured: wall time, Magento records handled, API
// calls (counted by the emulator) and the sidecar's peak memory. Collections and Bulk API 2.0 run
// the real `forcebridge` command in a child process; record-by-record runs in this process on a
// sample (at 100 ms a call, the whole store would take hours), and its figures are extrapolated.
import { enqueueEverything } from '../sidecar/queue/backfill.js';
import { enqueue } from '../sidecar/queue/queue.js';
import type { DatabasePool } from '../sidecar/db/pool.js';
import { MagentoConfig } from '../sidecar/magento/config.js';
import type { BenchOrg } from './bench-org.js';
import { BENCH_INSTANCE } from './bench-org.js';
import { syncRecordByRecord } from './record-by-record.js';
import { runSidecarCommand } from './sidecar-process.js';
import { changeCarts, forgetSidecarState, thinQueue } from './store-state.js';

export interface Measurement {
  /** Magento records (queue entries: customers, carts, orders) handled. */
  records: number;
  apiCalls: number;
  seconds: number;
  /** Peak RSS of the sidecar process; undefined when measured in the benchmark's own process. */
  peakRssMb?: number;
  /** Measured on a sample of this many records out of `records`; figures scaled up linearly. */
  sampledRecords?: number;
}

export interface StrategyContext {
  pool: DatabasePool;
  org: BenchOrg;
  storeUrl: string;
}

const QUEUED_LINE = /Queued (\d+) customers, (\d+) abandoned carts, (\d+) orders\./;
const PASS_LINE = /^(\d+) records in /m;
const secondBoundary = () => new Promise((resolve) => setTimeout(resolve, 1100));

function sidecarEnv(context: StrategyContext, bulkThreshold: number): Record<string, string> {
  return { ...context.org.sidecarEnv, MYSQL_URL: context.storeUrl, FORCEBRIDGE_BULK_THRESHOLD: String(bulkThreshold), FORCEBRIDGE_LOG_LEVEL: 'warn' };
}

/** `forcebridge backfill` from a fresh install into an empty org. */
export async function sidecarBackfill(context: StrategyContext, bulkThreshold: number): Promise<Measurement> {
  await forgetSidecarState(context.pool);
  await context.org.reset();
  const run = await runSidecarCommand(['backfill'], sidecarEnv(context, bulkThreshold));
  const queued = QUEUED_LINE.exec(run.stdout);
  if (!queued) throw new Error(`backfill printed no totals:\n${run.stdout}`);
  const records = Number(queued[1]) + Number(queued[2]) + Number(queued[3]);
  return { records, apiCalls: context.org.apiCalls, seconds: run.seconds, peakRssMb: run.peakRssMb };
}

/** `forcebridge sync` after `carts` changed: change detection and one pass, as a cron job would run it. */
export async function sidecarIncremental(context: StrategyContext, bulkThreshold: number, carts: number[]): Promise<Measurement> {
  const env = sidecarEnv(context, bulkThreshold);
  await runSidecarCommand(['sync', '--area', 'carts'], env); // places the watermarks at now
  await secondBoundary();
  await changeCarts(context.pool, carts);
  await secondBoundary(); // detection reads rows stamped before the current second
  const callsBefore = context.org.apiCalls;
  const run = await runSidecarCommand(['sync', '--area', 'carts'], env);
  const pass = PASS_LINE.exec(run.stdout);
  if (!pass) throw new Error(`sync printed no summary:\n${run.stdout}`);
  return { records: Number(pass[1]), apiCalls: context.org.apiCalls - callsBefore, seconds: run.seconds, peakRssMb: run.peakRssMb };
}

async function recordByRecordSample(context: StrategyContext, total: number): Promise<Measurement> {
  const connection = await context.org.connect();
  const callsBefore = context.org.apiCalls;
  const started = performance.now();
  const sampled = await syncRecordByRecord({ pool: context.pool, config: new MagentoConfig(context.pool), connection, instance: BENCH_INSTANCE });
  const seconds = (performance.now() - started) / 1000;
  const scale = total / sampled;
  return { records: total, apiCalls: Math.round((context.org.apiCalls - callsBefore) * scale), seconds: seconds * scale, sampledRecords: sampled };
}

/** Record-by-record backfill of a sample spread over the whole backfill queue. */
export async function recordByRecordBackfill(context: StrategyContext, sample: number): Promise<Measurement> {
  await forgetSidecarState(context.pool);
  await context.org.reset();
  const queued = await enqueueEverything(context.pool);
  await thinQueue(context.pool, sample);
  return recordByRecordSample(context, queued.customer + queued.quote + queued.order);
}

/** Record-by-record pass over a sample of the changed carts. */
export async function recordByRecordIncremental(context: StrategyContext, carts: number[], sample: number): Promise<Measurement> {
  await forgetSidecarState(context.pool);
  const step = Math.max(1, Math.floor(carts.length / sample));
  const sampled = carts.filter((_, index) => index % step === 0).slice(0, sample);
  await changeCarts(context.pool, sampled);
  await enqueue(context.pool, sampled.map((entityId) => ({ entityType: 'quote' as const, entityId })), { manual: false });
  return recordByRecordSample(context, carts.length);
}
