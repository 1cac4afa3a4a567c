// Change-detection positions (forcebridge_watermark), one row per Magento source. Times are UTC
// "YYYY-MM-DD HH:MM:SS" strings, as Magento's TIMESTAMP columns read in a UTC session.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';

export interface Watermark {
  source: string;
  /** Rows up to (lastUpdatedAt, lastId) were seen; null: nothing seen yet. For sweeps: changes since when count. */
  lastUpdatedAt: string | null;
  lastId: number;
  /** Sweeps only: when the current pass over the table began. */
  cycleStartedAt: string | null;
}

function toWatermark(row: mysql.RowDataPacket): Watermark {
  return {
    source: String(row.source),
    lastUpdatedAt: row.last_updated_at === null ? null : String(row.last_updated_at),
    lastId: Number(row.last_id),
    cycleStartedAt: row.cycle_started_at === null ? null : String(row.cycle_started_at),
  };
}

const COLUMNS = 'source, last_updated_at, last_id, cycle_started_at';

/** Every position by source: a poll reads them in one query rather than one per source. */
export async function readWatermarks(pool: DatabasePool): Promise<Map<string, Watermark>> {
  return new Map((await listWatermarks(pool)).map((watermark) => [watermark.source, watermark]));
}

export async function saveWatermark(pool: DatabasePool, watermark: Watermark): Promise<void> {
  await pool.query(
    `INSERT INTO forcebridge_watermark (source, last_updated_at, last_id, cycle_started_at, updated_at)
     VALUES (?, ?, ?, ?, UTC_TIMESTAMP())
     ON DUPLICATE KEY UPDATE last_updated_at = VALUES(last_updated_at), last_id = VALUES(last_id),
       cycle_started_at = VALUES(cycle_started_at), updated_at = VALUES(updated_at)`,
    [watermark.source, watermark.lastUpdatedAt, watermark.lastId, watermark.cycleStartedAt],
  );
}

/**
 * Writes the positions of sources that have none; a source that has one keeps it. Used where a
 * position must hold from a given moment (the backfill) without moving a detector that is ahead.
 */
export async function addMissingWatermarks(pool: DatabasePool, watermarks: readonly Watermark[]): Promise<void> {
  if (watermarks.length === 0) return;
  await pool.query(
    `INSERT IGNORE INTO forcebridge_watermark (source, last_updated_at, last_id, cycle_started_at, updated_at)
     VALUES ${watermarks.map(() => '(?, ?, ?, ?, UTC_TIMESTAMP())').join(', ')}`,
    watermarks.flatMap((watermark) => [watermark.source, watermark.lastUpdatedAt, watermark.lastId, watermark.cycleStartedAt]),
  );
}

/** All positions in source order. */
export async function listWatermarks(pool: DatabasePool): Promise<Watermark[]> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(`SELECT ${COLUMNS} FROM forcebridge_watermark ORDER BY source`);
  return rows.map(toWatermark);
}
