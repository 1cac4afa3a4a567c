// `npm run demo`: a working local store → Salesforce sandbox in one command. Starts (or reuses)
// MariaDB, writes a fresh sample store, starts the org emulator as the sandbox with Forcebridge's
// fields, runs the sidecar (automatic sync on, HTTP API and console) and fills the org with a
// backfill. Ctrl-C stops everything it started.
import { Command, InvalidArgumentError } from 'commander';
import { EMULATOR_DEFAULTS, startEmulator } from '../emulator/server.js';
import { generateStore } from '../sample-store/generator/generate-store.js';
import { createStoreDatabase, dropDatabase } from '../sample-store/store-database.js';
import { httpApiOptions } from '../sidecar/http/api-parts.js';
import { startHttpApi } from '../sidecar/http/server.js';
import { createLogger } from '../sidecar/logger.js';
import { setConfigValue } from '../sidecar/magento/config-writer.js';
import { backfill } from '../sidecar/queue/backfill.js';
import { openRuntime } from '../sidecar/runtime.js';
import { setupOrg } from '../sidecar/salesforce/org-setup.js';
import { AutoSync } from '../sidecar/service/auto-sync.js';
import { loadSettings } from '../sidecar/settings.js';
import { createAdminUser } from './magento-admin.js';
import { findOrStartMariaDb } from './mariadb.js';

interface DemoOptions {
  orders: number;
  port: number;
  emulatorPort: number;
  database: string;
}

const DEMO_ADMIN = { username: 'admin', password: 'forcebridge-demo-1', firstName: 'Demo', lastName: 'Merchant', email: 'admin@demo.test' };
const POLL_SECONDS = 5;

/** The demo's settings in the store: every area synced automatically, contact roles on. */
const DEMO_CONFIG: Record<string, string> = {
  'forcebridge/abandoned_cart/automatic_sync': '1',
  'forcebridge/abandoned_cart/idle_minutes': '1',
  'forcebridge/abandoned_cart/enable_contact_roles': '1',
  'forcebridge/order/automatic_sync': '1',
  'forcebridge/order/enable_contact_roles': '1',
  'forcebridge/customer/automatic_sync': '1',
};

function port(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new InvalidArgumentError('expected a TCP port (0 picks a free one).');
  return value;
}

function orders(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 100 || value > 100_000) throw new InvalidArgumentError('expected a number of orders from 100 to 100000.');
  return value;
}

async function runDemo(options: DemoOptions): Promise<void> {
  const say = (line: string) => console.log(line);
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error: Error) => console.error(`while stopping: ${error.message}`));
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));

  try {
    const mariadb = await findOrStartMariaDb();
    stops.push(() => mariadb.stop());
    say(mariadb.isPrivate ? `Started a private MariaDB at ${mariadb.url}` : `Using the MariaDB at ${mariadb.url}`);

    await dropDatabase(mariadb.url, options.database);
    const databaseUrl = await createStoreDatabase(mariadb.url, options.database);
    const started = Date.now();
    const store = await generateStore(databaseUrl, { orders: options.orders });
    say(`Wrote the sample store "${options.database}" (${options.orders} orders, ${store.rowsPerTable.customer_entity ?? 0} customers) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const emulator = await startEmulator({ port: options.emulatorPort });
    stops.push(() => emulator.stop());

    const settings = loadSettings({
      MYSQL_URL: databaseUrl,
      FORCEBRIDGE_INSTANCE: 'demo',
      SF_LOGIN_URL: emulator.url,
      SF_CLIENT_ID: EMULATOR_DEFAULTS.clientId,
      SF_CLIENT_SECRET: EMULATOR_DEFAULTS.clientSecret,
      FORCEBRIDGE_HTTP_PORT: String(options.port),
      FORCEBRIDGE_POLL_INTERVAL_SECONDS: String(POLL_SECONDS),
      // The demo has no Magento admin to open the console from: its admin signs in with a password.
      FORCEBRIDGE_PASSWORD_SIGN_IN: '1',
      FORCEBRIDGE_LOG_LEVEL: 'warn',
    });
    const runtime = await openRuntime(settings, createLogger(settings.logLevel));
    stops.push(() => runtime.close());
    const fields = await setupOrg(runtime.connection);
    say(`Salesforce sandbox (emulator) at ${emulator.url}: ${fields.filter((f) => f.action === 'created').length} Forcebridge fields created`);

    for (const [path, value] of Object.entries(DEMO_CONFIG)) await setConfigValue(runtime.pool, { path, scope: 'default', scopeId: 0 }, value);
    await createAdminUser(runtime.pool, DEMO_ADMIN);

    const autoSync = new AutoSync(runtime, { intervalSeconds: POLL_SECONDS });
    autoSync.start();
    stops.push(() => autoSync.stop());
    const api = await startHttpApi(runtime, { ...httpApiOptions(settings), ...settings.http });
    stops.push(() => api.stop());

    say('');
    say(`Forcebridge console:  ${api.url}/admin`);
    say(`Sign in as:           ${DEMO_ADMIN.username} / ${DEMO_ADMIN.password}`);
    say(`Salesforce org:       ${emulator.url}/`);
    say('Automatic sync is on (every 5 s); the whole store is being sent now. Ctrl-C stops everything.');
    say('');

    const queued = await backfill(runtime.pool, runtime.config);
    const pass = await runtime.engine.runPass('all', 'backfill');
    say(`Backfill: ${queued.customer} customers, ${queued.quote} abandoned carts, ${queued.order} orders → ${pass.synced} synced, ${pass.failed} failed, ${pass.skipped} skipped, ${pass.apiCalls} API calls.`);
  } catch (error) {
    console.error(`The demo could not start: ${(error as Error).message}`);
    await stopAll();
    process.exit(1);
  }
}

const program = new Command('demo')
  .description('a local Magento store, a Salesforce sandbox (the emulator) and Forcebridge between them')
  .option('--orders <n>', 'size of the sample store', orders, 300)
  .option('--port <port>', 'HTTP port of the Forcebridge console', port, 8787)
  .option('--emulator-port <port>', 'HTTP port of the Salesforce emulator', port, 8765)
  .option('--database <name>', 'name of the demo store database (dropped and written anew)', 'forcebridge_demo');

await program.parseAsync(process.argv);
await runDemo(program.opts<DemoOptions>());
