// Versioned migrations of the sidecar's own tables (forcebridge_*) in the Magento database. Each
// migration runs once, in order, under a named lock so that sidecars starting together take turns.
// Column types stay within what Magento's db_schema.xml can declare (no ENUM), so the module can
// declare the same tables. All DATETIME columns hold UTC.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from './pool.js';

export interface Migration {
  version: number;
  description: string;
  statements: string[];
}

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'link, queue, watermark, run log and sync event tables',
    statements: [
      `CREATE TABLE IF NOT EXISTS forcebridge_link (
        link_id int(10) unsigned NOT NULL AUTO_INCREMENT,
        entity_type varchar(16) NOT NULL COMMENT 'customer, quote, order or guest',
        entity_id varchar(255) NOT NULL COMMENT 'Magento entity id, or the lower-cased e-mail of a guest',
        store_id smallint(5) unsigned DEFAULT NULL,
        salesforce_key varchar(320) NOT NULL COMMENT 'Magento_Key__c value',
        account_id varchar(18) DEFAULT NULL,
        contact_id varchar(18) DEFAULT NULL,
        opportunity_id varchar(18) DEFAULT NULL,
        contact_role_id varchar(18) DEFAULT NULL,
        status varchar(16) NOT NULL COMMENT 'synced, error or skipped',
        error_code varchar(64) DEFAULT NULL,
        error_message text DEFAULT NULL COMMENT 'in words a merchant understands',
        first_synced_at datetime DEFAULT NULL,
        last_synced_at datetime DEFAULT NULL,
        last_attempt_at datetime DEFAULT NULL,
        opportunity_created_on date DEFAULT NULL COMMENT 'first creation day: close dates count from it',
        payload_hash char(64) DEFAULT NULL COMMENT 'sha256 of what was last sent',
        source_updated_at datetime DEFAULT NULL COMMENT 'updated_at of the Magento row version last synced',
        attempts int(10) unsigned NOT NULL DEFAULT 0,
        PRIMARY KEY (link_id),
        UNIQUE KEY FORCEBRIDGE_LINK_ENTITY_TYPE_ENTITY_ID (entity_type, entity_id),
        KEY FORCEBRIDGE_LINK_STATUS_ENTITY_TYPE (status, entity_type),
        KEY FORCEBRIDGE_LINK_SALESFORCE_KEY (salesforce_key)
      ) ${TABLE_OPTIONS} COMMENT='Magento entity to Salesforce record'`,
      `CREATE TABLE IF NOT EXISTS forcebridge_queue (
        queue_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
        entity_type varchar(16) NOT NULL COMMENT 'customer, quote or order',
        entity_id int(10) unsigned NOT NULL,
        priority smallint(5) unsigned NOT NULL DEFAULT 1 COMMENT '0 manual request, 1 automatic',
        enqueued_at datetime NOT NULL,
        available_at datetime NOT NULL COMMENT 'not leased before this (retry backoff)',
        attempts int(10) unsigned NOT NULL DEFAULT 0,
        lease_owner varchar(64) DEFAULT NULL,
        leased_until datetime DEFAULT NULL,
        version int(10) unsigned NOT NULL DEFAULT 1 COMMENT 'bumped by every enqueue of the same entity',
        last_error text DEFAULT NULL,
        PRIMARY KEY (queue_id),
        UNIQUE KEY FORCEBRIDGE_QUEUE_ENTITY_TYPE_ENTITY_ID (entity_type, entity_id),
        KEY FORCEBRIDGE_QUEUE_PRIORITY_ENQUEUED_AT (priority, enqueued_at)
      ) ${TABLE_OPTIONS} COMMENT='Magento entities waiting to be synced'`,
      `CREATE TABLE IF NOT EXISTS forcebridge_watermark (
        source varchar(64) NOT NULL,
        last_updated_at datetime DEFAULT NULL,
        last_id int(10) unsigned NOT NULL DEFAULT 0,
        cycle_started_at datetime DEFAULT NULL COMMENT 'for sweeps: when the current pass over the table began',
        updated_at datetime NOT NULL,
        PRIMARY KEY (source)
      ) ${TABLE_OPTIONS} COMMENT='Change detection position per Magento source'`,
      `CREATE TABLE IF NOT EXISTS forcebridge_run (
        run_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
        area varchar(16) NOT NULL,
        run_trigger varchar(16) NOT NULL COMMENT 'manual, auto or backfill',
        started_at datetime NOT NULL,
        finished_at datetime DEFAULT NULL,
        records int(10) unsigned NOT NULL DEFAULT 0,
        succeeded int(10) unsigned NOT NULL DEFAULT 0,
        failed int(10) unsigned NOT NULL DEFAULT 0,
        api_calls int(10) unsigned NOT NULL DEFAULT 0,
        note text DEFAULT NULL,
        PRIMARY KEY (run_id),
        KEY FORCEBRIDGE_RUN_STARTED_AT (started_at)
      ) ${TABLE_OPTIONS} COMMENT='Sync runs'`,
      `CREATE TABLE IF NOT EXISTS forcebridge_sync_event (
        event_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
        run_id bigint(20) unsigned DEFAULT NULL,
        occurred_at datetime NOT NULL,
        entity_type varchar(16) NOT NULL,
        entity_id varchar(255) NOT NULL,
        salesforce_object varchar(64) DEFAULT NULL,
        salesforce_id varchar(18) DEFAULT NULL,
        sent_payload mediumtext DEFAULT NULL COMMENT 'JSON of the fields sent',
        result varchar(16) NOT NULL COMMENT 'success, error or skipped',
        error_message text DEFAULT NULL,
        stage_before varchar(255) DEFAULT NULL,
        stage_after varchar(255) DEFAULT NULL,
        PRIMARY KEY (event_id),
        KEY FORCEBRIDGE_SYNC_EVENT_ENTITY_TYPE_ENTITY_ID_OCCURRED_AT (entity_type, entity_id, occurred_at),
        KEY FORCEBRIDGE_SYNC_EVENT_OCCURRED_AT (occurred_at)
      ) ${TABLE_OPTIONS} COMMENT='What each sync sent and what came back, per record'`,
    ],
  },
  {
    version: 2,
    description: 'opportunity story and person/company match tables; creation days move to the opportunity',
    statements: [
      `CREATE TABLE IF NOT EXISTS forcebridge_opportunity (
        salesforce_key varchar(320) NOT NULL COMMENT 'Magento_Key__c of the opportunity',
        store_id smallint(5) unsigned DEFAULT NULL,
        quote_id int(10) unsigned DEFAULT NULL COMMENT 'the cart it began as, if any',
        phase varchar(16) DEFAULT NULL COMMENT 'cart, open, won, lost or expired: the Magento event last written; NULL before the first write',
        created_on date NOT NULL COMMENT 'the day its Magento story began: close dates count from it',
        closed_on date DEFAULT NULL COMMENT 'the day it was won, lost or expired, written once',
        cart_updated_at datetime DEFAULT NULL COMMENT 'quote.updated_at last written while a cart, for expiry',
        opportunity_id varchar(18) DEFAULT NULL,
        PRIMARY KEY (salesforce_key),
        KEY FORCEBRIDGE_OPPORTUNITY_PHASE_CART_UPDATED_AT (phase, cart_updated_at)
      ) ${TABLE_OPTIONS} COMMENT='Each opportunity: its creation day, close day and the Magento event last written'`,
      `INSERT IGNORE INTO forcebridge_opportunity (salesforce_key, store_id, created_on, opportunity_id)
        SELECT salesforce_key, MAX(store_id), MIN(opportunity_created_on), MAX(opportunity_id) FROM forcebridge_link
         WHERE opportunity_created_on IS NOT NULL GROUP BY salesforce_key`,
      `ALTER TABLE forcebridge_link DROP COLUMN IF EXISTS opportunity_created_on`,
      `CREATE TABLE IF NOT EXISTS forcebridge_match (
        match_type varchar(16) NOT NULL COMMENT 'email (a Contact) or company (an Account)',
        match_value varchar(255) NOT NULL COMMENT 'lower-cased e-mail address or company name',
        salesforce_key varchar(320) DEFAULT NULL COMMENT 'Magento_Key__c we write it by; NULL while it is someone else''s or not adopted yet',
        foreign_key varchar(320) DEFAULT NULL COMMENT 'another install''s key the record carries: referred to by Id, never overwritten',
        record_id varchar(18) DEFAULT NULL COMMENT 'the Contact or Account, once known',
        account_id varchar(18) DEFAULT NULL COMMENT 'for a Contact found in the org: its Account',
        own_account_id varchar(18) DEFAULT NULL COMMENT 'the Account written under the Contact''s key for a person without a company, once written',
        matched_at datetime NOT NULL,
        PRIMARY KEY (match_type, match_value)
      ) ${TABLE_OPTIONS} COMMENT='One Contact per e-mail and one Account per company, whoever claimed it first'`,
    ],
  },
];

export const SCHEMA_VERSION_TABLE = 'forcebridge_schema_version';

const CREATE_VERSION_TABLE = `CREATE TABLE IF NOT EXISTS ${SCHEMA_VERSION_TABLE} (
  version int(10) unsigned NOT NULL,
  description varchar(255) NOT NULL,
  applied_at datetime NOT NULL,
  PRIMARY KEY (version)
) ${TABLE_OPTIONS} COMMENT='Applied Forcebridge migrations'`;

export class MigrationLockTimeout extends Error {
  constructor(seconds: number) {
    super(`Another Forcebridge sidecar kept the migration lock for more than ${seconds} s; start again once it is up.`);
    this.name = 'MigrationLockTimeout';
  }
}

/** Lock names are server-wide, so the database name is part of it (MySQL caps names at 64 characters). */
async function lockName(connection: mysql.PoolConnection): Promise<string> {
  const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT DATABASE() AS name');
  return `forcebridge_migrate:${String(rows[0]?.name)}`.slice(0, 64);
}

async function appliedVersions(connection: mysql.PoolConnection): Promise<Set<number>> {
  const [rows] = await connection.query<mysql.RowDataPacket[]>(`SELECT version FROM ${SCHEMA_VERSION_TABLE}`);
  return new Set(rows.map((row) => Number(row.version)));
}

/** Applies the migrations not applied yet; returns the versions it applied (empty when up to date). */
export async function migrate(
  pool: DatabasePool,
  migrations: readonly Migration[] = MIGRATIONS,
  lockTimeoutSeconds = 60,
): Promise<number[]> {
  const connection = await pool.getConnection();
  try {
    const name = await lockName(connection);
    const [locked] = await connection.query<mysql.RowDataPacket[]>('SELECT GET_LOCK(?, ?) AS acquired', [name, lockTimeoutSeconds]);
    if (Number(locked[0]?.acquired) !== 1) throw new MigrationLockTimeout(lockTimeoutSeconds);
    try {
      await connection.query(CREATE_VERSION_TABLE);
      const applied = await appliedVersions(connection);
      const pending = [...migrations].filter((migration) => !applied.has(migration.version)).sort((a, b) => a.version - b.version);
      for (const migration of pending) {
        // DDL commits on its own in MySQL, so statements are written to be safe to re-run after a crash.
        for (const statement of migration.statements) await connection.query(statement);
        await connection.query(`INSERT INTO ${SCHEMA_VERSION_TABLE} (version, description, applied_at) VALUES (?, ?, UTC_TIMESTAMP())`, [
          migration.version,
          migration.description,
        ]);
      }
      return pending.map((migration) => migration.version);
    } finally {
      await connection.query('SELECT RELEASE_LOCK(?)', [name]);
    }
  } finally {
    connection.release();
  }
}
