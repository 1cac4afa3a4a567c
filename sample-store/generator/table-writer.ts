// Streams rows into MariaDB as multi-row INSERTs. Each table buffers one batch; a full batch is
// sent while generation goes on, and the next full batch of that table waits for it, so memory
// stays at about two batches per table whatever the store's size.
import mysql from 'mysql2/promise';
import type { SqlValue } from './values.js';

export type Row = Record<string, SqlValue>;

/** Session settings for loading: UTC timestamps, strict mode, and no per-row key checks
 * (tables are filled concurrently, so a child batch may land before its parent's). */
const LOAD_SESSION_SQL = [
  "SET NAMES utf8mb4",
  "SET SESSION time_zone = '+00:00'",
  "SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION,NO_AUTO_VALUE_ON_ZERO'",
  'SET SESSION foreign_key_checks = 0',
  'SET SESSION unique_checks = 0',
];

export async function openLoadConnection(databaseUrl: string): Promise<mysql.Connection> {
  const connection = await mysql.createConnection({ uri: databaseUrl, charset: 'utf8mb4' });
  for (const statement of LOAD_SESSION_SQL) await connection.query(statement);
  return connection;
}

function sqlLiteral(table: string, column: string, value: SqlValue | undefined): string {
  if (value === undefined) throw new Error(`${table}: a row has no value for ${column}.`);
  return mysql.escape(value);
}

class TableBatch {
  private rows: Row[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private failure: unknown;
  written = 0;

  constructor(
    private readonly connection: mysql.Connection,
    readonly table: string,
    /** The columns of the first row; every row of a table carries the same ones. */
    private readonly columns: readonly string[],
    private readonly batchSize: number,
  ) {}

  add(row: Row): void {
    if (Object.keys(row).length !== this.columns.length) {
      throw new Error(`${this.table}: every row must set the same columns (${this.columns.join(', ')}).`);
    }
    this.rows.push(row);
  }

  get isFull(): boolean {
    return this.rows.length >= this.batchSize;
  }

  async flush(): Promise<void> {
    await this.inFlight;
    this.throwFailure();
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    this.written += rows.length;
    this.inFlight = this.insert(rows).then(
      () => undefined,
      (error: unknown) => {
        this.failure ??= error;
      },
    );
  }

  async close(): Promise<void> {
    await this.flush();
    await this.inFlight;
    this.throwFailure();
  }

  private insert(rows: Row[]): Promise<unknown> {
    const values = rows.map((row) => `(${this.columns.map((column) => sqlLiteral(this.table, column, row[column])).join(',')})`);
    const sql = `INSERT INTO \`${this.table}\` (${this.columns.map((c) => `\`${c}\``).join(',')}) VALUES ${values.join(',')}`;
    return this.connection.query(sql);
  }

  private throwFailure(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}

/** Columns per table, read from the database the rows go to. */
export async function readTableColumns(connection: mysql.Connection): Promise<Map<string, Set<string>>> {
  const [rows] = await connection.query<mysql.RowDataPacket[]>(
    'SELECT TABLE_NAME AS tableName, COLUMN_NAME AS columnName FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()',
  );
  const columns = new Map<string, Set<string>>();
  for (const row of rows) {
    const table = String(row.tableName);
    const known = columns.get(table) ?? new Set<string>();
    known.add(String(row.columnName));
    columns.set(table, known);
  }
  return columns;
}

/** The tables being filled, spread over a few connections in the order they are first written. */
export class StoreWriter {
  private readonly batches = new Map<string, TableBatch>();

  constructor(
    private readonly connections: readonly mysql.Connection[],
    private readonly tableColumns: ReadonlyMap<string, ReadonlySet<string>>,
    private readonly batchSize: number,
  ) {}

  add(table: string, row: Row): void {
    (this.batches.get(table) ?? this.openBatch(table, row)).add(row);
  }

  addAll(rowsByTable: Readonly<Record<string, readonly Row[]>>): void {
    for (const [table, rows] of Object.entries(rowsByTable)) for (const row of rows) this.add(table, row);
  }

  /** Sends every full batch; waits only where a table's previous batch is still on its way. */
  async flushFullBatches(): Promise<void> {
    for (const batch of this.batches.values()) if (batch.isFull) await batch.flush();
  }

  /** Sends what is left and waits for everything; returns rows written per table. */
  async close(): Promise<Record<string, number>> {
    await Promise.all([...this.batches.values()].map((batch) => batch.close()));
    return Object.fromEntries([...this.batches.values()].map((batch) => [batch.table, batch.written]));
  }

  private openBatch(table: string, firstRow: Row): TableBatch {
    const known = this.tableColumns.get(table);
    if (!known) throw new Error(`The store database has no table ${table}.`);
    const columns = Object.keys(firstRow);
    const unknown = columns.filter((column) => !known.has(column));
    if (unknown.length > 0) throw new Error(`${table} has no column ${unknown.join(', ')}.`);
    const connection = this.connections[this.batches.size % this.connections.length];
    if (!connection) throw new Error('StoreWriter needs at least one connection.');
    const batch = new TableBatch(connection, table, columns, this.batchSize);
    this.batches.set(table, batch);
    return batch;
  }
}
