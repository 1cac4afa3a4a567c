// Turns Magento column values (as the UTC pool returns them: dates and decimals as strings) into
// record values.
import type mysql from 'mysql2/promise';

/** "2026-01-31 12:00:00" (UTC) -> "2026-01-31T12:00:00Z". */
export function utcIso(value: unknown): string {
  return `${String(value).replace(' ', 'T')}Z`;
}

export function optionalUtcIso(value: unknown): string | null {
  return value === null || value === undefined ? null : utcIso(value);
}

/** Decimal columns; NULL (never set, e.g. total_paid before an invoice) counts as 0. */
export function amount(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
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
