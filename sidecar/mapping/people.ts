// Customers and guests become a Contact and an Account. Which Contact and Account they write to
// (their own key, one another person with the same e-mail claimed first, a company's Account, or a
// record sales created) is decided by the sync's matching step; these rules only say what goes in.
import type { Address, Customer, Purchase } from '../magento/records.js';
import { EXTERNAL_ID_FIELD, customerKey, guestKey } from './keys.js';

export interface Person {
  /** Magento_Key__c this person would have on their own. */
  key: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  prefix: string | null;
  /** YYYY-MM-DD. */
  birthdate: string | null;
  company: string | null;
  phone: string | null;
  billingAddress: Address | null;
  shippingAddress: Address | null;
}

type PayloadValue = string | number | boolean | null | { [EXTERNAL_ID_FIELD]: string };
export type SalesforcePayload = Record<string, PayloadValue>;

/**
 * How the org takes countries and states: names in text fields, or State and Country picklist
 * codes, a state only as a code the org lists for the country (it refuses any other, even as text).
 */
export type AddressMode =
  | { kind: 'names' }
  | { kind: 'codes'; stateCode: (countryCode: string | null, regionCode: string | null, regionName: string | null) => string | null };

export const NAMES: AddressMode = { kind: 'names' };

const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** Lower-cased and trimmed: the form e-mail addresses are compared and keyed in. */
export function normalizedEmail(email: string | null | undefined): string | null {
  return clean(email)?.toLowerCase() ?? null;
}

/** What a customer account and a cart or order both say about the person. */
type PersonFacts = Pick<Purchase, 'firstName' | 'lastName' | 'prefix' | 'dob' | 'billingAddress' | 'shippingAddress'>;

function personWith(key: string, email: string | null, facts: PersonFacts): Person {
  return {
    key,
    email,
    firstName: clean(facts.firstName),
    lastName: clean(facts.lastName),
    prefix: clean(facts.prefix),
    birthdate: facts.dob,
    company: clean(facts.billingAddress?.company),
    phone: clean(facts.billingAddress?.telephone),
    billingAddress: facts.billingAddress,
    shippingAddress: facts.shippingAddress,
  };
}

export function personFromCustomer(instance: string, customer: Customer): Person {
  return personWith(customerKey(instance, customer.customerId), clean(customer.email), customer);
}

/** A guest is known by the e-mail of a cart or order; without one there is nobody to create. */
export function personFromGuest(instance: string, purchase: Purchase): Person | undefined {
  const email = normalizedEmail(purchase.email);
  return email ? personWith(guestKey(instance, email), email, purchase) : undefined;
}

export function fullName(person: Person): string | null {
  return clean([person.firstName, person.lastName].filter(Boolean).join(' '));
}

const countryNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** The English name of an ISO country code, as Salesforce's country names read; null when unknown. */
export function countryName(code: string | null): string | null {
  if (!code || !/^[A-Za-z]{2}$/.test(code)) return null;
  return countryNames.of(code.toUpperCase()) ?? null;
}

/**
 * An address under a Salesforce field prefix (Billing, Shipping, Mailing, Other). With names, the
 * country's and region's names go into the text fields (never a bare code); with State and Country
 * picklists, the ISO country code, and the org's code for Magento's region (by code, else by name)
 * when the org lists that state for the country.
 */
export function addressFields(prefix: string, address: Address | null, mode: AddressMode): SalesforcePayload {
  if (!address) return {};
  const fields: SalesforcePayload = {
    [`${prefix}Street`]: clean(address.street.map((line) => line.trim()).filter(Boolean).join('\n')),
    [`${prefix}City`]: clean(address.city),
    [`${prefix}PostalCode`]: clean(address.postcode),
  };
  if (mode.kind === 'codes') {
    const country = clean(address.countryId)?.toUpperCase() ?? null;
    fields[`${prefix}CountryCode`] = country;
    fields[`${prefix}StateCode`] = mode.stateCode(country, clean(address.regionCode), clean(address.region));
  } else {
    fields[`${prefix}Country`] = countryName(address.countryId);
    fields[`${prefix}State`] = clean(address.region);
  }
  return fields;
}

/** The org's Salutation value for a Magento prefix ("mr" → "Mr."), or null when it has none like it. */
export function salutationFor(prefix: string | null, salutations: readonly string[]): string | null {
  const wanted = clean(prefix)?.replace(/\.$/, '').toLowerCase();
  if (!wanted) return null;
  return salutations.find((value) => value.replace(/\.$/, '').toLowerCase() === wanted) ?? null;
}

/** The Account a person has on their own, or the one their company shares: named after the company, else the person. */
export function accountPayload(person: Person, accountKey: string, mode: AddressMode): SalesforcePayload {
  return {
    [EXTERNAL_ID_FIELD]: accountKey,
    Name: person.company ?? fullName(person) ?? person.email ?? person.key,
    Phone: person.phone,
    ...addressFields('Billing', person.billingAddress, mode),
    ...addressFields('Shipping', person.shippingAddress, mode),
  };
}

/** The Contact's own fields; which Account it belongs to is the matching step's to say. */
export function contactPayload(person: Person, contactKey: string, mode: AddressMode, salutations: readonly string[]): SalesforcePayload {
  return {
    [EXTERNAL_ID_FIELD]: contactKey,
    FirstName: person.firstName,
    // Salesforce requires a last name; Magento lets a customer have none.
    LastName: person.lastName ?? person.firstName ?? person.email?.split('@')[0] ?? 'Unknown',
    Email: person.email,
    Phone: person.phone,
    Salutation: salutationFor(person.prefix, salutations),
    Birthdate: person.birthdate,
    ...addressFields('Mailing', person.billingAddress, mode),
    ...addressFields('Other', person.shippingAddress, mode),
  };
}
