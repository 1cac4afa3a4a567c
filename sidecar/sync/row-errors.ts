// Salesforce's refusals in words a merchant can act on.
import type { RowError } from '../salesforce/upsert-writer.js';

/** A Salesforce error in words a merchant can act on. */
export function describeError(object: string, error: RowError): string {
  // A Contact or Opportunity naming an Account that was just refused fails with this; the Account's own error says why.
  if (/Foreign key external ID/.test(error.message)) return `${object} was not written because its Account was not.`;
  if (error.code === 'INVALID_FIELD' && /Magento_/.test(error.message)) {
    return `${object}: Salesforce lacks a Forcebridge field (${error.message}). Run "forcebridge setup-org".`;
  }
  const fields = error.fields.length > 0 ? ` (fields: ${error.fields.join(', ')})` : '';
  return `${object} was refused by Salesforce: ${error.message}${fields} [${error.code}]`;
}
