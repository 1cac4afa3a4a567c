// What the sidecar reads from Magento, in the shape the mapping rules work with. Timestamps are
// UTC ISO-8601 strings ("2026-01-31T12:00:00Z"; Magento stores UTC), amounts are numbers, and a
// value Magento left empty is null rather than a made-up default.

/** Magento entities the queue carries; each one is synced on its own. */
export type QueuedEntityType = 'customer' | 'quote' | 'order';

/** Entities that get a forcebridge_link row: the queued ones, plus guests (keyed by e-mail). */
export type LinkedEntityType = QueuedEntityType | 'guest';

/** A cart or order line (quote_item, sales_order_item). */
export interface PurchaseItem {
  itemId: number;
  /** Set on the child rows of configurable/bundle products; the parent carries the price. */
  parentItemId: number | null;
  productId: number | null;
  sku: string | null;
  name: string | null;
  productType: string | null;
  qty: number;
  /** Unit price in the quote currency. */
  price: number;
  basePrice: number;
  rowTotal: number;
  baseRowTotal: number;
}

/**
 * A postal address as Magento keeps it (customer_address_entity, quote_address,
 * sales_order_address). `regionCode` is directory_country_region.code for the address's region_id
 * (null when the region was typed in freely); `region` is the name as stored on the address.
 */
export interface Address {
  /** Street lines (Magento keeps them newline-separated in one column). */
  street: string[];
  city: string | null;
  region: string | null;
  regionCode: string | null;
  postcode: string | null;
  /** ISO 3166-1 alpha-2. */
  countryId: string | null;
  telephone: string | null;
  company: string | null;
}

/** Who buys and for how much: what a cart and the order placed from it both carry. */
export interface Purchase {
  customerId: number | null;
  isGuest: boolean;
  /** The buyer's e-mail (for a cart: quote.customer_email, else its billing address's). */
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  /** customer_prefix (Mr., Ms. …), else the billing address's prefix. */
  prefix: string | null;
  /** customer_dob as a calendar day (YYYY-MM-DD), null when unknown. */
  dob: string | null;
  billingAddress: Address | null;
  shippingAddress: Address | null;
  /** The payment method code (quote_payment / sales_order_payment .method). */
  paymentMethod: string | null;
  /** The shipping description shown at checkout ("Flat Rate - Fixed"), else the method code. */
  shippingMethod: string | null;
  couponCode: string | null;
  /** The buyer (by customer id, else by e-mail) placed an order before this cart or order was created. */
  buyerHasEarlierOrder: boolean;
  /** Grand total in the display currency, `currencyCode` (quote or order currency). */
  grandTotal: number;
  currencyCode: string | null;
  /** Grand total in the base currency, `baseCurrencyCode`. */
  baseGrandTotal: number;
  baseCurrencyCode: string | null;
}

/**
 * A Magento quote (shopping cart), with its addresses, payment and items. Magento bumps
 * quote.updated_at on every cart change, so `updatedAt` is the version to store as
 * forcebridge_link.source_updated_at (customers likewise).
 */
export interface Cart extends Purchase {
  quoteId: number;
  storeId: number;
  websiteId: number;
  isActive: boolean;
  isVirtual: boolean;
  itemsCount: number;
  itemsQty: number;
  /** Shipping information was saved (shipping method chosen; for virtual carts: billing address). */
  reachedCheckout: boolean;
  /** Increment id reserved when the order was placed (null while the cart is open). */
  reservedOrderId: string | null;
  createdAt: string;
  updatedAt: string;
  items: PurchaseItem[];
}

export interface Order extends Purchase {
  entityId: number;
  incrementId: string | null;
  /** The quote it was placed from: the cart's opportunity and the order's are the same record. */
  quoteId: number | null;
  /** null when the store view was deleted after the order was placed. */
  storeId: number | null;
  websiteId: number | null;
  state: string | null;
  status: string | null;
  totalPaid: number;
  baseTotalPaid: number;
  totalRefunded: number;
  baseTotalRefunded: number;
  /** Invoiced in full: total_paid >= grand_total and state processing or complete. */
  isPaid: boolean;
  /** created_at of the latest invoice (UTC), null when the order has no invoice. */
  latestInvoiceAt: string | null;
  /** created_at of the latest credit memo (UTC), null when nothing was refunded. */
  latestCreditMemoAt: string | null;
  /** created_at of the first status-history row with status "canceled" (UTC), null when none. */
  canceledAt: string | null;
  items: PurchaseItem[];
  createdAt: string;
  updatedAt: string;
  /**
   * Latest updated_at of the order and its invoices, shipments and credit memos: the version this
   * record reflects (store it as forcebridge_link.source_updated_at once synced).
   */
  lastChangedAt: string;
}

export interface Customer {
  customerId: number;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  websiteId: number | null;
  /** The store view the account was created in; 0 when it was created in the admin. */
  storeId: number | null;
  prefix: string | null;
  /** customer_entity.dob (YYYY-MM-DD), null when unknown. */
  dob: string | null;
  /** The default billing and shipping addresses, null when there is none. */
  billingAddress: Address | null;
  shippingAddress: Address | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * Records a reader could not turn into values, by id, with the reason naming the Magento table and
 * column ("sales_order.created_at holds 0000-00-00 00:00:00, which is not a date"). One bad row
 * never keeps the others from being read.
 */
export type UnreadableRows = Map<number, string>;

export interface ReadResult<T> {
  records: T[];
  unreadable: UnreadableRows;
}
