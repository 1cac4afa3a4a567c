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
  const binaries = serverBinaries(options.binaryDirs ?? DEFAULT_BINARY_DIRS);
  if (!binaries) {
    throw new Error(
      `No MySQL/MariaDB server answers at ${redactPassword(url)} and no mariadbd binary is installed: ` +
        'install one with "apt-get install mariadb-server" or set MYSQL_URL to a reachable server.',
    );
  }
  return startPrivateServer(binaries);
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

interface ServerBinaries {
  server: string;
  install: string;
}

function serverBinaries(binaryDirs: string[]): ServerBinaries | undefined {
  const dirs = binaryDirs.filter(Boolean);
  const server = findBinary(['mariadbd', 'mysqld'], dirs);
  const install = findBinary(['mariadb-install-db', 'mysql_install_db'], dirs);
  return server && install ? { server, install } : undefined;
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

/** A private server whose process can be stopped and started again on the same port and data. */
export interface PrivateMariaDb extends MariaDbServer {
  /** Kills the server process (SIGKILL, as a crash) or shuts it down (SIGTERM); data and port are kept. */
  halt(signal?: 'SIGKILL' | 'SIGTERM'): Promise<void>;
  /** Starts the server again on the same port with the same data directory. */
  resume(): Promise<void>;
}

/** Starts a private mariadbd in a temporary data directory on a free loopback port. */
export async function startPrivateMariaDb(binaryDirs: string[] = DEFAULT_BINARY_DIRS): Promise<PrivateMariaDb> {
  const binaries = serverBinaries(binaryDirs);
  if (!binaries) throw new Error('No mariadbd binary is installed: install one with "apt-get install mariadb-server".');
  return startPrivateServer(binaries);
}

async function startPrivateServer(binaries: ServerBinaries): Promise<PrivateMariaDb> {
  const dataDir = await mkdtemp(join(tmpdir(), 'forcebridge-mariadb-'));
  const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
  await run(binaries.install, [
    '--no-defaults',
    `--datadir=${dataDir}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
    ...asRoot,
  ]);
  const port = await freeLoopbackPort();
  const url = `mysql://root@127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  const halt = async (signal: 'SIGKILL' | 'SIGTERM' = 'SIGTERM'): Promise<void> => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill(signal);
    await exited;
  };
  const resume = async (): Promise<void> => {
    child = spawn(
      binaries.server,
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
    const started = child;
    const deadline = Date.now() + 30_000;
    while (!(await answers(url))) {
      if (started.exitCode !== null || Date.now() > deadline) {
        await halt('SIGKILL');
        throw new Error(`The private mariadbd (${binaries.server}) did not start on port ${port}.`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const stop = async (): Promise<void> => {
    await halt();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await resume();
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return { url, isPrivate: true, stop, halt, resume };
}
