// Values of the Magento_Key__c external-ID field: the install's name, the entity and its id. The
// same key always names the same Salesforce record, which is what makes every write an upsert.
export const EXTERNAL_ID_FIELD = 'Magento_Key__c';

export function customerKey(instance: string, customerId: number): string {
  return `${instance}:customer:${customerId}`;
}

/** Guests are one person per e-mail address, whatever the case it was typed in. */
export function guestKey(instance: string, email: string): string {
  return `${instance}:guest:${email.trim().toLowerCase()}`;
}

/** A cart and the order placed from it share one opportunity, keyed by the quote. */
export function quoteKey(instance: string, quoteId: number): string {
  return `${instance}:quote:${quoteId}`;
}

/** Only for orders Magento created without a quote (imports); normal orders use quoteKey. */
export function orderKey(instance: string, orderId: number): string {
  return `${instance}:order:${orderId}`;
}
