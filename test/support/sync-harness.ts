// A sidecar under test: its own Magento store database (migrated), a running org emulator with the
// Forcebridge fields set up, a jsforce session through client credentials, and a sync engine.
import type { Connection } from 'jsforce';
import { migrate } from '../../sidecar/db/migrations.js';
import { createDatabasePool, type DatabasePool } from '../../sidecar/db/pool.js';
import { MagentoConfig } from '../../sidecar/magento/config.js';
import { openSession } from '../../sidecar/salesforce/session.js';
import { setupOrg } from '../../sidecar/salesforce/org-setup.js';
import { SyncEngine, type SyncEngineOptions } from '../../sidecar/sync/sync-engine.js';
import { EMULATOR_DEFAULTS, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/server.js';
import { useTestDatabase } from './test-database.js';

export const INSTANCE = 'test';
export const API_VERSION = '62.0';

export interface SyncHarness {
  /** The store database's URL, as the sidecar takes it in MYSQL_URL. */
  databaseUrl: string;
  pool: DatabasePool;
  emulator: RunningEmulator;
  connection: Connection;
  config: MagentoConfig;
  engine(overrides?: Partial<SyncEngineOptions>): SyncEngine;
  /** The environment a `forcebridge` child process needs to reach this store and org. */
  sidecarEnv(): Record<string, string>;
  /** SOQL against the org, all rows. */
  query<T = Record<string, unknown>>(soql: string): Promise<T[]>;
}

export function useSyncHarness(emulatorOptions: Partial<EmulatorOptions> = {}): () => SyncHarness {
  const db = useTestDatabase();
  let harness: SyncHarness | undefined;
  before(async function () {
    this.timeout(60_000);
    const pool = createDatabasePool(db().url);
    await migrate(pool);
    const emulator = await startEmulator(emulatorOptions);
    const connection = await openSession({
      loginUrl: emulator.url,
      apiVersion: API_VERSION,
      auth: { kind: 'client_credentials', clientId: EMULATOR_DEFAULTS.clientId, clientSecret: EMULATOR_DEFAULTS.clientSecret },
    });
    await setupOrg(connection);
    const config = new MagentoConfig(pool, 0);
    harness = {
      databaseUrl: db().url,
      pool,
      emulator,
      connection,
      config,
      engine: (overrides = {}) => new SyncEngine({ pool, config, connection, instance: INSTANCE, bulkThreshold: 2000, ...overrides }),
      sidecarEnv: () => ({
        PATH: process.env.PATH ?? '',
        MYSQL_URL: db().url,
        FORCEBRIDGE_INSTANCE: INSTANCE,
        SF_LOGIN_URL: emulator.url,
        SF_CLIENT_ID: EMULATOR_DEFAULTS.clientId,
        SF_CLIENT_SECRET: EMULATOR_DEFAULTS.clientSecret,
      }),
      query: async <T>(soql: string) => (await connection.query(soql, { autoFetch: true, maxFetch: 100_000 })).records as T[],
    };
  });
  after(async () => {
    await harness?.pool.end();
    await harness?.emulator.stop();
  });
  return () => {
    if (!harness) throw new Error('The sync harness starts in a before() hook');
    return harness;
  };
}
