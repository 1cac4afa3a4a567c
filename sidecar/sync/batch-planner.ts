// Turns a leased batch of queue entries into work units: reads the Magento records, resolves each
// store's configuration, applies the mapping rules and checks the result against what the org
// accepts. Nothing is sent from here.
import type { DatabasePool } from '../db/pool.js';
import { readCarts } from '../magento/carts.js';
import type { MagentoConfig, StoreConfig } from '../magento/config.js';
import { readCustomers } from '../magento/customers.js';
import { findOrderIdsByQuoteId, readOrders } from '../magento/orders.js';
import type { Cart, Customer, LinkedEntityType, Order, Purchase } from '../magento/records.js';
import { listStoreViews } from '../magento/stores.js';
import { dayInTimezone } from '../mapping/dates.js';
import { orderKey, quoteKey } from '../mapping/keys.js';
import { planCartOpportunity, planOrderOpportunity, type OpportunityPlan } from '../mapping/opportunity.js';
import { personFromCustomer, personFromGuest, type Person } from '../mapping/people.js';
import type { LeasedEntry } from '../queue/queue.js';
import type { OrgProfile } from '../salesforce/org-profile.js';
import { reserveCreationDays } from './link-store.js';

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
  opportunity?: Extract<OpportunityPlan, { kind: 'sync' }>;
  /** Not sent, and why (a merchant reads it). */
  skipReason?: string;
  /** A setting the org does not accept: nothing is sent until it is fixed. */
  configError?: string;
}

interface Records {
  customers: Map<number, Customer>;
  carts: Map<number, Cart>;
  orders: Map<number, Order>;
  /** The latest order placed from each quote. */
  orderByQuote: Map<number, Order>;
}

async function readRecords(pool: DatabasePool, entries: readonly LeasedEntry[]): Promise<Records> {
  const ids = (type: LeasedEntry['entityType']) => entries.filter((e) => e.entityType === type).map((e) => e.entityId);
  const carts = new Map((await readCarts(pool, ids('quote'))).map((c) => [c.quoteId, c]));
  const ordersOfQuotes = await findOrderIdsByQuoteId(pool, [...carts.keys()]);
  const latestOrderIds = [...ordersOfQuotes.values()].map((list) => Math.max(...list));
  const orders = new Map((await readOrders(pool, [...new Set([...ids('order'), ...latestOrderIds])])).map((o) => [o.entityId, o]));
  const orderByQuote = new Map<number, Order>();
  for (const [quoteId, list] of ordersOfQuotes) {
    const order = orders.get(Math.max(...list));
    if (order) orderByQuote.set(quoteId, order);
  }
  const customerIds = new Set(ids('customer'));
  for (const record of [...carts.values(), ...orders.values()]) if (record.customerId !== null) customerIds.add(record.customerId);
  const customers = new Map((await readCustomers(pool, [...customerIds])).map((c) => [c.customerId, c]));
  return { customers, carts, orders, orderByQuote };
}

export interface PlannerContext {
  pool: DatabasePool;
  config: MagentoConfig;
  org: OrgProfile;
  instance: string;
  now?: Date;
}

function personOf(instance: string, record: Purchase, customers: Map<number, Customer>): { person?: Person; link?: WorkUnit['personLink'] } {
  const customer = record.customerId !== null ? customers.get(record.customerId) : undefined;
  if (customer) return { person: personFromCustomer(instance, customer), link: { type: 'customer', id: String(customer.customerId) } };
  const person = personFromGuest(instance, record);
  return person ? { person, link: { type: 'guest', id: person.email! } } : {};
}

/** Why a setting cannot be used with this org, or undefined when it can. */
function settingProblem(org: OrgProfile, area: string, plan: Extract<OpportunityPlan, { kind: 'sync' }>, recordType: string | null): string | undefined {
  if (!org.hasStage(plan.stage)) return `The stage "${plan.stage}" (${area}) does not exist in Salesforce; choose one of its stages in the configuration.`;
  if (plan.contactRole && !org.hasContactRole(plan.contactRole)) {
    return `The contact role "${plan.contactRole}" (${area}) does not exist in Salesforce; choose another Opportunity Customer Role.`;
  }
  if (recordType && !org.recordTypeId(recordType)) return `The record type "${recordType}" (${area}) does not exist or is inactive in Salesforce.`;
  return undefined;
}

export async function planBatch(context: PlannerContext, entries: readonly LeasedEntry[]): Promise<WorkUnit[]> {
  const { pool, config, org, instance } = context;
  const records = await readRecords(pool, entries);
  const storeNames = new Map((await listStoreViews(pool)).map((s) => [s.storeId, s.name]));
  const now = context.now ?? new Date();

  // First pass: which entity each entry is about and which opportunity key it writes.
  const drafts = await Promise.all(
    entries.map(async (entry) => {
      if (entry.entityType === 'customer') {
        const customer = records.customers.get(entry.entityId);
        return { entry, customer, storeId: customer?.storeId ?? null };
      }
      const cart = entry.entityType === 'quote' ? records.carts.get(entry.entityId) : undefined;
      const order = entry.entityType === 'order' ? records.orders.get(entry.entityId) : cart ? records.orderByQuote.get(cart.quoteId) : undefined;
      const storeId = order?.storeId ?? cart?.storeId ?? null;
      const key = order ? (order.quoteId !== null ? quoteKey(instance, order.quoteId) : orderKey(instance, order.entityId)) : cart ? quoteKey(instance, cart.quoteId) : undefined;
      const storeConfig: StoreConfig = await config.forStore(storeId);
      return { entry, cart, order, storeId, key, storeConfig };
    }),
  );

  const creationDays = await reserveCreationDays(
    pool,
    drafts.flatMap((d) =>
      'key' in d && d.key ? [{ entityType: d.entry.entityType, entityId: String(d.entry.entityId), storeId: d.storeId, salesforceKey: d.key, today: dayInTimezone(now, d.storeConfig.timezone) }] : [],
    ),
  );

  return drafts.map((draft): WorkUnit => {
    const { entry } = draft;
    const base = { entry, linkType: entry.entityType, linkId: String(entry.entityId), storeId: draft.storeId };
    if (!('key' in draft)) {
      if (!draft.customer) return { ...base, sourceUpdatedAt: null, skipReason: 'The customer no longer exists in Magento.' };
      return {
        ...base,
        sourceUpdatedAt: draft.customer.updatedAt,
        person: personFromCustomer(instance, draft.customer),
        personLink: { type: 'customer', id: String(draft.customer.customerId) },
      };
    }
    const { cart, order, storeConfig, key } = draft;
    const record = order ?? cart;
    if (!record || !key) return { ...base, sourceUpdatedAt: null, skipReason: `The ${entry.entityType === 'quote' ? 'cart' : 'order'} no longer exists in Magento.` };
    const { person, link } = personOf(instance, record, records.customers);
    const sourceUpdatedAt = entry.entityType === 'order' && order ? order.lastChangedAt : (cart?.updatedAt ?? null);
    const opportunityContext = { instance, storeName: storeNames.get(draft.storeId ?? -1) ?? null, timeZone: storeConfig.timezone, createdOn: creationDays.get(key)! };
    const area = order ? 'Order Configuration' : 'Abandoned Cart Configuration';
    const settings = order ? storeConfig.order : storeConfig.abandonedCart;
    const recordTypeId = settings.recordType ? (org.recordTypeId(settings.recordType) ?? null) : null;
    const plan = order
      ? planOrderOpportunity(order, person, {
          createOpportunity: storeConfig.order.createOpportunity === 'every_order',
          recordTypeId,
          salesCycleDays: storeConfig.order.salesCycleLength,
          contactRole: storeConfig.order.enableContactRoles ? storeConfig.order.contactRole : null,
          draftStage: storeConfig.order.draftStage,
          stageByStatus: storeConfig.order.statusMap,
          convertedStage: storeConfig.order.convertOpportunity ? storeConfig.order.convertedStage : null,
          useInvoiceDateAsCloseDate: storeConfig.order.useInvoiceDateAsCloseDate,
        }, opportunityContext)
      : planCartOpportunity(cart!, person, {
          stage: storeConfig.abandonedCart.stage,
          recordTypeId,
          salesCycleDays: storeConfig.abandonedCart.salesCycleLength,
          contactRole: storeConfig.abandonedCart.enableContactRoles ? storeConfig.abandonedCart.contactRole : null,
        }, opportunityContext);
    const unit: WorkUnit = { ...base, sourceUpdatedAt, person, personLink: link };
    if (plan.kind === 'skip') return { ...unit, skipReason: plan.reason };
    const problem = settingProblem(org, area, plan, settings.recordType);
    return problem ? { ...unit, configError: problem } : { ...unit, opportunity: plan };
  });
}
