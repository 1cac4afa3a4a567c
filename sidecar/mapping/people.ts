// Customers and guests become one Account and one Contact each, both keyed by the same value.
import type { Customer } from '../magento/records.js';
import { EXTERNAL_ID_FIELD, customerKey, guestKey } from './keys.js';

export interface Person {
  key: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  phone: string | null;
  city: string | null;
  countryId: string | null;
}

export type SalesforcePayload = Record<string, string | number | boolean | null | { [EXTERNAL_ID_FIELD]: string }>;

const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

export function personFromCustomer(instance: string, customer: Customer): Person {
  return {
    key: customerKey(instance, customer.customerId),
    email: clean(customer.email),
    firstName: clean(customer.firstName),
    lastName: clean(customer.lastName),
    company: clean(customer.company),
    phone: clean(customer.phone),
    city: clean(customer.city),
    countryId: clean(customer.countryId),
  };
}

/** A guest is known by e-mail only; without one there is nobody to create. */
export function personFromGuest(
  instance: string,
  guest: { email: string | null; firstName: string | null; lastName: string | null },
): Person | undefined {
  const email = clean(guest.email);
  if (!email) return undefined;
  return {
    key: guestKey(instance, email),
    email: email.toLowerCase(),
    firstName: clean(guest.firstName),
    lastName: clean(guest.lastName),
    company: null,
    phone: null,
    city: null,
    countryId: null,
  };
}

export function fullName(person: Person): string | null {
  return clean([person.firstName, person.lastName].filter(Boolean).join(' '));
}

export function accountPayload(person: Person): SalesforcePayload {
  return {
    [EXTERNAL_ID_FIELD]: person.key,
    Name: person.company ?? fullName(person) ?? person.email ?? person.key,
    Phone: person.phone,
    BillingCity: person.city,
    BillingCountry: person.countryId,
  };
}

export function contactPayload(person: Person): SalesforcePayload {
  return {
    [EXTERNAL_ID_FIELD]: person.key,
    FirstName: person.firstName,
    // Salesforce requires a last name; Magento lets a customer have none.
    LastName: person.lastName ?? person.firstName ?? person.email?.split('@')[0] ?? 'Unknown',
    Email: person.email,
    Phone: person.phone,
    MailingCity: person.city,
    MailingCountry: person.countryId,
    Account: { [EXTERNAL_ID_FIELD]: person.key },
  };
}
