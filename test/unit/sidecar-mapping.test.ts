import { expect } from 'chai';
import type { Cart, Customer, Order } from '../../sidecar/magento/records.js';
import { addDays, dayInTimezone } from '../../sidecar/mapping/dates.js';
import { guestKey } from '../../sidecar/mapping/keys.js';
import { planCartOpportunity, planOrderOpportunity, type CartRules, type OrderRules } from '../../sidecar/mapping/opportunity.js';
import { accountPayload, contactPayload, personFromCustomer, personFromGuest } from '../../sidecar/mapping/people.js';

const cart: Cart = {
  quoteId: 41, storeId: 1, websiteId: 1, isActive: true, isVirtual: false, itemsCount: 2, itemsQty: 3,
  customerId: null, isGuest: true, email: 'Jane@Example.com', firstName: 'Jane', lastName: 'Doe',
  grandTotal: 148.41, currencyCode: 'EUR', baseGrandTotal: 210, baseCurrencyCode: 'USD',
  reachedCheckout: true, reservedOrderId: null, createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T11:00:00Z', items: [],
};

const order: Order = {
  entityId: 7, incrementId: '000000007', quoteId: 41, storeId: 1, websiteId: 1, state: 'new', status: 'pending',
  customerId: null, isGuest: true, email: 'jane@example.com', firstName: 'Jane', lastName: 'Doe',
  grandTotal: 148.41, currencyCode: 'EUR', baseGrandTotal: 210, baseCurrencyCode: 'USD', totalPaid: 0, baseTotalPaid: 0,
  totalRefunded: 0, baseTotalRefunded: 0, isPaid: false, latestInvoiceAt: null, createdAt: '2026-11-02T10:00:00Z', updatedAt: '2026-11-02T10:00:00Z', lastChangedAt: '2026-11-02T10:00:00Z',
};

const cartRules: CartRules = { stage: 'Prospecting', recordTypeId: null, salesCycleDays: 15, contactRole: 'Decision Maker' };
const orderRules: OrderRules = {
  createOpportunity: true, recordTypeId: '012000000000001AAA', salesCycleDays: 30, contactRole: null, draftStage: 'Qualification',
  stageByStatus: { processing: 'Negotiation/Review', complete: 'Closed Won' }, convertedStage: null, useInvoiceDateAsCloseDate: false,
};
const context = { instance: 'prod', storeName: 'Default Store View', timeZone: 'America/Chicago', createdOn: '2026-11-01' };
const guest = personFromGuest('prod', cart)!;

describe('mapping rules', () => {
  it('keys guests by lower-cased e-mail and skips a guest cart without one', () => {
    expect(guest.key).to.equal(guestKey('prod', 'jane@example.com'));
    expect(guest.key).to.equal('prod:guest:jane@example.com');
    const plan = planCartOpportunity({ ...cart, email: null }, personFromGuest('prod', { ...cart, email: null }), cartRules, context);
    expect(plan).to.deep.include({ kind: 'skip' });
  });

  it('turns an abandoned cart into an opportunity with the abandoned stage and close date = creation + cycle', () => {
    const plan = planCartOpportunity(cart, guest, cartRules, context);
    if (plan.kind !== 'sync') throw new Error(plan.reason);
    expect(plan.key).to.equal('prod:quote:41');
    expect(plan.payload).to.include({ StageName: 'Prospecting', CloseDate: '2026-11-16', Amount: 210, Magento_Cart_Status__c: 'Abandoned' });
    expect(plan.payload.Account).to.deep.equal({ Magento_Key__c: 'prod:guest:jane@example.com' });
    expect(plan.contactRole).to.equal('Decision Maker');
    expect(plan.payload).to.not.have.property('RecordTypeId');
  });

  it('keeps the close date when the cart is re-synced later (it counts from the first creation)', () => {
    const later = planCartOpportunity({ ...cart, updatedAt: '2026-11-20T00:00:00Z', itemsQty: 9 }, guest, cartRules, context);
    expect(later.kind === 'sync' && later.payload.CloseDate).to.equal('2026-11-16');
  });

  it('puts an order on the cart opportunity, with the mapped stage or the draft stage', () => {
    const pending = planOrderOpportunity(order, guest, orderRules, context);
    if (pending.kind !== 'sync') throw new Error(pending.reason);
    expect(pending.key).to.equal('prod:quote:41');
    expect(pending.payload).to.include({ StageName: 'Qualification', RecordTypeId: '012000000000001AAA', Magento_Order_Number__c: '000000007' });
    const processing = planOrderOpportunity({ ...order, state: 'processing', status: 'processing' }, guest, orderRules, context);
    expect(processing.kind === 'sync' && processing.stage).to.equal('Negotiation/Review');
    expect(processing.kind === 'sync' && processing.contactRole).to.equal(null);
  });

  it('converts a paid order only when Convert Opportunity is Yes, with the invoice day as close date when asked', () => {
    const paid = { ...order, state: 'processing', status: 'processing', isPaid: true, totalPaid: 148.41, latestInvoiceAt: '2026-11-05T04:30:00Z' };
    const unconverted = planOrderOpportunity(paid, guest, orderRules, context);
    expect(unconverted.kind === 'sync' && unconverted.stage).to.equal('Negotiation/Review');
    const converted = planOrderOpportunity(paid, guest, { ...orderRules, convertedStage: 'Closed Won', useInvoiceDateAsCloseDate: true }, context);
    if (converted.kind !== 'sync') throw new Error(converted.reason);
    expect(converted.stage).to.equal('Closed Won');
    // 04:30 UTC on the 5th is still the 4th in Chicago.
    expect(converted.payload.CloseDate).to.equal('2026-11-04');
    const byCycle = planOrderOpportunity(paid, guest, { ...orderRules, convertedStage: 'Closed Won' }, context);
    expect(byCycle.kind === 'sync' && byCycle.payload.CloseDate).to.equal('2026-12-01');
  });

  it('skips orders when Create Opportunity is No', () => {
    expect(planOrderOpportunity(order, guest, { ...orderRules, createOpportunity: false }, context).kind).to.equal('skip');
  });

  it('marks canceled orders as lost and keys quote-less orders by order id', () => {
    const canceled = planOrderOpportunity({ ...order, state: 'canceled', status: 'canceled', quoteId: null }, guest, orderRules, context);
    if (canceled.kind !== 'sync') throw new Error(canceled.reason);
    expect(canceled.key).to.equal('prod:order:7');
    expect(canceled.payload.Magento_Cart_Status__c).to.equal('Lost');
  });

  it('gives a customer without a last name a valid Contact and an Account named after them', () => {
    const customer: Customer = {
      customerId: 5, email: 'ana@example.com', firstName: 'Ana', lastName: null, websiteId: 1, storeId: 1,
      company: null, phone: null, city: 'Lisboa', countryId: 'PT', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
    };
    const person = personFromCustomer('prod', customer);
    expect(contactPayload(person)).to.include({ Magento_Key__c: 'prod:customer:5', LastName: 'Ana', Email: 'ana@example.com' });
    expect(accountPayload(person)).to.include({ Name: 'Ana', BillingCity: 'Lisboa' });
    expect(accountPayload({ ...person, company: 'Acme' }).Name).to.equal('Acme');
  });

  it('takes calendar days in the store timezone', () => {
    expect(dayInTimezone('2026-03-08T05:59:00Z', 'America/Chicago')).to.equal('2026-03-07');
    expect(dayInTimezone('2026-03-08T23:30:00Z', 'Europe/Paris')).to.equal('2026-03-09');
    expect(addDays('2026-12-25', 15)).to.equal('2027-01-09');
  });
});
