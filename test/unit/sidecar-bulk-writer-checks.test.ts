// How often the Bulk API 2.0 writer asks for a job's state: soon for a small job, and no more than
// once every 30 s over a job that runs for minutes.
import { expect } from 'chai';
import type { Connection } from 'jsforce';
import sinon from 'sinon';
import { BulkCsv } from '../../sidecar/salesforce/bulk-csv.js';
import { BulkWriter } from '../../sidecar/salesforce/bulk-writer.js';

/** A connection whose one job reports InProgress until `runsMs` of (fake) time have passed. */
function slowJobConnection(runsMs: number, clock: sinon.SinonFakeTimers) {
  const startedAt = clock.now;
  const check = sinon.stub().callsFake(async () => {
    const done = clock.now - startedAt >= runsMs;
    return { state: done ? 'JobComplete' : 'InProgress', numberRecordsProcessed: done ? 1 : 0, numberRecordsFailed: 0 };
  });
  const job = {
    open: sinon.stub().resolves(),
    uploadData: sinon.stub().resolves(),
    close: sinon.stub().resolves(),
    abort: sinon.stub().resolves(),
    check,
    getSuccessfulResults: sinon.stub().resolves('"sf__Id","sf__Created","Magento_Key__c"\n"001000000000001AAA","true","k1"\n'),
    getFailedResults: sinon.stub().resolves(''),
  };
  return { connection: { bulk2: { createJob: () => job } } as unknown as Connection, check };
}

describe('sidecar Bulk API 2.0 writer: status checks', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({ now: 1_000_000, toFake: ['setTimeout', 'clearTimeout', 'Date'] })));
  afterEach(() => clock.restore());

  async function runJob(runsMs: number): Promise<{ checks: number; waitedMs: number }> {
    const { connection, check } = slowJobConnection(runsMs, clock);
    const csv = new BulkCsv();
    csv.add({ Magento_Key__c: 'k1', Name: 'One' });
    const started = clock.now;
    const done = new BulkWriter(connection).upsert('Account', csv);
    let settled = false;
    done.then(() => (settled = true), () => (settled = true));
    while (!settled) await clock.tickAsync(250);
    const results = await done;
    expect(results.get('k1')?.id).to.equal('001000000000001AAA');
    return { checks: check.callCount, waitedMs: clock.now - started };
  }

  it('finds a job that is done at once with its first check, a quarter second in', async () => {
    expect(await runJob(0)).to.deep.equal({ checks: 1, waitedMs: 250 });
  });

  it('checks a five-minute job 16 times, not 60, and notices the end within 30 s', async () => {
    const { checks, waitedMs } = await runJob(5 * 60_000);
    // doubling from 0.25 s: 7 checks in the first 32 s, then one every 30 s
    expect(checks).to.equal(16);
    expect(waitedMs - 5 * 60_000).to.be.at.most(30_000);
  });
});
