// An order's life from placement on, as dated events: invoice, shipment, refund, cancellation,
// hold, admin comments. Everything the order's rows need is decided here, once, so the rows of
// the order, its documents and its grids agree with each other.
import { billingAddressId, shippingAddressId, type Cart, type CartLine } from './carts.js';
import { IdSequence, IncrementIds } from './ids.js';
import { paymentMethodFor, type OrderFate, type StateStatus } from './order-fates.js';
import type { Random } from './random.js';
import { later, type StorePlan } from './store-plan.js';
import { DAY, HOUR, formatAmount } from './values.js';

export interface SalesIds {
  order: IdSequence;
  orderItem: IdSequence;
  history: IdSequence;
  quotePayment: IdSequence;
  invoice: IdSequence;
  invoiceItem: IdSequence;
  shipment: IdSequence;
  creditmemo: IdSequence;
  creditmemoItem: IdSequence;
  increments: IncrementIds;
}

export function newSalesIds(): SalesIds {
  return {
    order: new IdSequence(), orderItem: new IdSequence(), history: new IdSequence(), quotePayment: new IdSequence(),
    invoice: new IdSequence(), invoiceItem: new IdSequence(), shipment: new IdSequence(),
    creditmemo: new IdSequence(), creditmemoItem: new IdSequence(), increments: new IncrementIds(),
  };
}

export interface OrderLine {
  cartLine: CartLine;
  orderItemId: number;
}

export interface HistoryEntry {
  id: number;
  at: number;
  status: string;
  comment: string | null;
  entityName: 'order' | 'invoice' | 'creditmemo' | 'shipment';
  customerNotified: number;
}

export interface Document {
  id: number;
  incrementId: string;
  at: number;
}

export interface RefundLine {
  orderLine: OrderLine;
  itemId: number;
  qty: number;
  cents: number;
  baseCents: number;
}

export interface RefundDocument extends Document {
  lines: RefundLine[];
  shippingCents: number;
  baseShippingCents: number;
  totalCents: number;
  baseTotalCents: number;
  online: boolean;
}

export interface InvoiceDocument extends Document {
  itemIds: number[];
  transactionId: string | null;
}

export interface OrderStory {
  cart: Cart;
  fate: OrderFate;
  orderId: number;
  incrementId: string;
  paymentId: number;
  quotePaymentId: number;
  paymentMethod: string;
  placedAt: number;
  lines: OrderLine[];
  /** sales_order_address ids: the shipping row is written first, as Magento does. */
  shippingAddressId: number;
  billingAddressId: number;
  quoteBillingAddressId: number;
  quoteShippingAddressId: number;
  invoice: InvoiceDocument | null;
  shipment: Document | null;
  refund: RefundDocument | null;
  canceledAt: number | null;
  /** State and status before the hold, when the order is on hold. */
  heldFrom: StateStatus | null;
  history: HistoryEntry[];
  updatedAt: number;
  protectCode: string;
}

export function tellOrderStory(plan: StorePlan, random: Random, ids: SalesIds, cart: Cart, fate: OrderFate): OrderStory {
  const storeId = cart.store.storeId;
  const orderId = ids.order.next();
  const placedAt = later(plan, cart.updatedAt, 2 * HOUR, random.next());
  const paymentMethod = paymentMethodFor(fate, random);
  const lines = cart.lines.map((cartLine) => ({ cartLine, orderItemId: ids.orderItem.next() }));
  const history: HistoryEntry[] = [];
  const note = (at: number, status: string, comment: string | null, entityName: HistoryEntry['entityName'], notified = 0) =>
    history.push({ id: ids.history.next(), at, status, comment, entityName, customerNotified: notified });

  const currency = cart.store.currency;
  const grandCents = cart.subtotalCents + (cart.shipping?.cents ?? 0);
  note(placedAt, fate.placed.status, placementComment(fate, grandCents, currency), 'order', 1);

  // Status changes as they happened, so an admin comment carries the status of its moment.
  const statuses: { at: number; status: string }[] = [{ at: placedAt, status: fate.placed.status }];
  let lastEventAt = placedAt;
  let invoice: InvoiceDocument | null = null;
  if (fate.invoiced) {
    const at = fate.capturedAtPlacement ? placedAt : later(plan, placedAt, 2 * DAY, random.next());
    const transactionId = fate.capturedAtPlacement ? random.hex(17).toUpperCase() : null;
    invoice = {
      id: ids.invoice.next(), incrementId: ids.increments.next('invoice', storeId), at,
      itemIds: lines.map(() => ids.invoiceItem.next()), transactionId,
    };
    const status = fate.placed.status === 'fraud' ? 'fraud' : 'processing';
    if (transactionId) {
      note(at, status, `Captured amount of ${formatAmount(grandCents, currency)} online. Transaction ID: "${transactionId}"`, 'invoice');
    }
    statuses.push({ at, status });
    lastEventAt = at;
  }
  let shipment: Document | null = null;
  if (fate.shipped) {
    const at = later(plan, lastEventAt, 4 * DAY, random.next());
    shipment = { id: ids.shipment.next(), incrementId: ids.increments.next('shipment', storeId), at };
    statuses.push({ at, status: 'complete' });
    lastEventAt = at;
  }
  let refund: RefundDocument | null = null;
  if (fate.refund !== 'none') {
    const at = later(plan, lastEventAt, 20 * DAY, random.next());
    refund = refundDocument(ids, storeId, lines, cart, fate.refund === 'full', paymentMethodIsOnline(paymentMethod), at);
    note(at, fate.final.status,
      `We refunded ${formatAmount(refund.totalCents, currency)} ${refund.online ? 'online' : 'offline'}.`, 'creditmemo');
    statuses.push({ at, status: fate.final.status });
    lastEventAt = at;
  }
  let canceledAt: number | null = null;
  if (fate.canceled) {
    canceledAt = later(plan, lastEventAt, 5 * DAY, random.next());
    statuses.push({ at: canceledAt, status: fate.final.status });
    lastEventAt = canceledAt;
  }
  let heldFrom: StateStatus | null = null;
  if (fate.held) {
    heldFrom = fate.invoiced ? { state: 'processing', status: 'processing' } : fate.placed;
    lastEventAt = later(plan, lastEventAt, 3 * DAY, random.next());
    statuses.push({ at: lastEventAt, status: fate.final.status });
  }
  if (random.chance(0.2)) {
    const at = later(plan, placedAt, lastEventAt - placedAt, random.next());
    const statusThen = statuses.filter((change) => change.at <= at).at(-1)?.status ?? fate.placed.status;
    note(at, statusThen, random.pick(ADMIN_COMMENTS), 'order');
  }
  return {
    cart, fate, orderId,
    incrementId: ids.increments.next('order', storeId),
    paymentId: orderId,
    quotePaymentId: ids.quotePayment.next(),
    paymentMethod, placedAt, lines,
    shippingAddressId: orderId * 2 - 1,
    billingAddressId: orderId * 2,
    quoteBillingAddressId: billingAddressId(cart),
    quoteShippingAddressId: shippingAddressId(cart),
    invoice, shipment, refund, canceledAt, heldFrom,
    history: history.sort((a, b) => a.at - b.at || a.id - b.id),
    updatedAt: lastEventAt,
    protectCode: random.hex(32),
  };
}

const ADMIN_COMMENTS = [
  'Customer called to ask about the delivery date.',
  'Gift wrapping requested — please add a card.',
  'Adresse vérifiée par téléphone.',
  'Kunde wünscht Lieferung nach 17 Uhr.',
];

function paymentMethodIsOnline(method: string): boolean {
  return method === 'paypal_express';
}

function placementComment(orderFate: OrderFate, grandCents: number, currency: string): string | null {
  if (orderFate.placed.status === 'fraud') {
    return `Order is suspended as its capturing amount ${formatAmount(grandCents, currency)} is suspected to be fraudulent.`;
  }
  if (orderFate.placed.state === 'payment_review') return 'Payment is under review by the payment gateway.';
  return null;
}

/** A full refund returns every item and the shipping; a partial one a single unit of the first item. */
function refundDocument(
  ids: SalesIds, storeId: number, lines: OrderLine[], cart: Cart, full: boolean, online: boolean, at: number,
): RefundDocument {
  const refunded = full ? lines : lines.slice(0, 1);
  const refundLines = refunded.map((orderLine) => {
    const qty = full ? orderLine.cartLine.qty : 1;
    return {
      orderLine, itemId: ids.creditmemoItem.next(), qty,
      cents: orderLine.cartLine.priceCents * qty, baseCents: orderLine.cartLine.basePriceCents * qty,
    };
  });
  const shippingCents = full ? cart.shipping?.cents ?? 0 : 0;
  const baseShippingCents = full ? cart.shipping?.baseCents ?? 0 : 0;
  return {
    id: ids.creditmemo.next(),
    incrementId: ids.increments.next('creditmemo', storeId),
    at,
    lines: refundLines,
    shippingCents,
    baseShippingCents,
    totalCents: refundLines.reduce((sum, line) => sum + line.cents, shippingCents),
    baseTotalCents: refundLines.reduce((sum, line) => sum + line.baseCents, baseShippingCents),
    online,
  };
}
