// A record type is unique by developer name within its object, and its object gains the
// RecordTypeId field as soon as the first one exists.
import type { RecordRules } from '../record-rules.js';
import { SalesforceError } from '../salesforce-error.js';

export const recordTypeRules: RecordRules = {
  derive(context, next, previous) {
    if (previous) return;
    const developerName = String(next.DeveloperName).toLowerCase();
    for (const existing of context.store.recordsOf('RecordType')) {
      const values = existing.values;
      if (values.SobjectType === next.SobjectType && String(values.DeveloperName).toLowerCase() === developerName) {
        throw new SalesforceError('DUPLICATE_DEVELOPER_NAME', `Record Type Name ${String(next.DeveloperName)} already exists for ${String(next.SobjectType)}`, ['DeveloperName']);
      }
    }
  },
  afterWrite(context, next) {
    if (typeof next?.SobjectType === 'string') context.metadata.enableRecordTypes(next.SobjectType);
  },
};
