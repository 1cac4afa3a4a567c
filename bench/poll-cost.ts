// The cost of one automatic-sync poll (the change detector's queries) on a large store: milliseconds
// per poll, and EXPLAIN of every query the detector sent to Magento's tables, captured as it ran,
// so the plans shown are those of the real queries. Measured without and with the
// customer_entity.updated_at index that the Forcebridge_Connector module's db_schema.xml adds.
import type mysql from 'mysql2/promise';
import { migrate } from '../sidecar/db/migrations.js';
import type { DatabasePool } from '../sidecar/db/pool.js';
import { MagentoConfig } from '../sidecar/magento/config.js';
import { ChangeDetector, hasCustomerUpdatedAtIndex, type DetectorOptions } from '../sidecar/queue/change-detector.js';

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
  /** The statements that took the most time per poll, slowest first. */
  slowest: { sql: string; msPerPoll: number }[];
}

type QueryValues = Parameters<DatabasePool['query']>[1];

const AREA_SWITCHES = ['forcebridge/abandoned_cart/automatic_sync', 'forcebridge/order/automatic_sync', 'forcebridge/customer/automatic_sync'];

/** What the detector sent: the last parameters of each SELECT on Magento tables, and time per statement. */
interface Recording {
  selects: Map<string, QueryValues>;
  millisecondsBySql: Map<string, number>;
  /** Statement times count only while timed polls run, not during warm-up. */
  timing: boolean;
}

function compact(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}

function recordingPool(pool: DatabasePool, recording: Recording): DatabasePool {
  return new Proxy(pool, {
    get(target, property) {
      if (property === 'query') {
        return async (sql: string, values?: QueryValues) => {
          if (/^\s*SELECT/i.test(sql) && !/forcebridge_/.test(sql)) recording.selects.set(sql, values);
          const started = performance.now();
          try {
            return await target.query(sql, values);
          } finally {
            const key = compact(sql);
            if (recording.timing) recording.millisecondsBySql.set(key, (recording.millisecondsBySql.get(key) ?? 0) + performance.now() - started);
          }
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

/** Adds or drops the index as `bin/magento setup:upgrade` with or without the module would leave it. */
export async function setModuleCustomerIndex(pool: DatabasePool, present: boolean): Promise<void> {
  if ((await hasCustomerUpdatedAtIndex(pool)) === present) return;
  await pool.query(`ALTER TABLE customer_entity ${present ? 'ADD INDEX CUSTOMER_ENTITY_UPDATED_AT (updated_at)' : 'DROP INDEX CUSTOMER_ENTITY_UPDATED_AT'}`);
}

export async function measurePollCost(pool: DatabasePool, polls: number): Promise<PollCost> {
  await migrate(pool);
  for (const path of AREA_SWITCHES) {
    await pool.query("INSERT INTO core_config_data (scope, scope_id, path, value) VALUES ('default', 0, ?, '1') ON DUPLICATE KEY UPDATE value = '1'", [path]);
  }
  const recording: Recording = { selects: new Map(), millisecondsBySql: new Map(), timing: false };
  // At a 5 s poll the service reads the overlap window again every 30 s, one poll in six: time
  // `polls` polls in between and a sixth as many that re-read the window, as the service mixes them.
  const timed = async (options: DetectorOptions, count: number): Promise<number[]> => {
    const recorded = recordingPool(pool, recording);
    const config = new MagentoConfig(recorded);
    const detector = new ChangeDetector(recorded, config, options);
    await detector.detect(); // places the watermarks, as the service's first tick does
    await detector.detect(); // warms the buffer pool
    const timings: number[] = [];
    recording.timing = true;
    for (let poll = 0; poll < count; poll++) {
      // The configuration is read again by every poll, as in the service, whose 5 s cache has
      // expired by the next 5 s poll.
      config.invalidate();
      const started = performance.now();
      await detector.detect();
      timings.push(performance.now() - started);
    }
    recording.timing = false;
    return timings;
  };
  const timings = [...(await timed({}, polls)), ...(await timed({ overlapRereadSeconds: 0 }, Math.ceil(polls / 5)))];
  timings.sort((a, b) => a - b);
  const plans = [];
  for (const [sql, values] of recording.selects) {
    const [rows] = await pool.query<mysql.RowDataPacket[]>(`EXPLAIN ${sql}`, values);
    plans.push({
      sql: compact(sql),
      rows: rows.map((row) => ({ table: String(row.table), type: String(row.type), key: row.key === null ? null : String(row.key), rows: Number(row.rows), extra: String(row.Extra ?? '') })),
    });
  }
  const slowest = [...recording.millisecondsBySql]
    .map(([sql, ms]) => ({ sql, msPerPoll: ms / timings.length }))
    .sort((a, b) => b.msPerPoll - a.msPerPoll)
    .slice(0, 5);
  return { polls: timings.length, medianMs: percentile(timings, 0.5), p95Ms: percentile(timings, 0.95), plans, slowest };
}
