// The benchmark store's sidecar state between strategies: each starts from a fresh install (no
// links, queue, watermarks or runs), with abandoned carts synced automatically as soon as they
// are left (idle 0 minutes), so the incremental pass and the latency test see every change.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../sidecar/db/pool.js';

const SIDECAR_STATE_TABLES = ['forcebridge_link', 'forcebridge_queue', 'forcebridge_watermark', 'forcebridge_run', 'forcebridge_sync_event', 'forcebridge_opportunity', 'forcebridge_match'];

export async function forgetSidecarState(pool: DatabasePool): Promise<void> {
  for (const table of SIDECAR_STATE_TABLES) await pool.query(`TRUNCATE TABLE ${table}`);
}

export async function syncCartsAutomatically(pool: DatabasePool): Promise<void> {
  const rows = [
    ['forcebridge/abandoned_cart/automatic_sync', '1'],
    ['forcebridge/abandoned_cart/idle_minutes', '0'],
  ];
  for (const [path, value] of rows) {
    await pool.query("INSERT INTO core_config_data (scope, scope_id, path, value) VALUES ('default', 0, ?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value)", [path, value]);
  }
}

/** `count` carts spread evenly over those the sidecar has synced. */
export async function pickSyncedCarts(pool: DatabasePool, count: number): Promise<number[]> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>("SELECT entity_id FROM forcebridge_link WHERE entity_type = 'quote' AND status = 'synced'");
  const ids = rows.map((row) => Number(row.entity_id)).sort((a, b) => a - b);
  const step = Math.max(1, ids.length / count);
  const picked: number[] = [];
  for (let position = 0; position < ids.length && picked.length < count; position += step) picked.push(ids[Math.floor(position)]!);
  return picked;
}

/** A shopper changes the carts: one more unit each (Magento stamps quote.updated_at itself). */
export async function changeCarts(pool: DatabasePool, quoteIds: number[]): Promise<void> {
  for (let start = 0; start < quoteIds.length; start += 1000) {
    await pool.query(
      'UPDATE quote SET items_qty = items_qty + 1, grand_total = grand_total + 1, base_grand_total = base_grand_total + 1 WHERE entity_id IN (?)',
      [quoteIds.slice(start, start + 1000)],
    );
  }
}

/** Keeps every `step`-th queued entry: a sample spread over customers, carts and orders alike. */
export async function thinQueue(pool: DatabasePool, keep: number): Promise<number> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS queued FROM forcebridge_queue');
  const step = Math.max(1, Math.floor(Number(rows[0]?.queued) / keep));
  await pool.query('DELETE FROM forcebridge_queue WHERE MOD(queue_id, ?) <> 0', [step]);
  const [left] = await pool.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS queued FROM forcebridge_queue');
  return Number(left[0]?.queued);
}
