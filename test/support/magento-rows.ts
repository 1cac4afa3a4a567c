// Inserts the Magento rows a sidecar test needs, written the way Magento writes them (see
// ../shared/magento/lifecycle-example.sql): a cart with its billing and shipping addresses, the
// shipping and payment steps, the order placed from it, invoices, shipments, credit memos and
// cancellation, customers with their addresses, and rows with values Magento should never hold.
import type mysql from 'mysql2/promise';

type Pool = mysql.Pool;
type Row = Record<string, string | number | null>;

async function insert(pool: Pool, table: string, row: Row): Promise<number> {
  const columns = Object.keys(row);
  const [result] = await pool.query<mysql.ResultSetHeader>(
    `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    Object.values(row),
  );
  return result.insertId;
}

async function update(pool: Pool, table: string, keyColumn: string, key: number, row: Row): Promise<void> {
  const columns = Object.keys(row);
  await pool.query(`UPDATE \`${table}\` SET ${columns.map((c) => `\`${c}\` = ?`).join(', ')} WHERE \`${keyColumn}\` = ?`, [...Object.values(row), key]);
}

/** A second website with its store group and one store view. */
export async function insertWebsiteWithStore(pool: Pool, ids: { websiteId: number; groupId: number; storeId: number }): Promise<void> {
  await insert(pool, 'store_website', { website_id: ids.websiteId, code: `site${ids.websiteId}`, name: `Website ${ids.websiteId}`, default_group_id: ids.groupId });
  await insert(pool, 'store_group', { group_id: ids.groupId, website_id: ids.websiteId, name: `Group ${ids.groupId}`, root_category_id: 2, default_store_id: ids.storeId, code: `group${ids.groupId}` });
  await insert(pool, 'store', { store_id: ids.storeId, code: `store${ids.storeId}`, website_id: ids.websiteId, group_id: ids.groupId, name: `Store ${ids.storeId}`, is_active: 1 });
}

/** A store view in an existing website and group. */
export async function insertStoreView(pool: Pool, ids: { websiteId: number; groupId: number; storeId: number }): Promise<void> {
  await insert(pool, 'store', { store_id: ids.storeId, code: `store${ids.storeId}`, website_id: ids.websiteId, group_id: ids.groupId, name: `Store ${ids.storeId}`, is_active: 1 });
}

export async function setConfigRow(pool: Pool, scope: 'default' | 'websites' | 'stores', scopeId: number, path: string, value: string | null): Promise<void> {
  await pool.query('INSERT INTO core_config_data (scope, scope_id, path, value) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value)', [scope, scopeId, path, value]);
}

/** An address-book entry; street lines are joined with newlines, as Magento stores them. */
export interface CustomerAddressRow {
  telephone: string;
  city: string;
  countryId: string;
  company?: string | null;
  firstname?: string;
  lastname?: string;
  street?: string[];
  region?: string | null;
  /** directory_country_region.region_id; null for a region typed in freely. */
  regionId?: number | null;
  postcode?: string | null;
}

export interface CustomerRow {
  email: string;
  firstname?: string | null;
  lastname?: string | null;
  prefix?: string | null;
  /** customer_entity.dob, "YYYY-MM-DD". */
  dob?: string | null;
  websiteId?: number;
  storeId?: number;
  updatedAt?: string;
  /** The default billing address, also the default shipping one unless `shipping` is given. */
  billing?: CustomerAddressRow;
  shipping?: CustomerAddressRow;
}

async function insertCustomerAddress(pool: Pool, customerId: number, address: CustomerAddressRow): Promise<number> {
  return insert(pool, 'customer_address_entity', {
    parent_id: customerId,
    city: address.city,
    company: address.company ?? null,
    country_id: address.countryId,
    firstname: address.firstname ?? 'Ann',
    lastname: address.lastname ?? 'Smith',
    street: (address.street ?? ['1 Main St']).join('\n'),
    region: address.region ?? null,
    region_id: address.regionId ?? null,
    postcode: address.postcode ?? null,
    telephone: address.telephone,
  });
}

/** A registered customer, with default addresses when `billing` (and `shipping`) are given. */
export async function insertCustomer(pool: Pool, customer: CustomerRow): Promise<number> {
  const customerId = await insert(pool, 'customer_entity', {
    website_id: customer.websiteId ?? 1,
    store_id: customer.storeId ?? 1,
    email: customer.email,
    group_id: 1,
    created_in: 'Default Store View',
    firstname: customer.firstname === undefined ? 'Ann' : customer.firstname,
    lastname: customer.lastname === undefined ? 'Smith' : customer.lastname,
    prefix: customer.prefix ?? null,
    dob: customer.dob ?? null,
  });
  if (customer.billing) {
    const billingId = await insertCustomerAddress(pool, customerId, customer.billing);
    const shippingId = customer.shipping ? await insertCustomerAddress(pool, customerId, customer.shipping) : billingId;
    await update(pool, 'customer_entity', 'entity_id', customerId, { default_billing: billingId, default_shipping: shippingId });
  }
  if (customer.updatedAt) await setUpdatedAt(pool, 'customer_entity', customerId, customer.updatedAt);
  return customerId;
}

export interface CartRow {
  storeId?: number;
  customerId?: number | null;
  customerEmail?: string | null;
  /** What Magento copies from a logged-in customer's account onto the quote. */
  customerPrefix?: string | null;
  customerDob?: string | null;
  couponCode?: string | null;
  items?: { sku: string; name: string; qty: number; price: number }[];
  /** quote currency per base currency unit; 1 = same currency. */
  rate?: number;
  currency?: string;
}

/** A cart as the storefront creates it: quote, billing + shipping quote_address, items, totals. */
export async function insertCart(pool: Pool, cart: CartRow = {}): Promise<number> {
  const items = cart.items ?? [{ sku: 'MH01', name: 'Chaz Kangeroo Hoodie', qty: 2, price: 100 }];
  const rate = cart.rate ?? 1;
  const baseTotal = items.reduce((sum, item) => sum + item.qty * item.price, 0);
  const isGuest = cart.customerId === undefined || cart.customerId === null;
  const quoteId = await insert(pool, 'quote', {
    store_id: cart.storeId ?? 1,
    is_active: 1,
    items_count: items.length,
    items_qty: items.reduce((sum, item) => sum + item.qty, 0),
    base_currency_code: 'USD',
    store_currency_code: 'USD',
    quote_currency_code: cart.currency ?? 'USD',
    global_currency_code: 'USD',
    base_to_global_rate: 1,
    base_to_quote_rate: rate,
    customer_id: cart.customerId ?? null,
    customer_group_id: isGuest ? 0 : 1,
    customer_is_guest: isGuest ? 1 : 0,
    customer_email: cart.customerEmail ?? null,
    customer_prefix: cart.customerPrefix ?? null,
    customer_dob: cart.customerDob ?? null,
    coupon_code: cart.couponCode ?? null,
    subtotal: baseTotal * rate,
    base_subtotal: baseTotal,
    grand_total: baseTotal * rate,
    base_grand_total: baseTotal,
    is_changed: 1,
  });
  await insert(pool, 'quote_address', { quote_id: quoteId, address_type: 'billing', customer_id: cart.customerId ?? null });
  await insert(pool, 'quote_address', { quote_id: quoteId, address_type: 'shipping', customer_id: cart.customerId ?? null, same_as_billing: 1, grand_total: baseTotal * rate, base_grand_total: baseTotal });
  for (const item of items) {
    await insert(pool, 'quote_item', {
      quote_id: quoteId, store_id: cart.storeId ?? 1, product_id: 1, sku: item.sku, name: item.name, product_type: 'simple', qty: item.qty,
      price: item.price * rate, base_price: item.price, row_total: item.qty * item.price * rate, base_row_total: item.qty * item.price,
      no_discount: 0, is_qty_decimal: 0, free_shipping: 0,
    });
  }
  return quoteId;
}

/** What the shopper typed into a checkout address form; anything left out is the Austin default. */
export interface CheckoutAddress {
  prefix?: string | null;
  company?: string | null;
  street?: string[];
  city?: string;
  region?: string | null;
  /** directory_country_region.region_id (57 = Texas); null for a region typed in freely. */
  regionId?: number | null;
  postcode?: string;
  countryId?: string;
  telephone?: string;
}

/** The shipping half of the step: another address than the billing one, and the method chosen. */
export interface ShippingChoice {
  address?: CheckoutAddress;
  method?: string;
  description?: string | null;
}

function checkoutAddressRow(person: { email: string; firstname: string; lastname: string }, address: CheckoutAddress): Row {
  return {
    email: person.email, firstname: person.firstname, lastname: person.lastname, prefix: address.prefix ?? null, company: address.company ?? null,
    street: (address.street ?? ['1 Main St']).join('\n'), city: address.city ?? 'Austin',
    region: address.region === undefined ? 'Texas' : address.region, region_id: address.regionId === undefined ? 57 : address.regionId,
    postcode: address.postcode ?? '78701', country_id: address.countryId ?? 'US', telephone: address.telephone ?? '5551234',
  };
}

/**
 * The checkout shipping step: both addresses filled with `address` (the guest e-mail lands on
 * them), unless `shipping` gives another shipping address; a shipping method (flat rate by default).
 */
export async function saveShippingInformation(
  pool: Pool, quoteId: number, person: { email: string; firstname: string; lastname: string }, address: CheckoutAddress = {}, shipping: ShippingChoice = {},
): Promise<void> {
  await pool.query("UPDATE quote_address SET ? WHERE quote_id = ? AND address_type = 'billing'", [checkoutAddressRow(person, address), quoteId]);
  const shippingRow = {
    ...checkoutAddressRow(person, shipping.address ?? address),
    shipping_method: shipping.method ?? 'flatrate_flatrate',
    shipping_description: shipping.description === undefined ? 'Flat Rate - Fixed' : shipping.description,
  };
  await pool.query("UPDATE quote_address SET ? WHERE quote_id = ? AND address_type = 'shipping'", [shippingRow, quoteId]);
  await pool.query('UPDATE quote SET is_changed = 1 WHERE entity_id = ?', [quoteId]);
}

/** The checkout payment step: the chosen method on quote_payment. */
export async function savePaymentInformation(pool: Pool, quoteId: number, method: string): Promise<void> {
  await insert(pool, 'quote_payment', { quote_id: quoteId, method });
}

const ORDER_ADDRESS_COLUMNS = ['address_type', 'email', 'prefix', 'firstname', 'lastname', 'company', 'street', 'city', 'region', 'region_id', 'postcode', 'country_id', 'telephone'];

/**
 * Places the order from the cart the way QuoteManagement::submitQuote does: the quote's customer,
 * coupon and shipping method, both addresses, the items and the payment (checkmo when none was
 * chosen) are copied, and the first status-history row written. Returns the order id.
 */
export async function placeOrder(pool: Pool, quoteId: number, incrementId: string): Promise<number> {
  const [quotes] = await pool.query<mysql.RowDataPacket[]>('SELECT * FROM quote WHERE entity_id = ?', [quoteId]);
  const quote = quotes[0];
  if (!quote) throw new Error(`no quote ${quoteId}`);
  const [addresses] = await pool.query<mysql.RowDataPacket[]>('SELECT * FROM quote_address WHERE quote_id = ? ORDER BY address_id', [quoteId]);
  const billing = addresses.find((address) => address.address_type === 'billing');
  const shipping = addresses.find((address) => address.address_type === 'shipping');
  const email = (quote.customer_email as string | null) ?? (billing?.email as string | null) ?? null;
  await update(pool, 'quote', 'entity_id', quoteId, { reserved_order_id: incrementId, customer_email: email, customer_firstname: billing?.firstname ?? null, customer_lastname: billing?.lastname ?? null, is_active: 0 });
  const orderId = await insert(pool, 'sales_order', {
    increment_id: incrementId, state: 'new', status: 'pending', quote_id: quoteId, store_id: quote.store_id,
    customer_id: quote.customer_id, customer_is_guest: quote.customer_is_guest, customer_group_id: quote.customer_group_id,
    customer_email: email, customer_firstname: billing?.firstname ?? null, customer_lastname: billing?.lastname ?? null,
    customer_prefix: quote.customer_prefix, customer_dob: quote.customer_dob, coupon_code: quote.coupon_code,
    shipping_method: shipping?.shipping_method ?? null, shipping_description: shipping?.shipping_description ?? null,
    base_currency_code: quote.base_currency_code, order_currency_code: quote.quote_currency_code, store_currency_code: 'USD', global_currency_code: 'USD',
    base_to_order_rate: quote.base_to_quote_rate, grand_total: quote.grand_total, base_grand_total: quote.base_grand_total,
    subtotal: quote.subtotal, base_subtotal: quote.base_subtotal, total_qty_ordered: quote.items_qty, total_item_count: quote.items_count,
  });
  const orderAddressIds: Row = {};
  for (const address of addresses) {
    const copied: Row = Object.fromEntries(ORDER_ADDRESS_COLUMNS.map((column) => [column, address[column] ?? null]));
    const addressId = await insert(pool, 'sales_order_address', { ...copied, email, parent_id: orderId, quote_address_id: address.address_id });
    orderAddressIds[`${String(address.address_type)}_address_id`] = addressId;
  }
  await update(pool, 'sales_order', 'entity_id', orderId, orderAddressIds);
  const [items] = await pool.query<mysql.RowDataPacket[]>('SELECT * FROM quote_item WHERE quote_id = ? ORDER BY item_id', [quoteId]);
  for (const item of items) {
    await insert(pool, 'sales_order_item', {
      order_id: orderId, quote_item_id: item.item_id, store_id: item.store_id, product_id: item.product_id, sku: item.sku, name: item.name,
      product_type: item.product_type, qty_ordered: item.qty, price: item.price, base_price: item.base_price,
      row_total: item.row_total, base_row_total: item.base_row_total,
    });
  }
  const [payments] = await pool.query<mysql.RowDataPacket[]>('SELECT payment_id, method FROM quote_payment WHERE quote_id = ?', [quoteId]);
  await insert(pool, 'sales_order_payment', {
    parent_id: orderId, method: payments[0]?.method ?? 'checkmo', quote_payment_id: payments[0]?.payment_id ?? null,
    amount_ordered: quote.grand_total, base_amount_ordered: quote.base_grand_total,
  });
  await addStatusHistory(pool, orderId, 'pending');
  return orderId;
}

/** A sales_order_status_history row, as Magento writes one on every status change or comment. */
export async function addStatusHistory(pool: Pool, orderId: number, status: string, createdAt?: string): Promise<number> {
  return insert(pool, 'sales_order_status_history', {
    parent_id: orderId, is_customer_notified: 0, is_visible_on_front: 0, status, entity_name: 'order', ...(createdAt ? { created_at: createdAt } : {}),
  });
}

/** Cancels an unpaid order: state and status canceled, with its status-history row. */
export async function cancelOrder(pool: Pool, orderId: number, canceledAt?: string): Promise<void> {
  await update(pool, 'sales_order', 'entity_id', orderId, { state: 'canceled', status: 'canceled' });
  await addStatusHistory(pool, orderId, 'canceled', canceledAt);
}

/** An offline-captured invoice for the whole order: invoice state 2 (paid), order moves to processing. */
export async function invoiceOrder(pool: Pool, orderId: number, createdAt?: string): Promise<number> {
  const [orders] = await pool.query<mysql.RowDataPacket[]>('SELECT * FROM sales_order WHERE entity_id = ?', [orderId]);
  const order = orders[0];
  if (!order) throw new Error(`no order ${orderId}`);
  const invoiceId = await insert(pool, 'sales_invoice', {
    store_id: order.store_id, order_id: orderId, increment_id: order.increment_id, state: 2,
    base_currency_code: order.base_currency_code, order_currency_code: order.order_currency_code,
    grand_total: order.grand_total, base_grand_total: order.base_grand_total, ...(createdAt ? { created_at: createdAt, updated_at: createdAt } : {}),
  });
  await update(pool, 'sales_order', 'entity_id', orderId, {
    state: 'processing', status: 'processing', total_invoiced: order.grand_total, base_total_invoiced: order.base_grand_total,
    total_paid: order.grand_total, base_total_paid: order.base_grand_total,
  });
  return invoiceId;
}

export async function shipOrder(pool: Pool, orderId: number): Promise<number> {
  const [orders] = await pool.query<mysql.RowDataPacket[]>('SELECT store_id, increment_id, total_qty_ordered FROM sales_order WHERE entity_id = ?', [orderId]);
  const order = orders[0];
  const shipmentId = await insert(pool, 'sales_shipment', { store_id: order?.store_id ?? null, order_id: orderId, increment_id: order?.increment_id ?? null, total_qty: order?.total_qty_ordered ?? 0 });
  await update(pool, 'sales_order', 'entity_id', orderId, { state: 'complete', status: 'complete' });
  return shipmentId;
}

/** A full offline refund: credit memo state 2 (refunded), order closed. */
export async function refundOrder(pool: Pool, orderId: number, createdAt?: string): Promise<number> {
  const [orders] = await pool.query<mysql.RowDataPacket[]>('SELECT store_id, increment_id, grand_total, base_grand_total FROM sales_order WHERE entity_id = ?', [orderId]);
  const order = orders[0];
  const creditmemoId = await insert(pool, 'sales_creditmemo', { store_id: order?.store_id ?? null, order_id: orderId, increment_id: order?.increment_id ?? null, state: 2, grand_total: order?.grand_total ?? 0, base_grand_total: order?.base_grand_total ?? 0, ...(createdAt ? { created_at: createdAt, updated_at: createdAt } : {}) });
  await update(pool, 'sales_order', 'entity_id', orderId, { state: 'closed', status: 'closed', total_refunded: order?.grand_total ?? 0, base_total_refunded: order?.base_grand_total ?? 0 });
  return creditmemoId;
}

/** Moves a row's updated_at (UTC "YYYY-MM-DD HH:MM:SS"), as if it was last saved then. */
export async function setUpdatedAt(pool: Pool, table: string, entityId: number, updatedAt: string): Promise<void> {
  await pool.query(`UPDATE \`${table}\` SET updated_at = ? WHERE entity_id = ?`, [updatedAt, entityId]);
}

/** Moves a row's created_at (UTC), keeping its updated_at (which ON UPDATE would otherwise move). */
export async function setCreatedAt(pool: Pool, table: string, entityId: number, createdAt: string): Promise<void> {
  await pool.query(`UPDATE \`${table}\` SET created_at = ?, updated_at = updated_at WHERE entity_id = ?`, [createdAt, entityId]);
}

/**
 * Writes the zero date into a date column, as old imports and servers without NO_ZERO_DATE leave
 * it. Strict servers refuse it, so this one statement runs with an empty sql_mode.
 */
export async function writeZeroDate(pool: Pool, table: string, entityId: number, column: string): Promise<void> {
  const connection = await pool.getConnection();
  try {
    await connection.query('SET @forcebridge_test_sql_mode = @@SESSION.sql_mode, SESSION sql_mode = \'\'');
    try {
      await connection.query(`UPDATE \`${table}\` SET \`${column}\` = '0000-00-00 00:00:00' WHERE entity_id = ?`, [entityId]);
    } finally {
      await connection.query('SET SESSION sql_mode = @forcebridge_test_sql_mode');
    }
  } finally {
    connection.release();
  }
}
