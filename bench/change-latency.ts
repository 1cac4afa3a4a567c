// Change-to-Salesforce latency with automatic sync on: the real service (`forcebridge start`, a
// 5 s poll) runs in a child process; carts are changed in MySQL at random moments and the org is
// watched (in-process, no API call) until each opportunity shows the new amount.
import { createServer } from 'node:net';
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../sidecar/db/pool.js';
import { Random } from '../sample-store/generator/random.js';
import { BENCH_INSTANCE, type BenchOrg } from './bench-org.js';
import { startSidecarService } from './sidecar-process.js';
import { changeCarts } from './store-state.js';

const GIVE_UP_MS = 60_000;
const WATCH_EVERY_MS = 50;

export interface LatencyResult {
  samples: number[];
  /** Changes never seen in the org within a minute. */
  lost: number;
  peakRssMb: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function amountOf(pool: DatabasePool, quoteId: number): Promise<number> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>('SELECT base_grand_total FROM quote WHERE entity_id = ?', [quoteId]);
  return Number(rows[0]?.base_grand_total);
}

async function watchChange(org: BenchOrg, pool: DatabasePool, quoteId: number): Promise<number | undefined> {
  await changeCarts(pool, [quoteId]);
  const changedAt = performance.now();
  const expected = await amountOf(pool, quoteId);
  const key = `${BENCH_INSTANCE}:quote:${quoteId}`;
  while (performance.now() - changedAt < GIVE_UP_MS) {
    if (org.opportunityAmount(key) === expected) return performance.now() - changedAt;
    await sleep(WATCH_EVERY_MS);
  }
  return undefined;
}

/** Changes the carts one after another at random intervals; the latency of each, as it is seen. */
async function changeAndWatch(org: BenchOrg, pool: DatabasePool, carts: number[], pollSeconds: number): Promise<(number | undefined)[]> {
  // The first tick places the watermarks; changes before it would not count as changes.
  await sleep(pollSeconds * 1000 + 2000);
  const random = new Random(5);
  const watches: Promise<number | undefined>[] = [];
  for (const quoteId of carts) {
    watches.push(watchChange(org, pool, quoteId));
    await sleep(500 + random.next() * 1500);
  }
  return Promise.all(watches);
}

export async function measureChangeLatency(
  parts: { org: BenchOrg; pool: DatabasePool; storeUrl: string; pollSeconds: number },
  carts: number[],
): Promise<LatencyResult> {
  const { org, pool } = parts;
  const service = await startSidecarService({
    ...org.sidecarEnv,
    MYSQL_URL: parts.storeUrl,
    FORCEBRIDGE_POLL_INTERVAL_SECONDS: String(parts.pollSeconds),
    FORCEBRIDGE_HTTP_PORT: String(await freePort()),
  });
  const results = await changeAndWatch(org, pool, carts, parts.pollSeconds).catch(async (error: unknown) => {
    await service.stop();
    throw error;
  });
  const peakRssMb = await service.stop();
  const samples = results.filter((ms): ms is number => ms !== undefined).sort((a, b) => a - b);
  return { samples, lost: results.length - samples.length, peakRssMb };
}
