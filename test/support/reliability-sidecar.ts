// A sidecar process for the crash tests: the runtime `forcebridge` opens (settings from the
// environment), working the queue pass after pass until it is empty. The only difference from
// `forcebridge backfill` is the lease length (argv[2], seconds): a killed process's leases block
// its records until they expire, 10 minutes by default, too long for a test.
import { createLogger } from '../../sidecar/logger.js';
import { openRuntime } from '../../sidecar/runtime.js';
import { loadSettings } from '../../sidecar/settings.js';
import { SyncEngine } from '../../sidecar/sync/sync-engine.js';
import { queueDepth } from './reliability-store.js';

const leaseSeconds = Number(process.argv[2]);
const settings = loadSettings();
const runtime = await openRuntime(settings, createLogger('silent'));
const engine = new SyncEngine({
  pool: runtime.pool,
  config: runtime.config,
  connection: runtime.connection,
  instance: settings.instance,
  bulkThreshold: settings.bulkThreshold,
  leaseSeconds,
  onProgress: (summary) => console.log(`progress ${summary.records}`),
});
console.log('ready');
// Entries a killed predecessor still holds come back once their lease expires.
while ((await queueDepth(runtime.pool)) > 0) {
  const pass = await engine.runPass('all', 'backfill');
  if (pass.records === 0) await new Promise((resolve) => setTimeout(resolve, 250));
}
console.log('done');
await runtime.close();
