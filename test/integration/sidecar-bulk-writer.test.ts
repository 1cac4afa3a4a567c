// The Bulk API 2.0 writer against the emulator: what a job costs in API calls, how refused rows
// and refused jobs come back, and that transient failures end with every record once.
import { expect } from 'chai';
import type { Connection } from 'jsforce';
import type { SalesforcePayload } from '../../sidecar/mapping/people.js';
import { BulkCsv } from '../../sidecar/salesforce/bulk-csv.js';
import { BulkJobError, BulkWriter } from '../../sidecar/salesforce/bulk-writer.js';
import { setupOrg } from '../../sidecar/salesforce/org-setup.js';
import type { RetryPolicy } from '../../sidecar/salesforce/retry.js';
import type { RowResult, UpsertedObject } from '../../sidecar/salesforce/upsert-writer.js';
import { useEmulator } from '../support/emulator-harness.js';

const FAST_RETRY: RetryPolicy = { attempts: 12, baseDelayMs: 1, maxDelayMs: 5 };

function accounts(count: number, prefix = 'acct'): SalesforcePayload[] {
  return Array.from({ length: count }, (_, i) => ({ Magento_Key__c: `${prefix}:${i}`, Name: `Account ${i} – Ünïcødé 🚀` }));
}

/** One job for `object`: the writer's results as a list. */
async function upsert(writer: BulkWriter, object: UpsertedObject, payloads: SalesforcePayload[]): Promise<RowResult[]> {
  const csv = new BulkCsv();
  for (const payload of payloads) csv.add(payload);
  return [...(await writer.upsert(object, csv)).values()];
}

describe('sidecar Bulk API 2.0 writer', function () {
  this.timeout(30_000);
  const harness = useEmulator({ dailyApiLimit: 1_000_000 });
  let connection: Connection;

  beforeEach(async () => {
    connection = await harness.connect();
    await setupOrg(connection);
  });

  async function usedCalls(): Promise<number> {
    return harness.emulator.usage.used;
  }

  it('costs open, upload, close, status checks and one results download per object when nothing fails', async () => {
    let counted = 0;
    const writer = new BulkWriter(connection, { onApiCall: () => counted++ });
    const before = await usedCalls();
    const results = [
      ...(await upsert(writer, 'Account', accounts(300))),
      ...(await upsert(writer, 'Contact', accounts(300).map((a, i) => ({ Magento_Key__c: `contact:${i}`, LastName: `Last ${i}`, Account: { Magento_Key__c: String(a.Magento_Key__c) } })))),
    ];
    expect(results).to.have.length(600);
    expect(results.every((r) => r.error === null && r.id !== null && r.created)).to.equal(true);
    const used = (await usedCalls()) - before;
    expect(counted).to.equal(used);
    // per job: open, upload, close, at least one status check, the successful results; no failed-results download
    expect(used).to.be.within(2 * 5, 2 * 8);
    const calls = JSON.stringify(await (await harness.admin('GET', '/calls')).json());
    expect(calls).to.match(/successfulResults/);
    expect(calls).to.not.match(/failedResults|unprocessedrecords/);
  });

  it('reports each refused row with Salesforce code and sends the rest', async () => {
    const rows: SalesforcePayload[] = [...accounts(3), { Magento_Key__c: 'acct:nameless', Name: null }];
    const results = await upsert(new BulkWriter(connection), 'Account', rows);
    const refused = results.find((r) => r.key === 'acct:nameless');
    expect(refused?.error?.code).to.equal('REQUIRED_FIELD_MISSING');
    expect(results.filter((r) => r.error === null)).to.have.length(3);
  });

  it('raises BulkJobError when Salesforce refuses the whole job', async () => {
    const rows: SalesforcePayload[] = [{ Magento_Key__c: 'acct:1', Name: 'One', No_Such_Field__c: 'x' }];
    const error = await upsert(new BulkWriter(connection), 'Account', rows).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(BulkJobError);
    expect((error as Error).message).to.match(/Account failed: .*No_Such_Field__c/);
  });

  it('ends with every record once through dropped connections, lost answers and server errors', async () => {
    // with this seed a 5xx answers an upload, which jsforce would resend with its already-read stream (an empty job)
    await harness.admin('POST', '/faults', { seed: 1, failureRate: 0.3, failureKinds: ['500', '503', 'drop', 'lost'] });
    const results = await upsert(new BulkWriter(connection, { retry: FAST_RETRY }), 'Account', accounts(250));
    await harness.admin('DELETE', '/faults');
    expect(results.filter((r) => r.error === null)).to.have.length(250);
    const found = await connection.query<{ Magento_Key__c: string }>("SELECT Magento_Key__c FROM Account WHERE Magento_Key__c LIKE 'acct:%'");
    expect(found.totalSize).to.equal(250);
    expect(new Set(found.records.map((r) => r.Magento_Key__c)).size).to.equal(250);
  });
});
