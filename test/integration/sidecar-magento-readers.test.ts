import { expect } from 'chai';
import type mysql from 'mysql2/promise';
import { createDatabasePool, type DatabasePool } from '../../sidecar/db/pool.js';
import { MISSING_REGION_TABLE } from '../../sidecar/magento/addresses.js';
import { readCarts } from '../../sidecar/magento/carts.js';
import { dayInTimezone } from '../../sidecar/mapping/dates.js';
import { readCustomers } from '../../sidecar/magento/customers.js';
import { findOrderIdsByQuoteId, readOrders } from '../../sidecar/magento/orders.js';
import type { Address } from '../../sidecar/magento/records.js';
import {
  addStatusHistory, cancelOrder, insertCart, insertCustomer, invoiceOrder, placeOrder, refundOrder, saveShippingInformation,
  savePaymentInformation, setCreatedAt, setUpdatedAt, shipOrder, writeZeroDate,
} from '../support/magento-rows.js';
import { useTestDatabase } from '../support/test-database.js';

/** The address saveShippingInformation fills in by default: Texas is region_id 57. */
const AUSTIN: Address = {
  street: ['1 Main St'], city: 'Austin', region: 'Texas', regionCode: 'TX', postcode: '78701', countryId: 'US', telephone: '5551234', company: null,
};

describe('sidecar Magento readers', () => {
  const db = useTestDatabase();
  let pool: DatabasePool;
  let increment = 500;
  const nextIncrementId = () => String(++increment).padStart(9, '0');
  before(() => {
    pool = createDatabasePool(db().url);
  });
  after(async () => {
    await pool.end();
  });

  /** A guest cart through checkout, placed as an order; returns its ids. */
  async function guestOrder(email: string): Promise<{ quoteId: number; orderId: number }> {
    const quoteId = await insertCart(pool);
    await saveShippingInformation(pool, quoteId, { email, firstname: 'Gus', lastname: 'Guest' });
    return { quoteId, orderId: await placeOrder(pool, quoteId, nextIncrementId()) };
  }

  describe('carts', () => {
    it('reads a guest cart before and after the shipping and payment steps', async () => {
      const quoteId = await insertCart(pool, { items: [{ sku: 'MH01', name: 'Hoodie', qty: 2, price: 100 }, { sku: 'WS03', name: 'Tee ☀️ عربي', qty: 1, price: 10 }], rate: 0.5, currency: 'EUR' });
      await setUpdatedAt(pool, 'quote', quoteId, '2026-03-01 10:00:00');
      const { records: [before], unreadable } = await readCarts(pool, [quoteId]);
      expect(unreadable.size).to.equal(0);
      expect(before).to.deep.include({
        quoteId, storeId: 1, websiteId: 1, isActive: true, isVirtual: false, itemsCount: 2, itemsQty: 3, customerId: null, isGuest: true,
        email: null, firstName: null, lastName: null, grandTotal: 105, currencyCode: 'EUR', baseGrandTotal: 210, baseCurrencyCode: 'USD',
        reachedCheckout: false, reservedOrderId: null, updatedAt: '2026-03-01T10:00:00Z',
        prefix: null, dob: null, billingAddress: null, shippingAddress: null, paymentMethod: null, shippingMethod: null, couponCode: null,
        buyerHasEarlierOrder: false,
      });
      expect(before?.createdAt).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(before?.items.map((item) => [item.sku, item.name, item.qty, item.price, item.baseRowTotal])).to.deep.equal([
        ['MH01', 'Hoodie', 2, 50, 200],
        ['WS03', 'Tee ☀️ عربي', 1, 5, 10],
      ]);

      await saveShippingInformation(pool, quoteId, { email: 'Jane@Example.com', firstname: 'Jane', lastname: 'Doe' }, { prefix: 'Ms.', company: 'Doe & Daughters' }, {
        // A French address with two street lines and a region typed in freely (region_id NULL).
        address: { street: ['Appartement 4', '10 Rue de la Paix'], city: 'Paris', region: 'Île-de-France', regionId: null, postcode: '75002', countryId: 'FR', telephone: '+33 1 23 45 67 89' },
      });
      await savePaymentInformation(pool, quoteId, 'checkmo');
      await pool.query("UPDATE quote SET coupon_code = 'SPRING10' WHERE entity_id = ?", [quoteId]);
      const [after] = (await readCarts(pool, [quoteId])).records;
      expect(after).to.deep.include({
        email: 'Jane@Example.com', firstName: 'Jane', lastName: 'Doe', reachedCheckout: true, prefix: 'Ms.', dob: null,
        paymentMethod: 'checkmo', shippingMethod: 'Flat Rate - Fixed', couponCode: 'SPRING10', buyerHasEarlierOrder: false,
      });
      expect(after?.billingAddress).to.deep.equal({ ...AUSTIN, company: 'Doe & Daughters' });
      expect(after?.shippingAddress).to.deep.equal({
        street: ['Appartement 4', '10 Rue de la Paix'], city: 'Paris', region: 'Île-de-France', regionCode: null, postcode: '75002',
        countryId: 'FR', telephone: '+33 1 23 45 67 89', company: null,
      });
    });

    it("reads a registered customer's prefix and birthday from the quote, and the method code without a description", async () => {
      const customerId = await insertCustomer(pool, { email: 'dora@example.com' });
      const quoteId = await insertCart(pool, { customerId, customerEmail: 'dora@example.com', customerPrefix: 'Dr.', customerDob: '1980-05-04 00:00:00' });
      await saveShippingInformation(pool, quoteId, { email: 'dora@example.com', firstname: 'Dora', lastname: 'Explorer' }, { prefix: 'Mrs.' }, {
        method: 'tablerate_bestway', description: null,
      });
      const [cart] = (await readCarts(pool, [quoteId])).records;
      expect(cart).to.deep.include({ customerId, isGuest: false, prefix: 'Dr.', dob: '1980-05-04', shippingMethod: 'tablerate_bestway', paymentMethod: null });
      expect(cart?.shippingAddress).to.deep.equal(AUSTIN);
    });

    it('prefers the quote e-mail of a registered customer and leaves out deleted quotes', async () => {
      const customerId = await insertCustomer(pool, { email: 'reg@example.com' });
      const quoteId = await insertCart(pool, { customerId, customerEmail: 'reg@example.com' });
      const { records, unreadable } = await readCarts(pool, [quoteId, 999_999, quoteId]);
      expect(records.map((cart) => [cart.quoteId, cart.customerId, cart.isGuest, cart.email])).to.deep.equal([[quoteId, customerId, false, 'reg@example.com']]);
      expect(unreadable.size).to.equal(0);
    });
  });

  describe('orders', () => {
    it('follows an order from placement through invoice, shipment and refund', async () => {
      const quoteId = await insertCart(pool, { couponCode: 'WELCOME' });
      await saveShippingInformation(pool, quoteId, { email: 'jane@example.com', firstname: 'Jane', lastname: 'Doe' }, {}, {
        address: { street: ['500 Pennsylvania Ave NW', 'Suite 3'], city: 'Washington', region: 'District of Columbia', regionId: 16, postcode: '20001' },
      });
      await savePaymentInformation(pool, quoteId, 'banktransfer');
      const orderId = await placeOrder(pool, quoteId, '000000101');
      const { records: [placed], unreadable } = await readOrders(pool, [orderId]);
      expect(unreadable.size).to.equal(0);
      expect(placed).to.deep.include({
        entityId: orderId, incrementId: '000000101', quoteId, storeId: 1, websiteId: 1, state: 'new', status: 'pending', customerId: null,
        isGuest: true, email: 'jane@example.com', firstName: 'Jane', lastName: 'Doe', grandTotal: 200, baseGrandTotal: 200,
        currencyCode: 'USD', totalPaid: 0, isPaid: false, latestInvoiceAt: null, latestCreditMemoAt: null, canceledAt: null,
        prefix: null, dob: null, paymentMethod: 'banktransfer', shippingMethod: 'Flat Rate - Fixed', couponCode: 'WELCOME', buyerHasEarlierOrder: false,
      });
      expect(placed?.billingAddress).to.deep.equal(AUSTIN);
      expect(placed?.shippingAddress).to.deep.equal({
        ...AUSTIN, street: ['500 Pennsylvania Ave NW', 'Suite 3'], city: 'Washington', region: 'District of Columbia', regionCode: 'DC', postcode: '20001',
      });
      expect(placed?.items).to.deep.equal([{
        itemId: placed?.items[0]?.itemId, parentItemId: null, productId: 1, sku: 'MH01', name: 'Chaz Kangeroo Hoodie', productType: 'simple',
        qty: 2, price: 100, basePrice: 100, rowTotal: 200, baseRowTotal: 200,
      }]);
      expect(placed?.lastChangedAt).to.equal(placed?.updatedAt);
      expect((await findOrderIdsByQuoteId(pool, [quoteId, 12345])).get(quoteId)).to.deep.equal([orderId]);
      const [cart] = (await readCarts(pool, [quoteId])).records;
      expect(cart).to.deep.include({ isActive: false, reservedOrderId: '000000101' });

      await invoiceOrder(pool, orderId, '2026-03-02 04:30:00');
      const [invoiced] = (await readOrders(pool, [orderId])).records;
      expect(invoiced).to.deep.include({ state: 'processing', totalPaid: 200, isPaid: true, latestInvoiceAt: '2026-03-02T04:30:00Z' });
      // 04:30 UTC is still the evening before in Chicago
      expect(dayInTimezone(invoiced!.latestInvoiceAt!, 'America/Chicago')).to.equal('2026-03-01');
      expect(dayInTimezone(invoiced!.latestInvoiceAt!, 'Europe/Paris')).to.equal('2026-03-02');

      const shipmentId = await shipOrder(pool, orderId);
      await setUpdatedAt(pool, 'sales_shipment', shipmentId, '2030-01-01 00:00:00');
      expect((await readOrders(pool, [orderId])).records[0]).to.deep.include({ state: 'complete', isPaid: true, lastChangedAt: '2030-01-01T00:00:00Z' });
      await refundOrder(pool, orderId, '2026-03-07 11:15:00');
      expect((await readOrders(pool, [orderId])).records[0]).to.deep.include({
        state: 'closed', totalRefunded: 200, isPaid: false, latestCreditMemoAt: '2026-03-07T11:15:00Z', canceledAt: null,
      });
    });

    it('does not count a partly paid order as paid', async () => {
      const orderId = await placeOrder(pool, await insertCart(pool), '000000102');
      await pool.query("UPDATE sales_order SET state = 'processing', status = 'processing', total_paid = 50 WHERE entity_id = ?", [orderId]);
      expect((await readOrders(pool, [orderId])).records[0]?.isPaid).to.equal(false);
    });

    it('dates the cancellation by the first "canceled" status-history row', async () => {
      const { orderId } = await guestOrder('cancel@example.com');
      await addStatusHistory(pool, orderId, 'pending', '2026-04-01 08:00:00');
      await cancelOrder(pool, orderId, '2026-04-02 09:30:00');
      // A comment added later on the canceled order carries the status again.
      await addStatusHistory(pool, orderId, 'canceled', '2026-04-05 12:00:00');
      expect((await readOrders(pool, [orderId])).records[0]).to.deep.include({ state: 'canceled', canceledAt: '2026-04-02T09:30:00Z' });
    });

    it('takes the prefix and birthday from the order, else the prefix from the billing address', async () => {
      const customerId = await insertCustomer(pool, { email: 'pat@example.com' });
      const withCustomerFields = await insertCart(pool, { customerId, customerEmail: 'pat@example.com', customerPrefix: 'Prof.', customerDob: '1975-12-31 00:00:00' });
      await saveShippingInformation(pool, withCustomerFields, { email: 'pat@example.com', firstname: 'Pat', lastname: 'Doe' }, { prefix: 'Mx.' });
      const registered = await placeOrder(pool, withCustomerFields, nextIncrementId());
      const { orderId: guest } = await guestOrder('mx@example.com');
      await pool.query("UPDATE sales_order_address SET prefix = 'Mx.' WHERE parent_id = ? AND address_type = 'billing'", [guest]);
      const { records } = await readOrders(pool, [registered, guest]);
      expect(records.map((order) => [order.prefix, order.dob])).to.deep.equal([['Prof.', '1975-12-31'], ['Mx.', null]]);
    });
  });

  describe('customers', () => {
    it('reads a customer with prefix, birthday and default billing and shipping addresses', async () => {
      const customerId = await insertCustomer(pool, {
        email: 'ann@example.com', prefix: 'Ms.', dob: '1990-07-14',
        billing: { company: 'Acme', telephone: '555', street: ['Bâtiment B', '12 Quai Claude Bernard'], city: 'Lyon', region: 'Rhône', regionId: 251, postcode: '69007', countryId: 'FR' },
        shipping: { telephone: '556', street: ['1 Ocean Drive'], city: 'Miami', region: 'Florida', regionId: 18, postcode: '33139', countryId: 'US' },
      });
      const { records: [customer] } = await readCustomers(pool, [customerId]);
      expect(customer).to.deep.include({ customerId, email: 'ann@example.com', firstName: 'Ann', lastName: 'Smith', websiteId: 1, storeId: 1, prefix: 'Ms.', dob: '1990-07-14' });
      expect(customer?.billingAddress).to.deep.equal({
        street: ['Bâtiment B', '12 Quai Claude Bernard'], city: 'Lyon', region: 'Rhône', regionCode: '69', postcode: '69007', countryId: 'FR', telephone: '555', company: 'Acme',
      });
      expect(customer?.shippingAddress).to.deep.equal({
        street: ['1 Ocean Drive'], city: 'Miami', region: 'Florida', regionCode: 'FL', postcode: '33139', countryId: 'US', telephone: '556', company: null,
      });
    });

    it('reads a customer without last name, birthday or address as nulls', async () => {
      const customerId = await insertCustomer(pool, { email: 'mono@example.com', firstname: 'Cher', lastname: null });
      const { records: [customer] } = await readCustomers(pool, [customerId]);
      expect(customer).to.deep.include({ firstName: 'Cher', lastName: null, prefix: null, dob: null, billingAddress: null, shippingAddress: null });
    });

    it("names the region from the directory when the address has only its id, and gives no code for another country's region", async () => {
      const onlyId = await insertCustomer(pool, { email: 'ca@example.com', billing: { telephone: '1', city: 'Los Angeles', region: null, regionId: 12, countryId: 'US' } });
      // Quebec's region id on an address whose country was changed to Germany afterwards.
      const mismatched = await insertCustomer(pool, { email: 'qc@example.com', billing: { telephone: '1', city: 'Köln', region: 'Nordrhein-Westfalen', regionId: 76, countryId: 'DE' } });
      const { records } = await readCustomers(pool, [onlyId, mismatched]);
      expect(records.map((customer) => [customer.billingAddress?.region, customer.billingAddress?.regionCode])).to.deep.equal([
        ['California', 'CA'], ['Nordrhein-Westfalen', null],
      ]);
    });

    it('says clearly when the store has no directory_country_region table', async () => {
      const customerId = await insertCustomer(pool, { email: 'noregions@example.com', billing: { telephone: '1', city: 'Austin', region: 'Texas', regionId: 57, countryId: 'US' } });
      await pool.query('RENAME TABLE directory_country_region TO directory_country_region_away');
      try {
        let message = '';
        await readCustomers(pool, [customerId]).catch((error: Error) => (message = error.message));
        expect(message).to.equal(MISSING_REGION_TABLE);
      } finally {
        await pool.query('RENAME TABLE directory_country_region_away TO directory_country_region');
      }
    });
  });

  describe('earlier orders', () => {
    let customerId: number;
    let firstOrderId: number;

    before(async () => {
      customerId = await insertCustomer(pool, { email: 'Loyal@Example.com', firstname: 'Lo', lastname: 'Yal' });
      const quoteId = await insertCart(pool, { customerId, customerEmail: 'Loyal@Example.com' });
      firstOrderId = await placeOrder(pool, quoteId, nextIncrementId());
      await setCreatedAt(pool, 'sales_order', firstOrderId, '2026-01-10 10:00:00');
    });

    /** A cart of `customer` (or a guest's with `email`) created at `createdAt`. */
    async function cartAt(createdAt: string, buyer: { customerId?: number; email?: string }): Promise<number> {
      const quoteId = await insertCart(pool, { customerId: buyer.customerId ?? null, customerEmail: buyer.email ?? null });
      await setCreatedAt(pool, 'quote', quoteId, createdAt);
      return quoteId;
    }

    it('finds the earlier orders of a registered buyer by customer id', async () => {
      const before = await cartAt('2026-01-01 00:00:00', { customerId, email: 'Loyal@Example.com' });
      const after = await cartAt('2026-01-10 10:00:01', { customerId, email: 'Loyal@Example.com' });
      const secondOrderId = await placeOrder(pool, await cartAt('2026-02-01 00:00:00', { customerId, email: 'Loyal@Example.com' }), nextIncrementId());
      await setCreatedAt(pool, 'sales_order', secondOrderId, '2026-02-01 00:30:00');
      const carts = (await readCarts(pool, [before, after])).records;
      expect(carts.map((cart) => cart.buyerHasEarlierOrder)).to.deep.equal([false, true]);
      const orders = (await readOrders(pool, [firstOrderId, secondOrderId])).records;
      expect(orders.map((order) => order.buyerHasEarlierOrder)).to.deep.equal([false, true]);
    });

    it("finds a guest's earlier orders through registered customers with the same e-mail, in any case", async () => {
      const known = await cartAt('2026-03-01 00:00:00', { email: 'loyal@example.COM' });
      const tooEarly = await cartAt('2026-01-01 00:00:00', { email: 'loyal@example.com' });
      const stranger = await cartAt('2026-03-01 00:00:00', { email: 'stranger@example.com' });
      const anonymous = await cartAt('2026-03-01 00:00:00', {});
      const carts = (await readCarts(pool, [known, tooEarly, stranger, anonymous])).records;
      expect(carts.map((cart) => cart.buyerHasEarlierOrder)).to.deep.equal([true, false, false, false]);
      const { orderId } = await guestOrder('LOYAL@example.com');
      expect((await readOrders(pool, [orderId])).records[0]?.buyerHasEarlierOrder).to.equal(true);
    });

    it("does not see a guest's earlier guest orders: sales_order has no index on customer_email", async () => {
      const { orderId: first } = await guestOrder('twice@example.com');
      await setCreatedAt(pool, 'sales_order', first, '2026-01-01 00:00:00');
      const { orderId: second } = await guestOrder('twice@example.com');
      expect((await readOrders(pool, [second])).records[0]?.buyerHasEarlierOrder).to.equal(false);
    });
  });

  describe('rows that cannot be read', () => {
    it('reports an order with a zero date alone and reads the others of the same call', async () => {
      const ids = [(await guestOrder('z1@example.com')).orderId, (await guestOrder('z2@example.com')).orderId, (await guestOrder('z3@example.com')).orderId];
      await writeZeroDate(pool, 'sales_order', ids[1]!, 'created_at');
      const { records, unreadable } = await readOrders(pool, ids);
      expect(records.map((order) => order.entityId)).to.deep.equal([ids[0], ids[2]]);
      expect([...unreadable]).to.deep.equal([[ids[1], 'sales_order.created_at holds "0000-00-00 00:00:00", which is not a date.']]);
    });

    it("names the child table when an order's invoice has a zero date", async () => {
      const { orderId } = await guestOrder('zinv@example.com');
      const invoiceId = await invoiceOrder(pool, orderId);
      await writeZeroDate(pool, 'sales_invoice', invoiceId, 'created_at');
      const { records, unreadable } = await readOrders(pool, [orderId]);
      expect(records).to.deep.equal([]);
      expect(unreadable.get(orderId)).to.equal('sales_invoice.created_at holds "0000-00-00 00:00:00", which is not a date.');
    });

    it('reports a cart and a customer with a zero date alone', async () => {
      const quoteIds = [await insertCart(pool), await insertCart(pool)];
      await writeZeroDate(pool, 'quote', quoteIds[0]!, 'created_at');
      const carts = await readCarts(pool, quoteIds);
      expect(carts.records.map((cart) => cart.quoteId)).to.deep.equal([quoteIds[1]]);
      expect([...carts.unreadable]).to.deep.equal([[quoteIds[0], 'quote.created_at holds "0000-00-00 00:00:00", which is not a date.']]);

      const customerIds = [await insertCustomer(pool, { email: 'zc1@example.com' }), await insertCustomer(pool, { email: 'zc2@example.com' })];
      await writeZeroDate(pool, 'customer_entity', customerIds[1]!, 'created_at');
      const customers = await readCustomers(pool, customerIds);
      expect(customers.records.map((customer) => customer.customerId)).to.deep.equal([customerIds[0]]);
      expect([...customers.unreadable]).to.deep.equal([[customerIds[1], 'customer_entity.created_at holds "0000-00-00 00:00:00", which is not a date.']]);
    });

    it('reads a zero updated_at as the row’s created_at: imports leave it, and such rows are still synced', async () => {
      const quoteId = await insertCart(pool);
      await pool.query("UPDATE quote SET created_at = '2026-02-03 04:05:06' WHERE entity_id = ?", [quoteId]);
      await writeZeroDate(pool, 'quote', quoteId, 'updated_at');
      const { records, unreadable } = await readCarts(pool, [quoteId]);
      expect(unreadable.size).to.equal(0);
      expect(records[0]?.updatedAt).to.equal('2026-02-03T04:05:06Z');
    });

    it('takes a zero birthday as unknown rather than unreadable', async () => {
      const customerId = await insertCustomer(pool, { email: 'zdob@example.com', dob: '1999-09-09' });
      await writeZeroDate(pool, 'customer_entity', customerId, 'dob');
      const { records, unreadable } = await readCustomers(pool, [customerId]);
      expect(unreadable.size).to.equal(0);
      expect(records[0]?.dob).to.equal(null);
    });
  });

  // Last, so the planner decides on tables that hold rows (it may scan an empty one).
  describe('query plans', () => {
    it('reads by primary keys and the quote_id/order_id/parent_id/customer_id/e-mail indexes', async () => {
      const plans: [string, string][] = [
        ['SELECT * FROM quote_address WHERE quote_id IN (1, 2)', 'QUOTE_ADDRESS_QUOTE_ID'],
        ['SELECT * FROM quote_item WHERE quote_id IN (1, 2)', 'QUOTE_ITEM_QUOTE_ID'],
        ['SELECT * FROM quote_payment WHERE quote_id IN (1, 2)', 'QUOTE_PAYMENT_QUOTE_ID'],
        ['SELECT order_id, MAX(created_at) FROM sales_invoice WHERE order_id IN (1, 2) GROUP BY order_id', 'SALES_INVOICE_ORDER_ID'],
        ['SELECT order_id, MAX(created_at) FROM sales_creditmemo WHERE order_id IN (1, 2) GROUP BY order_id', 'SALES_CREDITMEMO_ORDER_ID'],
        ["SELECT parent_id, MIN(created_at) FROM sales_order_status_history WHERE parent_id IN (1, 2) AND status = 'canceled' GROUP BY parent_id", 'SALES_ORDER_STATUS_HISTORY_PARENT_ID'],
        ['SELECT * FROM sales_order_address WHERE parent_id IN (1, 2)', 'SALES_ORDER_ADDRESS_PARENT_ID'],
        ['SELECT * FROM sales_order_payment WHERE parent_id IN (1, 2)', 'SALES_ORDER_PAYMENT_PARENT_ID'],
        ['SELECT * FROM sales_order_item WHERE order_id IN (1, 2)', 'SALES_ORDER_ITEM_ORDER_ID'],
        ['SELECT entity_id FROM sales_order WHERE quote_id IN (1, 2)', 'SALES_ORDER_QUOTE_ID'],
        ['SELECT customer_id, MIN(created_at) FROM sales_order WHERE customer_id IN (1, 2) GROUP BY customer_id', 'SALES_ORDER_CUSTOMER_ID'],
        ["SELECT entity_id FROM customer_entity WHERE email IN ('a@example.com', 'b@example.com')", 'CUSTOMER_ENTITY_EMAIL_WEBSITE_ID'],
        ['SELECT * FROM sales_order WHERE entity_id IN (1, 2)', 'PRIMARY'],
        ['SELECT * FROM customer_entity WHERE entity_id IN (1, 2)', 'PRIMARY'],
        ['SELECT * FROM customer_address_entity WHERE entity_id IN (1, 2)', 'PRIMARY'],
        ['SELECT * FROM directory_country_region WHERE region_id IN (1, 2)', 'PRIMARY'],
        ['SELECT * FROM quote WHERE entity_id IN (1, 2)', 'PRIMARY'],
      ];
      for (const [sql, key] of plans) {
        const [plan] = await pool.query<mysql.RowDataPacket[]>(`EXPLAIN ${sql}`);
        expect(plan[0]?.key, sql).to.equal(key);
      }
    });

    it("joins a guest's e-mail to registered customers and their orders through indexes only", async () => {
      const [plan] = await pool.query<mysql.RowDataPacket[]>(`EXPLAIN
        SELECT c.email, MIN(o.created_at) FROM customer_entity c JOIN sales_order o ON o.customer_id = c.entity_id
         WHERE c.email IN ('loyal@example.com', 'b@example.com') GROUP BY c.email`);
      expect(plan.map((row) => [row.table, row.key])).to.deep.equal([['c', 'CUSTOMER_ENTITY_EMAIL_WEBSITE_ID'], ['o', 'SALES_ORDER_CUSTOMER_ID']]);
    });
  });
});
