// Reads carts (quote + its billing/shipping addresses + items) by quote id, through primary keys and
// the quote_id indexes of quote_address and quote_item.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import { amount, groupBy, inChunks, optionalNumber, optionalText, utcIso } from './columns.js';
import type { Cart, CartItem } from './records.js';

function toItem(row: mysql.RowDataPacket): CartItem {
  return {
    itemId: Number(row.item_id),
    parentItemId: optionalNumber(row.parent_item_id),
    productId: optionalNumber(row.product_id),
    sku: optionalText(row.sku),
    name: optionalText(row.name),
    productType: optionalText(row.product_type),
    qty: amount(row.qty),
    price: amount(row.price),
    basePrice: amount(row.base_price),
    rowTotal: amount(row.row_total),
    baseRowTotal: amount(row.base_row_total),
  };
}

/** Shipping step done: a shipping method on the shipping address, or (virtual cart) a billing address. */
export function reachedCheckout(isVirtual: boolean, shipping: mysql.RowDataPacket | undefined, billing: mysql.RowDataPacket | undefined): boolean {
  if (isVirtual) return optionalText(billing?.country_id) !== null;
  return optionalText(shipping?.shipping_method) !== null;
}

/** The quote's e-mail, or the one the checkout wrote on the billing address (guests). */
export function cartEmail(quote: mysql.RowDataPacket, billing: mysql.RowDataPacket | undefined): string | null {
  return optionalText(quote.customer_email) ?? optionalText(billing?.email);
}

function toCart(quote: mysql.RowDataPacket, addresses: mysql.RowDataPacket[], items: mysql.RowDataPacket[]): Cart {
  const billing = addresses.find((address) => address.address_type === 'billing');
  const shipping = addresses.find((address) => address.address_type === 'shipping');
  const isVirtual = Number(quote.is_virtual) === 1;
  return {
    quoteId: Number(quote.entity_id),
    storeId: Number(quote.store_id),
    websiteId: Number(quote.website_id),
    isActive: Number(quote.is_active) === 1,
    isVirtual,
    itemsCount: Number(quote.items_count ?? 0),
    itemsQty: amount(quote.items_qty),
    customerId: optionalNumber(quote.customer_id),
    isGuest: quote.customer_id === null,
    email: cartEmail(quote, billing),
    firstName: optionalText(quote.customer_firstname) ?? optionalText(billing?.firstname),
    lastName: optionalText(quote.customer_lastname) ?? optionalText(billing?.lastname),
    grandTotal: amount(quote.grand_total),
    currencyCode: optionalText(quote.quote_currency_code),
    baseGrandTotal: amount(quote.base_grand_total),
    baseCurrencyCode: optionalText(quote.base_currency_code),
    reachedCheckout: reachedCheckout(isVirtual, shipping, billing),
    reservedOrderId: optionalText(quote.reserved_order_id),
    createdAt: utcIso(quote.created_at),
    updatedAt: utcIso(quote.updated_at),
    items: items.map(toItem),
  };
}

/** The carts with these quote ids, in id order; ids of deleted quotes are simply absent. */
export async function readCarts(pool: DatabasePool, quoteIds: readonly number[]): Promise<Cart[]> {
  return inChunks(quoteIds, async (ids) => {
    const [quotes] = await pool.query<mysql.RowDataPacket[]>(
      `SELECT q.entity_id, q.store_id, s.website_id, q.is_active, q.is_virtual, q.items_count, q.items_qty, q.customer_id,
              q.customer_email, q.customer_firstname, q.customer_lastname, q.grand_total, q.quote_currency_code,
              q.base_grand_total, q.base_currency_code, q.reserved_order_id, q.created_at, q.updated_at
         FROM quote q JOIN store s ON s.store_id = q.store_id
        WHERE q.entity_id IN (?) ORDER BY q.entity_id`,
      [ids],
    );
    if (quotes.length === 0) return [];
    const [addresses] = await pool.query<mysql.RowDataPacket[]>(
      `SELECT quote_id, address_type, email, firstname, lastname, country_id, shipping_method
         FROM quote_address WHERE quote_id IN (?) ORDER BY address_id`,
      [ids],
    );
    const [items] = await pool.query<mysql.RowDataPacket[]>(
      `SELECT quote_id, item_id, parent_item_id, product_id, sku, name, product_type, qty, price, base_price, row_total, base_row_total
         FROM quote_item WHERE quote_id IN (?) ORDER BY item_id`,
      [ids],
    );
    const addressesByQuote = groupBy(addresses, 'quote_id');
    const itemsByQuote = groupBy(items, 'quote_id');
    return quotes.map((quote) => {
      const id = Number(quote.entity_id);
      return toCart(quote, addressesByQuote.get(id) ?? [], itemsByQuote.get(id) ?? []);
    });
  });
}
