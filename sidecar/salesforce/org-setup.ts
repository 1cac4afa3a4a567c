// `forcebridge setup-org`: the custom fields Forcebridge writes, created through the Tooling API
// when the org lacks them. Running it again changes nothing.
import type { Connection } from 'jsforce';
import { EXTERNAL_ID_FIELD } from '../mapping/keys.js';

export const CART_STATUSES = ['Open', 'Abandoned', 'Purchased', 'Lost', 'Expired'] as const;

interface FieldSpec {
  object: string;
  name: string;
  label: string;
  metadata: Record<string, unknown>;
}

const externalKey = (object: string): FieldSpec => ({
  object,
  name: EXTERNAL_ID_FIELD,
  label: 'Magento Key',
  metadata: { type: 'Text', length: 255, externalId: true, unique: true, caseSensitive: false },
});

export const REQUIRED_FIELDS: readonly FieldSpec[] = [
  externalKey('Account'),
  externalKey('Contact'),
  externalKey('Opportunity'),
  { object: 'Opportunity', name: 'Magento_Order_Number__c', label: 'Magento Order Number', metadata: { type: 'Text', length: 50 } },
  {
    object: 'Opportunity',
    name: 'Magento_Cart_Status__c',
    label: 'Magento Cart Status',
    metadata: {
      type: 'Picklist',
      valueSet: { restricted: true, valueSetDefinition: { value: CART_STATUSES.map((value) => ({ fullName: value, label: value, default: false })) } },
    },
  },
  { object: 'Opportunity', name: 'Magento_Store__c', label: 'Magento Store', metadata: { type: 'Text', length: 255 } },
  { object: 'Opportunity', name: 'Magento_Currency__c', label: 'Magento Currency', metadata: { type: 'Text', length: 3 } },
  { object: 'Opportunity', name: 'Magento_Currency_Total__c', label: 'Magento Total (order currency)', metadata: { type: 'Number', precision: 18, scale: 2 } },
  { object: 'Opportunity', name: 'Magento_Refunded_Amount__c', label: 'Magento Refunded Amount', metadata: { type: 'Currency', precision: 18, scale: 2 } },
];

export interface SetupStep {
  field: string;
  action: 'present' | 'created' | 'failed';
  detail?: string;
}

export async function missingFields(connection: Connection): Promise<FieldSpec[]> {
  const missing: FieldSpec[] = [];
  for (const object of [...new Set(REQUIRED_FIELDS.map((f) => f.object))]) {
    const names = new Set((await connection.describe(object)).fields.map((f) => f.name));
    missing.push(...REQUIRED_FIELDS.filter((f) => f.object === object && !names.has(f.name)));
  }
  return missing;
}

export async function setupOrg(connection: Connection): Promise<SetupStep[]> {
  const missing = new Set(await missingFields(connection));
  const steps: SetupStep[] = [];
  for (const spec of REQUIRED_FIELDS) {
    const field = `${spec.object}.${spec.name}`;
    if (!missing.has(spec)) {
      steps.push({ field, action: 'present' });
      continue;
    }
    try {
      await connection.tooling.sobject('CustomField').create({ FullName: field, Metadata: { label: spec.label, ...spec.metadata } });
      steps.push({ field, action: 'created' });
    } catch (error) {
      steps.push({ field, action: 'failed', detail: (error as Error).message });
    }
  }
  return steps;
}
