// The benchmark's store databases: generated once with the sample-store generator and reused by
// later runs. A small marker table written after generation tells a finished store from one still
// being filled by another run, which is waited for, never dropped behind that run's back.
import mysql from 'mysql2/promise';
import { generateStore } from '../sample-store/generator/generate-store.js';
import { createStoreDatabase, databaseUrl } from '../sample-store/store-database.js';

const MARKER_TABLE = 'bench_generation';

export interface BenchStore {
  name: string;
  url: string;
  orders: number;
  /** How long generating took, whether now or by the run that made it. */
  generationSeconds: number;
  reused: boolean;
}

export function benchStoreName(orders: number): string {
  return `forcebridge_bench_${orders}`;
}

async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const connection = await mysql.createConnection({ uri: serverUrl });
  try {
    const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [name]);
    return rows.length > 0;
  } finally {
    await connection.end();
  }
}

async function finishedGeneration(serverUrl: string, name: string): Promise<number | undefined> {
  const connection = await mysql.createConnection({ uri: serverUrl });
  try {
    const [tables] = await connection.query<mysql.RowDataPacket[]>(
      'SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
      [name, MARKER_TABLE],
    );
    if (tables.length === 0) return undefined;
    const [rows] = await connection.query<mysql.RowDataPacket[]>(`SELECT seconds FROM \`${name}\`.${MARKER_TABLE} LIMIT 1`);
    return rows[0] ? Number(rows[0].seconds) : undefined;
  } finally {
    await connection.end();
  }
}

const WAIT_FOR_OTHER_RUN_MS = 60 * 60 * 1000;

/** Another run is filling the store: waits for it to finish (an hour at most). */
async function waitForGeneration(serverUrl: string, name: string, orders: number, log: (line: string) => void): Promise<BenchStore> {
  const deadline = Date.now() + WAIT_FOR_OTHER_RUN_MS;
  while (Date.now() < deadline) {
    log(`${name} exists but its generation has not finished: waiting for the run filling it…`);
    await new Promise((resolve) => setTimeout(resolve, 30_000));
    const seconds = await finishedGeneration(serverUrl, name);
    if (seconds !== undefined) return { name, url: databaseUrl(serverUrl, name), orders, generationSeconds: seconds, reused: true };
  }
  throw new Error(`${name} was not finished within an hour: an interrupted generation left it half-filled. Drop the database and run again.`);
}

/** The generated store with `orders` orders on the server, generating it when missing. */
export async function ensureBenchStore(serverUrl: string, orders: number, log: (line: string) => void): Promise<BenchStore> {
  const name = benchStoreName(orders);
  const url = databaseUrl(serverUrl, name);
  const previous = await finishedGeneration(serverUrl, name);
  if (previous !== undefined) return { name, url, orders, generationSeconds: previous, reused: true };
  if (await databaseExists(serverUrl, name)) return waitForGeneration(serverUrl, name, orders, log);
  log(`generating ${name} (${orders.toLocaleString('en-US')} orders)…`);
  const started = performance.now();
  await createStoreDatabase(serverUrl, name);
  await generateStore(url, {
    orders,
    onProgress: (progress) => log(`  ${name}: ${progress.phase} ${progress.done}/${progress.total}`),
  });
  const seconds = (performance.now() - started) / 1000;
  const connection = await mysql.createConnection({ uri: url });
  try {
    await connection.query(`CREATE TABLE ${MARKER_TABLE} (orders INT UNSIGNED NOT NULL, seconds DOUBLE NOT NULL, generated_at DATETIME NOT NULL)`);
    await connection.query(`INSERT INTO ${MARKER_TABLE} VALUES (?, ?, UTC_TIMESTAMP())`, [orders, seconds]);
  } finally {
    await connection.end();
  }
  return { name, url, orders, generationSeconds: seconds, reused: false };
}
