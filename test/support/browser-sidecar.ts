// The stack the browser tests drive: a sync harness (Magento database, org emulator, sync engine)
// behind the sidecar's HTTP API, whose /admin console is the page under test, and a Magento admin.
import { createAdminUser, type AdminAccount } from '../../devtools/magento-admin.js';
import { createLogger } from '../../sidecar/logger.js';
import { startHttpApi, type RunningHttpApi } from '../../sidecar/http/server.js';
import { useSyncHarness, type SyncHarness } from './sync-harness.js';

export const ADMIN: AdminAccount = { username: 'merchant', password: 'Orange-Fox-42', firstName: 'Mia', lastName: 'Merchant', email: 'mia@example.com' };

export interface ConsoleSidecar {
  harness: SyncHarness;
  /** Where the sidecar listens; the console is at `${url}/admin`. */
  url: string;
}

export function useConsoleSidecar(): () => ConsoleSidecar {
  const harness = useSyncHarness();
  let api: RunningHttpApi | undefined;
  before(async function () {
    this.timeout(60_000);
    const { pool, config, connection, emulator } = harness();
    await createAdminUser(pool, ADMIN);
    api = await startHttpApi(
      { pool, config, connection, engine: harness().engine(), logger: createLogger('silent') },
      // Salesforce ID links open the record on the emulator's own web page.
      { host: '127.0.0.1', port: 0, passwordSignIn: true, sessionMinutes: 30, salesforceRecordUrl: `${emulator.url}/__emulator/records/{id}` },
    );
  });
  after(async () => {
    await api?.stop();
  });
  return () => {
    if (!api) throw new Error('The console sidecar starts in a before() hook');
    return { harness: harness(), url: api.url };
  };
}
