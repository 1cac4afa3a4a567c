// Database time: the UTC clock of the MySQL server, as "YYYY-MM-DD HH:MM:SS". Change detection
// compares Magento's timestamps with it, never with this machine's clock.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';

export async function databaseNow(pool: DatabasePool): Promise<string> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>('SELECT UTC_TIMESTAMP() AS now');
  return String(rows[0]?.now);
}

/** The time `seconds` later (earlier when negative). */
export function shiftSeconds(time: string, seconds: number): string {
  const shifted = new Date(Date.parse(`${time.replace(' ', 'T')}Z`) + seconds * 1000);
  return shifted.toISOString().slice(0, 19).replace('T', ' ');
}

/** "2026-01-31 12:00:00" (UTC, as the pool returns dates) → "2026-01-31T12:00:00Z"; null stays null. */
export function databaseTimeToIso(value: unknown): string | null {
  return value === null || value === undefined ? null : `${String(value).replace(' ', 'T')}Z`;
}
