// The work queue (forcebridge_queue): one row per Magento entity waiting to be synced. Several
// sidecars share it: leases are taken with SELECT ... FOR UPDATE SKIP LOCKED, and a lease that its
// owner never completes (a crash) simply expires. Manual requests go before automatic ones.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type mysql from 'mysql2/promise';
import type { QueuedEntityType } from '../magento/records.js';
import type { DatabasePool } from '../db/pool.js';

export interface QueueKey {
  entityType: QueuedEntityType;
  entityId: number;
}

export interface LeasedEntry extends QueueKey {
  queueId: number;
  /** Which enqueue this lease saw; a newer enqueue during the lease keeps the entry queued. */
  version: number;
  /** Leases taken so far, this one included. */
  attempts: number;
  manual: boolean;
  enqueuedAt: string;
}

export interface LeaseRequest {
  owner: string;
  limit: number;
  leaseSeconds: number;
  /** Only these entity types; all when left out. */
  entityTypes?: readonly QueuedEntityType[];
}

const MANUAL_PRIORITY = 0;
const AUTOMATIC_PRIORITY = 1;
const ENQUEUE_CHUNK = 500;
const RETRY_BASE_SECONDS = 30;
const RETRY_MAX_SECONDS = 3600;

/** A lease owner name unique to this process: host, pid and a random part. */
export function newLeaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`.slice(-64);
}

/** Seconds before the next try after `attempts` failed leases: 30 s doubling, at most an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(RETRY_MAX_SECONDS, RETRY_BASE_SECONDS * 2 ** Math.max(0, attempts - 1));
}

/**
 * Queues entities (each once: a queued entity is not queued twice). A manual request moves an
 * entity to the front and clears its retry backoff; an automatic one leaves both as they are.
 */
export async function enqueue(pool: DatabasePool, keys: readonly QueueKey[], options: { manual: boolean }): Promise<void> {
  const priority = options.manual ? MANUAL_PRIORITY : AUTOMATIC_PRIORITY;
  for (let start = 0; start < keys.length; start += ENQUEUE_CHUNK) {
    const chunk = keys.slice(start, start + ENQUEUE_CHUNK);
    // ON DUPLICATE KEY UPDATE assigns left to right, so priority changes last.
    await pool.query(
      `INSERT INTO forcebridge_queue (entity_type, entity_id, priority, enqueued_at, available_at)
       VALUES ${chunk.map(() => '(?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())').join(', ')}
       ON DUPLICATE KEY UPDATE
         version = version + 1,
         available_at = IF(VALUES(priority) = ${MANUAL_PRIORITY}, UTC_TIMESTAMP(), available_at),
         attempts = IF(VALUES(priority) = ${MANUAL_PRIORITY}, 0, attempts),
         priority = LEAST(priority, VALUES(priority))`,
      chunk.flatMap((key) => [key.entityType, key.entityId, priority]),
    );
  }
}

/** Leases up to `limit` entries no other live lease holds: manual ones first, then the oldest. */
export async function lease(pool: DatabasePool, request: LeaseRequest): Promise<LeasedEntry[]> {
  if (request.limit <= 0 || request.entityTypes?.length === 0) return [];
  const typeFilter = request.entityTypes ? 'AND entity_type IN (?)' : '';
  const connection = await pool.getConnection();
  try {
    // READ COMMITTED: the scan locks only the rows it returns, not every row it looked at.
    await connection.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
    await connection.beginTransaction();
    const [rows] = await connection.query<mysql.RowDataPacket[]>(
      // FORCE INDEX: on a small queue the optimizer prefers a scan and a filesort, which locks every
      // ready row, and SKIP LOCKED then hands the other sidecars nothing; in index order only the
      // rows returned are locked.
      `SELECT queue_id, entity_type, entity_id, version, attempts, priority, enqueued_at
         FROM forcebridge_queue FORCE INDEX (FORCEBRIDGE_QUEUE_PRIORITY_ENQUEUED_AT)
        WHERE available_at <= UTC_TIMESTAMP()
          AND (leased_until IS NULL OR leased_until <= UTC_TIMESTAMP())
          ${typeFilter}
        ORDER BY priority, enqueued_at, queue_id
        LIMIT ?
        FOR UPDATE SKIP LOCKED`,
      request.entityTypes ? [request.entityTypes, request.limit] : [request.limit],
    );
    if (rows.length > 0) {
      await connection.query(
        `UPDATE forcebridge_queue
            SET lease_owner = ?, leased_until = UTC_TIMESTAMP() + INTERVAL ? SECOND, attempts = attempts + 1
          WHERE queue_id IN (?)`,
        [request.owner, request.leaseSeconds, rows.map((row) => row.queue_id)],
      );
    }
    await connection.commit();
    return rows.map((row) => ({
      queueId: Number(row.queue_id),
      entityType: row.entity_type as QueuedEntityType,
      entityId: Number(row.entity_id),
      version: Number(row.version),
      attempts: Number(row.attempts) + 1,
      manual: Number(row.priority) === MANUAL_PRIORITY,
      enqueuedAt: String(row.enqueued_at),
    }));
  } catch (error) {
    await connection.rollback();
    throw error;
  } finally {
    connection.release();
  }
}

/** Removes the entries that did not change while leased; the others stay queued, ready again. */
async function removeUnchanged(pool: DatabasePool, owner: string, entries: readonly LeasedEntry[]): Promise<void> {
  await pool.query(
    `DELETE FROM forcebridge_queue
      WHERE queue_id IN (?) AND lease_owner = ? AND (queue_id, version) IN (${entries.map(() => '(?, ?)').join(', ')})`,
    [entries.map((entry) => entry.queueId), owner, ...entries.flatMap((entry) => [entry.queueId, entry.version])],
  );
}

/** Ends the lease on what is left of `entries`, setting the given columns too. */
async function endLease(pool: DatabasePool, owner: string, entries: readonly LeasedEntry[], assignments = '', values: unknown[] = []): Promise<void> {
  await pool.query(
    `UPDATE forcebridge_queue SET lease_owner = NULL, leased_until = NULL${assignments}
      WHERE queue_id IN (?) AND lease_owner = ?`,
    [...values, entries.map((entry) => entry.queueId), owner],
  );
}

/** The entries were synced. Entries changed again meanwhile are kept (with a fresh attempt count). */
export async function complete(pool: DatabasePool, owner: string, entries: readonly LeasedEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await removeUnchanged(pool, owner, entries);
  await endLease(pool, owner, entries, ', attempts = 0, last_error = NULL');
}

/**
 * The entries failed. Retryable failures come back after an exponential backoff; the others leave
 * the queue (the link table keeps the error) until the record changes or someone asks again.
 */
export async function fail(
  pool: DatabasePool,
  owner: string,
  entries: readonly LeasedEntry[],
  error: string,
  retryable: boolean,
): Promise<void> {
  if (entries.length === 0) return;
  if (!retryable) {
    await removeUnchanged(pool, owner, entries);
    await endLease(pool, owner, entries, ', last_error = ?', [error]);
    return;
  }
  await endLease(
    pool,
    owner,
    entries,
    `, last_error = ?, available_at = UTC_TIMESTAMP() + INTERVAL LEAST(${RETRY_MAX_SECONDS}, ${RETRY_BASE_SECONDS} * POW(2, GREATEST(attempts, 1) - 1)) SECOND`,
    [error],
  );
}

/** Gives leased entries back untried (e.g. on shutdown): ready at once, the attempt not counted. */
export async function release(pool: DatabasePool, owner: string, entries: readonly LeasedEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await endLease(pool, owner, entries, ', attempts = GREATEST(attempts, 1) - 1');
}

export interface QueueDepth {
  total: number;
  manual: number;
  /** Ready to be leased now. */
  ready: number;
  leased: number;
  /** Waiting for their retry backoff to pass. */
  waitingToRetry: number;
  /** Entries that failed at least once. */
  failing: number;
  oldestEnqueuedAt: string | null;
}

export interface QueueStatistics extends QueueDepth {
  byEntityType: Partial<Record<QueuedEntityType, QueueDepth>>;
}

function depthOf(row: mysql.RowDataPacket): QueueDepth {
  return {
    total: Number(row.total ?? 0),
    manual: Number(row.manual ?? 0),
    ready: Number(row.ready ?? 0),
    leased: Number(row.leased ?? 0),
    waitingToRetry: Number(row.waiting_to_retry ?? 0),
    failing: Number(row.failing ?? 0),
    oldestEnqueuedAt: row.oldest_enqueued_at === null ? null : String(row.oldest_enqueued_at),
  };
}

/** Queue depth for `status`, in total and per entity type. */
export async function queueStatistics(pool: DatabasePool): Promise<QueueStatistics> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT entity_type,
            COUNT(*) AS total,
            SUM(priority = ${MANUAL_PRIORITY}) AS manual,
            SUM(is_leased = 0 AND available_at <= now_utc) AS ready,
            SUM(is_leased) AS leased,
            SUM(is_leased = 0 AND available_at > now_utc) AS waiting_to_retry,
            SUM(last_error IS NOT NULL) AS failing,
            MIN(enqueued_at) AS oldest_enqueued_at
       FROM (SELECT q.*, COALESCE(q.leased_until > n.now_utc, 0) AS is_leased, n.now_utc
               FROM forcebridge_queue q CROSS JOIN (SELECT UTC_TIMESTAMP() AS now_utc) n) counted
      GROUP BY entity_type WITH ROLLUP`,
  );
  const byEntityType: QueueStatistics['byEntityType'] = {};
  let totals: QueueDepth = depthOf({ oldest_enqueued_at: null } as mysql.RowDataPacket);
  for (const row of rows) {
    if (row.entity_type === null) totals = depthOf(row);
    else byEntityType[row.entity_type as QueuedEntityType] = depthOf(row);
  }
  return { ...totals, byEntityType };
}
