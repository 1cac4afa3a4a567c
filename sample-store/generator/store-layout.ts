// The store's structure beside what the installer wrote: a second website with its own group and
// two store views, EUR as display currency there (USD stays the base currency everywhere), and
// each store's timezone and locale in core_config_data at websites or stores scope.
import type { Random } from './random.js';
import type { Row } from './table-writer.js';
import { sqlTimestamp } from './values.js';

export interface StoreView {
  storeId: number;
  code: string;
  name: string;
  websiteId: number;
  groupId: number;
  /** Display (quote/order) currency; base and global currency are USD. */
  currency: 'USD' | 'EUR';
  /** base_to_quote_rate / base_to_order_rate, from directory_currency_rate (USD -> EUR 0.7067). */
  baseToDisplayRate: number;
  /** The countries its shoppers live in. */
  countries: readonly string[];
  /** sales_order.store_name: website, group and store names on three lines. */
  storeName: string;
}

export const BASE_CURRENCY = 'USD';
const USD_TO_EUR = 0.7067;

const WEBSITES = [{ websiteId: 2, code: 'europe', name: 'Europe Website', sortOrder: 1, defaultGroupId: 2 }];
const GROUPS = [{ groupId: 2, websiteId: 2, name: 'Europe Store', rootCategoryId: 2, defaultStoreId: 2, code: 'europe_store' }];

export const STORE_VIEWS: readonly StoreView[] = [
  {
    storeId: 1, code: 'default', name: 'Default Store View', websiteId: 1, groupId: 1, currency: 'USD',
    baseToDisplayRate: 1, countries: ['US'], storeName: 'Main Website\nMain Website Store\nDefault Store View',
  },
  {
    storeId: 2, code: 'de', name: 'Deutsch', websiteId: 2, groupId: 2, currency: 'EUR',
    baseToDisplayRate: USD_TO_EUR, countries: ['DE', 'AT'], storeName: 'Europe Website\nEurope Store\nDeutsch',
  },
  {
    storeId: 3, code: 'fr', name: 'Français', websiteId: 2, groupId: 2, currency: 'EUR',
    baseToDisplayRate: USD_TO_EUR, countries: ['FR'], storeName: 'Europe Website\nEurope Store\nFrançais',
  },
];

/** Where a guest shops: mostly the US store. */
export function pickGuestStore(random: Random): StoreView {
  return random.weighted(STORE_VIEWS.map((view) => [view, view.storeId === 1 ? 6 : view.storeId === 2 ? 3 : 1] as const));
}

/** Config rows at websites/stores scope; the default-scope rows came with the install. */
const CONFIG: readonly [scope: 'websites' | 'stores', scopeId: number, path: string, value: string][] = [
  ['websites', 1, 'general/locale/timezone', 'America/New_York'],
  ['websites', 2, 'general/locale/timezone', 'Europe/Berlin'],
  ['stores', 3, 'general/locale/timezone', 'Europe/Paris'],
  ['stores', 2, 'general/locale/code', 'de_DE'],
  ['stores', 3, 'general/locale/code', 'fr_FR'],
  ['websites', 2, 'currency/options/allow', 'EUR,USD'],
  ['websites', 2, 'currency/options/default', 'EUR'],
  ['websites', 2, 'general/country/default', 'DE'],
  ['stores', 3, 'general/country/default', 'FR'],
];

export type LayoutRows = Record<'store_website' | 'store_group' | 'store' | 'core_config_data', Row[]>;

export function storeLayoutRows(configuredAt: number): LayoutRows {
  return {
    store_website: WEBSITES.map((w) => ({
      website_id: w.websiteId, code: w.code, name: w.name, sort_order: w.sortOrder,
      default_group_id: w.defaultGroupId, is_default: 0,
    })),
    store_group: GROUPS.map((g) => ({
      group_id: g.groupId, website_id: g.websiteId, name: g.name, root_category_id: g.rootCategoryId,
      default_store_id: g.defaultStoreId, code: g.code,
    })),
    store: STORE_VIEWS.filter((view) => view.storeId !== 1).map((view) => ({
      store_id: view.storeId, code: view.code, website_id: view.websiteId, group_id: view.groupId,
      name: view.name, sort_order: view.storeId, is_active: 1,
    })),
    core_config_data: CONFIG.map(([scope, scopeId, path, value]) => ({
      scope, scope_id: scopeId, path, value, updated_at: sqlTimestamp(configuredAt),
    })),
  };
}
