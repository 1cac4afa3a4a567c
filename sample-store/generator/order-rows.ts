// The rows an order leaves once its story is over: sales_order with its *_invoiced, *_refunded and
// *_canceled totals, two addresses, items, payment, status history and the sales_order_grid row.
import { grandTotalCents, totalQty, totalWeight } from './carts.js';
import { fullName } from './customers.js';
import { METHOD_TITLES } from './order-fates.js';
import type { OrderStory } from './order-story.js';
import type { PostalAddress } from './people.js';
import { BASE_CURRENCY } from './store-layout.js';
import type { Row } from './table-writer.js';
import { fit, joinParts, money, sqlTimestamp } from './values.js';

/** Amounts in display and base currency cents. */
interface Pair {
  display: number;
  base: number;
}

const ZERO: Pair = { display: 0, base: 0 };

export function orderSums(story: OrderStory) {
  const cart = story.cart;
  const subtotal: Pair = { display: cart.subtotalCents, base: cart.baseSubtotalCents };
  const shipping: Pair = { display: cart.shipping?.cents ?? 0, base: cart.shipping?.baseCents ?? 0 };
  const total = grandTotalCents(cart);
  const grand: Pair = { display: total.display, base: total.base };
  const refund = story.refund;
  return {
    subtotal, shipping, grand,
    invoiced: story.invoice ? grand : ZERO,
    refunded: refund ? { display: refund.totalCents, base: refund.baseTotalCents } : ZERO,
    subtotalRefunded: refund
      ? { display: refund.totalCents - refund.shippingCents, base: refund.baseTotalCents - refund.baseShippingCents }
      : ZERO,
    shippingRefunded: refund ? { display: refund.shippingCents, base: refund.baseShippingCents } : ZERO,
  };
}

export function billingName(story: OrderStory): string {
  return fullName(story.cart.address ?? story.cart.name);
}

/** The grids' address column: company, street, city, region, postcode. */
export function gridAddress(address: PostalAddress | null): string | null {
  return address ? fit(joinParts(', ', [address.company, address.street, address.city, address.region, address.postcode]), 255) : null;
}

export function customerName(story: OrderStory): string {
  return fullName(story.cart.name);
}

export function orderRows(story: OrderStory): Record<string, Row[]> {
  const { cart, fate } = story;
  const sums = orderSums(story);
  const canceled = story.canceledAt !== null;
  const paid = story.invoice !== null;
  const money2 = (pair: Pair, base: boolean) => money(base ? pair.base : pair.display);
  const ifDone = (done: boolean, pair: Pair, base: boolean) => (done ? money2(pair, base) : null);
  const order: Row = {
    entity_id: story.orderId,
    state: fate.final.state,
    status: fate.final.status,
    protect_code: story.protectCode,
    shipping_description: cart.shipping?.description ?? null,
    is_virtual: 0,
    store_id: cart.store.storeId,
    customer_id: cart.customer?.id ?? null,
    base_discount_amount: 0,
    base_grand_total: money2(sums.grand, true),
    base_shipping_amount: money2(sums.shipping, true),
    base_shipping_tax_amount: 0,
    base_subtotal: money2(sums.subtotal, true),
    base_tax_amount: 0,
    base_to_global_rate: 1,
    base_to_order_rate: cart.store.baseToDisplayRate,
    discount_amount: 0,
    grand_total: money2(sums.grand, false),
    shipping_amount: money2(sums.shipping, false),
    shipping_tax_amount: 0,
    store_to_base_rate: 0,
    store_to_order_rate: 0,
    subtotal: money2(sums.subtotal, false),
    tax_amount: 0,
    total_qty_ordered: totalQty(cart.lines),
    customer_is_guest: cart.customer ? 0 : 1,
    customer_note_notify: 1,
    billing_address_id: story.billingAddressId,
    customer_group_id: cart.customer?.groupId ?? 0,
    email_sent: 1,
    send_email: 1,
    quote_address_id: story.quoteShippingAddressId,
    quote_id: cart.quoteId,
    shipping_address_id: story.shippingAddressId,
    base_subtotal_incl_tax: money2(sums.subtotal, true),
    subtotal_incl_tax: money2(sums.subtotal, false),
    shipping_incl_tax: money2(sums.shipping, false),
    base_shipping_incl_tax: money2(sums.shipping, true),
    base_total_due: paid || canceled ? 0 : money2(sums.grand, true),
    total_due: paid || canceled ? 0 : money2(sums.grand, false),
    weight: totalWeight(cart.lines),
    increment_id: story.incrementId,
    base_currency_code: BASE_CURRENCY,
    customer_email: fit(cart.email, 128),
    customer_firstname: fit(cart.name.firstname, 128),
    customer_lastname: fit(cart.name.lastname, 128),
    global_currency_code: BASE_CURRENCY,
    order_currency_code: cart.store.currency,
    remote_ip: cart.remoteIp,
    shipping_method: cart.shipping?.method ?? null,
    store_currency_code: BASE_CURRENCY,
    store_name: cart.store.storeName,
    created_at: sqlTimestamp(story.placedAt),
    updated_at: sqlTimestamp(story.updatedAt),
    total_item_count: cart.lines.length,
    hold_before_state: story.heldFrom?.state ?? null,
    hold_before_status: story.heldFrom?.status ?? null,
    // Invoice::register() and pay()
    base_total_invoiced: ifDone(paid, sums.invoiced, true),
    total_invoiced: ifDone(paid, sums.invoiced, false),
    base_subtotal_invoiced: ifDone(paid, sums.subtotal, true),
    subtotal_invoiced: ifDone(paid, sums.subtotal, false),
    base_shipping_invoiced: ifDone(paid, sums.shipping, true),
    shipping_invoiced: ifDone(paid, sums.shipping, false),
    base_tax_invoiced: paid ? 0 : null,
    tax_invoiced: paid ? 0 : null,
    base_discount_invoiced: paid ? 0 : null,
    discount_invoiced: paid ? 0 : null,
    base_total_paid: ifDone(paid, sums.grand, true),
    total_paid: ifDone(paid, sums.grand, false),
    // RefundOperation
    base_total_refunded: ifDone(story.refund !== null, sums.refunded, true),
    total_refunded: ifDone(story.refund !== null, sums.refunded, false),
    base_subtotal_refunded: ifDone(story.refund !== null, sums.subtotalRefunded, true),
    subtotal_refunded: ifDone(story.refund !== null, sums.subtotalRefunded, false),
    base_shipping_refunded: ifDone(story.refund !== null, sums.shippingRefunded, true),
    shipping_refunded: ifDone(story.refund !== null, sums.shippingRefunded, false),
    base_total_offline_refunded: ifDone(story.refund?.online === false, sums.refunded, true),
    total_offline_refunded: ifDone(story.refund?.online === false, sums.refunded, false),
    base_total_online_refunded: ifDone(story.refund?.online === true, sums.refunded, true),
    total_online_refunded: ifDone(story.refund?.online === true, sums.refunded, false),
    // Order::registerCancellation()
    base_subtotal_canceled: ifDone(canceled, sums.subtotal, true),
    subtotal_canceled: ifDone(canceled, sums.subtotal, false),
    base_shipping_canceled: ifDone(canceled, sums.shipping, true),
    shipping_canceled: ifDone(canceled, sums.shipping, false),
    base_total_canceled: ifDone(canceled, sums.grand, true),
    total_canceled: ifDone(canceled, sums.grand, false),
    base_tax_canceled: canceled ? 0 : null,
    tax_canceled: canceled ? 0 : null,
    base_discount_canceled: canceled ? 0 : null,
    discount_canceled: canceled ? 0 : null,
  };
  return {
    sales_order: [order],
    sales_order_address: [orderAddressRow(story, 'shipping'), orderAddressRow(story, 'billing')],
    sales_order_item: story.lines.map((line) => orderItemRow(story, line)),
    sales_order_payment: [paymentRow(story)],
    sales_order_status_history: story.history.map((entry) => ({
      entity_id: entry.id,
      parent_id: story.orderId,
      is_customer_notified: entry.customerNotified,
      is_visible_on_front: 0,
      comment: entry.comment,
      status: entry.status,
      created_at: sqlTimestamp(entry.at),
      entity_name: entry.entityName,
    })),
    sales_order_grid: [orderGridRow(story, order)],
  };
}

function orderAddressRow(story: OrderStory, type: 'shipping' | 'billing'): Row {
  const { cart } = story;
  const address = cart.address;
  return {
    entity_id: type === 'shipping' ? story.shippingAddressId : story.billingAddressId,
    parent_id: story.orderId,
    customer_address_id: cart.customerAddressId,
    quote_address_id: type === 'shipping' ? story.quoteShippingAddressId : story.quoteBillingAddressId,
    region_id: address?.regionId ?? null,
    customer_id: cart.customer?.id ?? null,
    region: address?.region ?? null,
    postcode: address?.postcode ?? null,
    lastname: address?.lastname ?? null,
    street: address?.street ?? null,
    city: address?.city ?? null,
    email: cart.email,
    telephone: address?.telephone ?? null,
    country_id: address?.countryId ?? null,
    firstname: address?.firstname ?? null,
    address_type: type,
    company: address?.company ?? null,
  };
}

function orderItemRow(story: OrderStory, orderLine: OrderStory['lines'][number]): Row {
  const line = orderLine.cartLine;
  const invoiced = story.invoice !== null;
  const refunded = story.refund?.lines.find((refundLine) => refundLine.orderLine === orderLine);
  return {
    item_id: orderLine.orderItemId,
    order_id: story.orderId,
    quote_item_id: line.itemId,
    store_id: story.cart.store.storeId,
    created_at: sqlTimestamp(story.placedAt),
    updated_at: sqlTimestamp(story.updatedAt),
    product_id: line.product.id,
    product_type: 'simple',
    product_options: JSON.stringify({ info_buyRequest: { qty: String(line.qty), product: String(line.product.id) } }),
    weight: line.product.weight,
    is_virtual: 0,
    sku: line.product.sku,
    name: line.product.name,
    is_qty_decimal: 0,
    no_discount: 0,
    qty_canceled: story.canceledAt !== null ? line.qty : 0,
    qty_invoiced: invoiced ? line.qty : 0,
    qty_ordered: line.qty,
    qty_refunded: refunded?.qty ?? 0,
    qty_shipped: story.shipment ? line.qty : 0,
    price: money(line.priceCents),
    base_price: money(line.basePriceCents),
    original_price: money(line.priceCents),
    base_original_price: money(line.basePriceCents),
    amount_refunded: money(refunded?.cents ?? 0),
    base_amount_refunded: money(refunded?.baseCents ?? 0),
    row_total: money(line.rowCents),
    base_row_total: money(line.baseRowCents),
    row_invoiced: invoiced ? money(line.rowCents) : 0,
    base_row_invoiced: invoiced ? money(line.baseRowCents) : 0,
    row_weight: Math.round(line.product.weight * line.qty * 10_000) / 10_000,
    price_incl_tax: money(line.priceCents),
    base_price_incl_tax: money(line.basePriceCents),
    row_total_incl_tax: money(line.rowCents),
    base_row_total_incl_tax: money(line.baseRowCents),
    free_shipping: 0,
  };
}

function paymentRow(story: OrderStory): Row {
  const sums = orderSums(story);
  const paid = story.invoice !== null;
  const refund = story.refund;
  return {
    entity_id: story.paymentId,
    parent_id: story.orderId,
    method: story.paymentMethod,
    amount_ordered: money(sums.grand.display),
    base_amount_ordered: money(sums.grand.base),
    shipping_amount: money(sums.shipping.display),
    base_shipping_amount: money(sums.shipping.base),
    quote_payment_id: story.quotePaymentId,
    amount_paid: paid ? money(sums.grand.display) : null,
    base_amount_paid: paid ? money(sums.grand.base) : null,
    shipping_captured: paid ? money(sums.shipping.display) : null,
    base_shipping_captured: paid ? money(sums.shipping.base) : null,
    amount_refunded: refund ? money(refund.totalCents) : null,
    base_amount_refunded: refund ? money(refund.baseTotalCents) : null,
    shipping_refunded: refund ? money(refund.shippingCents) : null,
    base_shipping_refunded: refund ? money(refund.baseShippingCents) : null,
    last_trans_id: story.invoice?.transactionId ?? null,
    additional_information: JSON.stringify({ method_title: METHOD_TITLES[story.paymentMethod] ?? story.paymentMethod }),
  };
}

function orderGridRow(story: OrderStory, order: Row): Row {
  const address = story.cart.address;
  return {
    entity_id: story.orderId,
    status: order.status ?? null,
    store_id: story.cart.store.storeId,
    store_name: story.cart.store.storeName,
    customer_id: order.customer_id ?? null,
    base_grand_total: order.base_grand_total ?? null,
    base_total_paid: order.base_total_paid ?? null,
    grand_total: order.grand_total ?? null,
    total_paid: order.total_paid ?? null,
    increment_id: story.incrementId,
    base_currency_code: BASE_CURRENCY,
    order_currency_code: story.cart.store.currency,
    shipping_name: fit(billingName(story), 255),
    billing_name: fit(billingName(story), 255),
    created_at: order.created_at ?? null,
    updated_at: order.updated_at ?? null,
    billing_address: gridAddress(address),
    shipping_address: gridAddress(address),
    shipping_information: story.cart.shipping?.description ?? null,
    customer_email: story.cart.email,
    customer_group: String(story.cart.customer?.groupId ?? 0),
    subtotal: order.base_subtotal ?? null,
    shipping_and_handling: order.base_shipping_amount ?? null,
    customer_name: fit(customerName(story), 255),
    payment_method: story.paymentMethod,
    total_refunded: order.total_refunded ?? null,
  };
}
