// A fresh Magento store database per suite: unique name (owner pid inside, so a crashed run's
// leftovers can be recognised and dropped), Magento's schema and install rows, dropped at the end.
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { DEFAULT_MYSQL_URL } from '../../devtools/mariadb.js';
import { createStoreDatabase, dropDatabase } from '../../sample-store/store-database.js';

export const TEST_DATABASE_PREFIX = 'fbtest_';

let serverUrl = process.env.MYSQL_URL ?? DEFAULT_MYSQL_URL;

export function setServerUrl(url: string): void {
  serverUrl = url;
}

export function testServerUrl(): string {
  return serverUrl;
}

export function parseOwnerPid(databaseName: string): number | undefined {
  const match = /^fbtest_(\d+)_/.exec(databaseName);
  return match ? Number(match[1]) : undefined;
}

export interface TestDatabase {
  name: string;
  /** URL including the database name, as the sidecar takes it in MYSQL_URL. */
  url: string;
  pool: mysql.Pool;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `${TEST_DATABASE_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = await createStoreDatabase(serverUrl, name);
  const pool = mysql.createPool({ uri: url, connectionLimit: 5, dateStrings: true });
  return {
    name,
    url,
    pool,
    drop: async () => {
      await pool.end();
      await dropDatabase(serverUrl, name);
    },
  };
}

/** Registers before/after hooks that give the calling suite its own store database. */
export function useTestDatabase(): () => TestDatabase {
  let database: TestDatabase | undefined;
  before(async function () {
    this.timeout(60_000);
    database = await createTestDatabase();
  });
  after(async function () {
    // Dropping a database waits for the disk; on a busy machine that can take a while.
    this.timeout(120_000);
    await database?.drop();
  });
  return () => {
    if (!database) throw new Error('The test database is created in a before() hook; use it inside tests.');
    return database;
  };
}
