// A sync through a hostile org: a fifth of the calls fail (500, 503, dropped connections), rows
// are locked now and then, the session expires mid-run, and the daily API limit runs out and comes
// back. The sync converges to what a clean sync gives, and the run log says what happened.
import { expect } from 'chai';
import { statusReport } from '../../sidecar/cli/status.js';
import type { DatabasePool } from '../../sidecar/db/pool.js';
import { readOrgContents, expectSameAsReference } from '../support/reliability-org.js';
import { referenceSync, type ReferenceSync } from '../support/reliability-reference.js';
import { fillReliabilityStore, queueDepth, queueWholeStore } from '../support/reliability-store.js';
import { useSyncHarness } from '../support/sync-harness.js';

/** About 1,000 records: enough for dozens of Collections calls, so every fault lands somewhere. */
const ORDERS = 400;
const DAILY_LIMIT = 1_000_000;

interface RunRow {
  records: number;
  failed: number;
  api_calls: number;
  note: string | null;
}

async function runs(pool: DatabasePool): Promise<RunRow[]> {
  const [rows] = await pool.query('SELECT records, failed, api_calls, note FROM forcebridge_run ORDER BY run_id');
  return rows as RunRow[];
}

describe('reliability: faults in Salesforce (5xx, dropped connections, locked rows, expired session, spent API limit)', function () {
  this.timeout(120_000);
  const sidecar = useSyncHarness({ dailyApiLimit: DAILY_LIMIT });
  let reference: ReferenceSync;

  before(async function () {
    this.timeout(120_000);
    const { pool, databaseUrl } = sidecar();
    await fillReliabilityStore(pool, databaseUrl, ORDERS);
    reference = await referenceSync(databaseUrl, pool);
  });

  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sidecar().emulator.url}/__emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.ok, `${method} ${path}`).to.equal(true);
  };

  it('converges with nothing lost or duplicated, and the run log shows the pause and the extra calls', async () => {
    const { pool } = sidecar();
    await queueWholeStore(pool);
    await admin('POST', '/faults', { seed: 7, failureRate: 0.2, failureKinds: ['500', '503', 'drop', 'lost'], rowLockRate: 0.05 });
    // Faults strike at fixed points of the run: after the 2nd batch the session expires, after the 4th the limit is spent.
    let batches = 0;
    const strikes: Promise<void>[] = [];
    const engine = sidecar().engine({
      bulkThreshold: 1_000_000,
      onProgress: () => {
        batches++;
        if (batches === 2) strikes.push(admin('POST', '/sessions/expire'));
        if (batches === 4) strikes.push(admin('PATCH', '/settings', { apiUsage: DAILY_LIMIT }));
      },
    });

    const tokenBefore = sidecar().connection.accessToken;
    const paused = await engine.runPass('all', 'auto');
    await Promise.all(strikes);
    expect(paused.pausedForLimit).to.equal(true);
    expect(sidecar().connection.accessToken, 'a new session after the old one expired').to.not.equal(tokenBefore);
    expect(await queueDepth(pool), 'the rest waits in the queue').to.be.greaterThan(0);
    const whilePaused = await statusReport(pool, { used: DAILY_LIMIT, limit: DAILY_LIMIT });
    expect(whilePaused.join('\n')).to.match(/Paused: the Salesforce daily API request limit is spent/);

    await admin('PATCH', '/settings', { apiUsage: 0 });
    const resumed = await engine.runPass('all', 'auto');
    expect(resumed.pausedForLimit).to.equal(false);
    expect(await queueDepth(pool), 'nothing left behind').to.equal(0);

    expectSameAsReference(await readOrgContents(sidecar().connection), reference.org);
    const log = await runs(pool);
    expect(log.map((run) => run.note === null)).to.deep.equal([false, true]);
    const calls = log.reduce((sum, run) => sum + run.api_calls, 0);
    expect(calls, 'retries show as API calls beyond what the clean sync needed').to.be.greaterThan(reference.apiCalls);
  });
});
