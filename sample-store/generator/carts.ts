// Shopping carts (quote, quote_address, quote_item) as Magento leaves them at each stage:
// browsing (items only), checkout reached (both addresses, email, shipping method), and the cart
// an order was placed from (inactive, reserved_order_id, quote_payment).
import { FREE_SAMPLE_PRODUCT_ID, pickProduct, productAt, type Product } from './catalog.js';
import { CUSTOMER_TAX_CLASS_ID, type Customer } from './customers.js';
import type { IdSequence } from './ids.js';
import { mailboxName, pickAddress, pickName, pickRemoteIp, type PersonName, type PostalAddress } from './people.js';
import type { Random } from './random.js';
import { BASE_CURRENCY, type StoreView } from './store-layout.js';
import type { Row } from './table-writer.js';
import { MINUTE, convertCents, money, sqlTimestamp } from './values.js';

export type CartStage = 'browsing' | 'checkout-started' | 'abandoned' | 'converted';

export interface CartLine {
  itemId: number;
  product: Product;
  qty: number;
  basePriceCents: number;
  priceCents: number;
  baseRowCents: number;
  rowCents: number;
}

export interface ShippingChoice {
  method: string;
  description: string;
  baseCents: number;
  cents: number;
}

export interface Cart {
  quoteId: number;
  stage: CartStage;
  store: StoreView;
  customer: Customer | null;
  /** The shopper's email: a customer's own, or what a guest typed at the shipping step. */
  email: string | null;
  name: PersonName;
  /** Billing = shipping address; filled at checkout, or copied from a customer's default address. */
  address: PostalAddress | null;
  customerAddressId: number | null;
  lines: CartLine[];
  /** Chosen at the shipping step. */
  shipping: ShippingChoice | null;
  baseSubtotalCents: number;
  subtotalCents: number;
  remoteIp: string;
  createdAt: number;
  updatedAt: number;
}

/** Flat rate: $5 an item; Magento's free shipping from $150 of base subtotal. */
const FLAT_RATE_PER_ITEM_CENTS = 500;
const FREE_SHIPPING_FROM_CENTS = 15_000;

export interface CartRequest {
  quoteId: number;
  itemIds: IdSequence;
  stage: CartStage;
  store: StoreView;
  customer: Customer | null;
  customerAddressId: number | null;
  createdAt: number;
  updatedAt: number;
  productCount: number;
  zeroTotal?: boolean;
  withoutEmail?: boolean;
}

export function buildCart(seed: number, random: Random, request: CartRequest): Cart {
  const { store, customer } = request;
  const lines = request.zeroTotal
    ? [cartLine(request.itemIds.next(), productAt(seed, FREE_SAMPLE_PRODUCT_ID), 1, store)]
    : pickLines(seed, random, request);
  const baseSubtotalCents = lines.reduce((sum, line) => sum + line.baseRowCents, 0);
  const reachedCheckout = request.stage !== 'browsing';
  const name = customer?.name ?? pickName(random);
  const defaultAddress = customer?.addresses[0] ?? null;
  const address = reachedCheckout
    ? defaultAddress ?? pickAddress(random, name, random.pick(store.countries))
    : defaultAddress;
  const guestEmail = request.withoutEmail ? null : `${mailboxName(name)}.guest${request.quoteId}@example.net`;
  return {
    quoteId: request.quoteId,
    stage: request.stage,
    store,
    customer,
    email: customer ? customer.email : reachedCheckout ? guestEmail : null,
    name,
    address,
    customerAddressId: address === defaultAddress ? request.customerAddressId : null,
    lines,
    shipping: reachedCheckout ? chooseShipping(lines, baseSubtotalCents, store) : null,
    baseSubtotalCents,
    subtotalCents: lines.reduce((sum, line) => sum + line.rowCents, 0),
    remoteIp: pickRemoteIp(random),
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
  };
}

function pickLines(seed: number, random: Random, request: CartRequest): CartLine[] {
  const count = random.weighted([[1, 45], [2, 30], [3, 15], [4, 10]] as const);
  const lines: CartLine[] = [];
  for (let i = 0; i < count; i++) {
    const product = pickProduct(seed, random, request.productCount);
    if (lines.some((line) => line.product.id === product.id)) continue;
    const qty = random.weighted([[1, 70], [2, 20], [3, 10]] as const);
    lines.push(cartLine(request.itemIds.next(), product, qty, request.store));
  }
  return lines;
}

function cartLine(itemId: number, product: Product, qty: number, store: StoreView): CartLine {
  const priceCents = convertCents(product.basePriceCents, store.baseToDisplayRate);
  return {
    itemId,
    product,
    qty,
    basePriceCents: product.basePriceCents,
    priceCents,
    baseRowCents: product.basePriceCents * qty,
    rowCents: priceCents * qty,
  };
}

function chooseShipping(lines: readonly CartLine[], baseSubtotalCents: number, store: StoreView): ShippingChoice {
  if (baseSubtotalCents >= FREE_SHIPPING_FROM_CENTS || baseSubtotalCents === 0) {
    return { method: 'freeshipping_freeshipping', description: 'Free Shipping - Free', baseCents: 0, cents: 0 };
  }
  const baseCents = FLAT_RATE_PER_ITEM_CENTS * totalQty(lines);
  return { method: 'flatrate_flatrate', description: 'Flat Rate - Fixed', baseCents, cents: convertCents(baseCents, store.baseToDisplayRate) };
}

export function totalQty(lines: readonly CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.qty, 0);
}

export function totalWeight(lines: readonly CartLine[]): number {
  return Math.round(lines.reduce((sum, line) => sum + line.product.weight * line.qty, 0) * 10_000) / 10_000;
}

export function grandTotalCents(cart: Cart): { base: number; display: number } {
  return {
    base: cart.baseSubtotalCents + (cart.shipping?.baseCents ?? 0),
    display: cart.subtotalCents + (cart.shipping?.cents ?? 0),
  };
}

export function billingAddressId(cart: Cart): number {
  return cart.quoteId * 2 - 1;
}

/** Totals are collected on the shipping address row. */
export function shippingAddressId(cart: Cart): number {
  return cart.quoteId * 2;
}

/** What the cart looks like once an order was placed from it. */
export interface Placement {
  reservedOrderId: string;
  placedAt: number;
  paymentId: number;
  paymentMethod: string;
}

export function cartRows(cart: Cart, placement: Placement | null): Record<string, Row[]> {
  const total = grandTotalCents(cart);
  const updatedAt = sqlTimestamp(placement?.placedAt ?? cart.updatedAt);
  const customer = cart.customer;
  const quote: Row = {
    entity_id: cart.quoteId,
    store_id: cart.store.storeId,
    created_at: sqlTimestamp(cart.createdAt),
    updated_at: updatedAt,
    is_active: placement ? 0 : 1,
    is_virtual: 0,
    is_multi_shipping: 0,
    items_count: cart.lines.length,
    items_qty: totalQty(cart.lines),
    orig_order_id: 0,
    store_to_base_rate: 0,
    store_to_quote_rate: 0,
    base_currency_code: BASE_CURRENCY,
    store_currency_code: BASE_CURRENCY,
    quote_currency_code: cart.store.currency,
    grand_total: money(total.display),
    base_grand_total: money(total.base),
    checkout_method: placement ? (customer ? 'customer' : 'guest') : null,
    customer_id: customer?.id ?? null,
    customer_tax_class_id: CUSTOMER_TAX_CLASS_ID,
    customer_group_id: customer?.groupId ?? 0,
    // A guest's email stays on the addresses until the order is placed.
    customer_email: customer || placement ? cart.email : null,
    customer_firstname: customer || placement ? cart.name.firstname : null,
    customer_lastname: customer || placement ? cart.name.lastname : null,
    customer_note_notify: 1,
    customer_is_guest: customer ? 0 : 1,
    remote_ip: cart.remoteIp,
    reserved_order_id: placement?.reservedOrderId ?? null,
    global_currency_code: BASE_CURRENCY,
    base_to_global_rate: 1,
    base_to_quote_rate: cart.store.baseToDisplayRate,
    subtotal: money(cart.subtotalCents),
    base_subtotal: money(cart.baseSubtotalCents),
    subtotal_with_discount: money(cart.subtotalCents),
    base_subtotal_with_discount: money(cart.baseSubtotalCents),
    is_changed: 1,
    trigger_recollect: 0,
    is_persistent: 0,
  };
  return {
    quote: [quote],
    quote_address: [addressRow(cart, 'billing', updatedAt), addressRow(cart, 'shipping', updatedAt)],
    quote_item: cart.lines.map((line, index) => itemRow(cart, line, index)),
    quote_payment: placement
      ? [{
          payment_id: placement.paymentId,
          quote_id: cart.quoteId,
          created_at: sqlTimestamp(placement.placedAt),
          updated_at: sqlTimestamp(placement.placedAt),
          method: placement.paymentMethod,
          cc_exp_year: 0,
          cc_ss_start_month: 0,
          cc_ss_start_year: 0,
        }]
      : [],
  };
}

function addressRow(cart: Cart, type: 'billing' | 'shipping', updatedAt: string): Row {
  const address = cart.address;
  const isShipping = type === 'shipping';
  const total = grandTotalCents(cart);
  const shipping = isShipping ? cart.shipping : null;
  return {
    address_id: isShipping ? shippingAddressId(cart) : billingAddressId(cart),
    quote_id: cart.quoteId,
    created_at: sqlTimestamp(cart.createdAt),
    updated_at: updatedAt,
    customer_id: cart.customer?.id ?? null,
    save_in_address_book: 0,
    customer_address_id: cart.customerAddressId,
    address_type: type,
    email: address ? cart.email : null,
    firstname: address?.firstname ?? null,
    lastname: address?.lastname ?? null,
    company: address?.company ?? null,
    street: address?.street ?? null,
    city: address?.city ?? null,
    region: address?.region ?? null,
    region_id: address?.regionId ?? null,
    postcode: address?.postcode ?? null,
    country_id: address?.countryId ?? null,
    telephone: address?.telephone ?? null,
    same_as_billing: isShipping ? 1 : 0,
    collect_shipping_rates: isShipping ? 1 : 0,
    shipping_method: shipping?.method ?? null,
    shipping_description: shipping?.description ?? null,
    weight: isShipping ? totalWeight(cart.lines) : 0,
    subtotal: isShipping ? money(cart.subtotalCents) : 0,
    base_subtotal: isShipping ? money(cart.baseSubtotalCents) : 0,
    subtotal_with_discount: isShipping ? money(cart.subtotalCents) : 0,
    base_subtotal_with_discount: isShipping ? money(cart.baseSubtotalCents) : 0,
    shipping_amount: money(shipping?.cents ?? 0),
    base_shipping_amount: money(shipping?.baseCents ?? 0),
    grand_total: isShipping ? money(total.display) : 0,
    base_grand_total: isShipping ? money(total.base) : 0,
    subtotal_incl_tax: isShipping ? money(cart.subtotalCents) : null,
    base_subtotal_total_incl_tax: isShipping ? money(cart.baseSubtotalCents) : null,
    shipping_incl_tax: shipping ? money(shipping.cents) : null,
    base_shipping_incl_tax: shipping ? money(shipping.baseCents) : null,
    free_shipping: shipping?.method === 'freeshipping_freeshipping' ? 1 : 0,
  };
}

function itemRow(cart: Cart, line: CartLine, index: number): Row {
  // Items went in one after the other while the shopper browsed.
  const addedAt = sqlTimestamp(Math.min(cart.createdAt + index * MINUTE, cart.updatedAt));
  return {
    item_id: line.itemId,
    quote_id: cart.quoteId,
    created_at: addedAt,
    updated_at: addedAt,
    product_id: line.product.id,
    store_id: cart.store.storeId,
    is_virtual: 0,
    sku: line.product.sku,
    name: line.product.name,
    is_qty_decimal: 0,
    no_discount: 0,
    weight: line.product.weight,
    qty: line.qty,
    price: money(line.priceCents),
    base_price: money(line.basePriceCents),
    row_total: money(line.rowCents),
    base_row_total: money(line.baseRowCents),
    row_total_with_discount: 0,
    row_weight: Math.round(line.product.weight * line.qty * 10_000) / 10_000,
    product_type: 'simple',
    price_incl_tax: money(line.priceCents),
    base_price_incl_tax: money(line.basePriceCents),
    row_total_incl_tax: money(line.rowCents),
    base_row_total_incl_tax: money(line.baseRowCents),
    free_shipping: 0,
  };
}
