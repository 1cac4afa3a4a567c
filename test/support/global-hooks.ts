// Mocha global fixtures: one MariaDB server for the whole run (the configured one, or a private
// mariadbd), and clean-up of databases left behind by test runs that crashed.
import mysql from 'mysql2/promise';
import { findOrStartMariaDb, type MariaDbServer } from '../../devtools/mariadb.js';
import { TEST_DATABASE_PREFIX, parseOwnerPid, setServerUrl } from './test-database.js';

let server: MariaDbServer | undefined;

export async function mochaGlobalSetup(): Promise<void> {
  server = await findOrStartMariaDb();
  setServerUrl(server.url);
  await dropDatabasesOfDeadRuns(server.url);
}

export async function mochaGlobalTeardown(): Promise<void> {
  await server?.stop();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function dropDatabasesOfDeadRuns(serverUrl: string): Promise<void> {
  const connection = await mysql.createConnection({ uri: serverUrl });
  try {
    const [rows] = await connection.query<mysql.RowDataPacket[]>('SHOW DATABASES LIKE ?', [`${TEST_DATABASE_PREFIX}%`]);
    for (const row of rows) {
      const name = String(Object.values(row)[0]);
      const pid = parseOwnerPid(name);
      if (pid !== undefined && !isAlive(pid)) await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    }
  } finally {
    await connection.end();
  }
}
