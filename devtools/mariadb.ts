// Finds a MySQL/MariaDB server for tests, the demo and the benchmark: the one at MYSQL_URL when it
// answers, otherwise a private mariadbd started in a temporary directory on a free loopback port.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import mysql from 'mysql2/promise';

export const DEFAULT_MYSQL_URL = 'mysql://root@127.0.0.1:3306';

export interface MariaDbServer {
  /** Server URL without a database name, e.g. mysql://root@127.0.0.1:3306 */
  url: string;
  /** True when this process started the server (and so stops it). */
  isPrivate: boolean;
  stop(): Promise<void>;
}

export interface FindOptions {
  url?: string;
  /** Directories searched for mariadbd; PATH and the usual sbin folders by default. */
  binaryDirs?: string[];
}

const DEFAULT_BINARY_DIRS = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/local/mysql/bin'];

export async function findOrStartMariaDb(options: FindOptions = {}): Promise<MariaDbServer> {
  const url = options.url ?? process.env.MYSQL_URL ?? DEFAULT_MYSQL_URL;
  if (await answers(url)) return { url, isPrivate: false, stop: async () => {} };
  const dirs = (options.binaryDirs ?? DEFAULT_BINARY_DIRS).filter(Boolean);
  const serverBinary = findBinary(['mariadbd', 'mysqld'], dirs);
  const installBinary = findBinary(['mariadb-install-db', 'mysql_install_db'], dirs);
  if (!serverBinary || !installBinary) {
    throw new Error(
      `No MySQL/MariaDB server answers at ${redactPassword(url)} and no mariadbd binary is installed: ` +
        'install one with "apt-get install mariadb-server" or set MYSQL_URL to a reachable server.',
    );
  }
  return startPrivateServer(serverBinary, installBinary);
}

export function redactPassword(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

async function answers(url: string): Promise<boolean> {
  try {
    const connection = await mysql.createConnection({ uri: url, connectTimeout: 2000 });
    await connection.end();
    return true;
  } catch {
    return false;
  }
}

function findBinary(names: string[], dirs: string[]): string | undefined {
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function run(binary: string, args: string[]): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${binary} failed (${code}): ${stderr.trim()}`))));
  });
}

async function startPrivateServer(serverBinary: string, installBinary: string): Promise<MariaDbServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'forcebridge-mariadb-'));
  const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
  await run(installBinary, [
    '--no-defaults',
    `--datadir=${dataDir}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
    ...asRoot,
  ]);
  const port = await freeLoopbackPort();
  const child: ChildProcess = spawn(
    serverBinary,
    [
      '--no-defaults',
      `--datadir=${dataDir}`,
      `--socket=${join(dataDir, 'mysqld.sock')}`,
      `--pid-file=${join(dataDir, 'mysqld.pid')}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      '--skip-name-resolve',
      '--innodb-flush-log-at-trx-commit=2',
      ...asRoot,
    ],
    { stdio: 'ignore' },
  );
  const url = `mysql://root@127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (!(await answers(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`The private mariadbd (${serverBinary}) did not start on port ${port}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, isPrivate: true, stop };
}
