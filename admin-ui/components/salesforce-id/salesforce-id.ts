// The "Salesforce ID" cell: the record's Salesforce id as a link that opens it in the org.
import type { RecordSync } from '../../api/contract.js';
import template from './salesforce-id.html';

export class SalesforceIdCell {
  readonly salesforceId: string | null;
  /** Only http(s) addresses become links, so a stored value can never run script. */
  readonly href: string | null;

  constructor(params: { sync: Pick<RecordSync, 'salesforceId' | 'salesforceUrl'> }) {
    this.salesforceId = params.sync.salesforceId;
    this.href = safeHttpUrl(params.sync.salesforceUrl);
  }
}

function safeHttpUrl(address: string | null): string | null {
  if (!address) return null;
  try {
    const url = new URL(address, window.location.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export const salesforceIdComponent = { name: 'forcebridge-salesforce-id', viewModel: SalesforceIdCell, template };
