// npm run bench: the strategies side by side on one generated store and one emulator with a real
// org's per-call latency (backfill and incremental pass), the change-to-Salesforce latency of the
// running service, and the cost of a poll on a store with a million orders. Prints the results
// and writes them to docs/benchmark-results.md. Targets are reported, never enforced.
import { writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import type mysql from 'mysql2/promise';
import { findOrStartMariaDb } from '../devtools/mariadb.js';
import { migrate } from '../sidecar/db/migrations.js';
import { createDatabasePool } from '../sidecar/db/pool.js';
import { BenchOrg } from './bench-org.js';
import { ensureBenchStore, type BenchStore } from './bench-store.js';
import { measureChangeLatency } from './change-latency.js';
import { measurePollCost, setModuleCustomerIndex } from './poll-cost.js';
import { renderResults, type BenchResults, type StrategyResults } from './report.js';
import { recordByRecordBackfill, recordByRecordIncremental, sidecarBackfill, sidecarIncremental, type StrategyContext } from './strategies.js';
import { buildSidecar } from './sidecar-process.js';
import { pickSyncedCarts, syncCartsAutomatically } from './store-state.js';

interface BenchOptions {
  orders: number;
  changedCarts: number;
  latencyMs: number;
  restSample: number;
  latencySamples: number;
  pollOrders: number;
  polls: number;
  quick: boolean;
  mysqlUrl?: string;
  output: string;
}

/** Collections for every batch: the threshold is above any store's backlog. */
const NEVER_BULK = 10_000_000;
const DEFAULT_BULK_THRESHOLD = 2000;
const POLL_SECONDS = 5;
const QUICK: Partial<BenchOptions> = { orders: 2000, changedCarts: 300, restSample: 60, latencySamples: 4, polls: 5 };

function wholeNumber(text: string): number {
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError('expected a whole number above 0.');
  return value;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

function storeLine(store: BenchStore): string {
  return `${store.name} (${store.orders.toLocaleString('en-US')} orders, generated ${store.reused ? 'by an earlier run' : 'now'} in ${(store.generationSeconds / 60).toFixed(1)} min)`;
}

async function machine(pool: mysql.Pool): Promise<string[]> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>('SELECT VERSION() AS version');
  return [
    `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GB memory`,
    `Node ${process.version}, MariaDB ${String(rows[0]?.version)} (shared with other work on the machine)`,
  ];
}

async function run(options: BenchOptions): Promise<void> {
  log('building the sidecar…');
  buildSidecar();
  const server = await findOrStartMariaDb(options.mysqlUrl ? { url: options.mysqlUrl } : {});
  const org = await BenchOrg.start(options.latencyMs);
  try {
    const store = await ensureBenchStore(server.url, options.orders, log);
    const pool = createDatabasePool(store.url);
    try {
      await migrate(pool);
      await syncCartsAutomatically(pool);
      // First, while the server is quiet: the backfills below leave it flushing and purging for minutes.
      const pollStore = options.pollOrders === options.orders ? store : await ensureBenchStore(server.url, options.pollOrders, log);
      log(`polling cost on ${pollStore.name}…`);
      const pollPool = createDatabasePool(pollStore.url);
      // first as Magento ships customer_entity, then with the index the module adds
      const measureWithIndex = async (present: boolean) => {
        await setModuleCustomerIndex(pollPool, present);
        return measurePollCost(pollPool, options.polls);
      };
      const pollWithoutIndex = await measureWithIndex(false);
      const poll = await measureWithIndex(true).finally(() => pollPool.end());
      const context: StrategyContext = { pool, org, storeUrl: store.url };
      const strategies: StrategyResults[] = [];

      log('Collections: backfill…');
      const collectionsBackfill = await sidecarBackfill(context, NEVER_BULK);
      const carts = await pickSyncedCarts(pool, options.changedCarts);
      log(`Collections: incremental pass of ${carts.length} changed carts…`);
      strategies.push({ name: 'Collections', backfill: collectionsBackfill, incremental: await sidecarIncremental(context, NEVER_BULK, carts) });

      log('Bulk API 2.0: backfill…');
      const bulkBackfill = await sidecarBackfill(context, DEFAULT_BULK_THRESHOLD);
      log('Bulk API 2.0: incremental pass…');
      strategies.push({ name: `Bulk API 2.0 (threshold ${DEFAULT_BULK_THRESHOLD})`, backfill: bulkBackfill, incremental: await sidecarIncremental(context, DEFAULT_BULK_THRESHOLD, carts) });

      log(`change latency: ${options.latencySamples} changes with the service running…`);
      const latency = await measureChangeLatency({ org, pool, storeUrl: store.url, pollSeconds: POLL_SECONDS }, carts.slice(0, options.latencySamples));

      log(`one REST call per record: samples of ${options.restSample}…`);
      const restBackfill = await recordByRecordBackfill(context, options.restSample);
      strategies.unshift({ name: 'one REST call per record', backfill: restBackfill, incremental: await recordByRecordIncremental(context, carts, options.restSample) });


      const results: BenchResults = {
        date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
        machine: await machine(pool),
        settings: [
          `emulator latency: ${options.latencyMs} ms before every API call; API calls counted by the emulator`,
          `peak RSS: the sidecar runs as a child process, the installed command (\`bin/forcebridge.js\`, whose first line starts Node with a 160 MB old space, on the sidecar compiled by the benchmark first), its kernel high-water mark (VmHWM) read every 100 ms`,
          `"records" are Magento records (customers, abandoned carts, orders: the queue entries); each becomes up to three Salesforce records (Account, Contact, Opportunity)`,
        ],
        store: storeLine(store),
        strategies,
        latency: { ...latency, pollSeconds: POLL_SECONDS },
        pollStore: storeLine(pollStore),
        poll,
        pollWithoutIndex,
      };
      const text = renderResults(results);
      console.log(text);
      if (!options.quick) {
        await writeFile(options.output, `# Benchmark results\n\nProduced by \`npm run bench\` (bench/run.ts). ${text}`);
        log(`written to ${options.output}`);
      }
    } finally {
      await pool.end();
    }
  } finally {
    await org.stop();
    await server.stop();
  }
}

const program = new Command('bench')
  .description('Forcebridge benchmark: strategies side by side, change latency, polling cost')
  .option('--orders <n>', 'orders in the generated store', wholeNumber, 100_000)
  .option('--changed-carts <n>', 'carts changed before the incremental pass', wholeNumber, 10_000)
  .option('--latency-ms <n>', 'latency the emulator adds to every API call', wholeNumber, 100)
  .option('--rest-sample <n>', 'records the one-call-per-record strategy really sends (then extrapolated)', wholeNumber, 500)
  .option('--latency-samples <n>', 'cart changes timed with the service running', wholeNumber, 20)
  .option('--poll-orders <n>', 'orders in the store the polling cost is measured on', wholeNumber, 1_000_000)
  .option('--polls <n>', 'polls timed', wholeNumber, 40)
  .option('--quick', 'a small smoke run (2,000 orders, everything on one store); writes no results file', false)
  .option('--mysql-url <url>', 'MariaDB/MySQL server (default MYSQL_URL, else a private mariadbd)')
  .option('--output <file>', 'where the results go', 'docs/benchmark-results.md')
  .action(async (options: BenchOptions) => {
    const effective = options.quick ? { ...options, ...QUICK, pollOrders: QUICK.orders! } : options;
    await run(effective);
  });

await program.parseAsync();
