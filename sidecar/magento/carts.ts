// Reads carts (quote + its billing/shipping addresses, payment and items) by quote id, through
// primary keys and the quote_id indexes of quote_address, quote_payment and quote_item.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import { ADDRESS_COLUMNS, addressOf, readRegions, toAddress, type Regions } from './addresses.js';
import { columnsOf, convertEach, groupBy, optionalNumber, optionalText, readInChunks } from './columns.js';
import { readEarlierOrderCheck, type Buyer, type EarlierOrderCheck } from './earlier-orders.js';
import { itemColumns, toPurchaseItem } from './items.js';
import type { Cart, ReadResult } from './records.js';

/** Shipping step done: a shipping method on the shipping address, or (virtual cart) a billing address. */
export function reachedCheckout(isVirtual: boolean, shipping: mysql.RowDataPacket | undefined, billing: mysql.RowDataPacket | undefined): boolean {
  if (isVirtual) return optionalText(billing?.country_id) !== null;
  return optionalText(shipping?.shipping_method) !== null;
}

/** The quote's e-mail, or the one the checkout wrote on the billing address (guests). */
export function cartEmail(quote: mysql.RowDataPacket, billing: mysql.RowDataPacket | undefined): string | null {
  return optionalText(quote.customer_email) ?? optionalText(billing?.email);
}

/** What the quote's child tables hold for one cart. */
interface CartChildren {
  addresses: mysql.RowDataPacket[];
  payments: mysql.RowDataPacket[];
  items: mysql.RowDataPacket[];
}

function buyerOf(quote: mysql.RowDataPacket, addresses: readonly mysql.RowDataPacket[]): Buyer {
  return { customerId: optionalNumber(quote.customer_id), email: cartEmail(quote, addressOf(addresses, 'billing')) };
}

function toCart(quote: mysql.RowDataPacket, children: CartChildren, regions: Regions, orderedBefore: EarlierOrderCheck): Cart {
  const billing = addressOf(children.addresses, 'billing');
  const shipping = addressOf(children.addresses, 'shipping');
  const isVirtual = Number(quote.is_virtual) === 1;
  const columns = columnsOf('quote', quote);
  return {
    quoteId: Number(quote.entity_id),
    storeId: Number(quote.store_id),
    websiteId: Number(quote.website_id),
    isActive: Number(quote.is_active) === 1,
    isVirtual,
    itemsCount: Number(quote.items_count ?? 0),
    itemsQty: columns.amount('items_qty'),
    customerId: optionalNumber(quote.customer_id),
    isGuest: quote.customer_id === null,
    email: cartEmail(quote, billing),
    firstName: optionalText(quote.customer_firstname) ?? optionalText(billing?.firstname),
    lastName: optionalText(quote.customer_lastname) ?? optionalText(billing?.lastname),
    prefix: optionalText(quote.customer_prefix) ?? optionalText(billing?.prefix),
    dob: columns.calendarDay('customer_dob'),
    billingAddress: toAddress(billing, regions),
    shippingAddress: toAddress(shipping, regions),
    paymentMethod: optionalText(children.payments[0]?.method),
    shippingMethod: optionalText(shipping?.shipping_description) ?? optionalText(shipping?.shipping_method),
    couponCode: optionalText(quote.coupon_code),
    buyerHasEarlierOrder: orderedBefore(buyerOf(quote, children.addresses), quote.created_at),
    grandTotal: columns.amount('grand_total'),
    currencyCode: optionalText(quote.quote_currency_code),
    baseGrandTotal: columns.amount('base_grand_total'),
    baseCurrencyCode: optionalText(quote.base_currency_code),
    reachedCheckout: reachedCheckout(isVirtual, shipping, billing),
    reservedOrderId: optionalText(quote.reserved_order_id),
    createdAt: columns.utcIso('created_at'),
    updatedAt: columns.changedAt(),
    items: children.items.map((item) => toPurchaseItem('quote_item', item)),
  };
}

async function readCartChunk(pool: DatabasePool, ids: number[]): Promise<ReadResult<Cart>> {
  const [quotes] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT q.entity_id, q.store_id, s.website_id, q.is_active, q.is_virtual, q.items_count, q.items_qty, q.customer_id,
            q.customer_email, q.customer_firstname, q.customer_lastname, q.customer_prefix, q.customer_dob, q.coupon_code,
            q.grand_total, q.quote_currency_code, q.base_grand_total, q.base_currency_code, q.reserved_order_id, q.created_at, q.updated_at
       FROM quote q JOIN store s ON s.store_id = q.store_id
      WHERE q.entity_id IN (?) ORDER BY q.entity_id`,
    [ids],
  );
  if (quotes.length === 0) return { records: [], unreadable: new Map() };
  const [addresses] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT quote_id, address_type, email, firstname, lastname, prefix, ${ADDRESS_COLUMNS}, shipping_method, shipping_description
       FROM quote_address WHERE quote_id IN (?) ORDER BY address_id`,
    [ids],
  );
  const [payments] = await pool.query<mysql.RowDataPacket[]>(
    'SELECT quote_id, method FROM quote_payment WHERE quote_id IN (?) ORDER BY payment_id',
    [ids],
  );
  const [items] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT quote_id, ${itemColumns('quote_item')} FROM quote_item WHERE quote_id IN (?) ORDER BY item_id`,
    [ids],
  );
  const addressesByQuote = groupBy(addresses, 'quote_id');
  const paymentsByQuote = groupBy(payments, 'quote_id');
  const itemsByQuote = groupBy(items, 'quote_id');
  const childrenOf = (quote: mysql.RowDataPacket): CartChildren => {
    const id = Number(quote.entity_id);
    return { addresses: addressesByQuote.get(id) ?? [], payments: paymentsByQuote.get(id) ?? [], items: itemsByQuote.get(id) ?? [] };
  };
  const regions = await readRegions(pool, addresses);
  const orderedBefore = await readEarlierOrderCheck(pool, quotes.map((quote) => buyerOf(quote, childrenOf(quote).addresses)));
  return convertEach('quote', 'entity_id', quotes, (quote) => toCart(quote, childrenOf(quote), regions, orderedBefore));
}

/**
 * The carts with these quote ids, in id order; ids of deleted quotes are simply absent, and a quote
 * whose values cannot be read is in `unreadable` with the reason.
 */
export async function readCarts(pool: DatabasePool, quoteIds: readonly number[]): Promise<ReadResult<Cart>> {
  return readInChunks(quoteIds, (ids) => readCartChunk(pool, ids));
}
