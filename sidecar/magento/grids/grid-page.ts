// One page of an admin grid: newest first, keyset-paginated on the primary key ("after" = the last
// id of the previous page; no OFFSET), optionally filtered by a text that any of the searchable
// columns contains. SQL fragments come from the grid definitions; what the user typed only ever
// travels as a placeholder value.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../../db/pool.js';

export interface GridRequest {
  limit: number;
  /** Rows with a smaller id than this one (the previous page's nextAfter). */
  after: number | null;
  /** Substring to look for in the searchable columns. */
  text: string | null;
  /** Only this customer's rows (grids with a customer column). */
  customerId?: number | null;
}

export interface GridPage<Row> {
  rows: Row[];
  /** Pass as `after` for the next page; null on the last page. */
  nextAfter: number | null;
}

export interface GridDefinition<Row> {
  /** SELECT … FROM … JOIN …, without WHERE. */
  select: string;
  idColumn: string;
  /** Conditions every row meets (e.g. only active carts). */
  conditions: string[];
  /** SQL expressions the text filter searches. */
  searchable: string[];
  /** The column naming the row's customer, for grids that can be narrowed to one customer. */
  customerColumn?: string;
  toRow(row: mysql.RowDataPacket): Row;
}

/** Escapes LIKE's wildcards so the text is matched literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export async function readGridPage<Row>(pool: DatabasePool, grid: GridDefinition<Row>, request: GridRequest): Promise<GridPage<Row>> {
  const conditions = [...grid.conditions];
  const values: (string | number)[] = [];
  if (request.after !== null) {
    conditions.push(`${grid.idColumn} < ?`);
    values.push(request.after);
  }
  if (request.customerId !== undefined && request.customerId !== null) {
    if (!grid.customerColumn) throw new Error('This grid cannot be narrowed to one customer');
    conditions.push(`${grid.customerColumn} = ?`);
    values.push(request.customerId);
  }
  if (request.text !== null) {
    conditions.push(`(${grid.searchable.map((expression) => `${expression} LIKE ?`).join(' OR ')})`);
    values.push(...grid.searchable.map(() => containsPattern(request.text!)));
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  // One row more than asked tells whether another page follows.
  const [rows] = await pool.query<mysql.RowDataPacket[]>(`${grid.select} ${where} ORDER BY ${grid.idColumn} DESC LIMIT ?`, [...values, request.limit + 1]);
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return { rows: page.map((row) => grid.toRow(row)), nextAfter: rows.length > request.limit && last ? Number(last[grid.idColumn.split('.').pop()!]) : null };
}

export function textOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}
