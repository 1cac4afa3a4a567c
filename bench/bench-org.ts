// The benchmark's Salesforce: one emulator for the whole run, with the per-call latency of a real
// org, emptied and set up again (setup-org's fields) before each strategy. API calls are counted
// by the emulator itself, so every call of every strategy counts, whatever the client thinks.
import type { Connection } from 'jsforce';
import { EMULATOR_DEFAULTS, startEmulator, type RunningEmulator } from '../emulator/server.js';
import { setupOrg } from '../sidecar/salesforce/org-setup.js';
import { openSession } from '../sidecar/salesforce/session.js';

export const BENCH_INSTANCE = 'bench';
const API_VERSION = '62.0';

export class BenchOrg {
  private constructor(readonly emulator: RunningEmulator) {}

  static async start(latencyMs: number): Promise<BenchOrg> {
    return new BenchOrg(await startEmulator({ dailyApiLimit: 100_000_000, faults: { latencyMs } }));
  }

  /** The environment a sidecar needs to reach this org (MYSQL_URL and the rest are added by callers). */
  get sidecarEnv(): Record<string, string> {
    return { FORCEBRIDGE_INSTANCE: BENCH_INSTANCE, SF_LOGIN_URL: this.emulator.url, SF_CLIENT_ID: EMULATOR_DEFAULTS.clientId, SF_CLIENT_SECRET: EMULATOR_DEFAULTS.clientSecret };
  }

  async connect(): Promise<Connection> {
    return openSession({
      loginUrl: this.emulator.url,
      apiVersion: API_VERSION,
      auth: { kind: 'client_credentials', clientId: EMULATOR_DEFAULTS.clientId, clientSecret: EMULATOR_DEFAULTS.clientSecret },
    });
  }

  /** An empty org with the Forcebridge fields, and the API call counter at zero. */
  async reset(): Promise<void> {
    const response = await fetch(`${this.emulator.url}/__emulator/reset`, { method: 'POST' });
    if (!response.ok) throw new Error(`emulator reset answered ${response.status}`);
    await setupOrg(await this.connect());
    this.emulator.usage.resetCounts();
  }

  get apiCalls(): number {
    return this.emulator.usage.used;
  }

  /** Read in-process, so watching the org costs no API call and no injected latency. */
  opportunityAmount(key: string): number | undefined {
    const [record] = this.emulator.org.findByExternalId('Opportunity', 'Magento_Key__c', key);
    return record ? Number(record.Amount) : undefined;
  }

  stop(): Promise<void> {
    return this.emulator.stop();
  }
}
