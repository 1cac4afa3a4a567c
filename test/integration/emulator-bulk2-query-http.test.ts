// Bulk API 2.0 query jobs on a started emulator: jsforce's bulk2.query end to end, result pages
// over HTTP, the job list, abort and delete, and calls counted and faulted like any other.
import { expect } from 'chai';
import type { Connection } from 'jsforce';
import { API_VERSION, createMagentoKeyField, rejectionOf, useEmulator } from '../support/emulator-harness.js';

interface JobInfo {
  id: string;
  state: string;
  object: string;
  operation: string;
  numberRecordsProcessed?: number;
  jobType?: string;
}

const POLL = { pollInterval: 10, pollTimeout: 10_000 };

describe('emulator Bulk API 2.0 query jobs over HTTP', () => {
  const harness = useEmulator();
  let conn: Connection;

  beforeEach(async () => {
    conn = await harness.connect();
  });

  async function bulkQuery(soql: string, options: { scanAll?: boolean } = {}): Promise<Array<Record<string, unknown>>> {
    const stream = await conn.bulk2.query(soql, { ...POLL, ...options });
    const records: Array<Record<string, unknown>> = [];
    await new Promise((resolve, reject) => {
      stream.on('record', (record: Record<string, unknown>) => records.push(record));
      stream.on('end', resolve);
      stream.on('error', reject);
    });
    return records;
  }

  async function seedContacts(count: number): Promise<string> {
    const account = await conn.sobject('Account').create({ Name: 'Acme, "Ltd"' });
    const contacts = Array.from({ length: count }, (_, index) => ({ LastName: `Contact ${String(index).padStart(3, '0')}`, AccountId: index % 2 === 0 ? account.id : null }));
    for (let start = 0; start < contacts.length; start += 200) await conn.sobject('Contact').create(contacts.slice(start, start + 200));
    return String(account.id);
  }

  function jobsUrl(path = ''): string {
    return `${conn.instanceUrl}/services/data/v${API_VERSION}/jobs/query${path}`;
  }

  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(jobsUrl(path), {
      method,
      headers: { Authorization: `Bearer ${conn.accessToken}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function completedJob(soql: string): Promise<JobInfo> {
    const created = (await (await call('POST', '', { operation: 'query', query: soql })).json()) as JobInfo;
    for (;;) {
      const info = (await (await call('GET', `/${created.id}`)).json()) as JobInfo;
      if (info.state === 'JobComplete') return info;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('answers jsforce bulk2.query with every record, parent fields by path and nulls as empty values', async () => {
    await seedContacts(7);
    const records = await bulkQuery('SELECT Id, LastName, Account.Name, Email FROM Contact ORDER BY LastName');
    expect(records).to.have.length(7);
    expect(records[0]).to.include({ LastName: 'Contact 000', 'Account.Name': 'Acme, "Ltd"', Email: '' });
    expect(records[1]).to.include({ LastName: 'Contact 001', 'Account.Name': '', Email: '' });
    expect(String(records[0]?.Id)).to.match(/^003[A-Za-z0-9]{15}$/);
    expect(Object.keys(records[0] ?? {})).to.deep.equal(['Id', 'LastName', 'Account.Name', 'Email']);
  });

  it('runs queryAll through jsforce scanAll and reads custom fields', async () => {
    await createMagentoKeyField(conn, 'Contact');
    const kept = await conn.sobject('Contact').create({ LastName: 'Kept', Magento_Key__c: 'test:customer:1' });
    const gone = await conn.sobject('Contact').create({ LastName: 'Gone', Magento_Key__c: 'test:customer:2' });
    await conn.sobject('Contact').destroy(String(gone.id));
    expect((await bulkQuery('SELECT Magento_Key__c FROM Contact')).map((record) => record.Magento_Key__c)).to.deep.equal(['test:customer:1']);
    const all = await bulkQuery('SELECT Id, IsDeleted FROM Contact ORDER BY LastName', { scanAll: true });
    expect(all).to.deep.equal([
      { Id: gone.id, IsDeleted: 'true' },
      { Id: kept.id, IsDeleted: 'false' },
    ]);
  });

  it('refuses an invalid query when the job is created, with its SOQL error code', async () => {
    const unknownField = await rejectionOf(conn.bulk2.query('SELECT Nickname__c FROM Contact', POLL));
    expect(unknownField.errorCode).to.equal('INVALID_FIELD');
    expect(unknownField.message).to.include("No such column 'Nickname__c' on entity 'Contact'");
    expect((await rejectionOf(conn.bulk2.query('SELECT Id FROM Contact WHERE', POLL))).errorCode).to.equal('MALFORMED_QUERY');
    const response = await call('POST', '', { operation: 'query', query: 'SELECT Id FROM Contact WHERE LastName = ' });
    expect(response.status).to.equal(400);
    expect(response.headers.get('content-type')).to.equal('application/json;charset=UTF-8');
    expect(((await response.json()) as Array<{ errorCode: string }>)[0]?.errorCode).to.equal('MALFORMED_QUERY');
  });

  it('pages results by maxRecords with Sforce-Locator and Sforce-NumberOfRecords, "null" after the last page', async () => {
    await seedContacts(25);
    const job = await completedJob('SELECT LastName FROM Contact ORDER BY LastName');
    expect(job).to.include({ numberRecordsProcessed: 25, object: 'Contact', operation: 'query', jobType: 'V2Query' });
    const names: string[] = [];
    const locators: string[] = [];
    let locator: string | undefined;
    do {
      const response = await call('GET', `/${job.id}/results?maxRecords=10${locator ? `&locator=${locator}` : ''}`);
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.match(/^text\/csv/);
      const [header, ...rows] = (await response.text()).trim().split('\n');
      expect(header).to.equal('"LastName"');
      expect(response.headers.get('sforce-numberofrecords')).to.equal(String(rows.length));
      names.push(...rows.map((row) => row.replace(/"/g, '')));
      locator = response.headers.get('sforce-locator') ?? undefined;
      locators.push(String(locator));
    } while (locator !== 'null');
    expect(locators).to.have.length(3);
    expect(locators[2]).to.equal('null');
    expect(names).to.deep.equal(Array.from({ length: 25 }, (_, index) => `Contact ${String(index).padStart(3, '0')}`));
    const again = await call('GET', `/${job.id}/results?locator=${locators[0]}&maxRecords=3`);
    expect((await again.text()).split('\n')[1]).to.equal('"Contact 010"');
    expect((await call('GET', `/${job.id}/results?locator=bm9wZQ`)).status).to.equal(400);
  });

  it('lists and deletes jobs; a finished job cannot be aborted', async () => {
    const job = await completedJob('SELECT Id FROM Account');
    const aborted = await call('PATCH', `/${job.id}`, { state: 'Aborted' });
    expect(aborted.status).to.equal(400);
    expect(((await aborted.json()) as Array<{ errorCode: string }>)[0]?.errorCode).to.equal('INVALIDJOBSTATE');
    const listed = (await (await call('GET', '')).json()) as { done: boolean; records: JobInfo[] };
    expect(listed.done).to.equal(true);
    expect(listed.records.find((entry) => entry.id === job.id)).to.include({ state: 'JobComplete', jobType: 'V2Query', object: 'Account' });
    expect((await call('DELETE', `/${job.id}`)).status).to.equal(204);
    expect((await call('GET', `/${job.id}`)).status).to.equal(404);
    expect((await call('GET', `/${job.id}/results`)).status).to.equal(404);
  });

  it('counts every call against the API allocation and fails them like other calls', async () => {
    await harness.admin('POST', '/reset');
    conn = await harness.connect();
    await bulkQuery('SELECT Id FROM Account');
    const calls = (await (await harness.admin('GET', '/calls')).json()) as { byEndpoint: Record<string, number> };
    expect(calls.byEndpoint).to.include({ 'POST /jobs/query': 1, 'GET /jobs/query/:id/results': 1 });
    expect(calls.byEndpoint['GET /jobs/query/:id']).to.be.at.least(1);

    await harness.admin('POST', '/faults', { failureRate: 1, failureKinds: ['503'] });
    const refused = await call('POST', '', { operation: 'query', query: 'SELECT Id FROM Account' });
    expect(refused.status).to.equal(503);
  });
});
