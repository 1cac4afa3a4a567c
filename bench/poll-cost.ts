// The cost of one automatic-sync poll (the change detector's queries) on a large store, with no
// changes waiting: milliseconds per poll, and EXPLAIN of every query the detector sent to
// Magento's tables, captured as it ran, so the plans shown are those of the real queries.
import type mysql from 'mysql2/promise';
import { migrate } from '../sidecar/db/migrations.js';
import type { DatabasePool } from '../sidecar/db/pool.js';
import { MagentoConfig } from '../sidecar/magento/config.js';
import { ChangeDetector } from '../sidecar/queue/change-detector.js';

export interface PlanRow {
  table: string;
  type: string;
  key: string | null;
  rows: number;
  extra: string;
}

export interface PollCost {
  polls: number;
  medianMs: number;
  p95Ms: number;
  plans: { sql: string; rows: PlanRow[] }[];
}

type QueryValues = Parameters<DatabasePool['query']>[1];

const AREA_SWITCHES = ['forcebridge/abandoned_cart/automatic_sync', 'forcebridge/order/automatic_sync', 'forcebridge/customer/automatic_sync'];

/** The pool, with every SELECT sent through it written down (the last parameters of each query text). */
function recordingPool(pool: DatabasePool, selects: Map<string, QueryValues>): DatabasePool {
  return new Proxy(pool, {
    get(target, property) {
      if (property === 'query') {
        return (sql: string, values?: QueryValues) => {
          if (/^\s*SELECT/i.test(sql) && !/forcebridge_/.test(sql)) selects.set(sql, values);
          return target.query(sql, values);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

export async function measurePollCost(pool: DatabasePool, polls: number): Promise<PollCost> {
  await migrate(pool);
  for (const path of AREA_SWITCHES) {
    await pool.query("INSERT INTO core_config_data (scope, scope_id, path, value) VALUES ('default', 0, ?, '1') ON DUPLICATE KEY UPDATE value = '1'", [path]);
  }
  const selects = new Map<string, QueryValues>();
  const detector = new ChangeDetector(recordingPool(pool, selects), new MagentoConfig(pool));
  await detector.detect(); // places the watermarks, as the service's first tick does
  await detector.detect(); // warms the configuration cache and the buffer pool
  const timings: number[] = [];
  for (let poll = 0; poll < polls; poll++) {
    const started = performance.now();
    await detector.detect();
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  const plans = [];
  for (const [sql, values] of selects) {
    const [rows] = await pool.query<mysql.RowDataPacket[]>(`EXPLAIN ${sql}`, values);
    plans.push({
      sql: sql.replace(/\s+/g, ' ').trim(),
      rows: rows.map((row) => ({ table: String(row.table), type: String(row.type), key: row.key === null ? null : String(row.key), rows: Number(row.rows), extra: String(row.Extra ?? '') })),
    });
  }
  return { polls, medianMs: percentile(timings, 0.5), p95Ms: percentile(timings, 0.95), plans };
}
