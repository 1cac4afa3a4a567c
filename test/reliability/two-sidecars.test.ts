// Two sidecars on one store at once, each with its own database pool, Salesforce session and lease
// owner, working the same queue in small leases: every record is pushed by exactly one of them,
// none is skipped, and a cart and its order taken by different sidecars still get one contact role.
import { expect } from 'chai';
import type mysql from 'mysql2/promise';
import { EMULATOR_DEFAULTS } from '../../emulator/server.js';
import { createDatabasePool, type DatabasePool } from '../../sidecar/db/pool.js';
import { MagentoConfig } from '../../sidecar/magento/config.js';
import { openSession } from '../../sidecar/salesforce/session.js';
import { SyncEngine } from '../../sidecar/sync/sync-engine.js';
import { expectSameAsReference, readOrgContents } from '../support/reliability-org.js';
import { referenceSync, type ReferenceSync } from '../support/reliability-reference.js';
import { fillReliabilityStore, queueDepth, queueWholeStore } from '../support/reliability-store.js';
import { API_VERSION, INSTANCE, useSyncHarness } from '../support/sync-harness.js';

const ORDERS = 400;
/**
 * A sidecar leases max(bulk batch size, bulk threshold) entries at a time (20,000 by default); small
 * leases (a dozen rounds on this store) make the two interleave however busy the machine is. Full
 * leases go through Bulk API 2.0, the last, partial ones through Collections.
 */
const LEASE_SIZE = 60;

describe('reliability: two sidecars on one store at once', function () {
  this.timeout(120_000);
  const sidecar = useSyncHarness({ faults: { latencyMs: 15 } });
  let reference: ReferenceSync;
  const pools: DatabasePool[] = [];

  before(async function () {
    this.timeout(120_000);
    const { pool, databaseUrl } = sidecar();
    await fillReliabilityStore(pool, databaseUrl, ORDERS);
    reference = await referenceSync(databaseUrl, pool);
  });

  after(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
  });

  async function separateSidecar(onProgress?: () => void): Promise<SyncEngine> {
    const pool = createDatabasePool(sidecar().databaseUrl);
    pools.push(pool);
    const connection = await openSession({
      loginUrl: sidecar().emulator.url,
      apiVersion: API_VERSION,
      auth: { kind: 'client_credentials', clientId: EMULATOR_DEFAULTS.clientId, clientSecret: EMULATOR_DEFAULTS.clientSecret },
    });
    return new SyncEngine({ pool, config: new MagentoConfig(pool, 0), connection, instance: INSTANCE, bulkThreshold: LEASE_SIZE, bulkBatchSize: LEASE_SIZE, onProgress });
  }

  it('pushes each record from one sidecar only, skips none, and doubles no contact role', async () => {
    const { pool } = sidecar();
    const queued = await queueWholeStore(pool);
    // The second starts when the first has finished one batch, so both are sure to work side by
    // side on the rest (started at the same instant, a busy machine could let one take it all).
    let started: () => void = () => {};
    const firstBatchDone = new Promise<void>((resolve) => (started = resolve));
    const [first, second] = [await separateSidecar(() => started()), await separateSidecar()];
    expect(first.leaseOwner).to.not.equal(second.leaseOwner);
    const passes = await Promise.all([first.runPass('all', 'auto'), firstBatchDone.then(() => second.runPass('all', 'auto'))]);
    expect(passes.map((pass) => pass.records > 0), 'both sidecars took part').to.deep.equal([true, true]);
    expect(passes[0].records + passes[1].records, 'no entry leased twice').to.equal(queued);
    expect(await queueDepth(pool)).to.equal(0);

    const [events] = await pool.query<mysql.RowDataPacket[]>(
      `SELECT entity_type, entity_id, COUNT(*) AS pushes, COUNT(DISTINCT run_id) AS sidecars
         FROM forcebridge_sync_event WHERE run_id IN (?) GROUP BY entity_type, entity_id`,
      [passes.map((pass) => pass.runId)],
    );
    expect(events.length, 'every queued record was handled').to.equal(queued);
    expect(events.filter((row) => Number(row.pushes) !== 1 || Number(row.sidecars) !== 1)).to.deep.equal([]);
    expectSameAsReference(await readOrgContents(sidecar().connection), reference.org);
  });
});
