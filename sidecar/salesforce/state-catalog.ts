// Which states an org with State and Country picklists has, per country, read from describe: the
// StateCode picklist's values name their countries through `validFor`, a bitmap over the
// CountryCode picklist's values. Salesforce refuses a state it does not list (even as text, for a
// country without states), so a Magento region is only sent when the org knows it.

interface PicklistEntry {
  value: string;
  label?: string;
  active?: boolean;
  validFor?: string | null;
}

/** Country code → (lower-cased state code or name → the org's state code). */
export type StateCatalog = Map<string, Map<string, string>>;

function controlledBy(validFor: string, index: number): boolean {
  const bits = Buffer.from(validFor, 'base64');
  return ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;
}

export function buildStateCatalog(countries: readonly PicklistEntry[], states: readonly PicklistEntry[]): StateCatalog {
  const catalog: StateCatalog = new Map();
  for (const state of states) {
    if (state.active === false || !state.validFor) continue;
    countries.forEach((country, index) => {
      if (!controlledBy(state.validFor!, index)) return;
      const known = catalog.get(country.value) ?? new Map<string, string>();
      known.set(state.value.toLowerCase(), state.value);
      if (state.label) known.set(state.label.toLowerCase(), state.value);
      catalog.set(country.value, known);
    });
  }
  return catalog;
}

/** The org's code for a Magento region (by code, else by name), or null when the org has no such state. */
export function stateCodeIn(catalog: StateCatalog, countryCode: string | null, regionCode: string | null, regionName: string | null): string | null {
  const states = countryCode ? catalog.get(countryCode.toUpperCase()) : undefined;
  if (!states) return null;
  return (regionCode && states.get(regionCode.toLowerCase())) || (regionName && states.get(regionName.toLowerCase())) || null;
}
