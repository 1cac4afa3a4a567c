// The reference for the reliability suite: the same store synced once, cleanly (no faults, one
// sidecar, no interruptions) into an org of its own. A troubled sync must end with the same org.
import type mysql from 'mysql2/promise';
import { EMULATOR_DEFAULTS, startEmulator } from '../../emulator/server.js';
import { createDatabasePool } from '../../sidecar/db/pool.js';
import { MagentoConfig } from '../../sidecar/magento/config.js';
import { setupOrg } from '../../sidecar/salesforce/org-setup.js';
import { openSession } from '../../sidecar/salesforce/session.js';
import { SyncEngine } from '../../sidecar/sync/sync-engine.js';
import { readOrgContents, type OrgContents } from './reliability-org.js';
import { forgetSidecarState, queueDepth, queueWholeStore } from './reliability-store.js';
import { API_VERSION, INSTANCE } from './sync-harness.js';

export interface ReferenceSync {
  org: OrgContents;
  /** API calls the clean sync needed: more in a troubled sync are its retries. */
  apiCalls: number;
}

/** Syncs the whole store cleanly into a private org, reads it, then forgets that sync. */
export async function referenceSync(databaseUrl: string, pool: mysql.Pool): Promise<ReferenceSync> {
  const emulator = await startEmulator({ dailyApiLimit: 10_000_000 });
  const ownPool = createDatabasePool(databaseUrl);
  try {
    const connection = await openSession({
      loginUrl: emulator.url,
      apiVersion: API_VERSION,
      auth: { kind: 'client_credentials', clientId: EMULATOR_DEFAULTS.clientId, clientSecret: EMULATOR_DEFAULTS.clientSecret },
    });
    await setupOrg(connection);
    const engine = new SyncEngine({ pool: ownPool, config: new MagentoConfig(ownPool, 0), connection, instance: INSTANCE, bulkThreshold: 1_000_000 });
    await queueWholeStore(pool);
    const pass = await engine.runPass('all', 'backfill');
    if ((await queueDepth(pool)) > 0) throw new Error('The reference sync left records queued: the store has records that cannot sync');
    return { org: await readOrgContents(connection), apiCalls: pass.apiCalls };
  } finally {
    await ownPool.end();
    await emulator.stop();
    await forgetSidecarState(pool);
  }
}
