// npm run generate -- --orders N [--seed S] [--database NAME] [--mysql-url URL] [--replace]
// Creates a Magento store database (schema and install rows) and fills it with a sample store.
import { Command, InvalidArgumentError } from 'commander';
import mysql from 'mysql2/promise';
import { DEFAULT_MYSQL_URL, redactPassword } from '../devtools/mariadb.js';
import { DEFAULT_SEED, generateStore, type GenerationProgress } from './generator/generate-store.js';
import { MIN_ORDERS } from './generator/store-plan.js';
import { createStoreDatabase, dropDatabase } from './store-database.js';

interface CliOptions {
  orders: number;
  seed: number;
  database: string;
  mysqlUrl: string;
  replace: boolean;
}

function wholeNumber(minimum: number) {
  return (text: string): number => {
    const value = Number(text.replace(/_/g, ''));
    if (!Number.isInteger(value) || value < minimum) throw new InvalidArgumentError(`expected a whole number of at least ${minimum}.`);
    return value;
  };
}

async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const connection = await mysql.createConnection({ uri: serverUrl });
  try {
    const [rows] = await connection.query<mysql.RowDataPacket[]>(
      'SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [name],
    );
    return rows.length > 0;
  } finally {
    await connection.end();
  }
}

function printProgress(progress: GenerationProgress): void {
  if (process.stderr.isTTY) process.stderr.write(`\r${progress.phase}: ${progress.done} / ${progress.total}   `);
}

async function run(options: CliOptions): Promise<void> {
  const server = redactPassword(options.mysqlUrl);
  if (await databaseExists(options.mysqlUrl, options.database)) {
    if (!options.replace) {
      throw new Error(`Database "${options.database}" already exists on ${server}. Pass --replace to drop and recreate it, or choose another --database.`);
    }
    await dropDatabase(options.mysqlUrl, options.database);
  }
  const started = performance.now();
  const databaseUrl = await createStoreDatabase(options.mysqlUrl, options.database);
  const result = await generateStore(databaseUrl, { orders: options.orders, seed: options.seed, onProgress: printProgress });
  const seconds = (performance.now() - started) / 1000;
  if (process.stderr.isTTY) process.stderr.write('\n');
  const rows = Object.entries(result.rowsPerTable);
  const width = Math.max(...rows.map(([table]) => table.length));
  console.log(`Sample store "${options.database}" on ${server}: ${options.orders} orders, seed ${options.seed}`);
  for (const [table, count] of rows) console.log(`  ${table.padEnd(width)}  ${count.toLocaleString('en-US').padStart(12)}`);
  const total = rows.reduce((sum, [, count]) => sum + count, 0);
  console.log(`  ${'total'.padEnd(width)}  ${total.toLocaleString('en-US').padStart(12)}`);
  console.log(`Done in ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString('en-US')} rows/s).`);
}

const program = new Command()
  .name('generate')
  .description('Create a Magento 2.4.8 store database and fill it with a deterministic sample store.')
  .requiredOption('--orders <n>', `number of orders (at least ${MIN_ORDERS}); customers, products and carts scale with it`, wholeNumber(MIN_ORDERS))
  .option('--seed <n>', 'seed of the generator: the same seed and size give the same store', wholeNumber(0), DEFAULT_SEED)
  .option('--database <name>', 'database to create', 'magento_sample')
  .option('--mysql-url <url>', 'MariaDB/MySQL server', process.env.MYSQL_URL ?? DEFAULT_MYSQL_URL)
  .option('--replace', 'drop the database first if it exists', false)
  .action(async (options: CliOptions) => {
    try {
      await run(options);
    } catch (error) {
      console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  });

await program.parseAsync();
