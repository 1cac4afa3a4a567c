// Forcebridge's settings as the admin sees them at one scope: for every path the value in effect
// there, whether it is inherited (from the website, the default scope or the built-in default) and
// the built-in default. Includes one status-map entry per Magento order status.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import { ALL_DEFINITIONS, DEFAULT_ORDER_STATUS_MAP, ORDER_STATUS_MAP_PREFIX } from './config-paths.js';
import { ConfigWriteError, scopeProblem, type ConfigScope } from './config-writer.js';

export interface ScopedValue {
  value: string;
  inherited: boolean;
  default: string;
}

export interface OrderStatus {
  code: string;
  label: string;
}

export interface ConfigScopeView {
  scope: ConfigScope;
  scopeId: number;
  values: Record<string, ScopedValue>;
  statuses: OrderStatus[];
}

const FORCEBRIDGE_DEFINITIONS = ALL_DEFINITIONS.filter((definition) => definition.path.startsWith('forcebridge/'));
const SCOPE_DEPTH: Record<ConfigScope, number> = { default: 0, websites: 1, stores: 2 };

export async function listOrderStatuses(pool: DatabasePool): Promise<OrderStatus[]> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>('SELECT status, label FROM sales_order_status ORDER BY status');
  return rows.map((row) => ({ code: String(row.status), label: String(row.label) }));
}

/** The scopes a value at `scope` inherits from, most specific first, including itself. */
async function scopeChain(pool: DatabasePool, scope: ConfigScope, scopeId: number): Promise<{ scope: ConfigScope; scopeId: number }[]> {
  const chain: { scope: ConfigScope; scopeId: number }[] = [{ scope, scopeId }];
  if (scope === 'stores') {
    const [rows] = await pool.query<mysql.RowDataPacket[]>('SELECT website_id FROM store WHERE store_id = ?', [scopeId]);
    chain.push({ scope: 'websites', scopeId: Number(rows[0]?.website_id) });
  }
  if (scope !== 'default') chain.push({ scope: 'default', scopeId: 0 });
  return chain;
}

/** Throws ConfigWriteError (field scopeId) for a website or store view that does not exist. */
export async function readConfigScopeView(pool: DatabasePool, scope: ConfigScope, scopeId: number): Promise<ConfigScopeView> {
  const problem = await scopeProblem(pool, scope, scopeId);
  if (problem) throw new ConfigWriteError([problem], [{ field: 'scopeId', problem }]);
  const chain = await scopeChain(pool, scope, scopeId);
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT scope, scope_id, path, value FROM core_config_data
      WHERE (scope, scope_id) IN (${chain.map(() => '(?, ?)').join(', ')}) AND path LIKE 'forcebridge/%' AND value IS NOT NULL`,
    chain.flatMap((link) => [link.scope, link.scopeId]),
  );
  // The most specific stored row per path wins, as Magento resolves it.
  const stored = new Map<string, { value: string; depth: number }>();
  for (const row of rows) {
    const depth = SCOPE_DEPTH[row.scope as ConfigScope];
    const current = stored.get(String(row.path));
    if (!current || depth > current.depth) stored.set(String(row.path), { value: String(row.value), depth });
  }
  const statuses = await listOrderStatuses(pool);
  const defaults: [string, string][] = [
    ...FORCEBRIDGE_DEFINITIONS.map((definition): [string, string] => [definition.path, definition.defaultValue]),
    ...statuses.map((status): [string, string] => [`${ORDER_STATUS_MAP_PREFIX}${status.code}`, DEFAULT_ORDER_STATUS_MAP[status.code] ?? '']),
  ];
  const values: Record<string, ScopedValue> = {};
  for (const [path, fallback] of defaults) {
    const row = stored.get(path);
    values[path] = { value: row ? row.value : fallback, inherited: row?.depth !== SCOPE_DEPTH[scope], default: fallback };
  }
  return { scope, scopeId, values, statuses };
}
