// The `forcebridge` command: start the service, or run one job and exit.
import { Command, InvalidArgumentError, Option } from 'commander';
import { httpApiOptions } from './http/api-parts.js';
import { startHttpApi } from './http/server.js';
import { createLogger } from './logger.js';
import { databaseChecks, formatCheck, salesforceChecks } from './cli/doctor.js';
import { statusReport } from './cli/status.js';
import { migrate } from './db/migrations.js';
import { createDatabasePool } from './db/pool.js';
import { backfill } from './queue/backfill.js';
import { CartExpiry } from './queue/cart-expiry.js';
import { ChangeDetector } from './queue/change-detector.js';
import { openRuntime, openSalesforce, type Runtime } from './runtime.js';
import { setupOrg } from './salesforce/org-setup.js';
import { AutoSync } from './service/auto-sync.js';
import { loadSettings, SettingsError, type Settings } from './settings.js';
import { AREA_ENTITY_TYPES, type PassSummary, type SyncArea } from './sync/sync-engine.js';

function settingsOrExit(): Settings {
  try {
    return loadSettings();
  } catch (error) {
    if (error instanceof SettingsError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

function progress(summary: PassSummary): void {
  process.stderr.write(`  … ${summary.records} records: ${summary.synced} synced, ${summary.failed} failed, ${summary.skipped} skipped, ${summary.unchanged} unchanged, ${summary.apiCalls} API calls\n`);
}

function printSummary(summary: PassSummary, seconds: number): void {
  console.log(
    `${summary.records} records in ${seconds.toFixed(1)} s: ${summary.synced} synced, ${summary.failed} failed, ${summary.skipped} skipped, ` +
      `${summary.unchanged} unchanged; ${summary.apiCalls} Salesforce API calls${summary.pausedForLimit ? '; PAUSED: daily API limit spent' : ''}`,
  );
}

async function withRuntime(work: (runtime: Runtime) => Promise<void>): Promise<void> {
  const settings = settingsOrExit();
  const runtime = await openRuntime(settings, createLogger(settings.logLevel, process.stderr as never), progress);
  try {
    await work(runtime);
  } finally {
    await runtime.close();
  }
}

function parseIds(value: string): number[] {
  const ids = value.split(',').map((part) => part.trim());
  if (ids.length === 0 || ids.some((id) => !/^\d+$/.test(id))) throw new InvalidArgumentError('give ids as numbers separated by commas, e.g. 12,15');
  return ids.map(Number);
}

export function buildProgram(): Command {
  const program = new Command('forcebridge').description('Magento 2 → Salesforce connector').showHelpAfterError();

  program
    .command('start')
    .description('run the service: automatic sync on the configured schedule, the HTTP API and the admin console')
    .action(async () => {
      const settings = settingsOrExit();
      const logger = createLogger(settings.logLevel);
      const runtime = await openRuntime(settings, logger);
      const autoSync = new AutoSync(runtime, { intervalSeconds: settings.pollIntervalSeconds });
      autoSync.start();
      const api = await startHttpApi(runtime, { ...httpApiOptions(settings), ...settings.http });
      logger.info({ intervalSeconds: settings.pollIntervalSeconds, api: api.url }, 'Forcebridge started');
      const shutdown = async () => {
        logger.info('stopping');
        await api.stop();
        await autoSync.stop();
        await runtime.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown());
      process.once('SIGTERM', () => void shutdown());
    });

  program
    .command('sync')
    .description('one pass, waiting until done: the given records (manual sync), or what changed in areas with automatic sync on (carts and all: expired carts too)')
    .addOption(new Option('--area <area>', 'which records').choices(['carts', 'orders', 'customers', 'all']).default('all'))
    .option('--ids <ids>', 'Magento ids to sync (quote ids for carts, order entity ids, customer ids)', parseIds)
    .action(async (options: { area: SyncArea; ids?: number[] }) => {
      if (options.ids && options.area === 'all') throw new InvalidArgumentError('--ids needs --area carts, orders or customers');
      await withRuntime(async ({ pool, config, engine }) => {
        const started = Date.now();
        if (options.ids) {
          const entityType = AREA_ENTITY_TYPES[options.area][0]!;
          await engine.requestSync(options.ids.map((entityId) => ({ entityType, entityId })));
        } else {
          await new ChangeDetector(pool, config).detect();
          if (options.area === 'carts' || options.area === 'all') await new CartExpiry(pool, config).enqueueExpired();
        }
        printSummary(await engine.runPass(options.area, options.ids ? 'manual' : 'auto'), (Date.now() - started) / 1000);
      });
    });

  program
    .command('backfill')
    .description('send every customer, abandoned cart and order (Bulk API 2.0 for large stores)')
    .action(async () => {
      await withRuntime(async ({ pool, config, engine }) => {
        const started = Date.now();
        const queued = await backfill(pool, config, (type, total) => process.stderr.write(`  queued ${total} ${type} records\n`));
        console.log(`Queued ${queued.customer} customers, ${queued.quote} abandoned carts, ${queued.order} orders.`);
        printSummary(await engine.runPass('all', 'backfill'), (Date.now() - started) / 1000);
      });
    });

  program
    .command('setup-org')
    .description('create the custom fields Forcebridge needs in Salesforce (safe to run again)')
    .action(async () => {
      const connection = await openSalesforce(settingsOrExit());
      for (const step of await setupOrg(connection)) console.log(`${step.action.padEnd(8)} ${step.field}${step.detail ? `: ${step.detail}` : ''}`);
    });

  program
    .command('doctor')
    .description('check the database, Salesforce login, fields, configured values and API limits')
    .action(async () => {
      const settings = settingsOrExit();
      const pool = createDatabasePool(settings.mysqlUrl);
      const checks = [];
      try {
        await migrate(pool);
        checks.push(...(await databaseChecks(pool)));
        try {
          const connection = await openSalesforce(settings);
          checks.push({ ok: true, name: 'Salesforce login', detail: `logged in to ${connection.instanceUrl} (${settings.salesforce.auth})` });
          checks.push(...(await salesforceChecks(pool, connection)));
        } catch (error) {
          checks.push({ ok: false, name: 'Salesforce login', detail: (error as Error).message, fix: 'check SF_LOGIN_URL, SF_AUTH and the connected app credentials' });
        }
      } catch (error) {
        checks.push({ ok: false, name: 'Database', detail: (error as Error).message, fix: 'check MYSQL_URL and that the user may create the forcebridge_* tables' });
      } finally {
        await pool.end();
      }
      for (const check of checks) console.log(formatCheck(check));
      process.exitCode = checks.every((check) => check.ok) ? 0 : 1;
    });

  program
    .command('status')
    .description('queue depth, records in error, last runs and API usage')
    .action(async () => {
      await withRuntime(async ({ pool, connection }) => {
        await connection.limits().catch(() => undefined);
        for (const line of await statusReport(pool, connection.limitInfo?.apiUsage)) console.log(line);
      });
    });

  return program;
}
