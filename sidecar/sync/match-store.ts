// forcebridge_match: one Contact per e-mail address and one Account per company name, whoever
// claimed it first. A row says which Magento_Key__c the record carries (ours to write), or that it
// carries another install's key (only referred to, by Id), or that sales made it without a key (to
// be adopted by the first person who claims it).
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import { chunked } from '../chunked.js';

export type MatchType = 'email' | 'company';

export interface MatchRow {
  type: MatchType;
  value: string;
  /** The key we write the record by; null when it is someone else's or not adopted yet. */
  salesforceKey: string | null;
  /** The other key the record carries (another Magento install's); we never overwrite it. */
  foreignKey: string | null;
  recordId: string | null;
  /** A Contact found in the org: its Account, which it keeps. */
  accountId: string | null;
  /** The person's own Account (under the Contact's key), once Forcebridge has written it. */
  ownAccountId: string | null;
}

/** What the org holds for a match value, as a query found it. */
export interface OrgRecord {
  value: string;
  id: string;
  key: string | null;
  accountId: string | null;
}

const rowKey = (type: MatchType, value: string) => `${type}|${value}`;

export async function readMatches(pool: DatabasePool, wanted: { type: MatchType; value: string }[]): Promise<Map<string, MatchRow>> {
  const rows = new Map<string, MatchRow>();
  for (const chunk of chunked(wanted, 1000)) {
    const [found] = await pool.query<mysql.RowDataPacket[]>(
      `SELECT match_type, match_value, salesforce_key, foreign_key, record_id, account_id, own_account_id FROM forcebridge_match
        WHERE (match_type, match_value) IN (${chunk.map(() => '(?, ?)').join(', ')})`,
      chunk.flatMap((w) => [w.type, w.value]),
    );
    for (const row of found) {
      const match: MatchRow = {
        type: row.match_type as MatchType,
        value: String(row.match_value),
        salesforceKey: row.salesforce_key === null ? null : String(row.salesforce_key),
        foreignKey: row.foreign_key === null ? null : String(row.foreign_key),
        recordId: row.record_id === null ? null : String(row.record_id),
        accountId: row.account_id === null ? null : String(row.account_id),
        ownAccountId: row.own_account_id === null ? null : String(row.own_account_id),
      };
      rows.set(rowKey(match.type, match.value.toLowerCase()), match);
    }
  }
  return rows;
}

export function matchOf(rows: Map<string, MatchRow>, type: MatchType, value: string): MatchRow | undefined {
  return rows.get(rowKey(type, value.toLowerCase()));
}

/**
 * Writes down what the org holds (a query or a whole-org scan found it) without replacing what is
 * already known. A record with one of our keys is ours to write; with another key, only referred to.
 */
export async function rememberOrgRecords(pool: DatabasePool, type: MatchType, records: OrgRecord[], isOurKey: (key: string) => boolean): Promise<void> {
  for (const chunk of chunked(records, 1000)) {
    await pool.query(
      `INSERT IGNORE INTO forcebridge_match (match_type, match_value, salesforce_key, foreign_key, record_id, account_id, matched_at)
       VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())').join(', ')}`,
      chunk.flatMap((r) => [type, r.value, r.key && isOurKey(r.key) ? r.key : null, r.key && !isOurKey(r.key) ? r.key : null, r.id, r.accountId]),
    );
  }
}

/** Claims values nobody holds yet for the given keys; the first claim wins (two sidecars, one e-mail). */
export async function claimNew(pool: DatabasePool, type: MatchType, claims: { value: string; key: string }[]): Promise<void> {
  for (const chunk of chunked(claims, 1000)) {
    await pool.query(
      `INSERT IGNORE INTO forcebridge_match (match_type, match_value, salesforce_key, matched_at)
       VALUES ${chunk.map(() => '(?, ?, ?, UTC_TIMESTAMP())').join(', ')}`,
      chunk.flatMap((c) => [type, c.value, c.key]),
    );
  }
}

/** Takes a record sales made without a key for `key`; false when someone else took it first. */
export async function claimForAdoption(pool: DatabasePool, type: MatchType, value: string, key: string): Promise<boolean> {
  const [result] = await pool.query<mysql.ResultSetHeader>(
    `UPDATE forcebridge_match SET salesforce_key = ? WHERE match_type = ? AND match_value = ? AND salesforce_key IS NULL AND foreign_key IS NULL`,
    [key, type, value],
  );
  return result.affectedRows === 1;
}

/** Gives a claim up (its record could not be adopted, or is gone): the next sync asks the org again. */
export async function dropMatches(pool: DatabasePool, type: MatchType, values: string[]): Promise<void> {
  if (values.length > 0) await pool.query('DELETE FROM forcebridge_match WHERE match_type = ? AND match_value IN (?)', [type, values]);
}

/** The column that says a written record exists: the matched record, or a person's own Account. */
export type WrittenRecord = 'record_id' | 'own_account_id';

/** The ids Salesforce gave, so later writes know the records exist. */
export async function recordMatchIds(pool: DatabasePool, type: MatchType, column: WrittenRecord, ids: { value: string; recordId: string }[]): Promise<void> {
  for (const chunk of chunked(ids, 1000)) {
    await pool.query(
      `UPDATE forcebridge_match SET ${column} = CASE match_value ${chunk.map(() => 'WHEN ? THEN ?').join(' ')} END
        WHERE ${column} IS NULL AND (match_type, match_value) IN (${chunk.map(() => '(?, ?)').join(', ')})`,
      [...chunk.flatMap((c) => [c.value, c.recordId]), ...chunk.flatMap((c) => [type, c.value])],
    );
  }
}

/** The records were deleted in Salesforce: the next write creates them again, in full. */
export async function forgetRecordIds(pool: DatabasePool, type: MatchType, column: WrittenRecord, values: string[]): Promise<void> {
  if (values.length > 0) await pool.query(`UPDATE forcebridge_match SET ${column} = NULL WHERE match_type = ? AND match_value IN (?) AND salesforce_key IS NOT NULL`, [type, values]);
}
