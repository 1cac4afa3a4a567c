// The query and Bulk API 2.0 engines mounted on the org emulator: they sit behind its session
// check and call counting, read and write the same org, and meet its validation and faults.
import { expect } from 'chai';
import jsforce, { type Connection } from 'jsforce';
import { API_VERSION, createMagentoKeyField, rejectionOf, useEmulator } from '../support/emulator-harness.js';

const OPPORTUNITY = { Name: 'Cart', StageName: 'Prospecting', CloseDate: '2026-12-31' };

describe('emulator query and bulk engines', () => {
  const harness = useEmulator();
  let conn: Connection;

  beforeEach(async () => {
    conn = await harness.connect();
  });

  it('answers SOQL over the org with parent fields, behind the session check and counted once', async () => {
    const account = await conn.sobject('Account').create({ Name: 'Parent Co' });
    await conn.sobject('Opportunity').create({ ...OPPORTUNITY, AccountId: account.id as string, Amount: 7 });
    const before = harness.emulator.usage.used;
    const result = await conn.query<{ Name: string; Account: { Name: string } }>('SELECT Name, Account.Name FROM Opportunity WHERE Amount > 5');
    expect(result.records.map((record) => [record.Name, record.Account.Name])).to.deep.equal([['Cart', 'Parent Co']]);
    expect(harness.emulator.usage.used - before).to.equal(1);
    const anonymous = new jsforce.Connection({ instanceUrl: harness.emulator.url, accessToken: 'expired', version: API_VERSION });
    expect((await rejectionOf(anonymous.query('SELECT Id FROM Account'))).errorCode).to.equal('INVALID_SESSION_ID');
  });

  it('runs query subrequests inside Composite', async () => {
    await conn.sobject('Account').create({ Name: 'Queried' });
    const response = await conn.requestPost<{ compositeResponse: Array<{ body: { records: Array<{ Id: string }> }; httpStatusCode: number }> }>('/composite', {
      compositeRequest: [
        { method: 'GET', url: "/services/data/v62.0/query?q=SELECT+Id+FROM+Account+WHERE+Name+=+'Queried'", referenceId: 'found' },
        { method: 'PATCH', url: '/services/data/v62.0/sobjects/Account/@{found.records[0].Id}', referenceId: 'renamed', body: { Name: 'Renamed' } },
      ],
    });
    expect(response.compositeResponse.map((result) => result.httpStatusCode)).to.deep.equal([200, 204]);
    expect((await conn.query("SELECT Id FROM Account WHERE Name = 'Renamed'")).totalSize).to.equal(1);
  });

  it('upserts through Bulk API 2.0 on an external ID with the REST validation', async () => {
    await createMagentoKeyField(conn);
    const input = [
      { ...OPPORTUNITY, Magento_Key__c: 'b1', Amount: 10 },
      { ...OPPORTUNITY, Magento_Key__c: 'b2', Amount: 'not a number' },
      { ...OPPORTUNITY, Magento_Key__c: 'b3', StageName: 'Unknown Stage' },
    ];
    const first = await conn.bulk2.loadAndWaitForResults({ object: 'Opportunity', operation: 'upsert', externalIdFieldName: 'Magento_Key__c', input, pollInterval: 50 });
    expect(first.successfulResults.map((row) => [(row as Record<string, unknown>).Magento_Key__c, row.sf__Created])).to.deep.equal([['b1', 'true']]);
    const errors = first.failedResults.map((row) => String(row.sf__Error));
    expect(errors[0]).to.match(/^INVALID_TYPE_ON_FIELD_IN_RECORD:Amount: value not of required type: not a number/);
    expect(errors[1]).to.match(/^INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:Stage: bad value for restricted picklist field: Unknown Stage/);

    const second = await conn.bulk2.loadAndWaitForResults({
      object: 'Opportunity',
      operation: 'upsert',
      externalIdFieldName: 'Magento_Key__c',
      input: [{ Magento_Key__c: 'B1', Amount: 11 }],
      pollInterval: 50,
    });
    expect(second.successfulResults[0]?.sf__Created).to.equal('false');
    const stored = await conn.query<{ Amount: number }>("SELECT Amount FROM Opportunity WHERE Magento_Key__c = 'b1'");
    expect(stored.records.map((record) => record.Amount)).to.deep.equal([11]);
  });

  it('fails bulk rows with UNABLE_TO_LOCK_ROW when rows are locked', async () => {
    await harness.admin('POST', '/faults', { rowLockRate: 1 });
    const result = await conn.bulk2.loadAndWaitForResults({ object: 'Account', operation: 'insert', input: [{ Name: 'L1' }, { Name: 'L2' }], pollInterval: 50 });
    expect(result.failedResults.map((row) => String(row.sf__Error).split(':')[0])).to.deep.equal(['UNABLE_TO_LOCK_ROW', 'UNABLE_TO_LOCK_ROW']);
  });
});
