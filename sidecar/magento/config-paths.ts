// Every core_config_data path Forcebridge reads, with its kind, its documented default and how a
// stored text becomes a typed value. The reader and the writer both validate through here.

export type ConfigValueKind =
  | { kind: 'flag' }
  | { kind: 'count'; min: number }
  | { kind: 'choice'; values: readonly string[] }
  | { kind: 'name' }
  | { kind: 'optionalName' };

export interface ConfigPathDefinition {
  path: string;
  value: ConfigValueKind;
  /** Used when no scope stores a value (or the stored one is invalid). */
  defaultValue: string;
}

export const CREATE_OPPORTUNITY_CHOICES = ['no', 'every_order'] as const;
export type CreateOpportunity = (typeof CREATE_OPPORTUNITY_CHOICES)[number];

const flag = (path: string, defaultValue: '0' | '1'): ConfigPathDefinition => ({ path, value: { kind: 'flag' }, defaultValue });
const count = (path: string, defaultValue: number, min = 0): ConfigPathDefinition => ({ path, value: { kind: 'count', min }, defaultValue: String(defaultValue) });
const name = (path: string, defaultValue: string): ConfigPathDefinition => ({ path, value: { kind: 'name' }, defaultValue });
const optionalName = (path: string, defaultValue = ''): ConfigPathDefinition => ({ path, value: { kind: 'optionalName' }, defaultValue });

/**
 * The documented defaults. Stages, roles and the lead source are values every new Salesforce org
 * has; an empty record type means the org's default record type, an empty lead source leaves
 * LeadSource unset, and an empty owner means the integration user.
 */
export const CONFIG_PATHS = {
  abandonedCart: {
    automaticSync: flag('forcebridge/abandoned_cart/automatic_sync', '0'),
    stage: name('forcebridge/abandoned_cart/stage', 'Prospecting'),
    recordType: optionalName('forcebridge/abandoned_cart/record_type'),
    salesCycleLength: count('forcebridge/abandoned_cart/sales_cycle_length', 30),
    enableContactRoles: flag('forcebridge/abandoned_cart/enable_contact_roles', '0'),
    contactRole: name('forcebridge/abandoned_cart/contact_role', 'Decision Maker'),
    idleMinutes: count('forcebridge/abandoned_cart/idle_minutes', 60),
    // A cart that expired at once would never be open in Salesforce, hence at least a day.
    expireAfterDays: count('forcebridge/abandoned_cart/expire_after_days', 30, 1),
    expiredStage: name('forcebridge/abandoned_cart/expired_stage', 'Closed Lost'),
  },
  order: {
    automaticSync: flag('forcebridge/order/automatic_sync', '0'),
    createOpportunity: {
      path: 'forcebridge/order/create_opportunity',
      value: { kind: 'choice', values: CREATE_OPPORTUNITY_CHOICES },
      defaultValue: 'every_order',
    } satisfies ConfigPathDefinition,
    recordType: optionalName('forcebridge/order/record_type'),
    salesCycleLength: count('forcebridge/order/sales_cycle_length', 30),
    enableContactRoles: flag('forcebridge/order/enable_contact_roles', '0'),
    contactRole: name('forcebridge/order/contact_role', 'Decision Maker'),
    draftStage: name('forcebridge/order/draft_stage', 'Qualification'),
    convertOpportunity: flag('forcebridge/order/convert_opportunity', '1'),
    convertedStage: name('forcebridge/order/converted_stage', 'Closed Won'),
    useInvoiceDateAsCloseDate: flag('forcebridge/order/use_invoice_date_as_close_date', '1'),
  },
  customer: {
    automaticSync: flag('forcebridge/customer/automatic_sync', '0'),
  },
  general: {
    matchAccountsByCompany: flag('forcebridge/general/match_accounts_by_company', '1'),
    leadSource: optionalName('forcebridge/general/lead_source', 'Web'),
    /** A Salesforce Username. */
    defaultOwner: optionalName('forcebridge/general/default_owner'),
  },
  /** Magento's own settings, with Magento's own defaults. */
  store: {
    timezone: name('general/locale/timezone', 'America/Los_Angeles'),
    baseCurrency: name('currency/options/base', 'USD'),
    defaultCurrency: name('currency/options/default', 'USD'),
    allowedCurrencies: name('currency/options/allow', 'USD'),
  },
} as const;

/** forcebridge/order_status_map/<Magento order status code> = Opportunity stage. */
export const ORDER_STATUS_MAP_PREFIX = 'forcebridge/order_status_map/';

/** The mapping a new install starts with, for the statuses Magento installs (module config.xml says the same). */
export const DEFAULT_ORDER_STATUS_MAP: Readonly<Record<string, string>> = {
  pending: 'Qualification',
  pending_payment: 'Qualification',
  processing: 'Negotiation/Review',
  fraud: 'Negotiation/Review',
  payment_review: 'Negotiation/Review',
  holded: 'Needs Analysis',
  complete: 'Closed Won',
  closed: 'Closed Lost',
  canceled: 'Closed Lost',
};
const ORDER_STATUS_CODE = /^[a-z0-9_]{1,32}$/;
const NAME_MAX_LENGTH = 255;

export const ALL_DEFINITIONS: readonly ConfigPathDefinition[] = Object.values(CONFIG_PATHS).flatMap((group) => Object.values(group));
const DEFINITIONS_BY_PATH = new Map(ALL_DEFINITIONS.map((definition) => [definition.path, definition]));

/** The definition of a path Forcebridge knows, including any status map entry. */
export function definitionOf(path: string): ConfigPathDefinition | undefined {
  const known = DEFINITIONS_BY_PATH.get(path);
  if (known) return known;
  if (path.startsWith(ORDER_STATUS_MAP_PREFIX) && ORDER_STATUS_CODE.test(path.slice(ORDER_STATUS_MAP_PREFIX.length))) {
    return { path, value: { kind: 'name' }, defaultValue: '' };
  }
  return undefined;
}

/** Why `value` is not acceptable for the path, or undefined when it is. */
export function valueProblem(definition: ConfigPathDefinition, value: string): string | undefined {
  const { value: kind } = definition;
  switch (kind.kind) {
    case 'flag':
      return value === '0' || value === '1' ? undefined : 'must be 0 (No) or 1 (Yes)';
    case 'count':
      return /^\d{1,6}$/.test(value) && Number(value) >= kind.min ? undefined : `must be a whole number, ${kind.min} or more`;
    case 'choice':
      return kind.values.includes(value) ? undefined : `must be one of: ${kind.values.join(', ')}`;
    case 'name':
      if (value.trim() === '') return 'must not be empty';
      return value.length > NAME_MAX_LENGTH ? `must be at most ${NAME_MAX_LENGTH} characters` : undefined;
    case 'optionalName':
      return value.length > NAME_MAX_LENGTH ? `must be at most ${NAME_MAX_LENGTH} characters` : undefined;
  }
}
