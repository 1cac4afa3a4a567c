// Values of the Magento_Key__c external-ID field: the install's name, the entity and its id. The
// same key always names the same Salesforce record, which is what makes every write an upsert.
import { createHash } from 'node:crypto';

export const EXTERNAL_ID_FIELD = 'Magento_Key__c';

export function customerKey(instance: string, customerId: number): string {
  return `${instance}:customer:${customerId}`;
}

/** Guests are one person per e-mail address, whatever the case it was typed in. */
export function guestKey(instance: string, email: string): string {
  return `${instance}:guest:${email.trim().toLowerCase()}`;
}

/** B2B: customers whose billing address names the same company share its Account. */
export function companyKey(instance: string, company: string): string {
  const name = company.trim().toLowerCase();
  // Magento_Key__c holds 255 characters; a company name can too.
  return name.length <= 200 ? `${instance}:company:${name}` : `${instance}:company-sha256:${createHash('sha256').update(name).digest('hex')}`;
}

/** A cart and the order placed from it share one opportunity, keyed by the quote. */
export function quoteKey(instance: string, quoteId: number): string {
  return `${instance}:quote:${quoteId}`;
}

/**
 * Orders without a quote (imports), and every order after the first of a multi-address checkout
 * (one quote, several orders); the first order of a quote uses quoteKey.
 */
export function orderKey(instance: string, orderId: number): string {
  return `${instance}:order:${orderId}`;
}
