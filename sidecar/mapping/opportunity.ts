// The opportunity rules of the user guide: which stage, which close date, which contact role, for
// an abandoned cart and for the order placed from it (the same Salesforce record).
import type { Cart, Order } from '../magento/records.js';
import { addDays, dayInTimezone } from './dates.js';
import { EXTERNAL_ID_FIELD, orderKey, quoteKey } from './keys.js';
import { fullName, type Person, type SalesforcePayload } from './people.js';

export type CartStatus = 'Open' | 'Abandoned' | 'Purchased' | 'Lost' | 'Expired';

export interface CartRules {
  stage: string;
  recordTypeId: string | null;
  salesCycleDays: number;
  /** null when "Enable Contact Roles" is No. */
  contactRole: string | null;
}

export interface OrderRules {
  createOpportunity: boolean;
  recordTypeId: string | null;
  salesCycleDays: number;
  contactRole: string | null;
  /** "Default Opportunity Draft Status": the stage of a status the mapping does not name. */
  draftStage: string;
  /** "Field Mappings → Opportunity Status": Magento order status code → stage. */
  stageByStatus: Readonly<Record<string, string>>;
  /** "Converted Opportunity Status"; null when "Convert Opportunity" is No. */
  convertedStage: string | null;
  useInvoiceDateAsCloseDate: boolean;
}

export interface OpportunityContext {
  instance: string;
  storeName: string | null;
  timeZone: string;
  /** The day the opportunity was first created (store timezone); close dates count from it. */
  createdOn: string;
}

export type OpportunityPlan =
  | { kind: 'sync'; key: string; payload: SalesforcePayload; contactRole: string | null; stage: string }
  | { kind: 'skip'; reason: string };

const LOST_STATES = new Set(['canceled', 'closed']);

function opportunityName(prefix: string, reference: string, person: Person): string {
  const who = fullName(person) ?? person.email;
  return who ? `${prefix} ${reference} – ${who}` : `${prefix} ${reference}`;
}

function basePayload(key: string, person: Person, recordTypeId: string | null): SalesforcePayload {
  const payload: SalesforcePayload = { [EXTERNAL_ID_FIELD]: key, Account: { [EXTERNAL_ID_FIELD]: person.key } };
  if (recordTypeId) payload.RecordTypeId = recordTypeId;
  return payload;
}

export function cartStatus(cart: Cart): CartStatus {
  if (!cart.isActive) return 'Expired';
  return cart.reachedCheckout ? 'Abandoned' : 'Open';
}

export function planCartOpportunity(cart: Cart, person: Person | undefined, rules: CartRules, context: OpportunityContext): OpportunityPlan {
  if (!person) return { kind: 'skip', reason: 'The cart has no e-mail address yet, so there is no contact to attach an opportunity to.' };
  if (cart.itemsCount <= 0) return { kind: 'skip', reason: 'The cart is empty.' };
  const key = quoteKey(context.instance, cart.quoteId);
  return {
    kind: 'sync',
    key,
    stage: rules.stage,
    contactRole: rules.contactRole,
    payload: {
      ...basePayload(key, person, rules.recordTypeId),
      Name: opportunityName('Cart', String(cart.quoteId), person),
      StageName: rules.stage,
      CloseDate: addDays(context.createdOn, rules.salesCycleDays),
      Amount: cart.baseGrandTotal,
      Magento_Cart_Status__c: cartStatus(cart),
      Magento_Order_Number__c: null,
      Magento_Store__c: context.storeName,
      Magento_Currency__c: cart.currencyCode,
      Magento_Currency_Total__c: cart.grandTotal,
    },
  };
}

/** The stage an order puts its opportunity in, and whether that is the conversion. */
export function orderStage(order: Order, rules: OrderRules): { stage: string; converted: boolean } {
  if (rules.convertedStage && order.isPaid) return { stage: rules.convertedStage, converted: true };
  const mapped = order.status ? rules.stageByStatus[order.status] : undefined;
  return { stage: mapped ?? rules.draftStage, converted: false };
}

export function planOrderOpportunity(order: Order, person: Person | undefined, rules: OrderRules, context: OpportunityContext): OpportunityPlan {
  if (!rules.createOpportunity) return { kind: 'skip', reason: 'Create Opportunity is set to "No" for orders.' };
  if (!person) return { kind: 'skip', reason: 'The order has no e-mail address, so there is no contact to attach an opportunity to.' };
  const key = order.quoteId !== null ? quoteKey(context.instance, order.quoteId) : orderKey(context.instance, order.entityId);
  const { stage, converted } = orderStage(order, rules);
  const closeDate =
    converted && rules.useInvoiceDateAsCloseDate && order.latestInvoiceAt
      ? dayInTimezone(order.latestInvoiceAt, context.timeZone)
      : addDays(context.createdOn, rules.salesCycleDays);
  return {
    kind: 'sync',
    key,
    stage,
    contactRole: rules.contactRole,
    payload: {
      ...basePayload(key, person, rules.recordTypeId),
      Name: opportunityName('Order', order.incrementId ?? String(order.entityId), person),
      StageName: stage,
      CloseDate: closeDate,
      Amount: order.baseGrandTotal,
      Magento_Cart_Status__c: order.state && LOST_STATES.has(order.state) && !order.isPaid ? 'Lost' : 'Purchased',
      Magento_Order_Number__c: order.incrementId,
      Magento_Store__c: context.storeName,
      Magento_Currency__c: order.currencyCode,
      Magento_Currency_Total__c: order.grandTotal,
    },
  };
}
