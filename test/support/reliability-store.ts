// Stores for the reliability suite: a generated sample store (customers, carts at every stage,
// orders in every state) with settings that make every record syncable at once and contact roles
// on (the only Salesforce records without an external ID, so the only ones a bug could double).
import type mysql from 'mysql2/promise';
import { enqueueEverything } from '../../sidecar/queue/backfill.js';
import { enqueue } from '../../sidecar/queue/queue.js';
import { generateStore } from '../../sample-store/generator/generate-store.js';
import { setConfigRow } from './magento-rows.js';

const RELIABILITY_SEED = 6;
/** The sidecar's own tables that hold sync state (not the schema version). */
const SIDECAR_STATE_TABLES = ['forcebridge_link', 'forcebridge_queue', 'forcebridge_watermark', 'forcebridge_run', 'forcebridge_sync_event', 'forcebridge_opportunity', 'forcebridge_match'];

export async function fillReliabilityStore(pool: mysql.Pool, databaseUrl: string, orders: number): Promise<void> {
  await generateStore(databaseUrl, { orders, seed: RELIABILITY_SEED });
  await setConfigRow(pool, 'default', 0, 'forcebridge/abandoned_cart/idle_minutes', '0');
  await setConfigRow(pool, 'default', 0, 'forcebridge/abandoned_cart/enable_contact_roles', '1');
  await setConfigRow(pool, 'default', 0, 'forcebridge/order/enable_contact_roles', '1');
}

/**
 * Queues what `forcebridge backfill` queues, plus every converted cart: a cart and its order share
 * one opportunity, so two workers taking one each is the race contact roles must survive.
 */
export async function queueWholeStore(pool: mysql.Pool): Promise<number> {
  const backfill = await enqueueEverything(pool);
  const [converted] = await pool.query<mysql.RowDataPacket[]>('SELECT DISTINCT quote_id FROM sales_order WHERE quote_id IS NOT NULL');
  await enqueue(pool, converted.map((row) => ({ entityType: 'quote' as const, entityId: Number(row.quote_id) })), { manual: false });
  const [rows] = await pool.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS queued FROM forcebridge_queue');
  return Number(rows[0]?.queued ?? backfill.order);
}

/** Forgets every sync (links, queue, watermarks, runs, events), as on a fresh install. */
export async function forgetSidecarState(pool: mysql.Pool): Promise<void> {
  for (const table of SIDECAR_STATE_TABLES) await pool.query(`DELETE FROM ${table}`);
}

export async function queueDepth(pool: mysql.Pool): Promise<number> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS depth FROM forcebridge_queue');
  return Number(rows[0]?.depth ?? 0);
}
