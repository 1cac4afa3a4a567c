// Who owns which field once a record exists. Magento never blanks what Salesforce has, and the
// fields a rep works on (names, owner, description, an open opportunity's close date, a cart's
// stage) are written when the record is created and afterwards only when Magento's own story moves
// on (cart → order, conversion, loss, expiry).
import type { OpportunityPhase } from './opportunity.js';
import type { SalesforcePayload } from './people.js';

/** Values Magento does not have are left out, so they never overwrite what Salesforce holds. */
export function withoutBlanks(payload: SalesforcePayload): SalesforcePayload {
  return Object.fromEntries(Object.entries(payload).filter(([, value]) => value !== null && value !== undefined && value !== ''));
}

function without(payload: SalesforcePayload, fields: readonly string[]): SalesforcePayload {
  return Object.fromEntries(Object.entries(payload).filter(([field]) => !fields.includes(field)));
}

const REP_OWNED_AFTER_CREATION = {
  Account: ['Name', 'OwnerId', 'Description'],
  Contact: ['OwnerId'],
} as const;

/** An Account's or Contact's fields to write: all when it is new, else all but the rep's. */
export function personFieldsToWrite(object: 'Account' | 'Contact', payload: SalesforcePayload, isNew: boolean): SalesforcePayload {
  const present = withoutBlanks(payload);
  return isNew ? present : without(present, REP_OWNED_AFTER_CREATION[object]);
}

/**
 * An Opportunity's fields to write, given the phase and the stage last written (null: never
 * written). The owner is set once; name, description and close date move with the phase; a cart's
 * stage is written again only when the configured stage changed, so a rep's stage (closed, say)
 * survives changes to the cart.
 */
export function opportunityFieldsToWrite(
  payload: SalesforcePayload,
  previousPhase: OpportunityPhase | null,
  phase: OpportunityPhase,
  stageWritten: string | null,
): SalesforcePayload {
  const present = withoutBlanks(payload);
  if (previousPhase === null) return present;
  if (previousPhase !== phase) return without(present, ['OwnerId']);
  const repOwned = ['OwnerId', 'Name', 'Description', 'CloseDate'];
  return without(present, phase === 'cart' && present.StageName === stageWritten ? [...repOwned, 'StageName'] : repOwned);
}
