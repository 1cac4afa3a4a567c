// Reads orders by id: sales_order with its addresses, payment, items, cancellation (status history)
// and documents (invoices, shipments, credit memos), through primary keys and the parent_id/order_id
// indexes; and finds the orders placed from given quotes through the quote_id index.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import { ADDRESS_COLUMNS, addressOf, readRegions, toAddress, type Regions } from './addresses.js';
import { columnsOf, isZeroDate, convertEach, groupBy, inChunks, optionalNumber, optionalText, optionalUtcIso, readInChunks } from './columns.js';
import { readEarlierOrderCheck, type Buyer, type EarlierOrderCheck } from './earlier-orders.js';
import { itemColumns, toPurchaseItem } from './items.js';
import type { Order, ReadResult } from './records.js';

const PAID_STATES = new Set(['processing', 'complete']);
const CANCELED_INVOICE_STATE = 3;

/** What the order's child tables hold for one order. */
interface OrderChildren {
  addresses: mysql.RowDataPacket[];
  payments: mysql.RowDataPacket[];
  items: mysql.RowDataPacket[];
  /** One row per table of readOrderEvents that has something for this order. */
  events: mysql.RowDataPacket[];
}

/**
 * Per order and table: `at`, the date the order record takes from it (latest live invoice, latest
 * credit memo, first "canceled" status), and `changed`, its latest updated_at.
 */
async function readOrderEvents(pool: DatabasePool, ids: number[]): Promise<mysql.RowDataPacket[]> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT order_id, 'sales_invoice' AS source,
            MAX(IF(state IS NULL OR state <> ${CANCELED_INVOICE_STATE}, created_at, NULL)) AS at, MAX(updated_at) AS changed
       FROM sales_invoice WHERE order_id IN (?) GROUP BY order_id
     UNION ALL
     SELECT order_id, 'sales_shipment', NULL, MAX(updated_at) FROM sales_shipment WHERE order_id IN (?) GROUP BY order_id
     UNION ALL
     SELECT order_id, 'sales_creditmemo', MAX(created_at), MAX(updated_at) FROM sales_creditmemo WHERE order_id IN (?) GROUP BY order_id
     UNION ALL
     SELECT parent_id, 'sales_order_status_history', MIN(created_at), NULL
       FROM sales_order_status_history WHERE parent_id IN (?) AND status = 'canceled' GROUP BY parent_id`,
    [ids, ids, ids, ids],
  );
  return rows;
}

function eventAt(events: readonly mysql.RowDataPacket[], source: string): string | null {
  return optionalUtcIso(events.find((event) => event.source === source)?.at, `${source}.created_at`);
}

/** The latest of the order's updated_at and its documents' (ISO strings in UTC sort like times). */
function lastChangedAt(orderUpdatedAt: string, events: readonly mysql.RowDataPacket[]): string {
  return events
    .map((event) => (isZeroDate(event.changed) ? null : optionalUtcIso(event.changed, `${String(event.source)}.updated_at`)))
    .reduce<string>((latest, changed) => (changed !== null && changed > latest ? changed : latest), orderUpdatedAt);
}

function buyerOf(order: mysql.RowDataPacket, addresses: readonly mysql.RowDataPacket[]): Buyer {
  return { customerId: optionalNumber(order.customer_id), email: optionalText(order.customer_email) ?? optionalText(addressOf(addresses, 'billing')?.email) };
}

function toOrder(row: mysql.RowDataPacket, children: OrderChildren, regions: Regions, orderedBefore: EarlierOrderCheck): Order {
  const columns = columnsOf('sales_order', row);
  const billing = addressOf(children.addresses, 'billing');
  const grandTotal = columns.amount('grand_total');
  const totalPaid = columns.amount('total_paid');
  const state = optionalText(row.state);
  const updatedAt = columns.changedAt();
  return {
    entityId: Number(row.entity_id),
    incrementId: optionalText(row.increment_id),
    quoteId: optionalNumber(row.quote_id),
    storeId: optionalNumber(row.store_id),
    websiteId: optionalNumber(row.website_id),
    state,
    status: optionalText(row.status),
    customerId: optionalNumber(row.customer_id),
    isGuest: row.customer_id === null,
    email: buyerOf(row, children.addresses).email,
    firstName: optionalText(row.customer_firstname) ?? optionalText(billing?.firstname),
    lastName: optionalText(row.customer_lastname) ?? optionalText(billing?.lastname),
    prefix: optionalText(row.customer_prefix) ?? optionalText(billing?.prefix),
    dob: columns.calendarDay('customer_dob'),
    billingAddress: toAddress(billing, regions),
    shippingAddress: toAddress(addressOf(children.addresses, 'shipping'), regions),
    paymentMethod: optionalText(children.payments[0]?.method),
    shippingMethod: optionalText(row.shipping_description) ?? optionalText(row.shipping_method),
    couponCode: optionalText(row.coupon_code),
    buyerHasEarlierOrder: orderedBefore(buyerOf(row, children.addresses), row.created_at),
    grandTotal,
    currencyCode: optionalText(row.order_currency_code),
    baseGrandTotal: columns.amount('base_grand_total'),
    baseCurrencyCode: optionalText(row.base_currency_code),
    totalPaid,
    baseTotalPaid: columns.amount('base_total_paid'),
    totalRefunded: columns.amount('total_refunded'),
    baseTotalRefunded: columns.amount('base_total_refunded'),
    isPaid: state !== null && PAID_STATES.has(state) && totalPaid >= grandTotal,
    latestInvoiceAt: eventAt(children.events, 'sales_invoice'),
    latestCreditMemoAt: eventAt(children.events, 'sales_creditmemo'),
    canceledAt: eventAt(children.events, 'sales_order_status_history'),
    items: children.items.map((item) => toPurchaseItem('sales_order_item', item)),
    createdAt: columns.utcIso('created_at'),
    updatedAt,
    lastChangedAt: lastChangedAt(updatedAt, children.events),
  };
}

async function readOrderChunk(pool: DatabasePool, ids: number[]): Promise<ReadResult<Order>> {
  const [orders] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT o.entity_id, o.increment_id, o.quote_id, o.store_id, s.website_id, o.state, o.status, o.customer_id,
            o.customer_email, o.customer_firstname, o.customer_lastname, o.customer_prefix, o.customer_dob,
            o.coupon_code, o.shipping_description, o.shipping_method,
            o.grand_total, o.order_currency_code, o.base_grand_total, o.base_currency_code,
            o.total_paid, o.base_total_paid, o.total_refunded, o.base_total_refunded, o.created_at, o.updated_at
       FROM sales_order o
       LEFT JOIN store s ON s.store_id = o.store_id
      WHERE o.entity_id IN (?) ORDER BY o.entity_id`,
    [ids],
  );
  if (orders.length === 0) return { records: [], unreadable: new Map() };
  const [addresses] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT parent_id, address_type, email, firstname, lastname, prefix, ${ADDRESS_COLUMNS}
       FROM sales_order_address WHERE parent_id IN (?) ORDER BY entity_id`,
    [ids],
  );
  const [payments] = await pool.query<mysql.RowDataPacket[]>(
    'SELECT parent_id, method FROM sales_order_payment WHERE parent_id IN (?) ORDER BY entity_id',
    [ids],
  );
  const [items] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT order_id, ${itemColumns('sales_order_item')} FROM sales_order_item WHERE order_id IN (?) ORDER BY item_id`,
    [ids],
  );
  const addressesByOrder = groupBy(addresses, 'parent_id');
  const paymentsByOrder = groupBy(payments, 'parent_id');
  const itemsByOrder = groupBy(items, 'order_id');
  const eventsByOrder = groupBy(await readOrderEvents(pool, ids), 'order_id');
  const childrenOf = (order: mysql.RowDataPacket): OrderChildren => {
    const id = Number(order.entity_id);
    return {
      addresses: addressesByOrder.get(id) ?? [],
      payments: paymentsByOrder.get(id) ?? [],
      items: itemsByOrder.get(id) ?? [],
      events: eventsByOrder.get(id) ?? [],
    };
  };
  const regions = await readRegions(pool, addresses);
  const orderedBefore = await readEarlierOrderCheck(pool, orders.map((order) => buyerOf(order, childrenOf(order).addresses)));
  return convertEach('sales_order', 'entity_id', orders, (order) => toOrder(order, childrenOf(order), regions, orderedBefore));
}

/**
 * The orders with these ids, in id order; ids of deleted orders are simply absent, and an order
 * whose values cannot be read is in `unreadable` with the reason.
 */
export async function readOrders(pool: DatabasePool, orderIds: readonly number[]): Promise<ReadResult<Order>> {
  return readInChunks(orderIds, (ids) => readOrderChunk(pool, ids));
}

/** quote id -> ids of the orders placed from it (normally one). */
export async function findOrderIdsByQuoteId(pool: DatabasePool, quoteIds: readonly number[]): Promise<Map<number, number[]>> {
  const rows = await inChunks(quoteIds, async (ids) => {
    const [found] = await pool.query<mysql.RowDataPacket[]>(
      'SELECT quote_id, entity_id FROM sales_order WHERE quote_id IN (?) ORDER BY entity_id',
      [ids],
    );
    return found;
  });
  const orders = new Map<number, number[]>();
  for (const row of rows) orders.set(Number(row.quote_id), [...(orders.get(Number(row.quote_id)) ?? []), Number(row.entity_id)]);
  return orders;
}
