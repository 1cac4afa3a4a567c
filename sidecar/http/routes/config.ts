// Forcebridge's settings per scope (core_config_data). Each path belongs to a resource (its area's,
// else the configuration section's): a GET shows only the paths the caller's role grants, and a PUT
// naming any other path is refused whole. A PUT is checked as a whole — each value by its kind, and
// stages, contact roles, record types, the lead source and the record owner against the org — and
// written in one transaction only when every value is acceptable; the sync engine sees it at once.
import { Router } from 'express';
import type { Connection } from 'jsforce';
import { z } from 'zod';
import type { DatabasePool } from '../../db/pool.js';
import type { MagentoConfig } from '../../magento/config.js';
import { readConfigScopeView, type ConfigScopeView } from '../../magento/config-scope-view.js';
import { configChangeProblems, ConfigWriteError, writeConfigValues, type ConfigChanges, type ConfigScope } from '../../magento/config-writer.js';
import { orgValueProblems } from '../../salesforce/config-org-check.js';
import type { SyncEngine } from '../../sync/sync-engine.js';
import { grantsOf } from '../auth/access-guard.js';
import { notAllowed, settingResource, titleOf, type Grants } from '../auth/permissions.js';
import { HttpError, type FieldProblem } from '../errors.js';
import { parseInput, wholeNumberText } from '../validation.js';

const SCOPES = ['default', 'websites', 'stores'] as const;
const scopeSchema = z.enum(SCOPES, { error: 'must be default, websites or stores' });
const MAX_SCOPE_ID = 65535;

const querySchema = z.strictObject({
  scope: scopeSchema.default('default'),
  scopeId: wholeNumberText(0, MAX_SCOPE_ID).default(0),
});

const putSchema = z.strictObject({
  scope: scopeSchema,
  scopeId: z.int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' }).max(MAX_SCOPE_ID, { error: `must be at most ${MAX_SCOPE_ID}` }),
  values: z
    .record(
      z.string().regex(/^forcebridge\/[a-z0-9_/]{1,200}$/, { error: 'is not a Forcebridge setting path' }),
      z.union([z.string().max(255, { error: 'must be at most 255 characters' }), z.null()], { error: 'must be a text value, or null to use the parent scope' }),
    )
    .refine((values) => Object.keys(values).length <= 300, { error: 'holds more than 300 settings' }),
});

interface ConfigRouteParts {
  pool: DatabasePool;
  config: MagentoConfig;
  engine: SyncEngine;
  /** For looking up the record owner a PUT names. */
  connection: Connection;
}

/** Problems of values naming something in the org; the org is read again once before refusing. */
async function orgProblems(engine: SyncEngine, connection: Connection, changes: ConfigChanges): Promise<FieldProblem[]> {
  const check = async () => orgValueProblems(await engine.orgProfile(), connection, changes);
  const problems = await check();
  if (problems.length === 0) return problems;
  // The admin may have just added the stage or activated the user in Salesforce: look again before saying no.
  engine.forgetOrgProfile();
  return check();
}

/** The settings at a scope, only the paths the grants cover. */
async function scopeView(pool: DatabasePool, scope: ConfigScope, scopeId: number, grants: Grants) {
  let view: ConfigScopeView;
  try {
    view = await readConfigScopeView(pool, scope, scopeId);
  } catch (error) {
    if (error instanceof ConfigWriteError) throw new HttpError(400, 'The scope is not valid.', error.details);
    throw error;
  }
  return { ...view, values: Object.fromEntries(Object.entries(view.values).filter(([path]) => grants.has(settingResource(path)))) };
}

/** Refuses (403, changing nothing) a PUT naming any path whose resource the grants lack. */
function refuseUngranted(paths: string[], grants: Grants): void {
  const refused = paths.filter((path) => !grants.has(settingResource(path)));
  if (refused.length === 0) return;
  const more = refused.length > 1 ? ` and ${refused.length - 1} more settings` : '';
  throw new HttpError(
    403,
    `${notAllowed([...new Set(refused.map(settingResource))])}, so ${refused[0]}${more} cannot be changed; nothing was saved.`,
    refused.map((path) => ({ field: path, problem: `needs ${titleOf(settingResource(path))}, which your Magento role does not allow` })),
  );
}

export function configRoutes(parts: ConfigRouteParts): Router {
  const { pool, config, engine, connection } = parts;
  const router = Router();

  router.get('/api/config', async (req, res) => {
    const { scope, scopeId } = parseInput(querySchema, req.query, 'query');
    res.json(await scopeView(pool, scope, scopeId, grantsOf(res)));
  });

  router.put('/api/config', async (req, res) => {
    const { scope, scopeId, values } = parseInput(putSchema, req.body, 'request body');
    const grants = grantsOf(res);
    refuseUngranted(Object.keys(values), grants);
    const problems = await configChangeProblems(pool, scope, scopeId, values);
    const checkedPaths = new Set(problems.map((problem) => problem.field));
    const remaining = Object.fromEntries(Object.entries(values).filter(([path]) => !checkedPaths.has(path)));
    problems.push(...(await orgProblems(engine, connection, remaining)));
    if (problems.length > 0) throw new HttpError(400, 'Some settings were refused; nothing was saved.', problems);
    await writeConfigValues(pool, scope, scopeId, values);
    config.invalidate();
    res.json(await scopeView(pool, scope, scopeId, grants));
  });

  return router;
}
