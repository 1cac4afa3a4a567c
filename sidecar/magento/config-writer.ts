// Writes Forcebridge's settings where Magento keeps them (core_config_data), for the admin API.
// This is the one place the sidecar writes into a Magento table. Input is checked first; a bad
// path, value or scope is refused with a clear message and nothing is written. Stage, role and
// record type names are checked against the org elsewhere (doctor), not here.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import { definitionOf, ORDER_STATUS_MAP_PREFIX, valueProblem } from './config-paths.js';

export type ConfigScope = 'default' | 'websites' | 'stores';

export interface ConfigLocation {
  path: string;
  scope: ConfigScope;
  scopeId: number;
}

export class ConfigWriteError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ConfigWriteError';
  }
}

async function exists(pool: DatabasePool, sql: string, value: string | number): Promise<boolean> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(sql, [value]);
  return rows.length > 0;
}

async function scopeProblem(pool: DatabasePool, scope: ConfigScope, scopeId: number): Promise<string | undefined> {
  if (!Number.isInteger(scopeId)) return 'scope id must be a whole number';
  switch (scope) {
    case 'default':
      return scopeId === 0 ? undefined : 'the default scope has scope id 0';
    case 'websites':
      return scopeId > 0 && (await exists(pool, 'SELECT website_id FROM store_website WHERE website_id = ?', scopeId))
        ? undefined
        : `website ${scopeId} does not exist`;
    case 'stores':
      return scopeId > 0 && (await exists(pool, 'SELECT store_id FROM store WHERE store_id = ?', scopeId))
        ? undefined
        : `store view ${scopeId} does not exist`;
    default:
      return 'scope must be default, websites or stores';
  }
}

async function locationProblems(pool: DatabasePool, location: ConfigLocation): Promise<string[]> {
  const problems: string[] = [];
  if (!definitionOf(location.path)) {
    problems.push(`"${location.path}" is not a Forcebridge setting`);
  } else if (location.path.startsWith(ORDER_STATUS_MAP_PREFIX)) {
    const status = location.path.slice(ORDER_STATUS_MAP_PREFIX.length);
    if (!(await exists(pool, 'SELECT status FROM sales_order_status WHERE status = ?', status))) {
      problems.push(`Magento has no order status "${status}"`);
    }
  }
  const scope = await scopeProblem(pool, location.scope, location.scopeId);
  if (scope) problems.push(scope);
  return problems;
}

/** Stores `value` for the path at the scope; throws ConfigWriteError (writing nothing) on bad input. */
export async function setConfigValue(pool: DatabasePool, location: ConfigLocation, value: string): Promise<void> {
  const problems = await locationProblems(pool, location);
  const definition = definitionOf(location.path);
  const valueIssue = definition ? valueProblem(definition, value) : undefined;
  if (valueIssue) problems.push(`${location.path} ${valueIssue}`);
  if (problems.length > 0) throw new ConfigWriteError(problems);
  await pool.query(
    `INSERT INTO core_config_data (scope, scope_id, path, value) VALUES (?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE value = VALUES(value)`,
    [location.scope, location.scopeId, location.path, value],
  );
}

/** Removes the value stored at the scope, so the scope inherits again ("Use Default"/"Use Website"). */
export async function removeConfigValue(pool: DatabasePool, location: ConfigLocation): Promise<void> {
  const problems = await locationProblems(pool, location);
  if (problems.length > 0) throw new ConfigWriteError(problems);
  await pool.query('DELETE FROM core_config_data WHERE scope = ? AND scope_id = ? AND path = ?', [location.scope, location.scopeId, location.path]);
}
