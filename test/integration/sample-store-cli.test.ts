import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { databaseUrl, dropDatabase } from '../../sample-store/store-database.js';
import { TEST_DATABASE_PREFIX, testServerUrl } from '../support/test-database.js';

const run = promisify(execFile);
const TSX = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
const CLI = new URL('../../sample-store/cli.ts', import.meta.url).pathname;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function generate(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, '--mysql-url', testServerUrl(), ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

describe('npm run generate', function () {
  this.timeout(60_000);
  // The test-database prefix and pid let the global hooks drop it if this run crashes.
  const name = `${TEST_DATABASE_PREFIX}${process.pid}_cli_${randomBytes(3).toString('hex')}`;

  after(async () => {
    await dropDatabase(testServerUrl(), name);
  });

  it('creates the database, fills it and prints the rows per table and the time it took', async () => {
    const outcome = await generate('--orders', '100', '--seed', '3', '--database', name);
    expect(outcome.code, outcome.stderr).to.equal(0);
    expect(outcome.stdout).to.match(/sales_order\s+100\n/);
    expect(outcome.stdout).to.match(/Done in \d+\.\d s/);
    const connection = await mysql.createConnection({ uri: databaseUrl(testServerUrl(), name) });
    const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS orders FROM sales_order');
    await connection.end();
    expect(Number(rows[0]?.orders)).to.equal(100);
  });

  it('refuses an existing database unless --replace is given', async () => {
    const refused = await generate('--orders', '100', '--database', name);
    expect(refused.code).to.equal(1);
    expect(refused.stderr).to.match(/already exists.*--replace/);
    const replaced = await generate('--orders', '120', '--database', name, '--replace');
    expect(replaced.code, replaced.stderr).to.equal(0);
    expect(replaced.stdout).to.match(/sales_order\s+120\n/);
  });

  it('rejects a size below the minimum with a clear message', async () => {
    const outcome = await generate('--orders', '10', '--database', name);
    expect(outcome.code).to.not.equal(0);
    expect(outcome.stderr).to.match(/--orders.*at least 100/);
  });
});
