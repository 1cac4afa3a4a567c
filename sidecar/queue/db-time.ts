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
