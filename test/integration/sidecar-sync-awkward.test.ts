// Awkward data and an awkward org: handled, never crashed on (issue 4).
import { expect } from 'chai';
import type mysql from 'mysql2/promise';
import { insertCart, insertCustomer, saveShippingInformation } from '../support/magento-rows.js';
import { EMULATOR_DEFAULTS, startEmulator } from '../../emulator/server.js';
import { openSession } from '../../sidecar/salesforce/session.js';
import { SyncEngine } from '../../sidecar/sync/sync-engine.js';
import { API_VERSION, INSTANCE, useSyncHarness } from '../support/sync-harness.js';

describe('sync: awkward data', function () {
  this.timeout(60_000);
  const sidecar = useSyncHarness();

  async function syncCart(quoteId: number) {
    const engine = sidecar().engine();
    await engine.requestSync([{ entityType: 'quote', entityId: quoteId }]);
    return engine.runPass('carts', 'manual');
  }

  async function linkOf(type: string, id: number): Promise<mysql.RowDataPacket | undefined> {
    const [rows] = await sidecar().pool.query<mysql.RowDataPacket[]>('SELECT * FROM forcebridge_link WHERE entity_type = ? AND entity_id = ?', [type, String(id)]);
    return rows[0];
  }

  it('keeps accents, emoji and right-to-left names intact', async () => {
    const quoteId = await insertCart(sidecar().pool);
    await saveShippingInformation(sidecar().pool, quoteId, { email: 'zoë@example.com', firstname: 'Zoë 🎉', lastname: 'مريم' });
    expect(await syncCart(quoteId)).to.include({ synced: 1 });
    const contacts = await sidecar().query<{ FirstName: string; LastName: string }>(`SELECT FirstName, LastName FROM Contact WHERE Magento_Key__c = '${INSTANCE}:guest:zoë@example.com'`);
    expect(contacts[0]).to.include({ FirstName: 'Zoë 🎉', LastName: 'مريم' });
  });

  it("cuts strings longer than Salesforce's field lengths instead of failing", async () => {
    const longName = 'Å'.repeat(255);
    const customerId = await insertCustomer(sidecar().pool, { email: 'long@example.com', firstname: longName, lastname: longName });
    const engine = sidecar().engine();
    await engine.requestSync([{ entityType: 'customer', entityId: customerId }]);
    expect(await engine.runPass('customers', 'manual')).to.include({ synced: 1, failed: 0 });
    const contacts = await sidecar().query<{ FirstName: string; LastName: string }>(`SELECT FirstName, LastName FROM Contact WHERE Magento_Key__c = '${INSTANCE}:customer:${customerId}'`);
    expect(contacts[0]!.FirstName).to.have.length(40);
    expect(contacts[0]!.LastName).to.have.length(80);
  });

  it('makes no opportunity of a zero-total cart, and says why', async () => {
    const quoteId = await insertCart(sidecar().pool, { items: [{ sku: 'FREE', name: 'Free sample', qty: 1, price: 0 }] });
    await saveShippingInformation(sidecar().pool, quoteId, { email: 'free@example.com', firstname: 'Free', lastname: 'Bie' });
    expect(await syncCart(quoteId)).to.include({ synced: 0, skipped: 1 });
    expect(await sidecar().query(`SELECT Id FROM Opportunity WHERE Magento_Key__c = '${INSTANCE}:quote:${quoteId}'`)).to.have.length(0);
    expect((await linkOf('quote', quoteId))?.error_message).to.equal('The cart totals zero.');
  });

  it('recreates an opportunity deleted on the Salesforce side at the next sync', async () => {
    const quoteId = await insertCart(sidecar().pool);
    await saveShippingInformation(sidecar().pool, quoteId, { email: 'gone@example.com', firstname: 'Gone', lastname: 'Again' });
    await syncCart(quoteId);
    const [first] = await sidecar().query<{ Id: string }>(`SELECT Id FROM Opportunity WHERE Magento_Key__c = '${INSTANCE}:quote:${quoteId}'`);
    await sidecar().connection.sobject('Opportunity').destroy(first!.Id);
    expect(await syncCart(quoteId)).to.include({ synced: 1 });
    const again = await sidecar().query<{ Id: string }>(`SELECT Id FROM Opportunity WHERE Magento_Key__c = '${INSTANCE}:quote:${quoteId}'`);
    expect(again).to.have.length(1);
    expect(again[0]!.Id).to.not.equal(first!.Id);
    expect((await linkOf('quote', quoteId))?.opportunity_id).to.equal(again[0]!.Id);
  });

  it('retries rows that Salesforce could not lock and calls that failed in transit, without duplicates', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) {
      const quoteId = await insertCart(sidecar().pool);
      await saveShippingInformation(sidecar().pool, quoteId, { email: `busy${i}@example.com`, firstname: 'Busy', lastname: `B${i}` });
      ids.push(quoteId);
    }
    sidecar().emulator.faults.configure({ seed: 7, rowLockRate: 0.3, failureRate: 0.3, failureKinds: ['503', 'drop'] });
    try {
      const engine = sidecar().engine();
      await engine.requestSync(ids.map((entityId) => ({ entityType: 'quote' as const, entityId })));
      const pass = await engine.runPass('carts', 'manual');
      expect(pass).to.include({ synced: 20, failed: 0 });
    } finally {
      sidecar().emulator.faults.configure({ rowLockRate: 0, failureRate: 0 });
    }
    const opps = await sidecar().query<{ Magento_Key__c: string }>(`SELECT Magento_Key__c FROM Opportunity WHERE Magento_Key__c LIKE '${INSTANCE}:quote:%' AND Name LIKE 'Cart % – Busy %'`);
    expect(opps).to.have.length(20);
    expect(new Set(opps.map((o) => o.Magento_Key__c)).size).to.equal(20);
  });

  it('sends a backlog above the threshold through Bulk API 2.0 with the same results', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) {
      const quoteId = await insertCart(sidecar().pool);
      await saveShippingInformation(sidecar().pool, quoteId, { email: `bulk${i}@example.com`, firstname: 'Bulk', lastname: `B${i}` });
      ids.push(quoteId);
    }
    const engine = sidecar().engine({ bulkThreshold: 5 });
    await engine.requestSync(ids.map((entityId) => ({ entityType: 'quote' as const, entityId })));
    const callsBefore = (await (await fetch(`${sidecar().emulator.url}/__emulator/calls`)).json()) as Record<string, unknown>;
    expect(await engine.runPass('carts', 'manual')).to.include({ synced: 12, failed: 0 });
    const calls = JSON.stringify(await (await fetch(`${sidecar().emulator.url}/__emulator/calls`)).json());
    expect(calls).to.not.equal(JSON.stringify(callsBefore));
    expect(calls).to.match(/jobs\/ingest/);
    const opps = await sidecar().query<{ Magento_Key__c: string; StageName: string }>(`SELECT Magento_Key__c, StageName FROM Opportunity WHERE Name LIKE 'Cart % – Bulk %'`);
    expect(opps).to.have.length(12);
    expect(opps.every((o) => o.StageName === 'Prospecting')).to.equal(true);
  });

  it('says to run setup-org when the org lacks the Forcebridge fields, and sends nothing else', async () => {
    const bareOrg = await startEmulator();
    try {
      const connection = await openSession({
        loginUrl: bareOrg.url,
        apiVersion: API_VERSION,
        auth: { kind: 'client_credentials', clientId: EMULATOR_DEFAULTS.clientId, clientSecret: EMULATOR_DEFAULTS.clientSecret },
      });
      const engine = new SyncEngine({ pool: sidecar().pool, config: sidecar().config, connection, instance: INSTANCE, bulkThreshold: 2000 });
      const quoteId = await insertCart(sidecar().pool);
      await saveShippingInformation(sidecar().pool, quoteId, { email: 'bare@example.com', firstname: 'Bare', lastname: 'Org' });
      await engine.requestSync([{ entityType: 'quote', entityId: quoteId }]);
      expect(await engine.runPass('carts', 'manual')).to.include({ failed: 1, synced: 0 });
      expect(String((await linkOf('quote', quoteId))?.error_message)).to.contain('forcebridge setup-org');
      expect(await connection.query('SELECT Id FROM Opportunity')).to.have.property('totalSize', 0);
    } finally {
      await bareOrg.stop();
    }
  });
});
