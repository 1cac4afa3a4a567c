// Reads orders by id (sales_order + billing address names + latest invoice date), and finds the
// orders placed from given quotes, through primary keys and the order_id/quote_id indexes.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import { amount, inChunks, optionalNumber, optionalText, optionalUtcIso, utcIso } from './columns.js';
import type { Order } from './records.js';

const PAID_STATES = new Set(['processing', 'complete']);
const CANCELED_INVOICE_STATE = 3;

interface OrderChildren {
  latestInvoiceAt: string | null;
  lastChangedAt: string | null;
}

function toOrder(row: mysql.RowDataPacket, children: OrderChildren | undefined): Order {
  const grandTotal = amount(row.grand_total);
  const totalPaid = amount(row.total_paid);
  const state = optionalText(row.state);
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
    email: optionalText(row.customer_email) ?? optionalText(row.billing_email),
    firstName: optionalText(row.customer_firstname) ?? optionalText(row.billing_firstname),
    lastName: optionalText(row.customer_lastname) ?? optionalText(row.billing_lastname),
    grandTotal,
    currencyCode: optionalText(row.order_currency_code),
    baseGrandTotal: amount(row.base_grand_total),
    baseCurrencyCode: optionalText(row.base_currency_code),
    totalPaid,
    baseTotalPaid: amount(row.base_total_paid),
    totalRefunded: amount(row.total_refunded),
    baseTotalRefunded: amount(row.base_total_refunded),
    isPaid: state !== null && PAID_STATES.has(state) && totalPaid >= grandTotal,
    latestInvoiceAt: children?.latestInvoiceAt ?? null,
    createdAt: utcIso(row.created_at),
    updatedAt: utcIso(row.updated_at),
    lastChangedAt: utcIso(latest(String(row.updated_at), children?.lastChangedAt ?? null)),
  };
}

function latest(a: string, b: string | null): string {
  return b !== null && b > a ? b : a;
}

/** Per order: latest live invoice date, and the latest change to any invoice, shipment or credit memo. */
async function readOrderChildren(pool: DatabasePool, ids: number[]): Promise<Map<number, OrderChildren>> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT order_id, MAX(IF(state IS NULL OR state <> ${CANCELED_INVOICE_STATE}, created_at, NULL)) AS latest_invoice, MAX(updated_at) AS changed
       FROM sales_invoice WHERE order_id IN (?) GROUP BY order_id
     UNION ALL
     SELECT order_id, NULL, MAX(updated_at) FROM sales_shipment WHERE order_id IN (?) GROUP BY order_id
     UNION ALL
     SELECT order_id, NULL, MAX(updated_at) FROM sales_creditmemo WHERE order_id IN (?) GROUP BY order_id`,
    [ids, ids, ids],
  );
  const children = new Map<number, OrderChildren>();
  for (const row of rows) {
    const id = Number(row.order_id);
    const known = children.get(id) ?? { latestInvoiceAt: null, lastChangedAt: null };
    children.set(id, {
      latestInvoiceAt: known.latestInvoiceAt ?? optionalUtcIso(row.latest_invoice),
      lastChangedAt: row.changed === null ? known.lastChangedAt : latest(String(row.changed), known.lastChangedAt),
    });
  }
  return children;
}

/** The orders with these ids, in id order; ids of deleted orders are simply absent. */
export async function readOrders(pool: DatabasePool, orderIds: readonly number[]): Promise<Order[]> {
  return inChunks(orderIds, async (ids) => {
    const [orders] = await pool.query<mysql.RowDataPacket[]>(
      `SELECT o.entity_id, o.increment_id, o.quote_id, o.store_id, s.website_id, o.state, o.status, o.customer_id,
              o.customer_email, o.customer_firstname, o.customer_lastname,
              b.email AS billing_email, b.firstname AS billing_firstname, b.lastname AS billing_lastname,
              o.grand_total, o.order_currency_code, o.base_grand_total, o.base_currency_code,
              o.total_paid, o.base_total_paid, o.total_refunded, o.base_total_refunded, o.created_at, o.updated_at
         FROM sales_order o
         LEFT JOIN store s ON s.store_id = o.store_id
         LEFT JOIN sales_order_address b ON b.entity_id = o.billing_address_id
        WHERE o.entity_id IN (?) ORDER BY o.entity_id`,
      [ids],
    );
    if (orders.length === 0) return [];
    const children = await readOrderChildren(pool, ids);
    return orders.map((row) => toOrder(row, children.get(Number(row.entity_id))));
  });
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
