// The opportunity rules of the user guide: which stage, which close date, which contact role, for
// an abandoned cart and for the order placed from it (the same Salesforce record), plus the facts a
// sales team reads (lead source, type, a description of what was bought).
import type { Cart, Order, Purchase } from '../magento/records.js';
import { addDays, dayInTimezone } from './dates.js';
import { EXTERNAL_ID_FIELD } from './keys.js';
import { fullName, type Person, type SalesforcePayload } from './people.js';

export type CartStatus = 'Open' | 'Abandoned' | 'Purchased' | 'Lost' | 'Expired';

/**
 * Where the opportunity's Magento story stands. Fields a rep owns after creation are written again
 * only when this changes (see ownership.ts).
 */
export type OpportunityPhase = 'cart' | 'open' | 'won' | 'lost' | 'expired';

export interface CartRules {
  stage: string;
  recordTypeId: string | null;
  salesCycleDays: number;
  /** null when "Enable Contact Roles" is No. */
  contactRole: string | null;
  expiredStage: string;
  expireAfterDays: number;
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
  /** Magento_Key__c of this opportunity. */
  key: string;
  storeName: string | null;
  timeZone: string;
  /** The day the opportunity's Magento story began (store timezone); close dates count from it. */
  createdOn: string;
  now: Date;
  /** What was last written to Salesforce for this key; null when nothing has been yet. */
  previousPhase: OpportunityPhase | null;
  leadSource: string | null;
  ownerId: string | null;
}

export type OpportunityPlan =
  | { kind: 'sync'; key: string; payload: SalesforcePayload; contactRole: string | null; stage: string; phase: OpportunityPhase; closedOn: string | null }
  | { kind: 'skip'; reason: string };

const LOST_STATES = new Set(['canceled', 'closed']);
const DAY_MS = 86_400_000;

function opportunityName(prefix: string, reference: string, person: Person): string {
  const who = fullName(person) ?? person.email;
  return who ? `${prefix} ${reference} – ${who}` : `${prefix} ${reference}`;
}

function money(value: number, currency: string | null): string {
  return `${value.toFixed(2)}${currency ? ` ${currency}` : ''}`;
}

/** What a rep reads first: the items (SKU, name, quantity, price), payment, shipping and coupon. */
export function purchaseDescription(purchase: Purchase, items: Cart['items']): string {
  const lines = items
    .filter((item) => item.parentItemId === null)
    .map((item) => `${item.sku ?? '(no SKU)'} – ${item.name ?? '(no name)'} × ${Number(item.qty.toFixed(4))} @ ${money(item.price, purchase.currencyCode)}`);
  const facts: [string, string | null][] = [
    ['Payment', purchase.paymentMethod],
    ['Shipping', purchase.shippingMethod],
    ['Coupon', purchase.couponCode],
  ];
  return [...lines, ...facts.filter(([, value]) => value).map(([label, value]) => `${label}: ${value}`)].join('\n');
}

function commonFields(purchase: Purchase, recordTypeId: string | null, context: OpportunityContext): SalesforcePayload {
  const payload: SalesforcePayload = {
    [EXTERNAL_ID_FIELD]: context.key,
    LeadSource: context.leadSource,
    Type: purchase.buyerHasEarlierOrder ? 'Existing Customer - Upgrade' : 'New Customer',
    OwnerId: context.ownerId,
    Magento_Store__c: context.storeName,
    Magento_Currency__c: purchase.currencyCode,
    Magento_Currency_Total__c: purchase.grandTotal,
  };
  if (recordTypeId) payload.RecordTypeId = recordTypeId;
  return payload;
}

export function cartStatus(cart: Cart): CartStatus {
  if (!cart.isActive) return 'Expired';
  return cart.reachedCheckout ? 'Abandoned' : 'Open';
}

/** The day a cart without an order expired (store timezone), or null while it is still live. */
export function cartExpiredOn(cart: Cart, expireAfterDays: number, now: Date, timeZone: string): string | null {
  if (!cart.isActive) return dayInTimezone(cart.updatedAt, timeZone);
  const idleUntil = new Date(cart.updatedAt).getTime() + expireAfterDays * DAY_MS;
  return idleUntil <= now.getTime() ? dayInTimezone(new Date(idleUntil), timeZone) : null;
}

/** A cart that is gone or over: the opportunity closes as Expired on that day. */
export function expiredCartPlan(key: string, rules: CartRules, expiredOn: string, contactRole: string | null): OpportunityPlan {
  return {
    kind: 'sync',
    key,
    stage: rules.expiredStage,
    contactRole,
    phase: 'expired',
    closedOn: expiredOn,
    payload: { [EXTERNAL_ID_FIELD]: key, StageName: rules.expiredStage, CloseDate: expiredOn, Magento_Cart_Status__c: 'Expired' },
  };
}

export function planCartOpportunity(cart: Cart, person: Person | undefined, rules: CartRules, context: OpportunityContext): OpportunityPlan {
  if (!person) return { kind: 'skip', reason: 'The cart has no e-mail address yet, so there is no contact to attach an opportunity to.' };
  const expiredOn = cartExpiredOn(cart, rules.expireAfterDays, context.now, context.timeZone);
  if (expiredOn) {
    if (context.previousPhase !== 'cart') return { kind: 'skip', reason: 'The cart expired without becoming an opportunity.' };
    return expiredCartPlan(context.key, rules, expiredOn, rules.contactRole);
  }
  if (cart.itemsCount <= 0) return { kind: 'skip', reason: 'The cart is empty.' };
  if (cart.baseGrandTotal <= 0) return { kind: 'skip', reason: 'The cart totals zero.' };
  return {
    kind: 'sync',
    key: context.key,
    stage: rules.stage,
    contactRole: rules.contactRole,
    phase: 'cart',
    closedOn: null,
    payload: {
      ...commonFields(cart, rules.recordTypeId, context),
      Name: opportunityName('Cart', String(cart.quoteId), person),
      Description: purchaseDescription(cart, cart.items),
      StageName: rules.stage,
      CloseDate: addDays(context.createdOn, rules.salesCycleDays),
      Amount: cart.baseGrandTotal,
      Magento_Cart_Status__c: cartStatus(cart),
    },
  };
}

/** Paid in full at some point: it stays won through holds and status changes, until canceled or fully refunded. */
function wasPaid(order: Order): boolean {
  return order.latestInvoiceAt !== null && order.totalPaid >= order.grandTotal;
}

/** Where an order puts its opportunity: the stage, the phase and, once closed, the day it closed. */
export function orderOutcome(order: Order, rules: OrderRules, context: Pick<OpportunityContext, 'timeZone' | 'createdOn'>): { stage: string; phase: OpportunityPhase; closedOn: string | null } {
  const mapped = (order.status ? rules.stageByStatus[order.status] : undefined) ?? rules.draftStage;
  if (order.state !== null && LOST_STATES.has(order.state)) {
    const lostAt = order.state === 'canceled' ? (order.canceledAt ?? order.updatedAt) : (order.latestCreditMemoAt ?? order.updatedAt);
    return { stage: mapped, phase: 'lost', closedOn: dayInTimezone(lostAt, context.timeZone) };
  }
  if (rules.convertedStage && wasPaid(order)) {
    const invoicedOn = dayInTimezone(order.latestInvoiceAt!, context.timeZone);
    const cycleEnd = addDays(context.createdOn, rules.salesCycleDays);
    // Won is closed: its close date is never after the day it was won.
    const closedOn = rules.useInvoiceDateAsCloseDate || invoicedOn < cycleEnd ? invoicedOn : cycleEnd;
    return { stage: rules.convertedStage, phase: 'won', closedOn };
  }
  return { stage: mapped, phase: 'open', closedOn: null };
}

export function planOrderOpportunity(order: Order, person: Person | undefined, rules: OrderRules, context: OpportunityContext): OpportunityPlan {
  if (!rules.createOpportunity) return { kind: 'skip', reason: 'Create Opportunity is set to "No" for orders.' };
  if (!person) return { kind: 'skip', reason: 'The order has no e-mail address, so there is no contact to attach an opportunity to.' };
  const { stage, phase, closedOn } = orderOutcome(order, rules, context);
  return {
    kind: 'sync',
    key: context.key,
    stage,
    phase,
    closedOn,
    contactRole: rules.contactRole,
    payload: {
      ...commonFields(order, rules.recordTypeId, context),
      Name: opportunityName('Order', order.incrementId ?? String(order.entityId), person),
      Description: purchaseDescription(order, order.items),
      StageName: stage,
      CloseDate: closedOn ?? addDays(context.createdOn, rules.salesCycleDays),
      Amount: order.baseGrandTotal,
      Magento_Cart_Status__c: phase === 'lost' ? 'Lost' : 'Purchased',
      Magento_Order_Number__c: order.incrementId,
      Magento_Refunded_Amount__c: order.baseTotalRefunded,
    },
  };
}
