// Turns a leased batch of queue entries into work units: reads the Magento records, resolves each
// store's configuration, applies the mapping rules and checks the result against what the org
// accepts. Nothing is sent from here. A record that cannot be read or mapped becomes a unit with a
// data error of its own; the others go on.
import type { DatabasePool } from '../db/pool.js';
import { readCarts } from '../magento/carts.js';
import type { MagentoConfig, StoreConfig } from '../magento/config.js';
import { readCustomers } from '../magento/customers.js';
import { findOrderIdsByQuoteId, readOrders } from '../magento/orders.js';
import type { Cart, Customer, LinkedEntityType, Order, Purchase, UnreadableRows } from '../magento/records.js';
import { listStoreViews } from '../magento/stores.js';
import { dayInTimezone } from '../mapping/dates.js';
import { orderKey, quoteKey } from '../mapping/keys.js';
import { expiredCartPlan, planCartOpportunity, planOrderOpportunity, type CartRules, type OpportunityPhase, type OpportunityPlan } from '../mapping/opportunity.js';
import { personFromCustomer, personFromGuest, type Person } from '../mapping/people.js';
import type { LeasedEntry } from '../queue/queue.js';
import type { OrgProfile } from '../salesforce/org-profile.js';
import { readOpportunityStories, reserveOpportunityStories } from './opportunity-store.js';

export type PlannedOpportunity = Extract<OpportunityPlan, { kind: 'sync' }> & {
  previousPhase: OpportunityPhase | null;
  /** quote.updated_at of the cart written, while the opportunity is a cart. */
  cartUpdatedAt: string | null;
};

export interface WorkUnit {
  entry: LeasedEntry;
  /** The link row this entry's outcome lands in. */
  linkType: LinkedEntityType;
  linkId: string;
  storeId: number | null;
  sourceUpdatedAt: string | null;
  person?: Person;
  /** The link row of the person (customer or guest), updated with the Account and Contact ids. */
  personLink?: { type: 'customer' | 'guest'; id: string };
  /** "Share One Account per Company" in the record's store. */
  matchCompany: boolean;
  /** The Salesforce user who owns what this record creates; null = the integration user. */
  ownerId: string | null;
  opportunity?: PlannedOpportunity;
  /** Not sent, and why (a merchant reads it). */
  skipReason?: string;
  /** A setting the org does not accept: nothing is sent until it is fixed. */
  configError?: string;
  /** The Magento record could not be read or mapped (names the table and column): retried later. */
  dataError?: string;
}

interface Records {
  customers: Map<number, Customer>;
  carts: Map<number, Cart>;
  orders: Map<number, Order>;
  /** The first order placed from each quote: it carries the cart's opportunity. */
  firstOrderOfQuote: Map<number, number>;
  unreadable: Record<'customer' | 'quote' | 'order', UnreadableRows>;
}

async function readRecords(pool: DatabasePool, entries: readonly LeasedEntry[]): Promise<Records> {
  const ids = (type: LeasedEntry['entityType']) => entries.filter((e) => e.entityType === type).map((e) => e.entityId);
  const carts = await readCarts(pool, ids('quote'));
  const cartQuoteIds = carts.records.map((c) => c.quoteId);
  const ordersOfCarts = await findOrderIdsByQuoteId(pool, cartQuoteIds);
  const firstOrderIds = [...ordersOfCarts.values()].map((list) => Math.min(...list));
  const orders = await readOrders(pool, [...new Set([...ids('order'), ...firstOrderIds])]);
  // Multi-address checkout places several orders from one quote; only the first takes the cart's opportunity.
  const orderQuoteIds = orders.records.flatMap((o) => (o.quoteId !== null && !ordersOfCarts.has(o.quoteId) ? [o.quoteId] : []));
  const ordersOfQuotes = new Map([...ordersOfCarts, ...(await findOrderIdsByQuoteId(pool, orderQuoteIds))]);
  const firstOrderOfQuote = new Map([...ordersOfQuotes].map(([quoteId, list]) => [quoteId, Math.min(...list)]));
  const customerIds = new Set(ids('customer'));
  for (const record of [...carts.records, ...orders.records]) if (record.customerId !== null) customerIds.add(record.customerId);
  const customers = await readCustomers(pool, [...customerIds]);
  return {
    customers: new Map(customers.records.map((c) => [c.customerId, c])),
    carts: new Map(carts.records.map((c) => [c.quoteId, c])),
    orders: new Map(orders.records.map((o) => [o.entityId, o])),
    firstOrderOfQuote,
    unreadable: { customer: customers.unreadable, quote: carts.unreadable, order: orders.unreadable },
  };
}

export interface PlannerContext {
  pool: DatabasePool;
  config: MagentoConfig;
  org: OrgProfile;
  instance: string;
  now?: Date;
}

function orderOpportunityKey(instance: string, order: Order, firstOrderOfQuote: Map<number, number>): string {
  if (order.quoteId !== null && (firstOrderOfQuote.get(order.quoteId) ?? order.entityId) === order.entityId) return quoteKey(instance, order.quoteId);
  return orderKey(instance, order.entityId);
}

function personOf(instance: string, record: Purchase, customers: Map<number, Customer>): { person?: Person; link?: WorkUnit['personLink'] } {
  const customer = record.customerId !== null ? customers.get(record.customerId) : undefined;
  if (customer) return { person: personFromCustomer(instance, customer), link: { type: 'customer', id: String(customer.customerId) } };
  const person = personFromGuest(instance, record);
  return person ? { person, link: { type: 'guest', id: person.email! } } : {};
}

/** Why a setting cannot be used with this org, or undefined when it can. */
function settingProblem(org: OrgProfile, area: string, plan: { stage: string; contactRole: string | null } | undefined, recordType: string | null, config: StoreConfig): string | undefined {
  if (plan && !org.hasStage(plan.stage)) return `The stage "${plan.stage}" (${area}) does not exist in Salesforce; choose one of its stages in the configuration.`;
  if (plan?.contactRole && !org.hasContactRole(plan.contactRole)) {
    return `The contact role "${plan.contactRole}" (${area}) does not exist in Salesforce; choose another Opportunity Customer Role.`;
  }
  if (recordType && !org.recordTypeId(recordType)) return `The record type "${recordType}" (${area}) does not exist or is inactive in Salesforce.`;
  const { leadSource, defaultOwner } = config.general;
  if (plan && leadSource && !org.hasLeadSource(leadSource)) return `The lead source "${leadSource}" (General) is not a value of Salesforce's Lead Source picklist.`;
  if (defaultOwner && !org.ownerId(defaultOwner)) return `The record owner "${defaultOwner}" (General) is not an active user in Salesforce.`;
  return undefined;
}

function cartRules(config: StoreConfig, org: OrgProfile): CartRules {
  const settings = config.abandonedCart;
  return {
    stage: settings.stage,
    recordTypeId: settings.recordType ? (org.recordTypeId(settings.recordType) ?? null) : null,
    salesCycleDays: settings.salesCycleLength,
    contactRole: settings.enableContactRoles ? settings.contactRole : null,
    expiredStage: settings.expiredStage,
    expireAfterDays: settings.expireAfterDays,
  };
}

export async function planBatch(context: PlannerContext, entries: readonly LeasedEntry[]): Promise<WorkUnit[]> {
  const { pool, config, org, instance } = context;
  const records = await readRecords(pool, entries);
  const storeNames = new Map((await listStoreViews(pool)).map((s) => [s.storeId, s.name]));
  const now = context.now ?? new Date();

  // First pass: which entity each entry is about and which opportunity key it writes.
  const drafts = await Promise.all(
    entries.map(async (entry) => {
      const unreadable = records.unreadable[entry.entityType].get(entry.entityId);
      if (entry.entityType === 'customer') {
        const customer = records.customers.get(entry.entityId);
        return { entry, unreadable, customer, key: undefined, storeId: customer?.storeId ?? null, storeConfig: await config.forStore(customer?.storeId ?? null) };
      }
      const cart = entry.entityType === 'quote' ? records.carts.get(entry.entityId) : undefined;
      const orderId = entry.entityType === 'order' ? entry.entityId : records.firstOrderOfQuote.get(entry.entityId);
      const order = orderId === undefined ? undefined : records.orders.get(orderId);
      const storeId = order?.storeId ?? cart?.storeId ?? null;
      const key = order ? orderOpportunityKey(instance, order, records.firstOrderOfQuote) : quoteKey(instance, entry.entityId);
      const storeConfig = await config.forStore(storeId);
      return { entry, unreadable, cart, order, storeId, key, storeConfig };
    }),
  );

  const stories = await reserveOpportunityStories(
    pool,
    drafts.flatMap((d) =>
      d.key !== undefined && (d.cart || d.order) && !d.unreadable
        ? [{ key: d.key, storeId: d.storeId, quoteId: d.order?.quoteId ?? d.cart?.quoteId ?? null, beganOn: dayInTimezone(d.cart?.updatedAt ?? d.order!.createdAt, d.storeConfig.timezone) }]
        : [],
    ),
  );
  // A deleted cart has no row to reserve from; its story, if it had one, is read with the others.
  const deletedCartKeys = drafts.flatMap((d) => (d.key !== undefined && !d.cart && !d.order && d.entry.entityType === 'quote' ? [d.key] : []));
  for (const [key, story] of await readOpportunityStories(pool, deletedCartKeys)) stories.set(key, story);

  return Promise.all(
    drafts.map(async (draft): Promise<WorkUnit> => {
      const { entry, storeConfig } = draft;
      const base = {
        entry,
        linkType: entry.entityType,
        linkId: String(entry.entityId),
        storeId: draft.storeId,
        matchCompany: storeConfig.general.matchAccountsByCompany,
        ownerId: storeConfig.general.defaultOwner ? (org.ownerId(storeConfig.general.defaultOwner) ?? null) : null,
      };
      if (draft.unreadable) return { ...base, sourceUpdatedAt: null, dataError: draft.unreadable };
      try {
        return draft.key !== undefined ? await planPurchase({ ...draft, key: draft.key }, base) : planCustomer(draft.customer, storeConfig, base);
      } catch (error) {
        return { ...base, sourceUpdatedAt: null, dataError: `The ${entry.entityType === 'quote' ? 'cart' : entry.entityType} could not be mapped: ${(error as Error).message}` };
      }
    }),
  );

  function planCustomer(customer: Customer | undefined, storeConfig: StoreConfig, base: Omit<WorkUnit, 'sourceUpdatedAt'>): WorkUnit {
    if (!customer) return { ...base, sourceUpdatedAt: null, skipReason: 'The customer no longer exists in Magento.' };
    const unit: WorkUnit = { ...base, sourceUpdatedAt: customer.updatedAt, person: personFromCustomer(instance, customer), personLink: { type: 'customer', id: String(customer.customerId) } };
    const problem = settingProblem(org, 'General', undefined, null, storeConfig);
    return problem ? { ...unit, configError: problem } : unit;
  }

  async function planPurchase(
    draft: { entry: LeasedEntry; cart?: Cart; order?: Order; key: string; storeId: number | null; storeConfig: StoreConfig },
    base: Omit<WorkUnit, 'sourceUpdatedAt'>,
  ): Promise<WorkUnit> {
    const { cart, order, key, storeConfig, entry } = draft;
    const story = stories.get(key);
    const previousPhase = story?.phase ?? null;
    if (!cart && !order) {
      if (entry.entityType === 'quote' && story?.phase === 'cart') {
        // Magento deleted the cart: its opportunity closes as Expired on the day that was noticed.
        const config = await context.config.forStore(story.storeId);
        const rules = cartRules(config, org);
        const plan = expiredCartPlan(key, rules, dayInTimezone(now, config.timezone), rules.contactRole);
        const problem = settingProblem(org, 'Abandoned Cart Configuration', plan.kind === 'sync' ? plan : undefined, null, config);
        if (problem) return { ...base, sourceUpdatedAt: null, configError: problem };
        return plan.kind === 'sync' ? { ...base, sourceUpdatedAt: null, opportunity: { ...plan, previousPhase, cartUpdatedAt: null } } : { ...base, sourceUpdatedAt: null, skipReason: plan.reason };
      }
      return { ...base, sourceUpdatedAt: null, skipReason: `The ${entry.entityType === 'quote' ? 'cart' : 'order'} no longer exists in Magento.` };
    }
    const record = (order ?? cart)!;
    const { person, link } = personOf(instance, record, records.customers);
    const sourceUpdatedAt = entry.entityType === 'order' && order ? order.lastChangedAt : (cart?.updatedAt ?? null);
    const opportunityContext = {
      instance,
      key,
      storeName: storeNames.get(draft.storeId ?? -1) ?? null,
      timeZone: storeConfig.timezone,
      createdOn: story!.createdOn,
      now,
      previousPhase,
      leadSource: storeConfig.general.leadSource,
      ownerId: base.ownerId,
    };
    const area = order ? 'Order Configuration' : 'Abandoned Cart Configuration';
    const settings = order ? storeConfig.order : storeConfig.abandonedCart;
    const plan = order
      ? planOrderOpportunity(order, person, {
          createOpportunity: storeConfig.order.createOpportunity === 'every_order',
          recordTypeId: storeConfig.order.recordType ? (org.recordTypeId(storeConfig.order.recordType) ?? null) : null,
          salesCycleDays: storeConfig.order.salesCycleLength,
          contactRole: storeConfig.order.enableContactRoles ? storeConfig.order.contactRole : null,
          draftStage: storeConfig.order.draftStage,
          stageByStatus: storeConfig.order.statusMap,
          convertedStage: storeConfig.order.convertOpportunity ? storeConfig.order.convertedStage : null,
          useInvoiceDateAsCloseDate: storeConfig.order.useInvoiceDateAsCloseDate,
        }, opportunityContext)
      : planCartOpportunity(cart!, person, cartRules(storeConfig, org), opportunityContext);
    const unit: WorkUnit = { ...base, sourceUpdatedAt, person, personLink: link };
    if (plan.kind === 'skip') return { ...unit, skipReason: plan.reason };
    const problem = settingProblem(org, area, plan, settings.recordType, storeConfig);
    if (problem) return { ...unit, configError: problem };
    return { ...unit, opportunity: { ...plan, previousPhase, cartUpdatedAt: plan.phase === 'cart' ? cart!.updatedAt : null } };
  }
}
