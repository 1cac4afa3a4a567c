// How a write fills and checks an address under State and Country/Territory Picklists, following
// Salesforce's field-syncing rules: a code fills its name and a name its code; a create given both
// keeps the code's name, an update given both must agree; a state must belong to the country (so a
// state without a country, or for a country without states, is refused); dropping the country
// drops the state. Names must be integration values exactly ("US" is no country name). Also what
// switching the setting does to stored records.
import type { FieldValue, SalesforceRecord } from '../contracts.js';
import {
  ADDRESS_PREFIXES,
  addressFieldNames,
  countryByCode,
  countryByName,
  isStateCodeOfSomeCountry,
  stateByCode,
  stateByName,
  type Place,
} from '../schema/address-picklists.js';
import type { AddressGroup, OrgMetadata } from './metadata.js';
import { SalesforceError } from './salesforce-error.js';

/** undefined: the write leaves it as it is; null: the write clears it. */
type Change = Place | null | undefined;

function integrity(message: string, fieldName: string): SalesforceError {
  return new SalesforceError('FIELD_INTEGRITY_EXCEPTION', message, [fieldName]);
}

function countryProblem(group: AddressGroup): SalesforceError {
  return integrity(
    `There's a problem with this country, even though it may appear correct. Please select a country/territory from the list of valid countries.: ${group.country.label}`,
    group.country.name,
  );
}

function stateProblem(group: AddressGroup): SalesforceError {
  return integrity(
    `There's a problem with this state, even though it may appear correct. Please select a state from the list of valid states.: ${group.state.label}`,
    group.state.name,
  );
}

function unknownCountryCode(group: AddressGroup, code: string): SalesforceError {
  return integrity(`The ${group.countryCode.name} field contains ${code}, which isn't an available country/territory.`, group.countryCode.name);
}

function stateCodeOutsideCountry(group: AddressGroup, code: string): SalesforceError {
  if (!isStateCodeOfSomeCountry(code)) {
    return integrity(`The ${group.stateCode.name} field contains ${code}, which isn't an available state. Your administrator can add it for you.`, group.stateCode.name);
  }
  return integrity(`The existing country/territory doesn't recognize the state value for field: ${group.stateCode.label}`, group.stateCode.name);
}

function given(values: ReadonlyMap<string, FieldValue>, name: string): string | null | undefined {
  if (!values.has(name)) return undefined;
  const value = values.get(name);
  return value === null || value === undefined ? null : String(value);
}

function agrees(name: string | null | undefined, resolved: Place | null): boolean {
  return name === undefined || name === (resolved?.name ?? null);
}

function countryChange(group: AddressGroup, values: ReadonlyMap<string, FieldValue>, updating: boolean): Change {
  const code = given(values, group.countryCode.name);
  const name = given(values, group.country.name);
  if (code !== undefined) {
    const country = code === null ? null : (countryByCode(code) ?? null);
    if (code !== null && !country) throw unknownCountryCode(group, code);
    if (updating && !agrees(name, country)) throw countryProblem(group);
    return country;
  }
  if (name === undefined || name === null) return name;
  const country = countryByName(name);
  if (!country) throw countryProblem(group);
  return country;
}

function stateChange(group: AddressGroup, values: ReadonlyMap<string, FieldValue>, country: Place | null, countryChanged: boolean, previous: SalesforceRecord | undefined): Change {
  const code = given(values, group.stateCode.name);
  const name = given(values, group.state.name);
  if (code !== undefined) {
    const state = code === null ? null : ((country && stateByCode(country.code, code)) ?? null);
    if (code !== null && !state) throw stateCodeOutsideCountry(group, code);
    if (previous && !agrees(name, state)) throw stateProblem(group);
    return state;
  }
  if (name !== undefined) {
    if (name === null) return null;
    const state = country && stateByName(country.code, name);
    if (!state) throw stateProblem(group);
    return state;
  }
  if (!countryChanged) return undefined;
  if (!country) return null;
  const kept = previous?.[group.stateCode.name];
  if (typeof kept !== 'string') return undefined;
  const state = stateByCode(country.code, kept);
  if (!state) throw stateCodeOutsideCountry(group, kept);
  return state;
}

function setPlace(values: Map<string, FieldValue>, nameField: string, codeField: string, change: Change): void {
  if (change === undefined) return;
  values.set(codeField, change?.code ?? null);
  values.set(nameField, change?.name ?? null);
}

/** The values to write with every touched address completed, or a FIELD_INTEGRITY_EXCEPTION. */
export function syncAddresses(
  metadata: OrgMetadata,
  objectName: string,
  values: ReadonlyMap<string, FieldValue>,
  previous: SalesforceRecord | undefined,
): Map<string, FieldValue> {
  const synced = new Map(values);
  for (const group of metadata.addressGroups(objectName)) {
    const changedCountry = countryChange(group, values, previous !== undefined);
    const previousCountry = typeof previous?.[group.countryCode.name] === 'string' ? countryByCode(previous[group.countryCode.name] as string) : undefined;
    const country = changedCountry === undefined ? (previousCountry ?? null) : changedCountry;
    const state = stateChange(group, values, country, changedCountry !== undefined, previous);
    setPlace(synced, group.country.name, group.countryCode.name, changedCountry);
    setPlace(synced, group.state.name, group.stateCode.name, state);
  }
  return synced;
}

/**
 * A stored record once the setting changed: when on, its address names gain their codes (null for
 * names that are no integration value), as Salesforce's conversion sets them; when off, the code
 * fields go.
 */
export function addressesForSetting(metadata: OrgMetadata, objectName: string, record: SalesforceRecord): SalesforceRecord {
  const groups = metadata.addressGroups(objectName);
  if (groups.length === 0) {
    const codeFields = new Set((ADDRESS_PREFIXES[objectName] ?? []).map(addressFieldNames).flatMap((names) => [names.countryCode, names.stateCode]));
    return Object.fromEntries(Object.entries(record).filter(([name]) => !codeFields.has(name)));
  }
  const converted: Record<string, FieldValue> = { ...record };
  for (const group of groups) {
    const countryName = record[group.country.name];
    const stateName = record[group.state.name];
    const country = typeof countryName === 'string' ? countryByName(countryName) : undefined;
    const state = country && typeof stateName === 'string' ? stateByName(country.code, stateName) : undefined;
    converted[group.countryCode.name] = country?.code ?? null;
    converted[group.stateCode.name] = state?.code ?? null;
  }
  return converted;
}
