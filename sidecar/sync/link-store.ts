// forcebridge_link: what each Magento entity is in Salesforce (ids, synced or not, the error in
// words a merchant understands), and forcebridge_sync_event: what each sync sent and got back.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import type { LinkedEntityType } from '../magento/records.js';

// 'pending': an opportunity key was reserved but the first sync has not finished yet.
export type LinkStatus = 'synced' | 'error' | 'skipped' | 'pending';

export interface LinkOutcome {
  entityType: LinkedEntityType;
  entityId: string;
  storeId: number | null;
  salesforceKey: string;
  status: LinkStatus;
  accountId?: string | null;
  contactId?: string | null;
  opportunityId?: string | null;
  contactRoleId?: string | null;
  errorCode?: string | null;
  errorMessage?: string | null;
  payloadHash?: string | null;
  /** updated_at of the Magento version synced, so change detection knows it is done. */
  sourceUpdatedAt?: string | null;
}

export interface SyncEvent {
  runId: number | null;
  entityType: LinkedEntityType;
  entityId: string;
  salesforceObject: string | null;
  salesforceId: string | null;
  /** What was sent, as JSON. */
  sentPayload: string | null;
  result: 'success' | 'error' | 'skipped';
  errorMessage: string | null;
  stageBefore: string | null;
  stageAfter: string | null;
}

export interface StoredLink {
  entityType: LinkedEntityType;
  entityId: string;
  salesforceKey: string;
  status: LinkStatus;
  payloadHash: string | null;
  opportunityId: string | null;
  stage: string | null;
}

/** "2026-11-22T07:43:36.123Z" → "2026-11-22 07:43:36" (DATETIME, UTC). */
export function toDatabaseTime(iso: string): string {
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '');
}

export async function readLinks(pool: DatabasePool, entities: { entityType: LinkedEntityType; entityId: string }[]): Promise<Map<string, StoredLink>> {
  const links = new Map<string, StoredLink>();
  if (entities.length === 0) return links;
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT l.entity_type, l.entity_id, l.salesforce_key, l.status, l.payload_hash, l.opportunity_id,
            (SELECT e.stage_after FROM forcebridge_sync_event e
              WHERE e.entity_type = l.entity_type AND e.entity_id = l.entity_id AND e.result = 'success'
              ORDER BY e.occurred_at DESC, e.event_id DESC LIMIT 1) AS stage
       FROM forcebridge_link l WHERE (l.entity_type, l.entity_id) IN (${entities.map(() => '(?, ?)').join(', ')})`,
    entities.flatMap((e) => [e.entityType, e.entityId]),
  );
  for (const row of rows) {
    const link: StoredLink = {
      entityType: row.entity_type as LinkedEntityType,
      entityId: String(row.entity_id),
      salesforceKey: String(row.salesforce_key),
      status: row.status as LinkStatus,
      payloadHash: row.payload_hash === null ? null : String(row.payload_hash),
      opportunityId: row.opportunity_id === null ? null : String(row.opportunity_id),
      stage: row.stage === null ? null : String(row.stage),
    };
    links.set(`${link.entityType}:${link.entityId}`, link);
  }
  return links;
}

/** Rows per INSERT: a Bulk API batch (20,000 records) in one statement would pass max_allowed_packet (16 MB). */
const ROWS_PER_STATEMENT = 1000;

async function inStatements<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) await write(rows.slice(start, start + ROWS_PER_STATEMENT));
}

export async function recordOutcomes(pool: DatabasePool, outcomes: LinkOutcome[]): Promise<void> {
  const synced = (o: LinkOutcome) => (o.status === 'synced' ? 1 : 0);
  await inStatements(outcomes, (chunk) => pool.query(
    `INSERT INTO forcebridge_link (entity_type, entity_id, store_id, salesforce_key, status, account_id, contact_id,
        opportunity_id, contact_role_id, error_code, error_message, payload_hash, source_updated_at,
        first_synced_at, last_synced_at, last_attempt_at, attempts)
     VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, IF(?, UTC_TIMESTAMP(), NULL), IF(?, UTC_TIMESTAMP(), NULL), UTC_TIMESTAMP(), 1)').join(', ')}
     ON DUPLICATE KEY UPDATE
       store_id = COALESCE(VALUES(store_id), store_id),
       salesforce_key = VALUES(salesforce_key),
       account_id = COALESCE(VALUES(account_id), account_id),
       contact_id = COALESCE(VALUES(contact_id), contact_id),
       opportunity_id = COALESCE(VALUES(opportunity_id), opportunity_id),
       contact_role_id = COALESCE(VALUES(contact_role_id), contact_role_id),
       payload_hash = IF(VALUES(status) = 'synced', VALUES(payload_hash), payload_hash),
       source_updated_at = IF(VALUES(status) = 'error', source_updated_at, COALESCE(VALUES(source_updated_at), source_updated_at)),
       first_synced_at = COALESCE(first_synced_at, VALUES(first_synced_at)),
       last_synced_at = COALESCE(VALUES(last_synced_at), last_synced_at),
       last_attempt_at = UTC_TIMESTAMP(),
       attempts = IF(VALUES(status) = 'error', attempts + 1, 0),
       error_code = VALUES(error_code),
       error_message = VALUES(error_message),
       status = VALUES(status)`,
    chunk.flatMap((o) => [
      o.entityType,
      o.entityId,
      o.storeId,
      o.salesforceKey,
      o.status,
      o.accountId ?? null,
      o.contactId ?? null,
      o.opportunityId ?? null,
      o.contactRoleId ?? null,
      o.errorCode ?? null,
      o.errorMessage ?? null,
      o.payloadHash ?? null,
      o.sourceUpdatedAt ? toDatabaseTime(o.sourceUpdatedAt) : null,
      synced(o),
      synced(o),
    ]),
  ));
}

export async function recordEvents(pool: DatabasePool, events: SyncEvent[]): Promise<void> {
  await inStatements(events, (chunk) => pool.query(
    `INSERT INTO forcebridge_sync_event (run_id, occurred_at, entity_type, entity_id, salesforce_object, salesforce_id,
        sent_payload, result, error_message, stage_before, stage_after)
     VALUES ${chunk.map(() => '(?, UTC_TIMESTAMP(3), ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    chunk.flatMap((e) => [
      e.runId,
      e.entityType,
      e.entityId,
      e.salesforceObject,
      e.salesforceId,
      e.sentPayload,
      e.result,
      e.errorMessage,
      e.stageBefore,
      e.stageAfter,
    ]),
  ));
}
