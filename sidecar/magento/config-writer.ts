// Writes Forcebridge's settings where Magento keeps them (core_config_data), for the admin API.
// This is the one place the sidecar writes into a Magento table. Input is checked first; a bad
// path, value or scope is refused with a clear message and nothing is written. Stage, role and
// record type names are checked against the org elsewhere (doctor, the HTTP API), not here.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import { definitionOf, ORDER_STATUS_MAP_PREFIX, valueProblem } from './config-paths.js';

export type ConfigScope = 'default' | 'websites' | 'stores';

export interface ConfigLocation {
  path: string;
  scope: ConfigScope;
  scopeId: number;
}

/** One problem with one input: the setting's path, or "scope"/"scopeId". */
export interface ConfigFieldProblem {
  field: string;
  problem: string;
}

export class ConfigWriteError extends Error {
  constructor(
    readonly problems: string[],
    readonly details: ConfigFieldProblem[] = [],
  ) {
    super(problems.join('; '));
    this.name = 'ConfigWriteError';
  }
}

const STORE_VALUE = 'INSERT INTO core_config_data (scope, scope_id, path, value) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value)';
const REMOVE_VALUE = 'DELETE FROM core_config_data WHERE scope = ? AND scope_id = ? AND path = ?';

async function exists(pool: DatabasePool, sql: string, value: string | number): Promise<boolean> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(sql, [value]);
  return rows.length > 0;
}

export async function scopeProblem(pool: DatabasePool, scope: ConfigScope, scopeId: number): Promise<string | undefined> {
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

async function pathProblem(pool: DatabasePool, path: string): Promise<string | undefined> {
  if (!definitionOf(path)) return `"${path}" is not a Forcebridge setting`;
  if (path.startsWith(ORDER_STATUS_MAP_PREFIX)) {
    const status = path.slice(ORDER_STATUS_MAP_PREFIX.length);
    if (!(await exists(pool, 'SELECT status FROM sales_order_status WHERE status = ?', status))) return `Magento has no order status "${status}"`;
  }
  return undefined;
}

async function locationProblems(pool: DatabasePool, location: ConfigLocation): Promise<string[]> {
  const problems: string[] = [];
  const path = await pathProblem(pool, location.path);
  if (path) problems.push(path);
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
  await pool.query(STORE_VALUE, [location.scope, location.scopeId, location.path, value]);
}

/** Removes the value stored at the scope, so the scope inherits again ("Use Default"/"Use Website"). */
export async function removeConfigValue(pool: DatabasePool, location: ConfigLocation): Promise<void> {
  const problems = await locationProblems(pool, location);
  if (problems.length > 0) throw new ConfigWriteError(problems);
  await pool.query(REMOVE_VALUE, [location.scope, location.scopeId, location.path]);
}

/** New values per path; null removes the scope's own value so it inherits again. */
export type ConfigChanges = Record<string, string | null>;

/** Every problem with a set of changes at one scope, per field; empty when all can be written. */
export async function configChangeProblems(pool: DatabasePool, scope: ConfigScope, scopeId: number, changes: ConfigChanges): Promise<ConfigFieldProblem[]> {
  const details: ConfigFieldProblem[] = [];
  const scopeIssue = await scopeProblem(pool, scope, scopeId);
  if (scopeIssue) details.push({ field: 'scopeId', problem: scopeIssue });
  for (const [path, value] of Object.entries(changes)) {
    const definition = definitionOf(path);
    const issue = (await pathProblem(pool, path)) ?? (definition && value !== null ? valueProblem(definition, value) : undefined);
    if (issue) details.push({ field: path, problem: issue });
  }
  return details;
}

/** Writes all the changes in one transaction, or none of them (ConfigWriteError) when any is bad. */
export async function writeConfigValues(pool: DatabasePool, scope: ConfigScope, scopeId: number, changes: ConfigChanges): Promise<void> {
  const details = await configChangeProblems(pool, scope, scopeId, changes);
  if (details.length > 0) throw new ConfigWriteError(details.map((detail) => `${detail.field}: ${detail.problem}`), details);
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    for (const [path, value] of Object.entries(changes)) {
      await connection.query(value === null ? REMOVE_VALUE : STORE_VALUE, value === null ? [scope, scopeId, path] : [scope, scopeId, path, value]);
    }
    await connection.commit();
  } catch (error) {
    await connection.rollback();
    throw error;
  } finally {
    connection.release();
  }
}
