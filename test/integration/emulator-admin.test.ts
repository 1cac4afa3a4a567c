// Inspection and persistence: reset, snapshot round-trip (endpoint and file), the web page, and
// the admin endpoints being apart from the REST API.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { startEmulator } from '../../emulator/server.js';
import { connectTo, createMagentoKeyField, rejectionOf, useEmulator } from '../support/emulator-harness.js';

describe('emulator admin and web page', () => {
  const harness = useEmulator();

  it('resets the org to a fresh one', async () => {
    const conn = await harness.connect();
    await conn.sobject('Account').create({ Name: 'Temporary' });
    expect((await harness.admin('POST', '/reset')).status).to.equal(204);
    expect((await conn.query('SELECT Id FROM Account')).totalSize).to.equal(0);
  });

  it('round-trips a snapshot: records, custom fields and record types come back, new ids stay unique', async () => {
    const conn = await harness.connect();
    await createMagentoKeyField(conn);
    await conn.sobject('RecordType').create({ SobjectType: 'Opportunity', DeveloperName: 'Magento_Cart', Name: 'Magento Cart' });
    const saved = await conn.sobject('Opportunity').upsert({ Name: 'Kept', StageName: 'Prospecting', CloseDate: '2026-12-31', Magento_Key__c: 'k' }, 'Magento_Key__c');
    const snapshot = (await (await harness.admin('GET', '/snapshot')).json()) as { records: Array<{ values: { Id: string } }> };

    await harness.admin('POST', '/reset');
    expect((await conn.query('SELECT Id FROM Opportunity')).totalSize).to.equal(0);
    expect((await harness.admin('PUT', '/snapshot', snapshot)).status).to.equal(204);

    const restored = await conn.sobject('Opportunity').retrieve(saved.id as string);
    expect(restored).to.include({ Name: 'Kept', Magento_Key__c: 'k' });
    expect(restored.RecordTypeId).to.match(/^012/);
    const again = await conn.sobject('Opportunity').upsert({ Magento_Key__c: 'K', Amount: 3 }, 'Magento_Key__c');
    expect(again).to.include({ id: saved.id, created: false });
    const fresh = await conn.sobject('Opportunity').create({ Name: 'New', StageName: 'Prospecting', CloseDate: '2026-12-31' });
    expect(snapshot.records.map((record) => record.values.Id)).to.not.include(fresh.id);
    expect((await harness.admin('PUT', '/snapshot', { format: 'something else' })).status).to.equal(400);
  });

  it('keeps the org in its snapshot file across a restart', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'emulator-snapshot-'));
    const snapshotFile = join(directory, 'org.json');
    try {
      const first = await startEmulator({ snapshotFile });
      const conn = await connectTo(first.url);
      const created = await conn.sobject('Account').create({ Name: 'Survivor' });
      await first.stop();

      const second = await startEmulator({ snapshotFile });
      try {
        expect(second.org.recordById(created.id as string)?.record.Name).to.equal('Survivor');
      } finally {
        await second.stop();
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('shows objects, records and one record on an escaped HTML page', async () => {
    const conn = await harness.connect();
    const account = await conn.sobject('Account').create({ Name: '<script>alert(1)</script> & Co' });
    await conn.sobject('Contact').create({ LastName: 'Linked', AccountId: account.id as string });

    const root = await fetch(`${harness.emulator.url}/`, { redirect: 'manual' });
    expect(root.status).to.equal(302);
    expect(root.headers.get('location')).to.equal('/__emulator/');

    const objects = await (await fetch(`${harness.emulator.url}/__emulator/`)).text();
    expect(objects).to.match(/<a href="\/__emulator\/objects\/Account">Account<\/a><\/td><td>Account<\/td><td>1<\/td>/);

    const accounts = await fetch(`${harness.emulator.url}/__emulator/objects/Account`);
    expect(accounts.headers.get('content-type')).to.contain('text/html');
    const accountsHtml = await accounts.text();
    expect(accountsHtml).to.contain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; Co');
    expect(accountsHtml).to.not.contain('<script>');
    expect(accountsHtml).to.contain(`<a href="/__emulator/records/${account.id as string}">`);

    const contacts = await (await fetch(`${harness.emulator.url}/__emulator/objects/Contact`)).text();
    expect(contacts).to.contain(`<a href="/__emulator/records/${account.id as string}">${account.id as string}</a>`);
    const detail = await (await fetch(`${harness.emulator.url}/__emulator/records/${account.id as string}`)).text();
    expect(detail).to.contain('<th>BillingCity</th>');
    const lightning = await fetch(`${harness.emulator.url}/lightning/r/Account/${account.id as string}/view`, { redirect: 'manual' });
    expect(lightning.status).to.equal(302);
    expect(lightning.headers.get('location')).to.equal(`/__emulator/records/${account.id as string}`);
    expect((await fetch(`${harness.emulator.url}/__emulator/objects/Nothing`)).status).to.equal(404);
  });

  it('keeps admin endpoints apart from the REST API: no token needed there, and not counted', async () => {
    const conn = await harness.connect();
    await harness.admin('GET', '/calls');
    await harness.admin('GET', '/snapshot');
    expect((await (await harness.admin('GET', '/settings')).json()) as Record<string, unknown>).to.include({ apiUsage: 0, stageNameRestricted: true });
    expect((await rejectionOf(conn.request('/__emulator/calls'))).errorCode).to.equal('NOT_FOUND');
    const unauthenticated = await fetch(`${harness.emulator.url}/services/data/v62.0/__emulator/calls`);
    expect(unauthenticated.status).to.equal(401);
  });

  it('adds record types through the admin endpoint', async () => {
    const response = await harness.admin('POST', '/record-types', { objectName: 'Opportunity', developerName: 'Magento_Order', label: 'Magento Order' });
    expect(response.status).to.equal(201);
    const conn = await harness.connect();
    const infos = (await conn.sobject('Opportunity').describe()).recordTypeInfos.map((info) => info.name);
    expect(infos).to.deep.equal(['Magento Order', 'Master']);
    expect((await harness.admin('POST', '/record-types', { objectName: 'Opportunity', developerName: 'Magento_Order' })).status).to.equal(400);
  });
});
