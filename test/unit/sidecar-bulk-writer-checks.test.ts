// How often the Bulk API 2.0 writer asks for a job's state: soon for a small job, no more than once
// every 30 s over a job that runs for minutes, and about when a job should be done once an earlier
// job of the object, or the job's own progress, tells how fast the org goes.
import { expect } from 'chai';
import type { Connection } from 'jsforce';
import sinon from 'sinon';
import { BulkCsv } from '../../sidecar/salesforce/bulk-csv.js';
import { BulkPace } from '../../sidecar/salesforce/bulk-pace.js';
import { BulkWriter } from '../../sidecar/salesforce/bulk-writer.js';

interface FakeJob {
  /** Milliseconds of (fake) time the job runs from its close. */
  runsMs: number;
  rows: number;
  /** Whether numberRecordsProcessed and totalProcessingTime grow while it runs, as Salesforce's do. */
  reportsProgress: boolean;
}

/** A connection whose one job reports InProgress until `runsMs` of (fake) time have passed. */
function fakeJobConnection(fake: FakeJob, clock: sinon.SinonFakeTimers) {
  let closedAt = 0;
  const check = sinon.stub().callsFake(async () => {
    const spent = clock.now - closedAt;
    if (spent >= fake.runsMs) return { state: 'JobComplete', numberRecordsProcessed: fake.rows, numberRecordsFailed: 0, totalProcessingTime: fake.runsMs };
    const processed = fake.reportsProgress ? Math.floor((fake.rows * spent) / fake.runsMs) : 0;
    return { state: 'InProgress', numberRecordsProcessed: processed, numberRecordsFailed: 0, totalProcessingTime: fake.reportsProgress ? spent : 0 };
  });
  const results = ['"sf__Id","sf__Created","Magento_Key__c"', ...Array.from({ length: fake.rows }, (_, i) => `"001000000000${String(i).padStart(3, '0')}AAA","true","k${i}"`)];
  const job = {
    open: sinon.stub().resolves(),
    uploadData: sinon.stub().resolves(),
    close: sinon.stub().callsFake(async () => void (closedAt = clock.now)),
    abort: sinon.stub().resolves(),
    check,
    getSuccessfulResults: sinon.stub().resolves(`${results.join('\n')}\n`),
    getFailedResults: sinon.stub().resolves(''),
  };
  return { connection: { bulk2: { createJob: () => job } } as unknown as Connection, check };
}

describe('sidecar Bulk API 2.0 writer: status checks', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({ now: 1_000_000, toFake: ['setTimeout', 'clearTimeout', 'Date'] })));
  afterEach(() => clock.restore());

  async function runJob(job: Partial<FakeJob> & { runsMs: number }, pace = new BulkPace()): Promise<{ checks: number; waitedMs: number }> {
    const fake: FakeJob = { rows: 1, reportsProgress: false, ...job };
    const { connection, check } = fakeJobConnection(fake, clock);
    const csv = new BulkCsv();
    for (let i = 0; i < fake.rows; i++) csv.add({ Magento_Key__c: `k${i}`, Name: `Row ${i}` });
    const started = clock.now;
    const done = new BulkWriter(connection, { pace }).upsert('Account', csv);
    let settled = false;
    done.then(() => (settled = true), () => (settled = true));
    while (!settled) await clock.tickAsync(50);
    const results = await done;
    expect(results.size).to.equal(fake.rows);
    expect(results.get('k0')?.error).to.equal(null);
    return { checks: check.callCount, waitedMs: clock.now - started };
  }

  it('finds a job that is done at once with its first check, a quarter second in', async () => {
    expect(await runJob({ runsMs: 0 })).to.deep.equal({ checks: 1, waitedMs: 250 });
  });

  it('checks a five-minute job 16 times, not 60, and notices the end within 30 s', async () => {
    const { checks, waitedMs } = await runJob({ runsMs: 5 * 60_000 });
    // doubling from 0.25 s: 7 checks in the first 32 s, then one every 30 s
    expect(checks).to.equal(16);
    expect(waitedMs - 5 * 60_000).to.be.at.most(30_000);
  });

  it('checks a job once, about when it is done, after a job of the object showed how fast the org goes', async () => {
    const pace = new BulkPace();
    // the first job has nothing to go by: checks at 0.25, 0.75, 1.75, 3.75, 7.75 and 15.75 s
    expect((await runJob({ runsMs: 8000, rows: 400 }, pace)).checks).to.equal(6);
    const next = await runJob({ runsMs: 4000, rows: 200 }, pace);
    expect(next.checks).to.equal(1);
    expect(next.waitedMs).to.be.within(4000, 4000 * 1.05 + 50);
  });

  it('times its next check by a running job\'s progress', async () => {
    const { checks, waitedMs } = await runJob({ runsMs: 20_000, rows: 1000, reportsProgress: true });
    // a quarter second in, 12 of 1,000 rows are done: the next check comes when all should be,
    // a little late (5 % margin, and 12 rows in 250 ms is a slightly slow reading)
    expect(checks).to.equal(2);
    expect(waitedMs).to.be.within(20_000, 22_000);
  });

  it('follows a job slower than the last one to its end, checks spaced out again', async () => {
    const pace = new BulkPace();
    await runJob({ runsMs: 2000, rows: 100 }, pace);
    const slower = await runJob({ runsMs: 60_000, rows: 100 }, pace);
    // expected at 2.1 s, then 0.5, 1, 2, 4, 8, 16, 30 s apart
    expect(slower.checks).to.equal(8);
    expect(slower.waitedMs - 60_000).to.be.at.most(30_000);
  });
});
