// Turns Magento column values (as the UTC pool returns them: dates and decimals as strings) into
// record values. A value that cannot become one throws UnreadableValue, whose message names the
// table and column and the value, for the merchant; readers convert row by row (convertEach) so
// one such row never keeps the others from being read.
import type mysql from 'mysql2/promise';
import type { ReadResult } from './records.js';

/** A column value that cannot be turned into a record value; the message says which and why. */
export class UnreadableValue extends Error {}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const DAY_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$| )/;

function described(value: unknown): string {
  return value === null || value === undefined ? 'no value' : `"${String(value)}"`;
}

function notA(kind: 'date' | 'number', column: string, value: unknown): UnreadableValue {
  return new UnreadableValue(`${column} holds ${described(value)}, which is not a ${kind}.`);
}

/** Rejects the zero date and days like 2026-02-30 that MySQL keeps when its sql_mode allows them. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return year > 0 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** "2026-01-31 12:00:00" (UTC) -> "2026-01-31T12:00:00Z"; `column` ("sales_order.created_at") names it when it is not a date. */
export function utcIso(value: unknown, column: string): string {
  const match = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
  if (!match) throw notA('date', column, value);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (!isCalendarDay(year, month, day) || hour > 23 || minute > 59 || second > 59) throw notA('date', column, value);
  return `${match[0].replace(' ', 'T')}Z`;
}

export function optionalUtcIso(value: unknown, column: string): string | null {
  return value === null || value === undefined ? null : utcIso(value, column);
}

/**
 * A date-of-birth column (DATE or DATETIME) as its calendar day, "1980-05-04". The zero date counts
 * as unknown: it is how imports from older stores leave a birthday nobody gave.
 */
export function calendarDay(value: unknown, column: string): string | null {
  if (value === null || value === undefined || isZeroDate(String(value))) return null;
  const match = typeof value === 'string' ? DAY_PREFIX.exec(value) : null;
  if (!match || !isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))) throw notA('date', column, value);
  return match[0].slice(0, 10);
}

/** Decimal columns; NULL (never set, e.g. total_paid before an invoice) counts as 0. */
export function amount(value: unknown, column: string): number {
  if (value === null || value === undefined) return 0;
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : typeof value === 'number' ? value : NaN;
  if (!Number.isFinite(number)) throw notA('number', column, value);
  return number;
}

export function optionalNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** Text columns; empty or blank text is as good as none. */
export function optionalText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  return text.trim() === '' ? null : text;
}

const ZERO_DATE = /^0000-00-00(?:$| 00:00:00$)/;

/** The zero date old imports leave in updated_at: the row has simply no known last change. */
export function isZeroDate(value: unknown): boolean {
  return typeof value === 'string' && ZERO_DATE.test(value);
}

/** The converters that can fail, bound to one table's row, so messages name `table.column`. */
export function columnsOf(table: string, row: mysql.RowDataPacket) {
  const name = (column: string) => `${table}.${column}`;
  return {
    /** updated_at, or created_at where an import left updated_at zero: such rows are still synced. */
    changedAt: () => (isZeroDate(row.updated_at) ? utcIso(row.created_at, name('created_at')) : utcIso(row.updated_at, name('updated_at'))),
    amount: (column: string) => amount(row[column], name(column)),
    utcIso: (column: string) => utcIso(row[column], name(column)),
    calendarDay: (column: string) => calendarDay(row[column], name(column)),
  };
}

/**
 * Converts each row on its own: a row that throws lands in `unreadable` under its id (the value
 * of `idColumn`), with the reason, and the others are read all the same.
 */
export function convertEach<T>(table: string, idColumn: string, rows: readonly mysql.RowDataPacket[], convert: (row: mysql.RowDataPacket) => T): ReadResult<T> {
  const result: ReadResult<T> = { records: [], unreadable: new Map() };
  for (const row of rows) {
    try {
      result.records.push(convert(row));
    } catch (error) {
      const reason = error instanceof UnreadableValue ? error.message : `The ${table} row could not be read: ${error instanceof Error ? error.message : String(error)}`;
      result.unreadable.set(Number(row[idColumn]), reason);
    }
  }
  return result;
}

/** Groups rows by a numeric column, keeping their order. */
export function groupBy(rows: mysql.RowDataPacket[], column: string): Map<number, mysql.RowDataPacket[]> {
  const groups = new Map<number, mysql.RowDataPacket[]>();
  for (const row of rows) {
    const key = Number(row[column]);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}

/** Runs `read` over the ids in chunks, so IN lists stay a sensible size. */
export async function inChunks<T>(ids: readonly number[], read: (chunk: number[]) => Promise<T[]>, size = 500): Promise<T[]> {
  const unique = [...new Set(ids)];
  const results: T[] = [];
  for (let start = 0; start < unique.length; start += size) results.push(...(await read(unique.slice(start, start + size))));
  return results;
}

/** inChunks for readers: the records and the unreadable rows of every chunk, together. */
export async function readInChunks<T>(ids: readonly number[], read: (chunk: number[]) => Promise<ReadResult<T>>): Promise<ReadResult<T>> {
  // As many as a sync chunk holds: a record takes several child-table queries, each one per chunk.
  const parts = await inChunks(ids, async (chunk) => [await read(chunk)], 2000);
  return { records: parts.flatMap((part) => part.records), unreadable: new Map(parts.flatMap((part) => [...part.unreadable])) };
}
