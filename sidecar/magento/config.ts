// Forcebridge's settings as Magento keeps them (core_config_data), resolved the Magento way: a
// store view's value beats its website's, which beats the default one. Values are read fresh every
// few seconds, so what the admin changes takes effect without a restart.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import {
  ALL_DEFINITIONS,
  CONFIG_PATHS,
  DEFAULT_ORDER_STATUS_MAP,
  ORDER_STATUS_MAP_PREFIX,
  valueProblem,
  type ConfigPathDefinition,
  type CreateOpportunity,
} from './config-paths.js';

export interface AbandonedCartConfig {
  automaticSync: boolean;
  /** "Abandoned Cart Status": the Opportunity stage of a cart. */
  stage: string;
  /** RecordType DeveloperName; null means the org's default record type. */
  recordType: string | null;
  salesCycleLength: number;
  enableContactRoles: boolean;
  contactRole: string;
  /** Minutes a cart that reached checkout sits untouched before it counts as abandoned. */
  idleMinutes: number;
  /** Days a cart sits untouched before its opportunity is closed as Expired (1 or more). */
  expireAfterDays: number;
  /** "Expired Cart Status": the Opportunity stage of an expired cart. */
  expiredStage: string;
}

export interface OrderConfig {
  automaticSync: boolean;
  createOpportunity: CreateOpportunity;
  recordType: string | null;
  salesCycleLength: number;
  enableContactRoles: boolean;
  contactRole: string;
  /** "Default Opportunity Draft Status": the stage of an order whose status has no mapping. */
  draftStage: string;
  convertOpportunity: boolean;
  convertedStage: string;
  useInvoiceDateAsCloseDate: boolean;
  /** Magento order status code -> Opportunity stage ("Field Mappings -> Opportunity Status"). */
  statusMap: Record<string, string>;
}

export interface GeneralConfig {
  /** Customers whose default billing address names the same company share one Account named after it. */
  matchAccountsByCompany: boolean;
  /** Opportunity.LeadSource; null leaves the field unset. */
  leadSource: string | null;
  /** Username of the Salesforce user who owns new records; null means the integration user. */
  defaultOwner: string | null;
}

export interface StoreConfig {
  /** null when resolved for a website, or for the default scope (unknown or deleted store). */
  storeId: number | null;
  websiteId: number | null;
  /** IANA zone of the store (general/locale/timezone): dates shown to the merchant are in it. */
  timezone: string;
  baseCurrency: string;
  defaultCurrency: string;
  allowedCurrencies: string[];
  abandonedCart: AbandonedCartConfig;
  order: OrderConfig;
  customer: { automaticSync: boolean };
  general: GeneralConfig;
  /** Stored values that were unusable and replaced by their default, one sentence each. */
  problems: string[];
}

interface ScopeChain {
  storeId: number | null;
  websiteId: number | null;
}

interface ConfigRow {
  scope: string;
  scopeId: number;
  path: string;
  value: string;
}

const SCOPE_RANK: Record<string, number> = { stores: 3, websites: 2, default: 1 };
export const MAGENTO_PATHS = Object.values(CONFIG_PATHS.store).map((definition) => definition.path);
const CURRENCY_CODE = /^[A-Z]{3}$/;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Stricter checks for Magento's own values than for free-text names. */
function extraProblem(definition: ConfigPathDefinition, value: string): string | undefined {
  if (definition === CONFIG_PATHS.store.timezone) return isTimeZone(value) ? undefined : 'is not a known time zone';
  if (definition === CONFIG_PATHS.store.allowedCurrencies) {
    return value.split(',').every((code) => CURRENCY_CODE.test(code)) ? undefined : 'must be a comma-separated list of currency codes';
  }
  if (definition === CONFIG_PATHS.store.baseCurrency || definition === CONFIG_PATHS.store.defaultCurrency) {
    return CURRENCY_CODE.test(value) ? undefined : 'must be a three-letter currency code';
  }
  return undefined;
}

/** The most specific stored value per path. */
function mostSpecific(rows: ConfigRow[]): Map<string, ConfigRow> {
  const chosen = new Map<string, ConfigRow>();
  for (const row of rows) {
    const current = chosen.get(row.path);
    if (!current || (SCOPE_RANK[row.scope] ?? 0) > (SCOPE_RANK[current.scope] ?? 0)) chosen.set(row.path, row);
  }
  return chosen;
}

function resolve(rows: ConfigRow[], chain: ScopeChain): StoreConfig {
  const values = mostSpecific(rows);
  const problems: string[] = [];
  const text = (definition: ConfigPathDefinition): string => {
    const row = values.get(definition.path);
    if (!row) return definition.defaultValue;
    const problem = valueProblem(definition, row.value) ?? extraProblem(definition, row.value);
    if (problem === undefined) return row.value;
    problems.push(`${definition.path} (${row.scope} ${row.scopeId}) ${problem}; using the default "${definition.defaultValue}"`);
    return definition.defaultValue;
  };
  const flag = (definition: ConfigPathDefinition) => text(definition) === '1';
  const count = (definition: ConfigPathDefinition) => Number(text(definition));
  const optional = (definition: ConfigPathDefinition) => text(definition).trim() || null;

  const statusMap: Record<string, string> = { ...DEFAULT_ORDER_STATUS_MAP };
  for (const [path, row] of values) {
    if (!path.startsWith(ORDER_STATUS_MAP_PREFIX)) continue;
    const status = path.slice(ORDER_STATUS_MAP_PREFIX.length);
    // A stored empty value un-maps a status, so it falls to the draft stage.
    if (row.value.trim() === '') delete statusMap[status];
    else statusMap[status] = row.value;
  }
  const { abandonedCart, order, customer, general, store } = CONFIG_PATHS;
  return {
    storeId: chain.storeId,
    websiteId: chain.websiteId,
    timezone: text(store.timezone),
    baseCurrency: text(store.baseCurrency),
    defaultCurrency: text(store.defaultCurrency),
    allowedCurrencies: text(store.allowedCurrencies).split(','),
    abandonedCart: {
      automaticSync: flag(abandonedCart.automaticSync),
      stage: text(abandonedCart.stage),
      recordType: optional(abandonedCart.recordType),
      salesCycleLength: count(abandonedCart.salesCycleLength),
      enableContactRoles: flag(abandonedCart.enableContactRoles),
      contactRole: text(abandonedCart.contactRole),
      idleMinutes: count(abandonedCart.idleMinutes),
      expireAfterDays: count(abandonedCart.expireAfterDays),
      expiredStage: text(abandonedCart.expiredStage),
    },
    order: {
      automaticSync: flag(order.automaticSync),
      createOpportunity: text(order.createOpportunity) as CreateOpportunity,
      recordType: optional(order.recordType),
      salesCycleLength: count(order.salesCycleLength),
      enableContactRoles: flag(order.enableContactRoles),
      contactRole: text(order.contactRole),
      draftStage: text(order.draftStage),
      convertOpportunity: flag(order.convertOpportunity),
      convertedStage: text(order.convertedStage),
      useInvoiceDateAsCloseDate: flag(order.useInvoiceDateAsCloseDate),
      statusMap,
    },
    customer: { automaticSync: flag(customer.automaticSync) },
    general: {
      matchAccountsByCompany: flag(general.matchAccountsByCompany),
      leadSource: optional(general.leadSource),
      defaultOwner: optional(general.defaultOwner),
    },
    problems,
  };
}

/**
 * Every Forcebridge row and the few Magento rows read, at every scope. Default-scope rows are read
 * through ranges of the (scope, scope_id, path) index; website and store rows, a small share of a
 * store's configuration, are read by scope.
 */
export const SNAPSHOT_ROWS_SQL = `SELECT scope, scope_id, path, value FROM core_config_data
  WHERE ((scope = 'default' AND scope_id = 0) OR scope IN ('websites', 'stores'))
    AND (path LIKE 'forcebridge/%' OR path IN (?))
    AND value IS NOT NULL`;

/** What the configuration of every scope is resolved from, read at once (two queries side by side). */
interface ConfigSnapshot {
  /** Every store view, the admin one (0) included, with its website. */
  websiteOfStore: Map<number, number>;
  rows: ConfigRow[];
  resolved: Map<string, StoreConfig>;
}

async function readSnapshot(pool: DatabasePool): Promise<ConfigSnapshot> {
  const [[stores], [rows]] = await Promise.all([
    pool.query<mysql.RowDataPacket[]>('SELECT store_id, website_id FROM store'),
    pool.query<mysql.RowDataPacket[]>(SNAPSHOT_ROWS_SQL, [MAGENTO_PATHS]),
  ]);
  return {
    websiteOfStore: new Map(stores.map((row) => [Number(row.store_id), Number(row.website_id)])),
    rows: rows.map((row) => ({ scope: String(row.scope), scopeId: Number(row.scope_id), path: String(row.path), value: String(row.value) })),
    resolved: new Map(),
  };
}

function inChain(row: ConfigRow, chain: ScopeChain): boolean {
  if (row.scope === 'default') return row.scopeId === 0;
  if (row.scope === 'websites') return row.scopeId === chain.websiteId;
  return row.scope === 'stores' && row.scopeId === chain.storeId;
}

export class MagentoConfig {
  private snapshot?: { expiresAt: number; value: Promise<ConfigSnapshot> };

  /** @param cacheMilliseconds how long one reading of the store list and the configuration serves. */
  constructor(
    private readonly pool: DatabasePool,
    private readonly cacheMilliseconds = 5000,
  ) {}

  /** The configuration a store view sees; the default scope's for null or a deleted store. */
  async forStore(storeId: number | null): Promise<StoreConfig> {
    const snapshot = await this.current();
    const websiteId = storeId === null ? undefined : snapshot.websiteOfStore.get(storeId);
    return this.resolved(snapshot, websiteId === undefined ? { storeId: null, websiteId: null } : { storeId, websiteId });
  }

  /** The configuration at website scope (for records that belong to a website, not a store view). */
  async forWebsite(websiteId: number): Promise<StoreConfig> {
    return this.resolved(await this.current(), { storeId: null, websiteId });
  }

  /** The storefront store views' ids (the admin store, 0, left out), from the same reading. */
  async storefrontStoreIds(): Promise<number[]> {
    const snapshot = await this.current();
    return [...snapshot.websiteOfStore.keys()].filter((storeId) => storeId > 0).sort((a, b) => a - b);
  }

  /** Forgets what was read, e.g. right after the admin API wrote a new value. */
  invalidate(): void {
    this.snapshot = undefined;
  }

  private resolved(snapshot: ConfigSnapshot, chain: ScopeChain): StoreConfig {
    const key = `${chain.storeId}:${chain.websiteId}`;
    let config = snapshot.resolved.get(key);
    if (!config) {
      config = resolve(snapshot.rows.filter((row) => inChain(row, chain)), chain);
      snapshot.resolved.set(key, config);
    }
    return config;
  }

  private current(): Promise<ConfigSnapshot> {
    if (this.snapshot && this.snapshot.expiresAt > Date.now()) return this.snapshot.value;
    const value = readSnapshot(this.pool);
    const snapshot = { expiresAt: Date.now() + this.cacheMilliseconds, value };
    this.snapshot = snapshot;
    value.catch(() => {
      if (this.snapshot === snapshot) this.snapshot = undefined;
    });
    return value;
  }
}

/** Every path with its default, for documentation and the admin UI. */
export function configDefaults(): Record<string, string> {
  return Object.fromEntries(ALL_DEFINITIONS.map((definition) => [definition.path, definition.defaultValue]));
}
