// A record's sync history for the admin: each attempt, newest first, with what was sent, what came
// back and the stage transition it caused. Read from forcebridge_sync_event.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import { databaseTimeToIso } from '../queue/db-time.js';
import { AREA_RECORDS, type SyncAreaName } from './sync-states.js';

export interface SyncHistoryEvent {
  occurredAt: string | null;
  result: 'success' | 'error' | 'skipped';
  salesforceObject: string | null;
  salesforceId: string | null;
  sent: unknown;
  error: string | null;
  stageBefore: string | null;
  stageAfter: string | null;
}

/** More than a person reads on one screen; older events stay in the table. */
export const HISTORY_LIMIT = 200;

function parseSent(text: unknown): unknown {
  if (text === null || text === undefined) return null;
  try {
    return JSON.parse(String(text));
  } catch {
    return null;
  }
}

export async function readSyncHistory(pool: DatabasePool, area: SyncAreaName, id: number): Promise<SyncHistoryEvent[]> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT occurred_at, result, salesforce_object, salesforce_id, sent_payload, error_message, stage_before, stage_after
       FROM forcebridge_sync_event WHERE entity_type = ? AND entity_id = ?
      ORDER BY occurred_at DESC, event_id DESC LIMIT ?`,
    [AREA_RECORDS[area].entityType, String(id), HISTORY_LIMIT],
  );
  const text = (value: unknown) => (value === null ? null : String(value));
  return rows.map((row) => ({
    occurredAt: databaseTimeToIso(row.occurred_at),
    result: row.result as SyncHistoryEvent['result'],
    salesforceObject: text(row.salesforce_object),
    salesforceId: text(row.salesforce_id),
    sent: parseSent(row.sent_payload),
    error: text(row.error_message),
    stageBefore: text(row.stage_before),
    stageAfter: text(row.stage_after),
  }));
}
