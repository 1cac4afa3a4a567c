// What a caller may do: the Forcebridge ACL resources of module-config/etc/acl.xml, granted by the
// admin's Magento role (console sessions read them at sign-in; Magento's server names them in
// X-Forcebridge-Resources). Each route demands the resources of its area and refuses with a
// sentence naming the permission the role lacks.
import type { SyncAreaName } from '../../sync/sync-states.js';
import { HttpError } from '../errors.js';

/** Resource ids as Magento's ACL spells them, with the path to each in Magento's role editor. */
const RESOURCES = {
  salesforce: { id: 'Forcebridge_Connector::salesforce', title: 'Salesforce' },
  abandoned_carts: { id: 'Forcebridge_Connector::abandoned_carts', title: 'Salesforce > Abandoned Carts' },
  orders: { id: 'Forcebridge_Connector::orders', title: 'Salesforce > Orders' },
  customers: { id: 'Forcebridge_Connector::customers', title: 'Salesforce > Customers' },
  field_mappings: { id: 'Forcebridge_Connector::field_mappings', title: 'Salesforce > Field Mappings' },
  sync: { id: 'Forcebridge_Connector::sync', title: 'Salesforce > Sync with Salesforce' },
  config: { id: 'Forcebridge_Connector::config', title: 'Stores > Settings > Configuration > Salesforce Section' },
} as const;

export type Resource = keyof typeof RESOURCES;
export type Grants = ReadonlySet<Resource>;

/** Magento's root resource: a role that has it has every other one. */
const ALL_RESOURCES_ID = 'Magento_Backend::all';
const RESOURCE_NAMES = Object.keys(RESOURCES) as Resource[];
const NAME_BY_ID = new Map<string, Resource>(RESOURCE_NAMES.map((name) => [RESOURCES[name].id, name]));

/** Every id a role's rules or Magento's header may name: the Forcebridge ones and the root. */
export const GRANTABLE_IDS: readonly string[] = [...NAME_BY_ID.keys(), ALL_RESOURCES_ID];

export const AREA_RESOURCE: Record<SyncAreaName, Resource> = { carts: 'abandoned_carts', orders: 'orders', customers: 'customers' };

/** Setting groups (forcebridge/<group>/...) that belong to an area; every other group is the configuration section's. */
const SETTING_GROUP_RESOURCE = new Map<string, Resource>([
  ['abandoned_cart', 'abandoned_carts'],
  ['order', 'orders'],
  ['order_status_map', 'field_mappings'],
]);

/** The grants behind resource ids; ids of other modules grant nothing. */
export function grantsFromIds(ids: Iterable<string>): Grants {
  const granted = new Set<Resource>();
  for (const id of ids) {
    if (id === ALL_RESOURCES_ID) return new Set(RESOURCE_NAMES);
    const name = NAME_BY_ID.get(id);
    if (name) granted.add(name);
  }
  return granted;
}

/** The resource that guards a forcebridge/... setting path. */
export function settingResource(path: string): Resource {
  return SETTING_GROUP_RESOURCE.get(path.split('/')[1] ?? '') ?? 'config';
}

export function titleOf(resource: Resource): string {
  return RESOURCES[resource].title;
}

/** "Your Magento role does not allow …", naming each missing resource as Magento's role editor shows it. */
export function notAllowed(missing: readonly Resource[]): string {
  return `Your Magento role does not allow ${missing.map(titleOf).join(' and ')}`;
}

/** Throws 403 naming every one of `resources` the grants lack. */
export function demand(grants: Grants, ...resources: Resource[]): void {
  const missing = resources.filter((resource) => !grants.has(resource));
  if (missing.length > 0) throw new HttpError(403, `${notAllowed(missing)}.`);
}
