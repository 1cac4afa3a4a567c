// A sidecar killed with SIGKILL at random moments of a large sync and started again, several
// times: in the end every record is in the org once, with the values a clean sync gives it.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { expect } from 'chai';
import { Random } from '../../sample-store/generator/random.js';
import { readOrgContents, expectSameAsReference, type OrgContents } from '../support/reliability-org.js';
import { referenceSync } from '../support/reliability-reference.js';
import { fillReliabilityStore, queueDepth, queueWholeStore } from '../support/reliability-store.js';
import { useSyncHarness } from '../support/sync-harness.js';

const SIDECAR = new URL('../support/reliability-sidecar.ts', import.meta.url).pathname;
/** About 10,000 queued records, as in the issue: customers, open and converted carts, orders. */
const ORDERS = 3900;
const EXPECTED_RECORDS = 9500;
const KILLS = 5;
const LEASE_SECONDS = 3;
/** Each restart alternates the path: Bulk API 2.0 jobs, then Collections batches. */
const BULK_THRESHOLDS = ['2000', '1000000'];

describe('reliability: sidecar killed with SIGKILL mid-sync and restarted', function () {
  this.timeout(300_000);
  const sidecar = useSyncHarness({ dailyApiLimit: 10_000_000 });
  let reference: OrgContents;
  let queued = 0;

  before(async function () {
    this.timeout(180_000);
    const { pool, databaseUrl } = sidecar();
    await fillReliabilityStore(pool, databaseUrl, ORDERS);
    reference = (await referenceSync(databaseUrl, pool)).org;
    queued = await queueWholeStore(pool);
  });

  function startSidecar(bulkThreshold: string): { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null> } {
    const child = spawn(process.execPath, ['--import', 'tsx', SIDECAR, String(LEASE_SECONDS)], {
      env: { ...sidecar().sidecarEnv(), FORCEBRIDGE_BULK_THRESHOLD: bulkThreshold },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = once(child, 'exit').then(([code]) => code as number | null);
    const ready = new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => line === 'ready' && resolve());
      void exited.then((code) => reject(new Error(`the sidecar exited (${code}) before it was ready`)));
    });
    return { child, ready, exited };
  }

  it(`ends with every record once and right after ${KILLS} kills at random points`, async () => {
    expect(queued).to.be.greaterThan(EXPECTED_RECORDS);
    const random = new Random(20_260_611);
    for (let kill = 0; kill < KILLS; kill++) {
      const running = startSidecar(BULK_THRESHOLDS[kill % BULK_THRESHOLDS.length]!);
      await running.ready;
      await new Promise((resolve) => setTimeout(resolve, 300 + random.next() * 2500));
      running.child.kill('SIGKILL');
      expect(await running.exited, 'killed, not finished').to.equal(null);
    }
    const depthBeforeLastRun = await queueDepth(sidecar().pool);
    expect(depthBeforeLastRun, 'the kills interrupted work in progress').to.be.greaterThan(0);
    const last = startSidecar(BULK_THRESHOLDS[0]!);
    expect(await last.exited).to.equal(0);
    expect(await queueDepth(sidecar().pool)).to.equal(0);
    expectSameAsReference(await readOrgContents(sidecar().connection), reference);
  });
});
