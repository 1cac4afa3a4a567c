// Which page the console shows for an address, with its header title and the tabs beside it.
import type { ApiClient } from '../api/client.js';
import type { Area } from '../api/contract.js';
import { ConfigForm } from '../components/config-form/config-form.js';
import { TABS } from '../components/config-form/config-tabs.js';
import { CustomerPage } from './customer/customer-page.js';
import { GridPage } from './grid/grid-page.js';
import { RecordPage } from './record/record-page.js';
import { configurationSegments, isConfigurationPage, type ConfigurationPage, type Route } from './routes.js';
import { AREA_GRIDS } from './grid/grid-columns.js';

export interface PageTab {
  label: string;
  href: string;
  active: boolean;
}

export interface ConsolePage {
  title: string;
  /** The sidebar entry to highlight. */
  menuKey: Area | ConfigurationPage;
  tabs: PageTab[];
  /** The Knockout component that renders `model`. */
  component: string;
  model: object;
  load(): Promise<void>;
}

/** The header of each configuration page of its own (its tab has the longer title). */
const CONFIGURATION_PAGE_TITLES: Record<ConfigurationPage, string> = { 'opportunity-status': 'Opportunity Status', general: 'General' };

export function pageFor(route: Route, api: ApiClient): ConsolePage {
  switch (route.kind) {
    case 'grid': {
      const grid = new GridPage(api, route.area);
      return { title: grid.grid.title, menuKey: route.area, tabs: areaTabs(route.area, `#/${route.area}`), component: 'fb-grid-page', model: grid, load: () => grid.load() };
    }
    case 'record': {
      const record = route.area === 'customers' ? new CustomerPage(api, route.id) : new RecordPage(api, route.area, route.id);
      const component = record instanceof CustomerPage ? 'fb-customer-page' : 'fb-record-page';
      return { title: record.title, menuKey: route.area, tabs: [], component, model: record, load: () => record.load() };
    }
    case 'configuration': {
      const form = new ConfigForm(api, [route.tab]);
      const title = isConfigurationPage(route.area) ? CONFIGURATION_PAGE_TITLES[route.area] : AREA_GRIDS[route.area].title;
      const tabs = isConfigurationPage(route.area) ? [] : areaTabs(route.area, window.location.hash);
      // The form loads itself when its component is shown.
      return { title, menuKey: route.area, tabs, component: 'forcebridge-config-form', model: form, load: () => Promise.resolve() };
    }
  }
}

/** The grid and its configuration tabs, as links. */
function areaTabs(area: Area, currentHash: string): PageTab[] {
  const gridHref = `#/${area}`;
  return [
    { label: AREA_GRIDS[area].title, href: gridHref, active: currentHash === gridHref },
    ...configurationSegments(area).map(([segment, tab]) => {
      const href = `#/${area}/${segment}`;
      return { label: TABS[tab].title, href, active: currentHash === href };
    }),
  ];
}
