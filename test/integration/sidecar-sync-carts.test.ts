// Abandoned carts become Opportunities as the user guide describes (seeds/004: Abandoned Cart
// Status, Record type, Sales Cycle Length, Enable Contact Roles, manual and automatic sync).
import { expect } from 'chai';
import { insertCart, insertCustomer, saveShippingInformation, setConfigRow } from '../support/magento-rows.js';
import { useSyncHarness } from '../support/sync-harness.js';

interface OpportunityRow {
  Id: string;
  Name: string;
  StageName: string;
  CloseDate: string;
  Amount: number;
  Magento_Key__c: string;
  Magento_Cart_Status__c: string;
  AccountId: string;
  CreatedDate: string;
}

describe('sync: abandoned carts', function () {
  this.timeout(60_000);
  const sidecar = useSyncHarness();

  async function abandonedGuestCart(email = 'jane@example.com'): Promise<number> {
    const quoteId = await insertCart(sidecar().pool, { items: [{ sku: 'MH01', name: 'Hoodie', qty: 2, price: 100 }] });
    await saveShippingInformation(sidecar().pool, quoteId, { email, firstname: 'Jane', lastname: 'Doe' });
    return quoteId;
  }

  async function opportunity(quoteId: number): Promise<OpportunityRow | undefined> {
    const rows = await sidecar().query<OpportunityRow>(
      `SELECT Id, Name, StageName, CloseDate, Amount, Magento_Key__c, Magento_Cart_Status__c, AccountId, CreatedDate FROM Opportunity WHERE Magento_Key__c = 'test:quote:${quoteId}'`,
    );
    return rows[0];
  }

  it('pushes a manually synced cart as an opportunity with the Abandoned Cart Status, its contact and account', async () => {
    await setConfigRow(sidecar().pool, 'default', 0, 'forcebridge/abandoned_cart/stage', 'Needs Analysis');
    await setConfigRow(sidecar().pool, 'default', 0, 'forcebridge/abandoned_cart/sales_cycle_length', '15');
    const quoteId = await abandonedGuestCart();
    const engine = sidecar().engine();
    await engine.requestSync([{ entityType: 'quote', entityId: quoteId }]);
    const pass = await engine.runPass('carts', 'manual');
    expect(pass).to.include({ records: 1, synced: 1, failed: 0 });

    const opp = await opportunity(quoteId);
    expect(opp).to.include({ StageName: 'Needs Analysis', Amount: 200, Magento_Cart_Status__c: 'Abandoned' });
    const created = new Date(opp!.CreatedDate);
    const expected = new Date(Date.UTC(created.getUTCFullYear(), created.getUTCMonth(), created.getUTCDate() + 15));
    // Creation day is taken in the store's timezone (America/Chicago), which may be a day behind UTC.
    const oneDayBefore = new Date(expected.getTime() - 86_400_000);
    expect(opp!.CloseDate).to.be.oneOf([expected.toISOString().slice(0, 10), oneDayBefore.toISOString().slice(0, 10)]);
    const contacts = await sidecar().query<{ Email: string; AccountId: string }>("SELECT Email, AccountId FROM Contact WHERE Magento_Key__c = 'test:guest:jane@example.com'");
    expect(contacts).to.have.length(1);
    expect(contacts[0]!.AccountId).to.equal(opp!.AccountId);

    const [links] = await sidecar().pool.query<import('mysql2').RowDataPacket[]>("SELECT status, opportunity_id FROM forcebridge_link WHERE entity_type = 'quote' AND entity_id = ?", [String(quoteId)]);
    expect(links[0]).to.include({ status: 'synced', opportunity_id: opp!.Id });
  });

  it('re-syncs a changed cart onto the same opportunity without moving its close date', async () => {
    const quoteId = await abandonedGuestCart('mo@example.com');
    const engine = sidecar().engine();
    await engine.requestSync([{ entityType: 'quote', entityId: quoteId }]);
    await engine.runPass('carts', 'manual');
    const first = await opportunity(quoteId);
    await sidecar().pool.query('UPDATE quote SET items_qty = 5, grand_total = 500, base_grand_total = 500 WHERE entity_id = ?', [quoteId]);
    await engine.requestSync([{ entityType: 'quote', entityId: quoteId }]);
    await engine.runPass('carts', 'manual');
    const second = await opportunity(quoteId);
    expect(second!.Id).to.equal(first!.Id);
    expect(second!.Amount).to.equal(500);
    expect(second!.CloseDate).to.equal(first!.CloseDate);
    const all = await sidecar().query(`SELECT Id FROM Opportunity WHERE Magento_Key__c = 'test:quote:${quoteId}'`);
    expect(all).to.have.length(1);
  });

  it('adds one contact role with the chosen role when Enable Contact Roles is Yes, never a second one', async () => {
    await setConfigRow(sidecar().pool, 'default', 0, 'forcebridge/abandoned_cart/enable_contact_roles', '1');
    await setConfigRow(sidecar().pool, 'default', 0, 'forcebridge/abandoned_cart/contact_role', 'Economic Buyer');
    const customerId = await insertCustomer(sidecar().pool, { email: 'reg@example.com', firstname: 'Reg', lastname: 'Ular' });
    const quoteId = await insertCart(sidecar().pool, { customerId, customerEmail: 'reg@example.com' });
    await saveShippingInformation(sidecar().pool, quoteId, { email: 'reg@example.com', firstname: 'Reg', lastname: 'Ular' });
    const engine = sidecar().engine();
    for (let i = 0; i < 3; i++) {
      await engine.requestSync([{ entityType: 'quote', entityId: quoteId }]);
      await engine.runPass('carts', 'manual');
    }
    const opp = await opportunity(quoteId);
    const roles = await sidecar().query<{ Role: string; IsPrimary: boolean; ContactId: string }>(`SELECT Role, IsPrimary, ContactId FROM OpportunityContactRole WHERE OpportunityId = '${opp!.Id}'`);
    expect(roles).to.have.length(1);
    expect(roles[0]).to.include({ Role: 'Economic Buyer', IsPrimary: true });
    const contact = await sidecar().query<{ Id: string }>(`SELECT Id FROM Contact WHERE Magento_Key__c = 'test:customer:${customerId}'`);
    expect(roles[0]!.ContactId).to.equal(contact[0]!.Id);
    await setConfigRow(sidecar().pool, 'default', 0, 'forcebridge/abandoned_cart/enable_contact_roles', '0');
  });

  it('adds no contact role when Enable Contact Roles is No', async () => {
    const quoteId = await abandonedGuestCart('norole@example.com');
    const engine = sidecar().engine();
    await engine.requestSync([{ entityType: 'quote', entityId: quoteId }]);
    await engine.runPass('carts', 'manual');
    const opp = await opportunity(quoteId);
    expect(await sidecar().query(`SELECT Id FROM OpportunityContactRole WHERE OpportunityId = '${opp!.Id}'`)).to.have.length(0);
  });

  it('skips a guest cart without an e-mail, with the reason, and sends nothing', async () => {
    const quoteId = await insertCart(sidecar().pool);
    const engine = sidecar().engine();
    await engine.requestSync([{ entityType: 'quote', entityId: quoteId }]);
    const pass = await engine.runPass('carts', 'manual');
    expect(pass).to.include({ skipped: 1, synced: 0 });
    const [links] = await sidecar().pool.query<import('mysql2').RowDataPacket[]>("SELECT status, error_message FROM forcebridge_link WHERE entity_type = 'quote' AND entity_id = ?", [String(quoteId)]);
    expect(links[0]?.status).to.equal('skipped');
    expect(String(links[0]?.error_message)).to.match(/no e-mail/);
    expect(await opportunity(quoteId)).to.equal(undefined);
  });

  it('refuses a stage the org does not have, says so on the record, and sends nothing', async () => {
    await setConfigRow(sidecar().pool, 'default', 0, 'forcebridge/abandoned_cart/stage', 'Wishful Thinking');
    const quoteId = await abandonedGuestCart('stage@example.com');
    const engine = sidecar().engine();
    await engine.requestSync([{ entityType: 'quote', entityId: quoteId }]);
    const pass = await engine.runPass('carts', 'manual');
    expect(pass).to.include({ failed: 1 });
    const [links] = await sidecar().pool.query<import('mysql2').RowDataPacket[]>("SELECT status, error_message FROM forcebridge_link WHERE entity_type = 'quote' AND entity_id = ?", [String(quoteId)]);
    expect(links[0]?.status).to.equal('error');
    expect(String(links[0]?.error_message)).to.contain('"Wishful Thinking"');
    expect(await opportunity(quoteId)).to.equal(undefined);
    await setConfigRow(sidecar().pool, 'default', 0, 'forcebridge/abandoned_cart/stage', 'Prospecting');
  });
});
