// MariaDB dies in the middle of a pass (SIGKILL), stays unreachable for a tick, then comes back on
// the same port with the same data: the service logs the failed ticks, keeps its queue, reconnects
// on its own and finishes the sync as if nothing had happened, without waiting for the leases of
// the batch it was sending to expire (10 minutes).
import { expect } from 'chai';
import type { Connection } from 'jsforce';
import { startPrivateMariaDb, type PrivateMariaDb } from '../../devtools/mariadb.js';
import { EMULATOR_DEFAULTS, startEmulator, type RunningEmulator } from '../../emulator/server.js';
import { createStoreDatabase } from '../../sample-store/store-database.js';
import { migrate } from '../../sidecar/db/migrations.js';
import { createDatabasePool, type DatabasePool } from '../../sidecar/db/pool.js';
import { createLogger } from '../../sidecar/logger.js';
import { MagentoConfig } from '../../sidecar/magento/config.js';
import { setupOrg } from '../../sidecar/salesforce/org-setup.js';
import { openSession } from '../../sidecar/salesforce/session.js';
import { AutoSync } from '../../sidecar/service/auto-sync.js';
import { SyncEngine } from '../../sidecar/sync/sync-engine.js';
import { expectSameAsReference, readOrgContents } from '../support/reliability-org.js';
import { referenceSync, type ReferenceSync } from '../support/reliability-reference.js';
import { fillReliabilityStore, queueDepth, queueWholeStore } from '../support/reliability-store.js';
import { API_VERSION, INSTANCE } from '../support/sync-harness.js';

const ORDERS = 200;

describe('reliability: MariaDB restarted mid-run', function () {
  this.timeout(120_000);
  let server: PrivateMariaDb;
  let pool: DatabasePool;
  let emulator: RunningEmulator;
  let connection: Connection;
  let reference: ReferenceSync;

  before(async function () {
    this.timeout(120_000);
    server = await startPrivateMariaDb();
    const databaseUrl = await createStoreDatabase(server.url, 'forcebridge_restart');
    pool = createDatabasePool(databaseUrl);
    await migrate(pool);
    await fillReliabilityStore(pool, databaseUrl, ORDERS);
    reference = await referenceSync(databaseUrl, pool);
    // Some latency, so the pass is still running when the database goes away.
    emulator = await startEmulator({ faults: { latencyMs: 20 } });
    connection = await openSession({
      loginUrl: emulator.url,
      apiVersion: API_VERSION,
      auth: { kind: 'client_credentials', clientId: EMULATOR_DEFAULTS.clientId, clientSecret: EMULATOR_DEFAULTS.clientSecret },
    });
    await setupOrg(connection);
  });

  after(async () => {
    await pool?.end();
    await emulator?.stop();
    await server?.stop();
  });

  it('logs the failed ticks, keeps the queue, reconnects and finishes with nothing lost or doubled', async () => {
    await queueWholeStore(pool);
    const logged: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void logged.push(line) });
    let halted: Promise<void> | undefined;
    const engine = new SyncEngine({
      pool,
      config: new MagentoConfig(pool, 0),
      connection,
      instance: INSTANCE,
      bulkThreshold: 1_000_000,
      onProgress: () => (halted ??= server.halt('SIGKILL')),
    });
    const service = new AutoSync({ pool, config: new MagentoConfig(pool, 0), engine, connection, logger }, { intervalSeconds: 5 });
    const failedTicks = () => logged.filter((line) => line.includes('automatic sync pass failed')).length;

    await service.tick();
    await halted;
    expect(failedTicks(), 'the tick the database died in').to.equal(1);
    const unreachableTick = Date.now();
    await service.tick();
    expect(failedTicks(), 'a tick while the database is down').to.equal(2);
    expect(Date.now() - unreachableTick, 'fails fast rather than hanging').to.be.lessThan(5_000);

    await server.resume();
    const deadline = Date.now() + 30_000;
    while ((await queueDepth(pool)) > 0 && Date.now() < deadline) {
      await service.tick();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await queueDepth(pool)).to.equal(0);
    expect(failedTicks(), 'no failure once the database is back').to.equal(2);
    expectSameAsReference(await readOrgContents(connection), reference.org);
  });
});
