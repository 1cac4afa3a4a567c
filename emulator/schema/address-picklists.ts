// State and Country/Territory Picklists: which addresses carry them, the code fields describe
// shows once they are on (CountryCode, and StateCode depending on it), and lookups of codes and
// integration values. Codes match in any casing, as Salesforce's do; names only exactly.
import { COUNTRIES, STATES_BY_COUNTRY, type Entry } from './address-countries.js';
import { field, type FieldDefinition, type PicklistValue } from './field-definition.js';

/** Address prefixes per object (BillingCountry, ShippingCountry ...); Lead's one address has none. */
export const ADDRESS_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  Account: ['Billing', 'Shipping'],
  Contact: ['Mailing', 'Other'],
  Lead: [''],
};

export interface Place {
  code: string;
  name: string;
}

export interface AddressFieldNames {
  country: string;
  countryCode: string;
  state: string;
  stateCode: string;
}

export function addressFieldNames(prefix: string): AddressFieldNames {
  return { country: `${prefix}Country`, countryCode: `${prefix}CountryCode`, state: `${prefix}State`, stateCode: `${prefix}StateCode` };
}

const place = ([code, name]: Entry): Place => ({ code, name });
const countriesByCode = new Map(COUNTRIES.map((entry) => [entry[0].toUpperCase(), place(entry)]));
const countriesByName = new Map(COUNTRIES.map((entry) => [entry[1], place(entry)]));
const stateCodesAnywhere = new Set(Object.values(STATES_BY_COUNTRY).flatMap((states) => states.map(([code]) => code.toUpperCase())));

function statesOf(countryCode: string): readonly Entry[] {
  return STATES_BY_COUNTRY[countryCode] ?? [];
}

export function countryByCode(code: string): Place | undefined {
  return countriesByCode.get(code.toUpperCase());
}

export function countryByName(name: string): Place | undefined {
  return countriesByName.get(name);
}

export function stateByCode(countryCode: string, code: string): Place | undefined {
  const entry = statesOf(countryCode).find(([candidate]) => candidate.toUpperCase() === code.toUpperCase());
  return entry && place(entry);
}

export function stateByName(countryCode: string, name: string): Place | undefined {
  const entry = statesOf(countryCode).find(([, candidate]) => candidate === name);
  return entry && place(entry);
}

/** Whether any country has a state with this code (so a refusal can say "not in this country" rather than "unknown"). */
export function isStateCodeOfSomeCountry(code: string): boolean {
  return stateCodesAnywhere.has(code.toUpperCase());
}

/** Salesforce's validFor: one bit per controlling value, most significant bit first, base64-encoded. */
function validFor(controllerIndex: number): string {
  const bytes = new Uint8Array(Math.ceil(COUNTRIES.length / 8));
  bytes[controllerIndex >> 3] = 0x80 >> (controllerIndex & 7);
  return Buffer.from(bytes).toString('base64');
}

function countryValues(): PicklistValue[] {
  return COUNTRIES.map(([code, name]) => ({ value: code, label: name, active: true, defaultValue: false }));
}

/** One entry per country and state: codes repeat across countries (CA is California and Cagliari). */
function stateValues(): PicklistValue[] {
  return COUNTRIES.flatMap(([countryCode], index) =>
    statesOf(countryCode).map(([code, name]) => ({ value: code, label: name, active: true, defaultValue: false, validFor: validFor(index) })),
  );
}

/** The StateCode and CountryCode fields of one address, labelled after its State and Country fields. */
export function addressCodeFields(names: AddressFieldNames, stateLabel: string, countryLabel: string): FieldDefinition[] {
  const picklist = { length: 10, restrictedPicklist: true };
  return [
    field(names.stateCode, `${stateLabel} Code`, 'picklist', { ...picklist, picklistValues: stateValues(), controllerName: names.countryCode }),
    field(names.countryCode, `${countryLabel} Code`, 'picklist', { ...picklist, picklistValues: countryValues() }),
  ];
}
