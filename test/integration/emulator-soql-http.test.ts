import { expect } from 'chai';
import type { Record as JsforceRecord } from 'jsforce';
import { InMemoryOrg } from '../support/emulator-fixtures/in-memory-org.js';
import { SAMPLE_OBJECTS } from '../support/emulator-fixtures/sample-objects.js';
import { API_VERSION, startEngineServer, type EngineServer } from '../support/emulator-fixtures/engine-server.js';

async function rejection(promise: PromiseLike<unknown>): Promise<{ errorCode?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { errorCode?: string; message: string };
  }
  throw new Error('expected the call to fail');
}

describe('emulator SOQL over HTTP through jsforce', () => {
  const CONTACTS = 4500;
  let org: InMemoryOrg;
  let server: EngineServer;
  let acmeId: string;

  before(async () => {
    org = new InMemoryOrg(SAMPLE_OBJECTS);
    const ownerId = org.seed('User', { Name: 'Ada Admin', LastName: 'Admin' });
    acmeId = org.seed('Account', { Name: 'Acme', OwnerId: ownerId, Magento_Key__c: 'prod:customer:1' });
    for (let index = 0; index < CONTACTS; index++) {
      org.seed('Contact', { LastName: `Contact ${String(index).padStart(4, '0')}`, AccountId: index % 2 === 0 ? acmeId : null });
    }
    server = await startEngineServer(org);
  });

  after(async () => {
    await server.close();
  });

  it('returns the first 2,000 records with a nextRecordsUrl holding an 01g locator', async () => {
    const result = await server.connect().query('SELECT Id, LastName FROM Contact ORDER BY LastName');
    expect(result.totalSize).to.equal(CONTACTS);
    expect(result.done).to.equal(false);
    expect(result.records).to.have.length(2000);
    expect(result.nextRecordsUrl).to.match(/\/query\/01g[A-Za-z0-9]{15}-2000$/);
    expect(result.records[0]?.attributes).to.deep.equal({ type: 'Contact', url: `/services/data/v${API_VERSION}/sobjects/Contact/${String(result.records[0]?.Id)}` });
  });

  it('pages on with queryMore until done', async () => {
    const conn = server.connect();
    const first = await conn.query('SELECT LastName FROM Contact ORDER BY LastName');
    const second = await conn.queryMore(String(first.nextRecordsUrl));
    expect(second.records[0]?.LastName).to.equal('Contact 2000');
    expect([second.done, second.totalSize, second.records.length]).to.deep.equal([false, CONTACTS, 2000]);
    const third = await conn.queryMore(String(second.nextRecordsUrl));
    expect([third.done, third.nextRecordsUrl, third.records.length]).to.deep.equal([true, undefined, 500]);
    expect(third.records.at(-1)?.LastName).to.equal('Contact 4499');
  });

  it('fetches every page with autoFetch', async () => {
    const records: JsforceRecord[] = [];
    await new Promise<void>((resolve, reject) => {
      server
        .connect()
        .query('SELECT LastName FROM Contact ORDER BY LastName DESC')
        .on('record', (record: JsforceRecord) => records.push(record))
        .on('end', () => resolve())
        .on('error', reject)
        .run({ autoFetch: true, maxFetch: 10_000 });
    });
    expect(records).to.have.length(CONTACTS);
    expect(new Set(records.map((record) => record.LastName)).size).to.equal(CONTACTS);
    expect(records[0]?.LastName).to.equal('Contact 4499');
  });

  it('pages by the batch size asked for in Sforce-Query-Options', async () => {
    const result = await server.connect().query('SELECT Id FROM Contact', { headers: { 'Sforce-Query-Options': 'batchSize=500' } });
    expect(result.records).to.have.length(500);
    expect(result.nextRecordsUrl).to.match(/-500$/);
  });

  it('answers COUNT() with totalSize and no records', async () => {
    const result = await server.connect().query("SELECT COUNT() FROM Contact WHERE Account.Magento_Key__c = 'prod:customer:1'");
    expect([result.totalSize, result.done, result.records]).to.deep.equal([CONTACTS / 2, true, []]);
  });

  it('returns parent relationship fields as nested records', async () => {
    const result = await server.connect().query("SELECT LastName, Account.Name, Account.Owner.Name FROM Contact WHERE LastName IN ('Contact 0000', 'Contact 0001') ORDER BY LastName");
    expect(result.records.map((record) => record.Account?.Name ?? null)).to.deep.equal(['Acme', null]);
    expect(result.records[0]?.Account?.Owner?.Name).to.equal('Ada Admin');
    expect(result.records[0]?.Account?.attributes).to.deep.equal({ type: 'Account', url: `/services/data/v${API_VERSION}/sobjects/Account/${acmeId}` });
  });

  it('includes deleted records only through queryAll', async () => {
    const doomed = org.seed('Account', { Name: 'Doomed' });
    org.softDelete(doomed);
    const conn = server.connect();
    expect((await conn.query("SELECT Id FROM Account WHERE Name = 'Doomed'")).totalSize).to.equal(0);
    const all = await conn.query("SELECT Id, IsDeleted FROM Account WHERE Name = 'Doomed'", { scanAll: true });
    expect(all.records.map((record) => [record.Id, record.IsDeleted])).to.deep.equal([[doomed, true]]);
  });

  it('turns query errors into jsforce errors with Salesforce error codes', async () => {
    const conn = server.connect();
    const malformed = await rejection(conn.query('SELECT Id FROM Contact WHERE'));
    expect(malformed.errorCode).to.equal('MALFORMED_QUERY');
    expect(malformed.message).to.match(/unexpected token: <EOF>$/);
    const invalidField = await rejection(conn.query('SELECT Nope FROM Contact'));
    expect(invalidField.errorCode).to.equal('INVALID_FIELD');
    expect(invalidField.message).to.match(/No such column 'Nope' on entity 'Contact'/);
    expect((await rejection(conn.query('SELECT Id FROM Nope'))).errorCode).to.equal('INVALID_TYPE');
  });

  it('refuses an unknown or spent locator with INVALID_QUERY_LOCATOR', async () => {
    const conn = server.connect();
    const unknown = await rejection(conn.queryMore('01g000000000000AAA-2000'));
    expect([unknown.errorCode, unknown.message]).to.deep.equal(['INVALID_QUERY_LOCATOR', 'invalid query locator']);
    const first = await conn.query('SELECT Id FROM Contact LIMIT 2001');
    await conn.queryMore(String(first.nextRecordsUrl));
    expect((await rejection(conn.queryMore(String(first.nextRecordsUrl)))).errorCode).to.equal('INVALID_QUERY_LOCATOR');
  });

  it('sends nextRecordsUrl relative to the instance and the exact JSON content type', async () => {
    // jsforce rebuilds nextRecordsUrl from its last segment and hides headers: raw fetch.
    const response = await fetch(`${server.instanceUrl}/services/data/v${API_VERSION}/query?q=${encodeURIComponent('SELECT Id FROM Contact')}`);
    expect(response.headers.get('content-type')).to.equal('application/json;charset=UTF-8');
    const body = (await response.json()) as { nextRecordsUrl?: string };
    expect(body.nextRecordsUrl).to.match(new RegExp(`^/services/data/v${API_VERSION}/query/01g[A-Za-z0-9]{15}-2000$`));
  });

  it('answers a missing q with a MALFORMED_QUERY array', async () => {
    // jsforce never sends an empty q: raw fetch.
    const response = await fetch(`${server.instanceUrl}/services/data/v${API_VERSION}/query?q=`);
    expect(response.status).to.equal(400);
    expect(response.headers.get('content-type')).to.equal('application/json;charset=UTF-8');
    expect(await response.json()).to.deep.equal([{ message: 'A query string has to be specified', errorCode: 'MALFORMED_QUERY' }]);
  });
});
