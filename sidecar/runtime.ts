// Everything a command or the service needs, opened from the settings in one place: the database
// pool (own tables migrated), the Magento configuration reader, a Salesforce session, the engine.
import type { Connection } from 'jsforce';
import { migrate } from './db/migrations.js';
import { createDatabasePool, type DatabasePool } from './db/pool.js';
import type { Logger } from './logger.js';
import { MagentoConfig } from './magento/config.js';
import { openSession, type SalesforceAuth } from './salesforce/session.js';
import type { Settings } from './settings.js';
import { SyncEngine, type PassSummary } from './sync/sync-engine.js';

export interface Runtime {
  settings: Settings;
  logger: Logger;
  pool: DatabasePool;
  config: MagentoConfig;
  connection: Connection;
  engine: SyncEngine;
  close(): Promise<void>;
}

export function salesforceAuth(settings: Settings): SalesforceAuth {
  const sf = settings.salesforce;
  const required = (value: string | undefined) => value ?? '';
  switch (sf.auth) {
    case 'jwt':
      return { kind: 'jwt', clientId: required(sf.clientId), username: required(sf.username), privateKeyFile: required(sf.privateKeyFile) };
    case 'password':
      return { kind: 'password', clientId: required(sf.clientId), clientSecret: required(sf.clientSecret), username: required(sf.username), password: required(sf.password) };
    case 'client_credentials':
      return { kind: 'client_credentials', clientId: required(sf.clientId), clientSecret: required(sf.clientSecret) };
  }
}

export async function openSalesforce(settings: Settings): Promise<Connection> {
  return openSession({ loginUrl: settings.salesforce.loginUrl, apiVersion: settings.salesforce.apiVersion, auth: salesforceAuth(settings) });
}

export async function openRuntime(settings: Settings, logger: Logger, onProgress?: (summary: PassSummary) => void): Promise<Runtime> {
  const pool = createDatabasePool(settings.mysqlUrl);
  try {
    const applied = await migrate(pool);
    if (applied.length > 0) logger.info({ applied }, 'applied Forcebridge migrations');
    const config = new MagentoConfig(pool);
    const connection = await openSalesforce(settings);
    const engine = new SyncEngine({ pool, config, connection, instance: settings.instance, bulkThreshold: settings.bulkThreshold, onProgress });
    return { settings, logger, pool, config, connection, engine, close: () => pool.end() };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
