// The benchmark's store databases: generated once with the sample-store generator and reused by
// later runs. A small marker table written after generation tells a finished store from one still
// being filled, or left half-filled by an interrupted run: that one is never dropped behind
// someone's back; the run stops and says so.
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

/** The generated store with `orders` orders on the server, generating it when missing. */
export async function ensureBenchStore(serverUrl: string, orders: number, log: (line: string) => void): Promise<BenchStore> {
  const name = benchStoreName(orders);
  const url = databaseUrl(serverUrl, name);
  const previous = await finishedGeneration(serverUrl, name);
  if (previous !== undefined) return { name, url, orders, generationSeconds: previous, reused: true };
  if (await databaseExists(serverUrl, name)) {
    throw new Error(`${name} exists but its generation has not finished: another run may still be filling it. Wait for it, or drop the database.`);
  }
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
