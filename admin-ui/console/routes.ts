// The console's addresses (location.hash) and what each one shows.
import type { Area } from '../api/contract.js';
import type { TabName } from '../components/config-form/config-tabs.js';

/** Configuration pages of their own in the sidebar menu (not beside a grid), by address, with their tab. */
const CONFIGURATION_PAGES = { 'opportunity-status': 'order_status_map', general: 'general' } as const satisfies Record<string, TabName>;

export type ConfigurationPage = keyof typeof CONFIGURATION_PAGES;

export type Route =
  | { kind: 'grid'; area: Area }
  | { kind: 'record'; area: Area; id: number }
  | { kind: 'configuration'; area: Area | ConfigurationPage; tab: TabName };

/** The configuration tabs beside each grid, by address segment. */
const CONFIGURATION_TABS: Record<Area, Record<string, TabName>> = {
  carts: { configuration: 'abandoned_cart' },
  orders: { configuration: 'order', advanced: 'order_advanced' },
  customers: { configuration: 'customer' },
};

export const HOME: Route = { kind: 'grid', area: 'carts' };

export function parseRoute(hash: string): Route {
  const [first, second] = hash.replace(/^#\/?/, '').split('/');
  if (first !== undefined && isConfigurationPage(first)) return { kind: 'configuration', area: first, tab: CONFIGURATION_PAGES[first] };
  if (first !== 'carts' && first !== 'orders' && first !== 'customers') return HOME;
  if (second === undefined || second === '') return { kind: 'grid', area: first };
  if (/^\d{1,10}$/.test(second)) return { kind: 'record', area: first, id: Number(second) };
  const tab = CONFIGURATION_TABS[first][second];
  return tab ? { kind: 'configuration', area: first, tab } : { kind: 'grid', area: first };
}

export function isConfigurationPage(segment: string): segment is ConfigurationPage {
  return Object.hasOwn(CONFIGURATION_PAGES, segment);
}

export function configurationSegments(area: Area): [segment: string, tab: TabName][] {
  return Object.entries(CONFIGURATION_TABS[area]);
}
