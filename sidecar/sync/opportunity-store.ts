// forcebridge_opportunity: per opportunity key, the day its Magento story began (close dates count
// from it), the Magento event last written (cart, open, won, lost, expired) and the day it closed.
// A cart and its order share the key and so share the row.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import type { OpportunityPhase } from '../mapping/opportunity.js';
import { chunked } from '../chunked.js';
import { toDatabaseTime } from './link-store.js';

export interface OpportunityStory {
  key: string;
  storeId: number | null;
  quoteId: number | null;
  createdOn: string;
  /** null until Salesforce confirmed the first write. */
  phase: OpportunityPhase | null;
  closedOn: string | null;
}

export interface WrittenPhase {
  key: string;
  phase: OpportunityPhase;
  closedOn: string | null;
  /** quote.updated_at written while a cart (expiry counts idleness from it); null otherwise. */
  cartUpdatedAt: string | null;
  opportunityId: string | null;
}

function toStory(row: mysql.RowDataPacket): OpportunityStory {
  return {
    key: String(row.salesforce_key),
    storeId: row.store_id === null ? null : Number(row.store_id),
    quoteId: row.quote_id === null ? null : Number(row.quote_id),
    createdOn: String(row.created_on),
    phase: row.phase === null ? null : (String(row.phase) as OpportunityPhase),
    closedOn: row.closed_on === null ? null : String(row.closed_on),
  };
}

export async function readOpportunityStories(pool: DatabasePool, keys: readonly string[]): Promise<Map<string, OpportunityStory>> {
  const stories = new Map<string, OpportunityStory>();
  if (keys.length === 0) return stories;
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT salesforce_key, store_id, quote_id, DATE_FORMAT(created_on, '%Y-%m-%d') AS created_on, phase,
            DATE_FORMAT(closed_on, '%Y-%m-%d') AS closed_on
       FROM forcebridge_opportunity WHERE salesforce_key IN (?)`,
    [[...new Set(keys)]],
  );
  for (const row of rows) stories.set(String(row.salesforce_key), toStory(row));
  return stories;
}

/**
 * The story of each key, writing down the day it began for keys seen for the first time BEFORE
 * anything is sent, so a crash after the send cannot make a re-sync move the close date.
 */
export async function reserveOpportunityStories(
  pool: DatabasePool,
  wanted: { key: string; storeId: number | null; quoteId: number | null; beganOn: string }[],
): Promise<Map<string, OpportunityStory>> {
  if (wanted.length === 0) return new Map();
  await pool.query(
    `INSERT INTO forcebridge_opportunity (salesforce_key, store_id, quote_id, created_on)
     VALUES ${wanted.map(() => '(?, ?, ?, ?)').join(', ')}
     ON DUPLICATE KEY UPDATE store_id = COALESCE(store_id, VALUES(store_id)), quote_id = COALESCE(quote_id, VALUES(quote_id))`,
    wanted.flatMap((w) => [w.key, w.storeId, w.quoteId, w.beganOn]),
  );
  return readOpportunityStories(pool, wanted.map((w) => w.key));
}

/** After Salesforce confirmed the writes: the phase each opportunity is now in (rows were reserved before the send). */
export async function recordPhases(pool: DatabasePool, written: WrittenPhase[]): Promise<void> {
  for (const chunk of chunked(written, 1000)) {
    // closed_on is assigned before phase: MariaDB applies the assignments in order, and a closed
    // day is kept while the phase stays the same.
    await pool.query(
      `INSERT INTO forcebridge_opportunity (salesforce_key, created_on, phase, closed_on, cart_updated_at, opportunity_id)
       VALUES ${chunk.map(() => '(?, UTC_DATE(), ?, ?, ?, ?)').join(', ')}
       ON DUPLICATE KEY UPDATE
         closed_on = IF(VALUES(closed_on) IS NULL, NULL, IF(phase <=> VALUES(phase), COALESCE(closed_on, VALUES(closed_on)), VALUES(closed_on))),
         phase = VALUES(phase),
         cart_updated_at = VALUES(cart_updated_at),
         opportunity_id = COALESCE(VALUES(opportunity_id), opportunity_id)`,
      chunk.flatMap((w) => [w.key, w.phase, w.closedOn, w.cartUpdatedAt ? toDatabaseTime(w.cartUpdatedAt) : null, w.opportunityId]),
    );
  }
}

/** Forgets what was written (the record was deleted in Salesforce): the next write sends every field. */
export async function forgetPhases(pool: DatabasePool, keys: string[]): Promise<void> {
  if (keys.length > 0) await pool.query('UPDATE forcebridge_opportunity SET phase = NULL WHERE salesforce_key IN (?)', [keys]);
}
