// Fills a store database made by createStoreDatabase() with a deterministic sample store:
// websites and store views, products, customers, newsletter subscribers, carts at every stage and
// orders in every state with their invoices, shipments and credit memos. Same seed, size and
// `now` => the same rows, byte for byte.
import type mysql from 'mysql2/promise';
import { buildCart, cartRows, type Cart } from './carts.js';
import { scheduleCarts, type ScheduledCart } from './cart-schedule.js';
import { productAt, productRow } from './catalog.js';
import { customerAt, customerRows, customerSubscription, guestSubscription } from './customers.js';
import { creditmemoRows, invoiceRows, shipmentRows } from './document-rows.js';
import { IdSequence } from './ids.js';
import { orderRows } from './order-rows.js';
import { newSalesIds, tellOrderStory, type SalesIds } from './order-story.js';
import { pickGuestStore, storeLayoutRows } from './store-layout.js';
import { historyTime, planStore, type StorePlan } from './store-plan.js';
import { StoreWriter, openLoadConnection, readTableColumns } from './table-writer.js';
import { DAY } from './values.js';

export interface GenerateOptions {
  /** The size parameter: customers, products and carts scale with it. At least MIN_ORDERS. */
  orders: number;
  seed?: number;
  /** Every timestamp is set relative to this moment (default: now, to the second). */
  now?: Date;
  /** Rows per INSERT statement. */
  batchSize?: number;
  onProgress?: (progress: GenerationProgress) => void;
}

export interface GenerationProgress {
  phase: 'customers' | 'carts';
  done: number;
  total: number;
}

export interface GenerationResult {
  plan: StorePlan;
  /** Rows written per table, tables in alphabetical order. */
  rowsPerTable: Record<string, number>;
}

export const DEFAULT_SEED = 42;
const DEFAULT_BATCH_SIZE = 1000;
const LOAD_CONNECTIONS = 4;
const PROGRESS_EVERY = 5000;

export async function generateStore(databaseUrl: string, options: GenerateOptions): Promise<GenerationResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error('The seed must be a whole number from 0 to 4294967295.');
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000;
  const plan = planStore(options.orders, now);
  const connections: mysql.Connection[] = [];
  try {
    for (let i = 0; i < LOAD_CONNECTIONS; i++) connections.push(await openLoadConnection(databaseUrl));
    const [first] = connections as [mysql.Connection];
    await refuseFilledStore(first);
    const writer = new StoreWriter(connections, await readTableColumns(first), options.batchSize ?? DEFAULT_BATCH_SIZE);
    writer.addAll(storeLayoutRows(historyTime(plan, 0) - 60 * DAY));
    await writeCatalog(writer, seed, plan);
    const defaultAddressIds = await writeCustomers(writer, seed, plan, options.onProgress);
    await writeCarts(writer, seed, plan, defaultAddressIds, options.onProgress);
    const written = await writer.close();
    return { plan, rowsPerTable: Object.fromEntries(Object.entries(written).sort(([a], [b]) => a.localeCompare(b))) };
  } finally {
    await Promise.all(connections.map((connection) => connection.end()));
  }
}

async function refuseFilledStore(connection: mysql.Connection): Promise<void> {
  const [rows] = await connection.query<mysql.RowDataPacket[]>(
    'SELECT (SELECT COUNT(*) FROM quote) + (SELECT COUNT(*) FROM sales_order) + (SELECT COUNT(*) FROM customer_entity) AS filled',
  );
  if (Number(rows[0]?.filled) > 0) throw new Error('The store database already holds carts, orders or customers; generate into a fresh one.');
}

async function writeCatalog(writer: StoreWriter, seed: number, plan: StorePlan): Promise<void> {
  const firstAt = historyTime(plan, 0) - 45 * DAY;
  for (let id = 1; id <= plan.products; id++) {
    writer.add('catalog_product_entity', productRow(productAt(seed, id), firstAt + Math.floor((id / plan.products) * 30 * DAY)));
    await writer.flushFullBatches();
  }
}

/** Writes the customers; returns each customer's default address id (0 for none), which their carts use. */
async function writeCustomers(
  writer: StoreWriter, seed: number, plan: StorePlan, onProgress: GenerateOptions['onProgress'],
): Promise<Uint32Array> {
  const defaultAddressIds = new Uint32Array(plan.customers + 1);
  const addressIds = new IdSequence();
  const subscriberIds = new IdSequence();
  for (let id = 1; id <= plan.customers; id++) {
    const customer = customerAt(seed, plan, id);
    writer.addAll(customerRows(customer, addressIds.current + 1));
    if (customer.addresses.length > 0) defaultAddressIds[id] = addressIds.current + 1;
    for (let i = 0; i < customer.addresses.length; i++) addressIds.next();
    const subscription = customerSubscription(seed, plan, customer);
    if (subscription) writer.add('newsletter_subscriber', { subscriber_id: subscriberIds.next(), ...subscription });
    await writer.flushFullBatches();
    if (id % PROGRESS_EVERY === 0) onProgress?.({ phase: 'customers', done: id, total: plan.customers });
  }
  for (let index = 1; index <= plan.guestSubscribers; index++) {
    const subscribedAt = historyTime(plan, index / plan.guestSubscribers);
    writer.add('newsletter_subscriber', { subscriber_id: subscriberIds.next(), ...guestSubscription(seed, plan, index, subscribedAt) });
  }
  onProgress?.({ phase: 'customers', done: plan.customers, total: plan.customers });
  return defaultAddressIds;
}

async function writeCarts(
  writer: StoreWriter, seed: number, plan: StorePlan, defaultAddressIds: Uint32Array, onProgress: GenerateOptions['onProgress'],
): Promise<void> {
  const itemIds = new IdSequence();
  const salesIds = newSalesIds();
  const total = plan.historyCarts + plan.liveCarts;
  for (const scheduled of scheduleCarts(seed, plan)) {
    const cart = buildScheduledCart(seed, plan, scheduled, itemIds, defaultAddressIds);
    if (scheduled.fate) writeOrder(writer, plan, scheduled, cart, salesIds);
    else writer.addAll(cartRows(cart, null));
    await writer.flushFullBatches();
    if (scheduled.quoteId % PROGRESS_EVERY === 0) onProgress?.({ phase: 'carts', done: scheduled.quoteId, total });
  }
  onProgress?.({ phase: 'carts', done: total, total });
}

function buildScheduledCart(
  seed: number, plan: StorePlan, scheduled: ScheduledCart, itemIds: IdSequence, defaultAddressIds: Uint32Array,
): Cart {
  const customer = scheduled.customerId === undefined ? null : customerAt(seed, plan, scheduled.customerId);
  const { random } = scheduled;
  return buildCart(seed, random, {
    quoteId: scheduled.quoteId,
    itemIds,
    stage: scheduled.stage,
    store: customer?.store ?? pickGuestStore(random),
    customer,
    customerAddressId: customer ? defaultAddressIds[customer.id] || null : null,
    createdAt: scheduled.createdAt,
    updatedAt: scheduled.updatedAt,
    productCount: plan.products,
    zeroTotal: scheduled.zeroTotal,
    withoutEmail: scheduled.withoutEmail,
  });
}

function writeOrder(writer: StoreWriter, plan: StorePlan, scheduled: ScheduledCart, cart: Cart, ids: SalesIds): void {
  if (!scheduled.fate) return;
  const story = tellOrderStory(plan, scheduled.random, ids, cart, scheduled.fate);
  writer.addAll(cartRows(cart, {
    reservedOrderId: story.incrementId,
    placedAt: story.placedAt,
    paymentId: story.quotePaymentId,
    paymentMethod: story.paymentMethod,
  }));
  writer.addAll(orderRows(story));
  writer.addAll(invoiceRows(story));
  writer.addAll(shipmentRows(story));
  writer.addAll(creditmemoRows(story));
}
