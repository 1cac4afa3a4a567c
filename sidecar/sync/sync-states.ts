// What the admin grids show per record: its sync status, the Salesforce record it became (id and a
// link into the org), the last error in words, and when it last synced. Read from forcebridge_link.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import type { QueuedEntityType } from '../magento/records.js';
import { databaseTimeToIso } from '../queue/db-time.js';
import type { RecordLink } from '../salesforce/record-links.js';
import type { LinkStatus } from './link-store.js';

export const SYNC_AREAS = ['carts', 'orders', 'customers'] as const;
export type SyncAreaName = (typeof SYNC_AREAS)[number];

/** Per area: the queue's entity type, and the Salesforce record that stands for the Magento one. */
export const AREA_RECORDS: Record<SyncAreaName, { entityType: QueuedEntityType; object: 'Opportunity' | 'Contact'; idColumn: 'opportunity_id' | 'contact_id' }> = {
  carts: { entityType: 'quote', object: 'Opportunity', idColumn: 'opportunity_id' },
  orders: { entityType: 'order', object: 'Opportunity', idColumn: 'opportunity_id' },
  customers: { entityType: 'customer', object: 'Contact', idColumn: 'contact_id' },
};

export interface SyncState {
  /** 'never': Forcebridge has not tried this record yet. */
  status: LinkStatus | 'never';
  salesforceId: string | null;
  salesforceUrl: string | null;
  error: string | null;
  lastSyncedAt: string | null;
  lastAttemptAt: string | null;
}

export const NEVER_SYNCED: SyncState = { status: 'never', salesforceId: null, salesforceUrl: null, error: null, lastSyncedAt: null, lastAttemptAt: null };

/** The state of each id (every id gets one, NEVER_SYNCED when there is no link row). */
export async function readSyncStates(pool: DatabasePool, area: SyncAreaName, ids: readonly number[], link: RecordLink): Promise<Map<number, SyncState>> {
  const states = new Map<number, SyncState>(ids.map((id) => [id, NEVER_SYNCED]));
  if (ids.length === 0) return states;
  const { entityType, object, idColumn } = AREA_RECORDS[area];
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT entity_id, status, ${idColumn} AS salesforce_id, error_message, last_synced_at, last_attempt_at
       FROM forcebridge_link WHERE entity_type = ? AND entity_id IN (?)`,
    [entityType, ids.map(String)],
  );
  for (const row of rows) {
    const salesforceId = row.salesforce_id === null ? null : String(row.salesforce_id);
    states.set(Number(row.entity_id), {
      status: row.status as LinkStatus,
      salesforceId,
      salesforceUrl: salesforceId === null ? null : link(object, salesforceId),
      error: row.error_message === null ? null : String(row.error_message),
      lastSyncedAt: databaseTimeToIso(row.last_synced_at),
      lastAttemptAt: databaseTimeToIso(row.last_attempt_at),
    });
  }
  return states;
}
