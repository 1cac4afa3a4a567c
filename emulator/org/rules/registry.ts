// Which objects carry extra behaviour on write.
import type { RecordRules } from '../record-rules.js';
import { opportunityRules } from './opportunity.js';
import { personNameRules } from './person-name.js';
import { opportunityLineItemRules, pricebookEntryRules } from './pricebook.js';
import { recordTypeRules } from './record-type.js';

const RULES_BY_OBJECT: Readonly<Record<string, RecordRules>> = {
  Contact: personNameRules,
  Lead: personNameRules,
  User: personNameRules,
  Opportunity: opportunityRules,
  PricebookEntry: pricebookEntryRules,
  OpportunityLineItem: opportunityLineItemRules,
  RecordType: recordTypeRules,
};

export function rulesFor(objectName: string): RecordRules | undefined {
  return RULES_BY_OBJECT[objectName];
}
