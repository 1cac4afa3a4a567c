// forcebridge_run: one row per sync pass, for `forcebridge status` and the admin UI.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';

export type RunTrigger = 'manual' | 'auto' | 'backfill';

export async function startRun(pool: DatabasePool, area: string, trigger: RunTrigger): Promise<number> {
  const [result] = await pool.query<mysql.ResultSetHeader>(
    'INSERT INTO forcebridge_run (area, run_trigger, started_at) VALUES (?, ?, UTC_TIMESTAMP())',
    [area, trigger],
  );
  return result.insertId;
}

export async function finishRun(
  pool: DatabasePool,
  runId: number,
  totals: { records: number; synced: number; failed: number; apiCalls: number },
  note: string | null,
): Promise<void> {
  await pool.query(
    `UPDATE forcebridge_run SET finished_at = UTC_TIMESTAMP(), records = ?, succeeded = ?, failed = ?, api_calls = ?, note = ?
      WHERE run_id = ?`,
    [totals.records, totals.synced, totals.failed, totals.apiCalls, note, runId],
  );
}
