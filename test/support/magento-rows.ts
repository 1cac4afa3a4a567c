// Inserts the Magento rows a sidecar test needs, written the way Magento writes them (see
// ../shared/magento/lifecycle-example.sql): a cart with its billing and shipping addresses, the
// shipping step, the order placed from it, invoices, shipments and credit memos, customers.
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

export interface CustomerRow {
  email: string;
  firstname?: string | null;
  lastname?: string | null;
  websiteId?: number;
  storeId?: number;
  updatedAt?: string;
  billing?: { company?: string | null; telephone: string; city: string; countryId: string; firstname?: string; lastname?: string };
}

/** A registered customer, with a default billing address when `billing` is given. */
export async function insertCustomer(pool: Pool, customer: CustomerRow): Promise<number> {
  const customerId = await insert(pool, 'customer_entity', {
    website_id: customer.websiteId ?? 1,
    store_id: customer.storeId ?? 1,
    email: customer.email,
    group_id: 1,
    created_in: 'Default Store View',
    firstname: customer.firstname === undefined ? 'Ann' : customer.firstname,
    lastname: customer.lastname === undefined ? 'Smith' : customer.lastname,
  });
  if (customer.billing) {
    const { billing } = customer;
    const addressId = await insert(pool, 'customer_address_entity', {
      parent_id: customerId,
      city: billing.city,
      company: billing.company ?? null,
      country_id: billing.countryId,
      firstname: billing.firstname ?? 'Ann',
      lastname: billing.lastname ?? 'Smith',
      street: '1 Main St',
      telephone: billing.telephone,
    });
    await update(pool, 'customer_entity', 'entity_id', customerId, { default_billing: addressId, default_shipping: addressId });
  }
  if (customer.updatedAt) await setUpdatedAt(pool, 'customer_entity', customerId, customer.updatedAt);
  return customerId;
}

export interface CartRow {
  storeId?: number;
  customerId?: number | null;
  customerEmail?: string | null;
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

/** The checkout shipping step: both addresses filled (the guest e-mail lands on them), a shipping method. */
export async function saveShippingInformation(pool: Pool, quoteId: number, person: { email: string; firstname: string; lastname: string }): Promise<void> {
  const address = { email: person.email, firstname: person.firstname, lastname: person.lastname, street: '1 Main St', city: 'Austin', region: 'Texas', postcode: '78701', country_id: 'US', telephone: '5551234' };
  await pool.query("UPDATE quote_address SET ? WHERE quote_id = ? AND address_type = 'billing'", [address, quoteId]);
  await pool.query("UPDATE quote_address SET ?, shipping_method = 'flatrate_flatrate', shipping_description = 'Flat Rate - Fixed' WHERE quote_id = ? AND address_type = 'shipping'", [address, quoteId]);
  await pool.query('UPDATE quote SET is_changed = 1 WHERE entity_id = ?', [quoteId]);
}

/** Places the order from the cart the way QuoteManagement::submitQuote does; returns the order id. */
export async function placeOrder(pool: Pool, quoteId: number, incrementId: string): Promise<number> {
  const [quotes] = await pool.query<mysql.RowDataPacket[]>('SELECT * FROM quote WHERE entity_id = ?', [quoteId]);
  const quote = quotes[0];
  if (!quote) throw new Error(`no quote ${quoteId}`);
  const [billings] = await pool.query<mysql.RowDataPacket[]>("SELECT * FROM quote_address WHERE quote_id = ? AND address_type = 'billing'", [quoteId]);
  const billing = billings[0];
  const email = (quote.customer_email as string | null) ?? (billing?.email as string | null) ?? null;
  await update(pool, 'quote', 'entity_id', quoteId, { reserved_order_id: incrementId, customer_email: email, customer_firstname: billing?.firstname ?? null, customer_lastname: billing?.lastname ?? null, is_active: 0 });
  const orderId = await insert(pool, 'sales_order', {
    increment_id: incrementId, state: 'new', status: 'pending', quote_id: quoteId, store_id: quote.store_id,
    customer_id: quote.customer_id, customer_is_guest: quote.customer_is_guest, customer_group_id: quote.customer_group_id,
    customer_email: email, customer_firstname: billing?.firstname ?? null, customer_lastname: billing?.lastname ?? null,
    base_currency_code: quote.base_currency_code, order_currency_code: quote.quote_currency_code, store_currency_code: 'USD', global_currency_code: 'USD',
    base_to_order_rate: quote.base_to_quote_rate, grand_total: quote.grand_total, base_grand_total: quote.base_grand_total,
    subtotal: quote.subtotal, base_subtotal: quote.base_subtotal, total_qty_ordered: quote.items_qty, total_item_count: quote.items_count,
  });
  const billingAddressId = await insert(pool, 'sales_order_address', {
    parent_id: orderId, address_type: 'billing', email, firstname: billing?.firstname ?? null, lastname: billing?.lastname ?? null,
    street: '1 Main St', city: 'Austin', postcode: '78701', country_id: 'US', telephone: '5551234',
  });
  await update(pool, 'sales_order', 'entity_id', orderId, { billing_address_id: billingAddressId });
  return orderId;
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
export async function refundOrder(pool: Pool, orderId: number): Promise<number> {
  const [orders] = await pool.query<mysql.RowDataPacket[]>('SELECT store_id, increment_id, grand_total, base_grand_total FROM sales_order WHERE entity_id = ?', [orderId]);
  const order = orders[0];
  const creditmemoId = await insert(pool, 'sales_creditmemo', { store_id: order?.store_id ?? null, order_id: orderId, increment_id: order?.increment_id ?? null, state: 2, grand_total: order?.grand_total ?? 0, base_grand_total: order?.base_grand_total ?? 0 });
  await update(pool, 'sales_order', 'entity_id', orderId, { state: 'closed', status: 'closed', total_refunded: order?.grand_total ?? 0, base_total_refunded: order?.base_grand_total ?? 0 });
  return creditmemoId;
}

/** Moves a row's updated_at (UTC "YYYY-MM-DD HH:MM:SS"), as if it was last saved then. */
export async function setUpdatedAt(pool: Pool, table: string, entityId: number, updatedAt: string): Promise<void> {
  await pool.query(`UPDATE \`${table}\` SET updated_at = ? WHERE entity_id = ?`, [updatedAt, entityId]);
}
