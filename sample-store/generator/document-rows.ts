// Invoices, shipments and credit memos of an order, with their items and grid rows.
import { totalQty, totalWeight } from './carts.js';
import { billingName, customerName, gridAddress, orderSums } from './order-rows.js';
import type { OrderStory } from './order-story.js';
import { BASE_CURRENCY } from './store-layout.js';
import type { Row } from './table-writer.js';
import { fit, money, sqlTimestamp } from './values.js';

const INVOICE_PAID = 2;
const CREDITMEMO_REFUNDED = 2;

/** What every document row copies from its order. */
function documentBase(story: OrderStory) {
  const store = story.cart.store;
  return {
    store_id: store.storeId,
    order_id: story.orderId,
    billing_address_id: story.billingAddressId,
    shipping_address_id: story.shippingAddressId,
    email_sent: 1,
    send_email: 1,
  };
}

function currencies(story: OrderStory) {
  return {
    base_currency_code: BASE_CURRENCY,
    order_currency_code: story.cart.store.currency,
    store_currency_code: BASE_CURRENCY,
    global_currency_code: BASE_CURRENCY,
    base_to_global_rate: 1,
    base_to_order_rate: story.cart.store.baseToDisplayRate,
    store_to_base_rate: 0,
    store_to_order_rate: 0,
  };
}

/** The grid columns every sales document grid takes from its order. */
function orderColumns(story: OrderStory) {
  return {
    order_id: story.orderId,
    order_increment_id: story.incrementId,
    order_created_at: sqlTimestamp(story.placedAt),
    customer_email: fit(story.cart.email, 128),
    customer_group_id: story.cart.customer?.groupId ?? 0,
    payment_method: story.paymentMethod,
    shipping_information: story.cart.shipping?.description ?? null,
    billing_address: gridAddress(story.cart.address),
    shipping_address: gridAddress(story.cart.address),
  };
}

export function invoiceRows(story: OrderStory): Record<string, Row[]> {
  const invoice = story.invoice;
  if (!invoice) return {};
  const sums = orderSums(story);
  const at = sqlTimestamp(invoice.at);
  return {
    sales_invoice: [{
      entity_id: invoice.id,
      ...documentBase(story),
      ...currencies(story),
      increment_id: invoice.incrementId,
      state: INVOICE_PAID,
      subtotal: money(sums.subtotal.display),
      base_subtotal: money(sums.subtotal.base),
      subtotal_incl_tax: money(sums.subtotal.display),
      base_subtotal_incl_tax: money(sums.subtotal.base),
      shipping_amount: money(sums.shipping.display),
      base_shipping_amount: money(sums.shipping.base),
      shipping_incl_tax: money(sums.shipping.display),
      base_shipping_incl_tax: money(sums.shipping.base),
      tax_amount: 0,
      base_tax_amount: 0,
      discount_amount: 0,
      base_discount_amount: 0,
      grand_total: money(sums.grand.display),
      base_grand_total: money(sums.grand.base),
      total_qty: totalQty(story.cart.lines),
      can_void_flag: 0,
      transaction_id: invoice.transactionId,
      base_total_refunded: story.refund ? money(story.refund.baseTotalCents) : null,
      is_used_for_refund: story.refund ? 1 : null,
      created_at: at,
      updated_at: sqlTimestamp(story.refund?.at ?? invoice.at),
    }],
    sales_invoice_item: story.lines.map((orderLine, index) => {
      const line = orderLine.cartLine;
      return {
        entity_id: invoice.itemIds[index] ?? null,
        parent_id: invoice.id,
        order_item_id: orderLine.orderItemId,
        product_id: line.product.id,
        sku: line.product.sku,
        name: line.product.name,
        qty: line.qty,
        price: money(line.priceCents),
        base_price: money(line.basePriceCents),
        row_total: money(line.rowCents),
        base_row_total: money(line.baseRowCents),
        price_incl_tax: money(line.priceCents),
        base_price_incl_tax: money(line.basePriceCents),
        row_total_incl_tax: money(line.rowCents),
        base_row_total_incl_tax: money(line.baseRowCents),
        tax_amount: 0,
        base_tax_amount: 0,
        discount_amount: 0,
        base_discount_amount: 0,
      };
    }),
    sales_invoice_grid: [{
      entity_id: invoice.id,
      increment_id: invoice.incrementId,
      state: INVOICE_PAID,
      store_id: story.cart.store.storeId,
      store_name: story.cart.store.storeName,
      ...orderColumns(story),
      customer_email: story.cart.email,
      customer_name: fit(customerName(story), 255),
      store_currency_code: BASE_CURRENCY,
      order_currency_code: story.cart.store.currency,
      base_currency_code: BASE_CURRENCY,
      global_currency_code: BASE_CURRENCY,
      billing_name: fit(billingName(story), 255),
      subtotal: money(sums.subtotal.display),
      shipping_and_handling: money(sums.shipping.display),
      grand_total: money(sums.grand.display),
      base_grand_total: money(sums.grand.base),
      created_at: at,
      updated_at: at,
    }],
  };
}

export function shipmentRows(story: OrderStory): Record<string, Row[]> {
  const shipment = story.shipment;
  if (!shipment) return {};
  const at = sqlTimestamp(shipment.at);
  return {
    sales_shipment: [{
      entity_id: shipment.id,
      ...documentBase(story),
      customer_id: story.cart.customer?.id ?? null,
      increment_id: shipment.incrementId,
      total_qty: totalQty(story.cart.lines),
      total_weight: totalWeight(story.cart.lines),
      created_at: at,
      updated_at: at,
    }],
    sales_shipment_grid: [{
      entity_id: shipment.id,
      increment_id: shipment.incrementId,
      store_id: story.cart.store.storeId,
      ...orderColumns(story),
      customer_name: fit(customerName(story), 128) ?? '',
      total_qty: totalQty(story.cart.lines),
      // Shipped orders were invoiced first, so shipping completed them; the grid row keeps the
      // status of that moment.
      order_status: 'complete',
      billing_name: fit(billingName(story), 128),
      shipping_name: fit(billingName(story), 128),
      created_at: at,
      updated_at: at,
    }],
  };
}

export function creditmemoRows(story: OrderStory): Record<string, Row[]> {
  const refund = story.refund;
  if (!refund || !story.invoice) return {};
  const at = sqlTimestamp(refund.at);
  const subtotalCents = refund.totalCents - refund.shippingCents;
  const baseSubtotalCents = refund.baseTotalCents - refund.baseShippingCents;
  return {
    sales_creditmemo: [{
      entity_id: refund.id,
      ...documentBase(story),
      ...currencies(story),
      invoice_id: story.invoice.id,
      increment_id: refund.incrementId,
      state: CREDITMEMO_REFUNDED,
      subtotal: money(subtotalCents),
      base_subtotal: money(baseSubtotalCents),
      subtotal_incl_tax: money(subtotalCents),
      base_subtotal_incl_tax: money(baseSubtotalCents),
      shipping_amount: money(refund.shippingCents),
      base_shipping_amount: money(refund.baseShippingCents),
      shipping_incl_tax: money(refund.shippingCents),
      base_shipping_incl_tax: money(refund.baseShippingCents),
      adjustment_positive: 0,
      base_adjustment_positive: 0,
      adjustment_negative: 0,
      base_adjustment_negative: 0,
      adjustment: 0,
      base_adjustment: 0,
      tax_amount: 0,
      base_tax_amount: 0,
      discount_amount: 0,
      base_discount_amount: 0,
      grand_total: money(refund.totalCents),
      base_grand_total: money(refund.baseTotalCents),
      transaction_id: refund.online ? story.invoice.transactionId : null,
      created_at: at,
      updated_at: at,
    }],
    sales_creditmemo_item: refund.lines.map((refundLine) => {
      const line = refundLine.orderLine.cartLine;
      return {
        entity_id: refundLine.itemId,
        parent_id: refund.id,
        order_item_id: refundLine.orderLine.orderItemId,
        product_id: line.product.id,
        sku: line.product.sku,
        name: line.product.name,
        qty: refundLine.qty,
        price: money(line.priceCents),
        base_price: money(line.basePriceCents),
        row_total: money(refundLine.cents),
        base_row_total: money(refundLine.baseCents),
        price_incl_tax: money(line.priceCents),
        base_price_incl_tax: money(line.basePriceCents),
        row_total_incl_tax: money(refundLine.cents),
        base_row_total_incl_tax: money(refundLine.baseCents),
        tax_amount: 0,
        base_tax_amount: 0,
        discount_amount: 0,
        base_discount_amount: 0,
      };
    }),
    sales_creditmemo_grid: [{
      entity_id: refund.id,
      increment_id: refund.incrementId,
      created_at: at,
      updated_at: at,
      ...orderColumns(story),
      billing_name: fit(billingName(story), 255),
      state: CREDITMEMO_REFUNDED,
      base_grand_total: money(refund.baseTotalCents),
      order_status: story.fate.final.status,
      store_id: story.cart.store.storeId,
      customer_name: fit(customerName(story), 128) ?? '',
      subtotal: money(subtotalCents),
      shipping_and_handling: money(refund.shippingCents),
      adjustment_positive: 0,
      adjustment_negative: 0,
      order_base_grand_total: money(orderSums(story).grand.base),
    }],
  };
}
