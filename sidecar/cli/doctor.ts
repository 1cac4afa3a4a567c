// `forcebridge doctor`: one line per thing that must be right, each with the fix when it is not.
import type { Connection } from 'jsforce';
import type { DatabasePool } from '../db/pool.js';
import { MagentoConfig, type StoreConfig } from '../magento/config.js';
import { listStoreViews } from '../magento/stores.js';
import { missingFields } from '../salesforce/org-setup.js';
import { hasCustomerUpdatedAtIndex } from '../queue/change-detector.js';
import { findUndatedRows, ZERO_DATE } from '../queue/undated-rows.js';
import { OrgProfile } from '../salesforce/org-profile.js';

export interface Check {
  ok: boolean;
  name: string;
  detail: string;
  fix?: string;
}

const MAGENTO_TABLES_READ = [
  'store', 'core_config_data', 'customer_entity', 'customer_address_entity', 'quote', 'quote_address', 'quote_item',
  'sales_order', 'sales_invoice', 'sales_shipment', 'sales_creditmemo', 'admin_user',
];

async function attempt(name: string, check: () => Promise<Omit<Check, 'name'>>): Promise<Check> {
  try {
    return { name, ...(await check()) };
  } catch (error) {
    return { name, ok: false, detail: (error as Error).message };
  }
}

export async function databaseChecks(pool: DatabasePool): Promise<Check[]> {
  return [
    await attempt('Magento tables', async () => {
      const refused: string[] = [];
      for (const table of MAGENTO_TABLES_READ) await pool.query(`SELECT 1 FROM \`${table}\` LIMIT 0`).catch(() => refused.push(table));
      return refused.length === 0
        ? { ok: true, detail: `can read the ${MAGENTO_TABLES_READ.length} Magento tables it needs` }
        : { ok: false, detail: `cannot read ${refused.join(', ')}`, fix: `GRANT SELECT ON <magento_db>.* TO the sidecar's MySQL user` };
    }),
    await attempt('Customer changes', async () =>
      (await hasCustomerUpdatedAtIndex(pool))
        ? { ok: true, detail: 'found through the customer_entity.updated_at index' }
        : { ok: true, detail: 'found by sweeping customer_entity 1,000 ids a poll (slower); "bin/magento setup:upgrade" with Forcebridge_Connector adds the index that makes it immediate' },
    ),
    await undatedRowsCheck(pool),
    await attempt('Forcebridge tables', async () => {
      const [rows] = await pool.query<import('mysql2').RowDataPacket[]>('SELECT MAX(version) AS version, COUNT(*) AS applied FROM forcebridge_schema_version');
      return { ok: true, detail: `migrations applied up to version ${String(rows[0]?.version)}` };
    }),
  ];
}

// ---- Undated rows: records change detection can never find ------------------------------------

/** Rows whose updated_at is the zero date sort before every watermark: named with how to send them. */
async function undatedRowsCheck(pool: DatabasePool): Promise<Check> {
  return attempt('Undated rows', async () => {
    const customersIndexed = await hasCustomerUpdatedAtIndex(pool);
    const found = await findUndatedRows(pool, customersIndexed);
    if (found.length === 0) {
      const unsearched = customersIndexed ? '' : ' (customer_entity not searched: without its updated_at index that would read the whole table)';
      return { ok: true, detail: `no row that change detection reads has a zero updated_at${unsearched}` };
    }
    const listed = found.map((rows) => `${rows.table} ${rows.count} (${rows.idsAreOrders ? 'orders' : 'ids'} ${rows.ids.join(', ')}${rows.count > rows.ids.length ? ', …' : ''})`);
    const idsByArea = new Map<string, Set<number>>();
    for (const rows of found) for (const id of rows.ids) idsByArea.set(rows.area, (idsByArea.get(rows.area) ?? new Set()).add(id));
    const commands = [...idsByArea].map(([area, ids]) => `"forcebridge sync --area ${area} --ids ${[...ids].join(',')}"`);
    return {
      ok: false,
      detail: `change detection never finds rows whose updated_at is ${ZERO_DATE}: ${listed.join('; ')}`,
      fix: `run ${commands.join(' and ')} (or "forcebridge backfill"), and give them a real updated_at in Magento so later changes are found (e.g. UPDATE ${found[0]!.table} SET updated_at = created_at WHERE updated_at = '${ZERO_DATE}')`,
    };
  });
}

// ---- end of undated rows -----------------------------------------------------------------------

interface ConfiguredNames {
  stages: string[];
  roles: string[];
  recordTypes: string[];
  leadSources: string[];
  owners: string[];
}

function configuredNames(config: StoreConfig): ConfiguredNames {
  const { abandonedCart: cart, order, general } = config;
  const stages = [cart.stage, cart.expiredStage, order.draftStage, ...(order.convertOpportunity ? [order.convertedStage] : []), ...Object.values(order.statusMap)];
  const roles = [...(cart.enableContactRoles ? [cart.contactRole] : []), ...(order.enableContactRoles ? [order.contactRole] : [])];
  const present = (names: (string | null)[]) => names.filter((name): name is string => Boolean(name));
  return { stages, roles, recordTypes: present([cart.recordType, order.recordType]), leadSources: present([general.leadSource]), owners: present([general.defaultOwner]) };
}

export async function salesforceChecks(pool: DatabasePool, connection: Connection): Promise<Check[]> {
  const checks: Check[] = [];
  checks.push(
    await attempt('Salesforce fields', async () => {
      const missing = await missingFields(connection);
      return missing.length === 0
        ? { ok: true, detail: 'every Forcebridge custom field exists' }
        : { ok: false, detail: `missing ${missing.map((f) => `${f.object}.${f.name}`).join(', ')}`, fix: 'run "forcebridge setup-org"' };
    }),
  );
  checks.push(
    await attempt('Configured values', async () => {
      const config = new MagentoConfig(pool);
      const scopes = [{ label: 'default scope', config: await config.forStore(null) }];
      for (const store of await listStoreViews(pool)) scopes.push({ label: `store "${store.name}"`, config: await config.forStore(store.storeId) });
      const named = scopes.map((scope) => ({ ...scope, names: configuredNames(scope.config) }));
      const org = await OrgProfile.load(connection, named.flatMap((scope) => scope.names.owners));
      const problems = new Set<string>();
      for (const { label, config: resolved, names } of named) {
        for (const stage of names.stages) if (!org.hasStage(stage)) problems.add(`stage "${stage}" (${label})`);
        for (const role of names.roles) if (!org.hasContactRole(role)) problems.add(`contact role "${role}" (${label})`);
        for (const type of names.recordTypes) if (!org.recordTypeId(type)) problems.add(`record type "${type}" (${label})`);
        for (const source of names.leadSources) if (!org.hasLeadSource(source)) problems.add(`lead source "${source}" (${label})`);
        for (const owner of names.owners) if (!org.ownerId(owner)) problems.add(`record owner "${owner}" (${label})`);
        for (const problem of resolved.problems) problems.add(problem);
      }
      return problems.size === 0
        ? { ok: true, detail: `stages, contact roles, record types, lead sources and record owners exist in the org for ${scopes.length} scopes` }
        : { ok: false, detail: `not accepted: ${[...problems].join('; ')}`, fix: 'pick values the org has in Salesforce > Abandoned Carts / Orders / Field Mappings / General Configuration' };
    }),
  );
  checks.push(
    await attempt('API limits', async () => {
      const limits = (await connection.limits()) as { DailyApiRequests?: { Max: number; Remaining: number } };
      const daily = limits.DailyApiRequests;
      if (!daily) return { ok: false, detail: 'the org did not report DailyApiRequests' };
      const ok = daily.Remaining > daily.Max * 0.1;
      return { ok, detail: `${daily.Remaining} of ${daily.Max} daily API requests left`, fix: ok ? undefined : 'wait for the rolling 24 h window, or raise the org allocation' };
    }),
  );
  return checks;
}

export function formatCheck(check: Check): string {
  return `${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}${check.ok || !check.fix ? '' : ` — fix: ${check.fix}`}`;
}
