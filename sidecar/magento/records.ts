// What the sidecar reads from Magento, in the shape the mapping rules work with. Timestamps are
// UTC ISO-8601 strings ("2026-01-31T12:00:00Z"; Magento stores UTC), amounts are numbers, and a
// value Magento left empty is null rather than a made-up default.

/** Magento entities the queue carries; each one is synced on its own. */
export type QueuedEntityType = 'customer' | 'quote' | 'order';

/** Entities that get a forcebridge_link row: the queued ones, plus guests (keyed by e-mail). */
export type LinkedEntityType = QueuedEntityType | 'guest';

export interface CartItem {
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
 * A Magento quote (shopping cart), with its billing/shipping address facts and items. Magento bumps
 * quote.updated_at on every cart change, so `updatedAt` is the version to store as
 * forcebridge_link.source_updated_at (customers likewise).
 */
/** Who buys and for how much: what a cart and the order placed from it both carry. */
export interface Purchase {
  customerId: number | null;
  isGuest: boolean;
  /** The buyer's e-mail (for a cart: quote.customer_email, else its billing address's). */
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  /** Grand total in the display currency, `currencyCode` (quote or order currency). */
  grandTotal: number;
  currencyCode: string | null;
  /** Grand total in the base currency, `baseCurrencyCode`. */
  baseGrandTotal: number;
  baseCurrencyCode: string | null;
}

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
  items: CartItem[];
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
  /** The rest comes from the default billing address, null when there is none. */
  company: string | null;
  phone: string | null;
  city: string | null;
  countryId: string | null;
  createdAt: string;
  updatedAt: string;
}
