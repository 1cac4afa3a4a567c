// What Forcebridge writes is what a sales team can trust (issue 12): one Contact per e-mail and one
// Account per company (matching and adopting what the org already has), full addresses in both
// address modes, dates from Magento's own, won stays won, carts expire, rep edits survive, a bad
// Magento row fails alone, and running the same store again moves and duplicates nothing.
import { expect } from 'chai';
import type mysql from 'mysql2/promise';
import { enqueueEverything } from '../../sidecar/queue/backfill.js';
import { enqueue, lease, newLeaseOwner } from '../../sidecar/queue/queue.js';
import { OrgProfile } from '../../sidecar/salesforce/org-profile.js';
import { UpsertWriter, type UpsertBatch } from '../../sidecar/salesforce/upsert-writer.js';
import { planBatch } from '../../sidecar/sync/batch-planner.js';
import { syncBatch } from '../../sidecar/sync/batch-sync.js';
import {
  cancelOrder,
  insertCart,
  insertCustomer,
  insertWebsiteWithStore,
  invoiceOrder,
  placeOrder,
  refundOrder,
  saveShippingInformation,
  setConfigRow,
  setCreatedAt,
  setUpdatedAt,
  writeZeroDate,
} from '../support/magento-rows.js';
import { INSTANCE, useSyncHarness, type SyncHarness } from '../support/sync-harness.js';

interface Opportunity {
  Id: string;
  Name: string;
  StageName: string;
  CloseDate: string;
  Amount: number;
  AccountId: string | null;
  Description: string | null;
  LeadSource: string | null;
  Type: string | null;
  OwnerId: string;
  Magento_Cart_Status__c: string;
  Magento_Refunded_Amount__c: number | null;
}

const OPPORTUNITY_FIELDS = 'Id, Name, StageName, CloseDate, Amount, AccountId, Description, LeadSource, Type, OwnerId, Magento_Cart_Status__c, Magento_Refunded_Amount__c';
let increment = 5000;

function recordsOf(sidecar: () => SyncHarness) {
  const config = (path: string, value: string) => setConfigRow(sidecar().pool, 'default', 0, `forcebridge/${path}`, value);

  async function sync(entities: { entityType: 'quote' | 'order' | 'customer'; entityId: number }[], expectFailed = 0): Promise<void> {
    const engine = sidecar().engine();
    await engine.requestSync(entities);
    const pass = await engine.runPass('all', 'manual');
    const [errors] = await sidecar().pool.query<mysql.RowDataPacket[]>("SELECT entity_type, entity_id, error_message FROM forcebridge_link WHERE status = 'error'");
    expect(pass.failed, `failed records: ${JSON.stringify(errors)}`).to.equal(expectFailed);
  }

  async function abandonedCart(email: string, options: { customerId?: number; price?: number; billing?: Parameters<typeof saveShippingInformation>[3] } = {}): Promise<number> {
    const quoteId = await insertCart(sidecar().pool, { customerId: options.customerId ?? null, customerEmail: options.customerId ? email : null, items: [{ sku: 'MH01', name: 'Hoodie', qty: 2, price: options.price ?? 100 }] });
    await saveShippingInformation(sidecar().pool, quoteId, { email, firstname: 'Jo', lastname: 'Buyer' }, options.billing);
    return quoteId;
  }

  async function order(quoteId: number): Promise<number> {
    return placeOrder(sidecar().pool, quoteId, String(++increment).padStart(9, '0'));
  }

  async function opportunity(key: string): Promise<Opportunity> {
    const rows = await sidecar().query<Opportunity>(`SELECT ${OPPORTUNITY_FIELDS} FROM Opportunity WHERE Magento_Key__c = '${key}'`);
    expect(rows, `one opportunity ${key}`).to.have.length(1);
    return rows[0]!;
  }

  async function contacts(email: string): Promise<{ Id: string; AccountId: string | null; Magento_Key__c: string | null; LastName: string; Phone: string | null }[]> {
    return sidecar().query(`SELECT Id, AccountId, Magento_Key__c, LastName, Phone FROM Contact WHERE Email = '${email}'`);
  }

  return { config, sync, abandonedCart, order, opportunity, contacts };
}

describe('sync: records a sales team can trust', function () {
  this.timeout(120_000);
  const sidecar = useSyncHarness();
  const { config, sync, abandonedCart, order, opportunity, contacts } = recordsOf(sidecar);

  beforeEach(async () => {
    await sidecar().pool.query("DELETE FROM core_config_data WHERE path LIKE 'forcebridge/%'");
  });

  describe('no duplicates', () => {
    it('gives one e-mail one Contact: a customer, the same e-mail on a second website, and their guest order', async () => {
      const { pool } = sidecar();
      await insertWebsiteWithStore(pool, { websiteId: 2, groupId: 2, storeId: 2 });
      const first = await insertCustomer(pool, { email: 'bob@example.com', firstname: 'Bob', lastname: 'Stone' });
      const second = await insertCustomer(pool, { email: 'Bob@Example.com', firstname: 'Bob', lastname: 'Stone', websiteId: 2, storeId: 2 });
      const guestOrder = await order(await abandonedCart('BOB@example.com'));
      await sync([{ entityType: 'customer', entityId: first }, { entityType: 'customer', entityId: second }, { entityType: 'order', entityId: guestOrder }]);
      const found = await contacts('bob@example.com');
      expect(found, 'one Contact for bob@').to.have.length(1);
      expect(found[0]!.Magento_Key__c).to.equal(`test:customer:${first}`);
      const opp = await sidecar().query<{ AccountId: string }>(`SELECT AccountId FROM Opportunity WHERE Magento_Order_Number__c = '${String(increment).padStart(9, '0')}'`);
      expect(opp[0]!.AccountId).to.equal(found[0]!.AccountId);
      // Synced again in the other order, by other sidecars' passes: still one.
      await sync([{ entityType: 'customer', entityId: second }, { entityType: 'order', entityId: guestOrder }, { entityType: 'customer', entityId: first }]);
      expect(await contacts('bob@example.com')).to.have.length(1);
    });

    it('adopts a Contact sales made before Forcebridge, keeping its Account, and never overwrites another install’s key', async () => {
      const { pool, connection } = sidecar();
      const salesAccount = await connection.sobject('Account').create({ Name: 'Carol’s company (sales)' });
      const salesContact = await connection.sobject('Contact').create({ LastName: 'Carol', Email: 'carol@example.com', AccountId: (salesAccount as { id: string }).id });
      const foreignAccount = await connection.sobject('Account').create({ Name: 'Dave (other shop)', Magento_Key__c: 'other:customer:1' });
      await connection.sobject('Contact').create({ LastName: 'Dave', Email: 'dave@example.com', Magento_Key__c: 'other:customer:1', AccountId: (foreignAccount as { id: string }).id });
      const carol = await insertCustomer(pool, { email: 'carol@example.com', firstname: 'Carol', lastname: 'King' });
      const dave = await insertCustomer(pool, { email: 'dave@example.com', firstname: 'Dave', lastname: 'Moss' });
      const daveCart = await abandonedCart('dave@example.com', { customerId: dave });
      const accountsBefore = (await sidecar().query('SELECT Id FROM Account')).length;
      await sync([{ entityType: 'customer', entityId: carol }, { entityType: 'customer', entityId: dave }, { entityType: 'quote', entityId: daveCart }]);

      const carols = await contacts('carol@example.com');
      expect(carols).to.have.length(1);
      expect(carols[0]).to.include({ Id: (salesContact as { id: string }).id, Magento_Key__c: `test:customer:${carol}`, AccountId: (salesAccount as { id: string }).id, LastName: 'King' });
      const daves = await contacts('dave@example.com');
      expect(daves).to.have.length(1);
      expect(daves[0]).to.include({ Magento_Key__c: 'other:customer:1', LastName: 'Dave' });
      expect((await opportunity(`test:quote:${daveCart}`)).AccountId).to.equal((foreignAccount as { id: string }).id);
      expect((await sidecar().query('SELECT Id FROM Account')).length, 'no Account was added for Carol or Dave').to.equal(accountsBefore);
    });

    it('puts customers of one company on one Account named after it, adopting an Account with that name', async () => {
      const { pool, connection } = sidecar();
      const globex = (await connection.sobject('Account').create({ Name: 'Globex' })) as { id: string };
      const company = (name: string) => ({ telephone: '555', city: 'Springfield', countryId: 'US', company: name });
      const ids = [
        await insertCustomer(pool, { email: 'hank@globex.test', billing: company('Globex') }),
        await insertCustomer(pool, { email: 'frank@globex.test', billing: company('GLOBEX') }),
        await insertCustomer(pool, { email: 'ann@initech.test', billing: company('Initech') }),
        await insertCustomer(pool, { email: 'bill@initech.test', billing: company('Initech') }),
      ];
      await sync(ids.map((entityId) => ({ entityType: 'customer' as const, entityId })));
      const accountOf = async (email: string) => (await contacts(email))[0]!.AccountId;
      expect(await accountOf('hank@globex.test')).to.equal(globex.id);
      expect(await accountOf('frank@globex.test')).to.equal(globex.id);
      expect(await accountOf('ann@initech.test')).to.equal(await accountOf('bill@initech.test'));
      const initech = await sidecar().query<{ Name: string; Magento_Key__c: string }>("SELECT Name, Magento_Key__c FROM Account WHERE Name = 'Initech'");
      expect(initech.map(({ Name, Magento_Key__c }) => ({ Name, Magento_Key__c }))).to.deep.equal([{ Name: 'Initech', Magento_Key__c: 'test:company:initech' }]);
      expect((await sidecar().query<{ Magento_Key__c: string }>(`SELECT Magento_Key__c FROM Account WHERE Id = '${globex.id}'`))[0]!.Magento_Key__c).to.equal('test:company:globex');

      await config('general/match_accounts_by_company', '0');
      const solo = await insertCustomer(pool, { email: 'zed@umbrella.test', billing: company('Umbrella') });
      await sync([{ entityType: 'customer', entityId: solo }]);
      const umbrella = await sidecar().query<{ Magento_Key__c: string }>("SELECT Magento_Key__c FROM Account WHERE Name = 'Umbrella'");
      expect(umbrella.map((account) => account.Magento_Key__c)).to.deep.equal([`test:customer:${solo}`]);
    });

    it('matches a Bulk backfill against the whole org through one query job per object, not a query per batch', async () => {
      const { pool, connection, emulator } = sidecar();
      const salesContact = (await connection.sobject('Contact').create({ LastName: 'Early', Email: 'early@bulk.test' })) as { id: string };
      const hooli = (await connection.sobject('Account').create({ Name: 'Hooli' })) as { id: string };
      const customers = [
        await insertCustomer(pool, { email: 'early@bulk.test', firstname: 'Erl', lastname: 'Early' }),
        await insertCustomer(pool, { email: 'gavin@hooli.test', billing: { telephone: '555', city: 'Palo Alto', countryId: 'US', company: 'Hooli' } }),
        await insertCustomer(pool, { email: 'new@bulk.test' }),
      ];
      const endpointCalls = async () => ((await (await fetch(`${emulator.url}/__emulator/calls`)).json()) as { byEndpoint: Record<string, number> }).byEndpoint;
      const count = (calls: Record<string, number>, pattern: RegExp) => Object.entries(calls).filter(([endpoint]) => pattern.test(endpoint)).reduce((sum, [, n]) => sum + n, 0);
      const before = await endpointCalls();
      const engine = sidecar().engine({ bulkThreshold: 2 });
      await engine.requestSync(customers.map((entityId) => ({ entityType: 'customer' as const, entityId })));
      const pass = await engine.runPass('customers', 'manual');
      const [errors] = await pool.query<mysql.RowDataPacket[]>("SELECT entity_id, error_message FROM forcebridge_link WHERE status <> 'synced'");
      expect(pass, JSON.stringify(errors)).to.include({ synced: 3, failed: 0 });
      const after = await endpointCalls();
      expect(count(after, /^POST .*\/jobs\/query$/) - count(before, /^POST .*\/jobs\/query$/), 'query jobs').to.equal(2);
      expect(count(after, /^POST .*\/composite$/) - count(before, /^POST .*\/composite$/), 'no per-batch lookups').to.equal(0);
      const early = await contacts('early@bulk.test');
      expect(early).to.have.length(1);
      expect(early[0]).to.include({ Id: salesContact.id, Magento_Key__c: `test:customer:${customers[0]}`, LastName: 'Early' });
      // Sales made it without an Account: it gets the person's own.
      expect((await sidecar().query<{ Name: string }>(`SELECT Name FROM Account WHERE Id = '${early[0]!.AccountId}'`))[0]!.Name).to.equal('Erl Early');
      expect((await contacts('gavin@hooli.test'))[0]!.AccountId).to.equal(hooli.id);
      expect(await contacts('new@bulk.test')).to.have.length(1);
    });
  });

  describe('full records', () => {
    it('writes addresses, phone, birthdate and salutation, and lead source, type, description and owner on the opportunity', async () => {
      const { pool } = sidecar();
      const users = await sidecar().query<{ Id: string; Username: string }>('SELECT Id, Username FROM User WHERE IsActive = true');
      await config('general/default_owner', users[0]!.Username);
      const customerId = await insertCustomer(pool, {
        email: 'erin@example.com', firstname: 'Erin', lastname: 'Lane', prefix: 'Mrs', dob: '1985-02-03',
        billing: { telephone: '512-555-0101', street: ['1 Main St', 'Floor 2'], city: 'Austin', region: 'Texas', regionId: 57, postcode: '78701', countryId: 'US' },
        shipping: { telephone: '512-555-0102', street: ['9 Oak Ave'], city: 'Dallas', region: 'Texas', regionId: 57, postcode: '75201', countryId: 'US' },
      });
      const quoteId = await abandonedCart('erin@example.com', { customerId });
      await sync([{ entityType: 'quote', entityId: quoteId }]);
      const account = (await sidecar().query<Record<string, unknown>>(`SELECT Name, Phone, BillingStreet, BillingCity, BillingState, BillingPostalCode, BillingCountry, ShippingCity, OwnerId FROM Account WHERE Magento_Key__c = 'test:customer:${customerId}'`))[0];
      expect(account).to.include({ Name: 'Erin Lane', Phone: '512-555-0101', BillingStreet: '1 Main St\nFloor 2', BillingCity: 'Austin', BillingState: 'Texas', BillingPostalCode: '78701', BillingCountry: 'United States', ShippingCity: 'Dallas', OwnerId: users[0]!.Id });
      const contact = (await sidecar().query<Record<string, unknown>>(`SELECT Salutation, Birthdate, MailingCity, MailingCountry, OtherStreet, OtherCity, Phone FROM Contact WHERE Email = 'erin@example.com'`))[0];
      expect(contact).to.include({ Salutation: 'Mrs.', Birthdate: '1985-02-03', MailingCity: 'Austin', MailingCountry: 'United States', OtherStreet: '9 Oak Ave', OtherCity: 'Dallas', Phone: '512-555-0101' });
      const opp = await opportunity(`test:quote:${quoteId}`);
      expect(opp).to.include({ LeadSource: 'Web', Type: 'New Customer', OwnerId: users[0]!.Id });
      expect(opp.Description).to.match(/^MH01 – Hoodie × 2 @ 100\.00 USD\nShipping: Flat Rate - Fixed$/);
    });
  });

  describe('dates and stages', () => {
    it('closes a backfilled June order 30 days after it was placed, not after the day it was sent', async () => {
      const orderId = await order(await abandonedCart('june@example.com'));
      await setCreatedAt(sidecar().pool, 'sales_order', orderId, '2026-06-02 15:00:00');
      await sync([{ entityType: 'order', entityId: orderId }]);
      const [rows] = await sidecar().pool.query<mysql.RowDataPacket[]>('SELECT quote_id FROM sales_order WHERE entity_id = ?', [orderId]);
      expect((await opportunity(`test:quote:${String(rows[0]!.quote_id)}`)).CloseDate).to.equal('2026-07-02');
    });

    it('closes canceled and refunded orders on the day they were lost; a paid order stays won through a hold; a partial refund shows', async () => {
      const { pool } = sidecar();
      await config('order/use_invoice_date_as_close_date', '1');
      const canceledCart = await abandonedCart('lost@example.com');
      const canceled = await order(canceledCart);
      await setCreatedAt(pool, 'sales_order', canceled, '2026-05-01 15:00:00');
      await cancelOrder(pool, canceled, '2026-05-04 15:00:00');
      const paidCart = await abandonedCart('won@example.com');
      const paid = await order(paidCart);
      await invoiceOrder(pool, paid, '2026-05-06 15:00:00');
      await sync([{ entityType: 'order', entityId: canceled }, { entityType: 'order', entityId: paid }]);
      expect(await opportunity(`test:quote:${canceledCart}`)).to.include({ StageName: 'Closed Lost', CloseDate: '2026-05-04', Magento_Cart_Status__c: 'Lost' });
      expect(await opportunity(`test:quote:${paidCart}`)).to.include({ StageName: 'Closed Won', CloseDate: '2026-05-06' });

      await pool.query("UPDATE sales_order SET state = 'holded', status = 'holded' WHERE entity_id = ?", [paid]);
      await sync([{ entityType: 'order', entityId: paid }]);
      expect((await opportunity(`test:quote:${paidCart}`)).StageName, 'won stays won on hold').to.equal('Closed Won');

      await pool.query("UPDATE sales_order SET state = 'processing', status = 'processing', total_refunded = 50, base_total_refunded = 50 WHERE entity_id = ?", [paid]);
      await pool.query("INSERT INTO sales_creditmemo (order_id, state, grand_total, base_grand_total, created_at) VALUES (?, 2, 50, 50, '2026-05-08 15:00:00')", [paid]);
      await sync([{ entityType: 'order', entityId: paid }]);
      expect(await opportunity(`test:quote:${paidCart}`)).to.include({ StageName: 'Closed Won', Magento_Refunded_Amount__c: 50 });

      await refundOrder(pool, paid, '2026-05-09 15:00:00');
      await sync([{ entityType: 'order', entityId: paid }]);
      expect(await opportunity(`test:quote:${paidCart}`)).to.include({ StageName: 'Closed Lost', CloseDate: '2026-05-09' });
    });

    it('shows every order of a multi-address checkout with its own amount', async () => {
      const { pool } = sidecar();
      const quoteId = await abandonedCart('multi@example.com');
      const firstOrder = await order(quoteId);
      const secondOrder = await order(quoteId);
      await pool.query('UPDATE sales_order SET grand_total = 80, base_grand_total = 80 WHERE entity_id = ?', [secondOrder]);
      await pool.query('UPDATE sales_order SET grand_total = 120, base_grand_total = 120 WHERE entity_id = ?', [firstOrder]);
      await sync([{ entityType: 'quote', entityId: quoteId }, { entityType: 'order', entityId: secondOrder }, { entityType: 'order', entityId: firstOrder }]);
      expect((await opportunity(`test:quote:${quoteId}`)).Amount).to.equal(120);
      expect((await opportunity(`test:order:${secondOrder}`)).Amount).to.equal(80);
    });

    it('expires carts Magento deleted, deactivated without an order, or left idle past expire_after_days', async () => {
      const { pool } = sidecar();
      await config('abandoned_cart/expire_after_days', '10');
      const deleted = await abandonedCart('gone@example.com');
      const deactivated = await abandonedCart('off@example.com');
      const idle = await abandonedCart('idle@example.com');
      await sync([{ entityType: 'quote', entityId: deleted }, { entityType: 'quote', entityId: deactivated }, { entityType: 'quote', entityId: idle }]);
      await pool.query('DELETE FROM quote WHERE entity_id = ?', [deleted]);
      await pool.query('UPDATE quote SET is_active = 0, updated_at = ? WHERE entity_id = ?', ['2026-11-20 18:00:00', deactivated]);
      const idleSince = new Date(Date.now() - 15 * 86_400_000);
      await setUpdatedAt(pool, 'quote', idle, idleSince.toISOString().slice(0, 19).replace('T', ' '));
      await sync([{ entityType: 'quote', entityId: deleted }, { entityType: 'quote', entityId: deactivated }, { entityType: 'quote', entityId: idle }]);
      for (const quoteId of [deleted, deactivated, idle]) {
        expect(await opportunity(`test:quote:${quoteId}`), `cart ${quoteId}`).to.include({ StageName: 'Closed Lost', Magento_Cart_Status__c: 'Expired' });
      }
      expect((await opportunity(`test:quote:${deactivated}`)).CloseDate).to.equal('2026-11-20');
      const idleEnd = new Date(idleSince.getTime() + 10 * 86_400_000);
      expect((await opportunity(`test:quote:${idle}`)).CloseDate).to.be.oneOf([idleEnd.toISOString().slice(0, 10), new Date(idleEnd.getTime() - 86_400_000).toISOString().slice(0, 10)]);
    });
  });

  describe('nothing clobbered', () => {
    it('keeps what a rep typed: a phone Magento lacks, the name, close date, description and a closed stage of a cart; the order moves it', async () => {
      const { pool, connection } = sidecar();
      const customerId = await insertCustomer(pool, { email: 'rep@example.com', firstname: 'Rita', lastname: 'Rep' });
      const quoteId = await abandonedCart('rep@example.com', { customerId });
      await sync([{ entityType: 'quote', entityId: quoteId }]);
      const opp = await opportunity(`test:quote:${quoteId}`);
      const contact = (await contacts('rep@example.com'))[0]!;
      await connection.sobject('Contact').update({ Id: contact.Id, Phone: '+1 555 0199' });
      await connection.sobject('Opportunity').update({ Id: opp.Id, Name: 'Rita – big hoodie deal', CloseDate: '2027-01-15', Description: 'Called her', StageName: 'Closed Lost' });

      await pool.query('UPDATE quote_item SET qty = 3, row_total = 300, base_row_total = 300 WHERE quote_id = ?', [quoteId]);
      await pool.query('UPDATE quote SET grand_total = 300, base_grand_total = 300, items_qty = 3 WHERE entity_id = ?', [quoteId]);
      await sync([{ entityType: 'quote', entityId: quoteId }, { entityType: 'customer', entityId: customerId }]);
      expect(await opportunity(`test:quote:${quoteId}`)).to.include({ Name: 'Rita – big hoodie deal', CloseDate: '2027-01-15', Description: 'Called her', StageName: 'Closed Lost', Amount: 300 });
      expect((await contacts('rep@example.com'))[0]!.Phone).to.equal('+1 555 0199');

      const orderId = await order(quoteId);
      await sync([{ entityType: 'order', entityId: orderId }]);
      const ordered = await opportunity(`test:quote:${quoteId}`);
      expect(ordered.StageName, 'the order moves a rep’s closed cart').to.equal('Qualification');
      expect(ordered.Name).to.match(/^Order /);
    });
  });

  describe('nothing stuck, nothing moved', () => {
    it('fails a row with a zero date alone, naming the table and column, and sends the rest', async () => {
      const { pool } = sidecar();
      const good = await abandonedCart('good@example.com');
      const bad = await order(await abandonedCart('bad@example.com'));
      await writeZeroDate(pool, 'sales_order', bad, 'created_at');
      const engine = sidecar().engine();
      await engine.requestSync([{ entityType: 'quote', entityId: good }, { entityType: 'order', entityId: bad }]);
      const pass = await engine.runPass('all', 'manual');
      expect(pass).to.include({ synced: 1, failed: 1 });
      const [links] = await pool.query<mysql.RowDataPacket[]>("SELECT status, error_message FROM forcebridge_link WHERE entity_type = 'order' AND entity_id = ?", [String(bad)]);
      expect(links[0]!.status).to.equal('error');
      expect(links[0]!.error_message).to.contain('sales_order.created_at');
      const [queued] = await pool.query<mysql.RowDataPacket[]>("SELECT available_at > UTC_TIMESTAMP() AS backs_off FROM forcebridge_queue WHERE entity_type = 'order' AND entity_id = ?", [bad]);
      expect(Number(queued[0]!.backs_off), 'the bad row backs off like other failures').to.equal(1);
    });

    it('marks a record synced only when Salesforce answered with a valid id for every object written', async () => {
      const { pool, connection, config } = sidecar();
      const quoteId = await abandonedCart('ids@example.com');
      const org = await OrgProfile.load(connection);
      const leaseOwner = newLeaseOwner();
      await enqueue(pool, [{ entityType: 'quote', entityId: quoteId }], { manual: true });
      const entries = (await lease(pool, { owner: leaseOwner, limit: 10, leaseSeconds: 60 })).filter((e) => e.entityId === quoteId);
      const units = await planBatch({ pool, config, org, instance: INSTANCE }, entries);
      // An answer that looks fine but names no Opportunity: "success" with a Contact's id.
      const upsert = new UpsertWriter(connection);
      const garbled = { upsert: async (batch: UpsertBatch) => (await upsert.upsert(batch)).map((r) => (r.object === 'Opportunity' ? { ...r, id: '003000000000001AAA' } : r)) };
      const summary = await syncBatch({ pool, connection, instance: INSTANCE, org, leaseOwner, runId: null }, garbled, units);
      expect(summary).to.include({ synced: 0, failed: 1 });
      const [links] = await pool.query<mysql.RowDataPacket[]>("SELECT status, error_message, opportunity_id FROM forcebridge_link WHERE entity_type = 'quote' AND entity_id = ?", [String(quoteId)]);
      expect(links[0]).to.include({ status: 'error', opportunity_id: null });
      expect(links[0]!.error_message).to.contain('which is not an Opportunity id');
    });

    it('runs the same store again without moving a date or adding a record', async () => {
      const { pool } = sidecar();
      await pool.query("DELETE FROM forcebridge_queue");
      const count = async () => ({
        accounts: (await sidecar().query('SELECT Id FROM Account')).length,
        contacts: (await sidecar().query('SELECT Id FROM Contact')).length,
        opportunities: await sidecar().query<{ Magento_Key__c: string; CloseDate: string; StageName: string }>('SELECT Magento_Key__c, CloseDate, StageName FROM Opportunity ORDER BY Magento_Key__c'),
      });
      const run = async () => {
        await enqueueEverything(pool);
        const engine = sidecar().engine();
        await engine.runPass('all', 'backfill');
        await engine.runPass('all', 'backfill');
        return count();
      };
      const first = await run();
      const second = await run();
      expect(second).to.deep.equal(first);
    });
  });
});

describe('sync: addresses in an org with State and Country picklists', function () {
  this.timeout(60_000);
  const sidecar = useSyncHarness({ stateCountryPicklists: true });
  const { sync, abandonedCart } = recordsOf(sidecar);

  it('writes ISO country codes and the org’s state codes, which the org turns into names, and no state it lacks', async () => {
    const customerId = await insertCustomer(sidecar().pool, {
      email: 'codes@example.com', firstname: 'Cody', lastname: 'Pick',
      billing: { telephone: '555', city: 'Austin', region: 'Texas', regionId: 57, postcode: '78701', countryId: 'US' },
      shipping: { telephone: '555', city: 'Toronto', region: 'Ontario', regionId: 74, postcode: 'M5H 2N2', countryId: 'CA' },
    });
    const guestCart = await abandonedCart('guest-codes@example.com', { billing: { city: 'Lyon', region: 'Rhône', regionId: null, countryId: 'FR', postcode: '69001' } });
    await sync([{ entityType: 'customer', entityId: customerId }, { entityType: 'quote', entityId: guestCart }]);
    const account = (await sidecar().query<Record<string, unknown>>(`SELECT BillingCountryCode, BillingCountry, BillingStateCode, BillingState, ShippingCountryCode, ShippingStateCode FROM Account WHERE Magento_Key__c = 'test:customer:${customerId}'`))[0];
    expect(account).to.include({ BillingCountryCode: 'US', BillingCountry: 'United States', BillingStateCode: 'TX', BillingState: 'Texas', ShippingCountryCode: 'CA', ShippingStateCode: 'ON' });
    const guest = (await sidecar().query<Record<string, unknown>>("SELECT MailingCountryCode, MailingState FROM Contact WHERE Email = 'guest-codes@example.com'"))[0];
    // France has no states in the org: Salesforce would refuse Rhône even as text.
    expect(guest).to.include({ MailingCountryCode: 'FR', MailingState: null });
  });
});
