import { expect } from 'chai';
import type { Address, Cart, Customer, Order } from '../../sidecar/magento/records.js';
import { addDays, dayInTimezone } from '../../sidecar/mapping/dates.js';
import { companyKey, guestKey } from '../../sidecar/mapping/keys.js';
import {
  cartExpiredOn,
  planCartOpportunity,
  planOrderOpportunity,
  purchaseDescription,
  type CartRules,
  type OpportunityContext,
  type OrderRules,
} from '../../sidecar/mapping/opportunity.js';
import { buildStateCatalog, stateCodeIn } from '../../sidecar/salesforce/state-catalog.js';
import { opportunityFieldsToWrite, personFieldsToWrite, withoutBlanks } from '../../sidecar/mapping/ownership.js';
import { NAMES, accountPayload, addressFields, contactPayload, countryName, personFromCustomer, personFromGuest, salutationFor } from '../../sidecar/mapping/people.js';

const billing: Address = {
  street: ['1 Main St', 'Suite 5'], city: 'Austin', region: 'Texas', regionCode: 'TX', postcode: '78701', countryId: 'US', telephone: '512-555-0100', company: null,
};
const shipping: Address = { street: ['9 Rue de Rivoli'], city: 'Paris', region: null, regionCode: null, postcode: '75001', countryId: 'FR', telephone: null, company: null };

const cart: Cart = {
  quoteId: 41, storeId: 1, websiteId: 1, isActive: true, isVirtual: false, itemsCount: 2, itemsQty: 3,
  customerId: null, isGuest: true, email: 'Jane@Example.com', firstName: 'Jane', lastName: 'Doe', prefix: 'Ms', dob: '1990-04-01',
  billingAddress: billing, shippingAddress: shipping, paymentMethod: 'checkmo', shippingMethod: 'Flat Rate - Fixed', couponCode: 'SPRING',
  buyerHasEarlierOrder: false,
  grandTotal: 148.41, currencyCode: 'EUR', baseGrandTotal: 210, baseCurrencyCode: 'USD',
  reachedCheckout: true, reservedOrderId: null, createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T11:00:00Z',
  items: [
    { itemId: 1, parentItemId: null, productId: 10, sku: 'MH01-XS-Black', name: 'Chaz Hoodie', productType: 'configurable', qty: 2, price: 52, basePrice: 52, rowTotal: 104, baseRowTotal: 104 },
    { itemId: 2, parentItemId: 1, productId: 11, sku: 'MH01-XS-Black', name: 'Chaz Hoodie-XS-Black', productType: 'simple', qty: 2, price: 0, basePrice: 0, rowTotal: 0, baseRowTotal: 0 },
  ],
};

const order: Order = {
  ...cart,
  entityId: 7, incrementId: '000000007', quoteId: 41, storeId: 1, websiteId: 1, state: 'new', status: 'pending',
  email: 'jane@example.com', totalPaid: 0, baseTotalPaid: 0, totalRefunded: 0, baseTotalRefunded: 0, isPaid: false,
  latestInvoiceAt: null, latestCreditMemoAt: null, canceledAt: null,
  createdAt: '2026-06-02T10:00:00Z', updatedAt: '2026-06-02T10:00:00Z', lastChangedAt: '2026-06-02T10:00:00Z',
};

const cartRules: CartRules = { stage: 'Prospecting', recordTypeId: null, salesCycleDays: 15, contactRole: 'Decision Maker', expiredStage: 'Closed Lost', expireAfterDays: 30 };
const orderRules: OrderRules = {
  createOpportunity: true, recordTypeId: '012000000000001AAA', salesCycleDays: 30, contactRole: null, draftStage: 'Qualification',
  stageByStatus: { processing: 'Negotiation/Review', holded: 'Needs Analysis', complete: 'Closed Won', canceled: 'Closed Lost', closed: 'Closed Lost' },
  convertedStage: null, useInvoiceDateAsCloseDate: false,
};
const context: OpportunityContext = {
  instance: 'prod', key: 'prod:quote:41', storeName: 'Default Store View', timeZone: 'America/Chicago', createdOn: '2026-11-01',
  now: new Date('2026-11-03T00:00:00Z'), previousPhase: null, leadSource: 'Web', ownerId: null,
};
const guest = personFromGuest('prod', cart)!;

describe('mapping rules', () => {
  describe('people', () => {
    it('keys guests by lower-cased e-mail and skips a guest cart without one', () => {
      expect(guest.key).to.equal(guestKey('prod', 'jane@example.com'));
      expect(guest.key).to.equal('prod:guest:jane@example.com');
      expect(personFromGuest('prod', { ...cart, email: '  ' })).to.equal(undefined);
      const plan = planCartOpportunity({ ...cart, email: null }, undefined, cartRules, context);
      expect(plan).to.deep.include({ kind: 'skip' });
    });

    it('gives a customer without a last name a valid Contact and an Account named after them, or their company', () => {
      const customer: Customer = {
        customerId: 5, email: 'ana@example.com', firstName: 'Ana', lastName: null, websiteId: 1, storeId: 1, prefix: null, dob: null,
        billingAddress: { ...billing, city: 'Lisboa', countryId: 'PT', region: null, regionCode: null }, shippingAddress: null,
        createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
      };
      const person = personFromCustomer('prod', customer);
      expect(contactPayload(person, person.key, NAMES, [])).to.include({ Magento_Key__c: 'prod:customer:5', LastName: 'Ana', Email: 'ana@example.com', MailingCity: 'Lisboa', MailingCountry: 'Portugal' });
      expect(accountPayload(person, person.key, NAMES)).to.include({ Name: 'Ana', BillingCity: 'Lisboa', Phone: '512-555-0100' });
      const employee = { ...person, company: 'Acme Ltd' };
      expect(accountPayload(employee, companyKey('prod', 'Acme Ltd'), NAMES)).to.include({ Name: 'Acme Ltd', Magento_Key__c: 'prod:company:acme ltd' });
    });

    it('writes addresses as names without picklists: street lines, region name, the country name, never a bare code', () => {
      expect(addressFields('Billing', billing, NAMES)).to.deep.equal({
        BillingStreet: '1 Main St\nSuite 5', BillingCity: 'Austin', BillingPostalCode: '78701', BillingState: 'Texas', BillingCountry: 'United States',
      });
      expect(countryName('GB')).to.equal('United Kingdom');
      expect(countryName('QQ')).to.equal(null);
      expect(addressFields('Other', { ...shipping, countryId: 'QQ' }, NAMES).OtherCountry).to.equal(null);
      expect(addressFields('Mailing', null, NAMES)).to.deep.equal({});
    });

    it('writes ISO country codes and the org’s state codes where the org has State and Country picklists', () => {
      const catalog = buildStateCatalog(
        [{ value: 'CA' }, { value: 'FR' }, { value: 'US' }],
        // validFor bitmaps over the countries above: 0x20 = the third (US), 0x80 = the first (CA).
        [{ value: 'TX', label: 'Texas', validFor: Buffer.from([0x20]).toString('base64') }, { value: 'YT', label: 'Yukon Territories', validFor: Buffer.from([0x80]).toString('base64') }],
      );
      const codes = { kind: 'codes' as const, stateCode: (country: string | null, code: string | null, name: string | null) => stateCodeIn(catalog, country, code, name) };
      expect(addressFields('Billing', billing, codes)).to.deep.equal({
        BillingStreet: '1 Main St\nSuite 5', BillingCity: 'Austin', BillingPostalCode: '78701', BillingCountryCode: 'US', BillingStateCode: 'TX',
      });
      expect(addressFields('Billing', { ...billing, regionCode: null }, codes).BillingStateCode, 'matched by name').to.equal('TX');
      // France has no states in the org: Salesforce would refuse one even as text, so none is sent.
      expect(addressFields('Shipping', { ...shipping, region: 'Île-de-France' }, codes)).to.deep.equal({
        ShippingStreet: '9 Rue de Rivoli', ShippingCity: 'Paris', ShippingPostalCode: '75001', ShippingCountryCode: 'FR', ShippingStateCode: null,
      });
      expect(stateCodeIn(catalog, 'CA', 'TX', 'Texas'), 'a state of another country').to.equal(null);
    });

    it('takes the salutation the org has for a Magento prefix, and birthdate and phone', () => {
      expect(salutationFor('Ms', ['Mr.', 'Ms.', 'Dr.'])).to.equal('Ms.');
      expect(salutationFor('DR.', ['Mr.', 'Ms.', 'Dr.'])).to.equal('Dr.');
      expect(salutationFor('Sir', ['Mr.', 'Ms.'])).to.equal(null);
      expect(contactPayload(guest, guest.key, NAMES, ['Ms.'])).to.include({ Salutation: 'Ms.', Birthdate: '1990-04-01', Phone: '512-555-0100', OtherCity: 'Paris', OtherCountry: 'France' });
    });
  });

  describe('opportunities', () => {
    it('turns an abandoned cart into an opportunity: stage, close date = creation + cycle, lead source, type, description', () => {
      const plan = planCartOpportunity(cart, guest, cartRules, context);
      if (plan.kind !== 'sync') throw new Error(plan.reason);
      expect(plan.key).to.equal('prod:quote:41');
      expect(plan.phase).to.equal('cart');
      expect(plan.payload).to.include({ StageName: 'Prospecting', CloseDate: '2026-11-16', Amount: 210, Magento_Cart_Status__c: 'Abandoned', LeadSource: 'Web', Type: 'New Customer' });
      expect(plan.payload.Description).to.equal('MH01-XS-Black – Chaz Hoodie × 2 @ 52.00 EUR\nPayment: checkmo\nShipping: Flat Rate - Fixed\nCoupon: SPRING');
      expect(plan.contactRole).to.equal('Decision Maker');
      expect(plan.payload).to.not.have.property('RecordTypeId');
      const returning = planCartOpportunity({ ...cart, buyerHasEarlierOrder: true }, guest, cartRules, context);
      expect(returning.kind === 'sync' && returning.payload.Type).to.equal('Existing Customer - Upgrade');
    });

    it('does not make opportunities of empty or zero-total carts', () => {
      expect(planCartOpportunity({ ...cart, itemsCount: 0 }, guest, cartRules, context)).to.deep.include({ kind: 'skip', reason: 'The cart is empty.' });
      expect(planCartOpportunity({ ...cart, baseGrandTotal: 0 }, guest, cartRules, context)).to.deep.include({ kind: 'skip', reason: 'The cart totals zero.' });
    });

    it('expires carts deactivated without an order or idle longer than expire_after_days, closing on that day', () => {
      expect(cartExpiredOn(cart, 30, context.now, 'America/Chicago')).to.equal(null);
      expect(cartExpiredOn({ ...cart, isActive: false, updatedAt: '2026-11-02T03:00:00Z' }, 30, context.now, 'America/Chicago')).to.equal('2026-11-01');
      expect(cartExpiredOn(cart, 30, new Date('2026-12-05T00:00:00Z'), 'America/Chicago')).to.equal('2026-12-01');
      const expired = planCartOpportunity(cart, guest, cartRules, { ...context, now: new Date('2026-12-05T00:00:00Z'), previousPhase: 'cart' });
      if (expired.kind !== 'sync') throw new Error(expired.reason);
      expect(expired).to.deep.include({ phase: 'expired', stage: 'Closed Lost', closedOn: '2026-12-01' });
      expect(expired.payload).to.deep.equal({ Magento_Key__c: 'prod:quote:41', StageName: 'Closed Lost', CloseDate: '2026-12-01', Magento_Cart_Status__c: 'Expired' });
      // Never an opportunity before: an expired cart does not become one now.
      expect(planCartOpportunity(cart, guest, cartRules, { ...context, now: new Date('2026-12-05T00:00:00Z') }).kind).to.equal('skip');
    });

    it('puts an order on the cart opportunity with the mapped or draft stage, closing by the cycle while open', () => {
      const orderContext = { ...context, createdOn: '2026-06-02' };
      const pending = planOrderOpportunity(order, guest, orderRules, orderContext);
      if (pending.kind !== 'sync') throw new Error(pending.reason);
      expect(pending).to.deep.include({ key: 'prod:quote:41', phase: 'open', stage: 'Qualification' });
      expect(pending.payload).to.include({ StageName: 'Qualification', RecordTypeId: '012000000000001AAA', Magento_Order_Number__c: '000000007', CloseDate: '2026-07-02', Magento_Refunded_Amount__c: 0 });
      const processing = planOrderOpportunity({ ...order, state: 'processing', status: 'processing' }, guest, orderRules, orderContext);
      expect(processing.kind === 'sync' && processing.stage).to.equal('Negotiation/Review');
    });

    const paid: Order = { ...order, state: 'processing', status: 'processing', isPaid: true, totalPaid: 148.41, latestInvoiceAt: '2026-06-05T04:30:00Z' };

    it('converts a paid order only when Convert Opportunity is Yes, closing on the invoice day (or earlier, never later)', () => {
      const unconverted = planOrderOpportunity(paid, guest, orderRules, context);
      expect(unconverted.kind === 'sync' && unconverted.stage).to.equal('Negotiation/Review');
      const converted = planOrderOpportunity(paid, guest, { ...orderRules, convertedStage: 'Closed Won', useInvoiceDateAsCloseDate: true }, { ...context, createdOn: '2026-06-02' });
      if (converted.kind !== 'sync') throw new Error(converted.reason);
      expect(converted).to.deep.include({ stage: 'Closed Won', phase: 'won' });
      // 04:30 UTC on the 5th is still the 4th in Chicago.
      expect(converted.payload.CloseDate).to.equal('2026-06-04');
      const byCycle = planOrderOpportunity({ ...paid, latestInvoiceAt: '2026-07-20T15:00:00Z' }, guest, { ...orderRules, convertedStage: 'Closed Won' }, { ...context, createdOn: '2026-06-02' });
      expect(byCycle.kind === 'sync' && byCycle.payload.CloseDate).to.equal('2026-07-02');
      const invoicedEarly = planOrderOpportunity(paid, guest, { ...orderRules, convertedStage: 'Closed Won' }, { ...context, createdOn: '2026-06-02' });
      expect(invoicedEarly.kind === 'sync' && invoicedEarly.payload.CloseDate, 'won closes no later than the day it was won').to.equal('2026-06-04');
    });

    it('keeps a paid order won through a hold and an open status; a cancel or a full refund closes it lost on that day', () => {
      const rules = { ...orderRules, convertedStage: 'Closed Won' };
      const held = planOrderOpportunity({ ...paid, state: 'holded', status: 'holded', isPaid: false }, guest, rules, context);
      expect(held.kind === 'sync' && held.stage).to.equal('Closed Won');
      const partlyRefunded = planOrderOpportunity({ ...paid, totalRefunded: 20, baseTotalRefunded: 28.3, latestCreditMemoAt: '2026-06-10T12:00:00Z' }, guest, rules, context);
      expect(partlyRefunded.kind === 'sync' && partlyRefunded).to.deep.include({ stage: 'Closed Won', phase: 'won' });
      expect(partlyRefunded.kind === 'sync' && partlyRefunded.payload.Magento_Refunded_Amount__c).to.equal(28.3);
      const refunded = planOrderOpportunity({ ...paid, state: 'closed', status: 'closed', isPaid: false, latestCreditMemoAt: '2026-06-10T03:00:00Z' }, guest, rules, context);
      if (refunded.kind !== 'sync') throw new Error(refunded.reason);
      expect(refunded).to.deep.include({ stage: 'Closed Lost', phase: 'lost', closedOn: '2026-06-09' });
      expect(refunded.payload).to.include({ CloseDate: '2026-06-09', Magento_Cart_Status__c: 'Lost' });
      const canceled = planOrderOpportunity({ ...order, state: 'canceled', status: 'canceled', canceledAt: '2026-06-03T18:00:00Z', updatedAt: '2026-06-20T00:00:00Z' }, guest, rules, context);
      expect(canceled.kind === 'sync' && canceled.payload.CloseDate, 'the day of the cancel, not of the last change').to.equal('2026-06-03');
    });

    it('skips orders when Create Opportunity is No', () => {
      expect(planOrderOpportunity(order, guest, { ...orderRules, createOpportunity: false }, context).kind).to.equal('skip');
    });

    it('describes only parent lines of configurable products and leaves out facts Magento lacks', () => {
      expect(purchaseDescription({ ...cart, paymentMethod: null, couponCode: null }, cart.items)).to.equal('MH01-XS-Black – Chaz Hoodie × 2 @ 52.00 EUR\nShipping: Flat Rate - Fixed');
    });
  });

  describe('ownership', () => {
    const full = { Magento_Key__c: 'k', Name: 'Cart 41', Description: 'd', OwnerId: '005000000000001AAA', CloseDate: '2026-11-16', StageName: 'Prospecting', Amount: 10, Phone: null };

    it('never blanks what Salesforce has', () => {
      expect(withoutBlanks({ a: null, b: '', c: 0, d: 'x' })).to.deep.equal({ c: 0, d: 'x' });
    });

    it('writes every field on creation, then keeps the rep’s fields until Magento’s story moves on', () => {
      expect(opportunityFieldsToWrite(full, null, 'cart', null)).to.deep.equal({ Magento_Key__c: 'k', Name: 'Cart 41', Description: 'd', OwnerId: '005000000000001AAA', CloseDate: '2026-11-16', StageName: 'Prospecting', Amount: 10 });
      expect(opportunityFieldsToWrite(full, 'cart', 'cart', 'Prospecting'), 'a rep’s stage on a cart survives cart changes').to.deep.equal({ Magento_Key__c: 'k', Amount: 10 });
      expect(opportunityFieldsToWrite(full, 'cart', 'cart', 'Qualification'), 'a new Abandoned Cart Status is written').to.deep.equal({ Magento_Key__c: 'k', StageName: 'Prospecting', Amount: 10 });
      expect(opportunityFieldsToWrite(full, 'cart', 'open', 'Prospecting')).to.deep.equal({ Magento_Key__c: 'k', Name: 'Cart 41', Description: 'd', CloseDate: '2026-11-16', StageName: 'Prospecting', Amount: 10 });
      expect(opportunityFieldsToWrite(full, 'open', 'open', 'Prospecting')).to.deep.equal({ Magento_Key__c: 'k', StageName: 'Prospecting', Amount: 10 });
      expect(personFieldsToWrite('Account', { Magento_Key__c: 'k', Name: 'A', OwnerId: 'o', Phone: null, BillingCity: 'X' }, false)).to.deep.equal({ Magento_Key__c: 'k', BillingCity: 'X' });
      expect(personFieldsToWrite('Contact', { Magento_Key__c: 'k', LastName: 'L', OwnerId: 'o' }, true)).to.deep.equal({ Magento_Key__c: 'k', LastName: 'L', OwnerId: 'o' });
    });
  });

  it('takes calendar days in the store timezone', () => {
    expect(dayInTimezone('2026-03-08T05:59:00Z', 'America/Chicago')).to.equal('2026-03-07');
    expect(dayInTimezone('2026-03-08T23:30:00Z', 'Europe/Paris')).to.equal('2026-03-09');
    expect(addDays('2026-12-25', 15)).to.equal('2027-01-09');
  });
});
