import { expect } from 'chai';
import type mysql from 'mysql2/promise';
import { createDatabasePool, type DatabasePool } from '../../sidecar/db/pool.js';
import { readCarts } from '../../sidecar/magento/carts.js';
import { dayInTimezone } from '../../sidecar/mapping/dates.js';
import { readCustomers } from '../../sidecar/magento/customers.js';
import { findOrderIdsByQuoteId, readOrders } from '../../sidecar/magento/orders.js';
import {
  insertCart, insertCustomer, invoiceOrder, placeOrder, refundOrder, saveShippingInformation, setUpdatedAt, shipOrder,
} from '../support/magento-rows.js';
import { useTestDatabase } from '../support/test-database.js';

describe('sidecar Magento readers', () => {
  const db = useTestDatabase();
  let pool: DatabasePool;
  before(() => {
    pool = createDatabasePool(db().url);
  });
  after(async () => {
    await pool.end();
  });

  describe('carts', () => {
    it('reads a guest cart before and after the shipping step', async () => {
      const quoteId = await insertCart(pool, { items: [{ sku: 'MH01', name: 'Hoodie', qty: 2, price: 100 }, { sku: 'WS03', name: 'Tee ☀️ عربي', qty: 1, price: 10 }], rate: 0.5, currency: 'EUR' });
      await setUpdatedAt(pool, 'quote', quoteId, '2026-03-01 10:00:00');
      const [before] = await readCarts(pool, [quoteId]);
      expect(before).to.deep.include({
        quoteId, storeId: 1, websiteId: 1, isActive: true, isVirtual: false, itemsCount: 2, itemsQty: 3, customerId: null, isGuest: true,
        email: null, firstName: null, lastName: null, grandTotal: 105, currencyCode: 'EUR', baseGrandTotal: 210, baseCurrencyCode: 'USD',
        reachedCheckout: false, reservedOrderId: null, updatedAt: '2026-03-01T10:00:00Z',
      });
      expect(before?.createdAt).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(before?.items.map((item) => [item.sku, item.name, item.qty, item.price, item.baseRowTotal])).to.deep.equal([
        ['MH01', 'Hoodie', 2, 50, 200],
        ['WS03', 'Tee ☀️ عربي', 1, 5, 10],
      ]);
      await saveShippingInformation(pool, quoteId, { email: 'Jane@Example.com', firstname: 'Jane', lastname: 'Doe' });
      const [after] = await readCarts(pool, [quoteId]);
      expect(after).to.deep.include({ email: 'Jane@Example.com', firstName: 'Jane', lastName: 'Doe', reachedCheckout: true });
    });

    it('prefers the quote e-mail of a registered customer and leaves out deleted quotes', async () => {
      const customerId = await insertCustomer(pool, { email: 'reg@example.com' });
      const quoteId = await insertCart(pool, { customerId, customerEmail: 'reg@example.com' });
      const carts = await readCarts(pool, [quoteId, 999_999, quoteId]);
      expect(carts.map((cart) => [cart.quoteId, cart.customerId, cart.isGuest, cart.email])).to.deep.equal([[quoteId, customerId, false, 'reg@example.com']]);
    });
  });

  describe('orders', () => {
    it('follows an order from placement through invoice, shipment and refund', async () => {
      const quoteId = await insertCart(pool);
      await saveShippingInformation(pool, quoteId, { email: 'jane@example.com', firstname: 'Jane', lastname: 'Doe' });
      const orderId = await placeOrder(pool, quoteId, '000000101');
      const [placed] = await readOrders(pool, [orderId]);
      expect(placed).to.deep.include({
        entityId: orderId, incrementId: '000000101', quoteId, storeId: 1, websiteId: 1, state: 'new', status: 'pending', customerId: null,
        isGuest: true, email: 'jane@example.com', firstName: 'Jane', lastName: 'Doe', grandTotal: 200, baseGrandTotal: 200,
        currencyCode: 'USD', totalPaid: 0, isPaid: false, latestInvoiceAt: null,
      });
      expect(placed?.lastChangedAt).to.equal(placed?.updatedAt);
      expect((await findOrderIdsByQuoteId(pool, [quoteId, 12345])).get(quoteId)).to.deep.equal([orderId]);
      const [cart] = await readCarts(pool, [quoteId]);
      expect(cart).to.deep.include({ isActive: false, reservedOrderId: '000000101' });

      await invoiceOrder(pool, orderId, '2026-03-02 04:30:00');
      const [invoiced] = await readOrders(pool, [orderId]);
      expect(invoiced).to.deep.include({ state: 'processing', totalPaid: 200, isPaid: true, latestInvoiceAt: '2026-03-02T04:30:00Z' });
      // 04:30 UTC is still the evening before in Chicago
      expect(dayInTimezone(invoiced!.latestInvoiceAt!, 'America/Chicago')).to.equal('2026-03-01');
      expect(dayInTimezone(invoiced!.latestInvoiceAt!, 'Europe/Paris')).to.equal('2026-03-02');

      const shipmentId = await shipOrder(pool, orderId);
      await setUpdatedAt(pool, 'sales_shipment', shipmentId, '2030-01-01 00:00:00');
      expect((await readOrders(pool, [orderId]))[0]).to.deep.include({ state: 'complete', isPaid: true, lastChangedAt: '2030-01-01T00:00:00Z' });
      await refundOrder(pool, orderId);
      expect((await readOrders(pool, [orderId]))[0]).to.deep.include({ state: 'closed', totalRefunded: 200, isPaid: false });
    });

    it('does not count a partly paid order as paid', async () => {
      const orderId = await placeOrder(pool, await insertCart(pool), '000000102');
      await pool.query("UPDATE sales_order SET state = 'processing', status = 'processing', total_paid = 50 WHERE entity_id = ?", [orderId]);
      expect((await readOrders(pool, [orderId]))[0]?.isPaid).to.equal(false);
    });
  });

  describe('customers', () => {
    it('reads a customer with the default billing address', async () => {
      const customerId = await insertCustomer(pool, { email: 'ann@example.com', billing: { company: 'Acme', telephone: '555', city: 'Lyon', countryId: 'FR' } });
      const [customer] = await readCustomers(pool, [customerId]);
      expect(customer).to.deep.include({ customerId, email: 'ann@example.com', firstName: 'Ann', lastName: 'Smith', websiteId: 1, storeId: 1, company: 'Acme', phone: '555', city: 'Lyon', countryId: 'FR' });
    });

    it('reads a customer without last name or address as nulls', async () => {
      const customerId = await insertCustomer(pool, { email: 'mono@example.com', firstname: 'Cher', lastname: null });
      const [customer] = await readCustomers(pool, [customerId]);
      expect(customer).to.deep.include({ firstName: 'Cher', lastName: null, company: null, phone: null, city: null, countryId: null });
    });
  });

  it('reads by primary keys and the quote_id/order_id indexes', async () => {
    const plans: [string, string][] = [
      ['SELECT * FROM quote_address WHERE quote_id IN (1, 2)', 'QUOTE_ADDRESS_QUOTE_ID'],
      ['SELECT * FROM quote_item WHERE quote_id IN (1, 2)', 'QUOTE_ITEM_QUOTE_ID'],
      ['SELECT order_id, MAX(created_at) FROM sales_invoice WHERE order_id IN (1, 2) GROUP BY order_id', 'SALES_INVOICE_ORDER_ID'],
      ['SELECT entity_id FROM sales_order WHERE quote_id IN (1, 2)', 'SALES_ORDER_QUOTE_ID'],
      ['SELECT * FROM sales_order WHERE entity_id IN (1, 2)', 'PRIMARY'],
      ['SELECT * FROM customer_entity WHERE entity_id IN (1, 2)', 'PRIMARY'],
      ['SELECT * FROM quote WHERE entity_id IN (1, 2)', 'PRIMARY'],
    ];
    for (const [sql, key] of plans) {
      const [plan] = await pool.query<mysql.RowDataPacket[]>(`EXPLAIN ${sql}`);
      expect(plan[0]?.key, sql).to.equal(key);
    }
  });
});
