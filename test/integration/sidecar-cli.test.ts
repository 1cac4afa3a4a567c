// The forcebridge command as a person runs it: a real process, settings from the environment,
// MariaDB and the emulator behind it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { insertCart, saveShippingInformation, setConfigRow } from '../support/magento-rows.js';
import { INSTANCE, useSyncHarness } from '../support/sync-harness.js';

const run = promisify(execFile);
const MAIN = new URL('../../sidecar/main.ts', import.meta.url).pathname;

describe('forcebridge command', function () {
  this.timeout(90_000);
  const sidecar = useSyncHarness();

  const env = (overrides: Record<string, string> = {}) => ({ ...sidecar().sidecarEnv(), FORCEBRIDGE_LOG_LEVEL: 'warn', ...overrides });

  async function forcebridge(args: string[], overrides: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', MAIN, ...args], { env: env(overrides) });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('runs as installed: bin/forcebridge.js executed itself, its first line starting Node with the heap limits', async () => {
    const command = new URL('../../bin/forcebridge.js', import.meta.url).pathname;
    const { stdout } = await run(command, ['status'], { env: env() });
    expect(stdout).to.match(/queue/i);
    // what the kernel ran: env, then node with the options of the first line
    const { stdout: limit } = await run(command, ['--help'], { env: { ...env(), NODE_OPTIONS: '--require=' + new URL('../support/print-heap-limit.cjs', import.meta.url).pathname } });
    expect(Number(/heap limit (\d+)/.exec(limit)?.[1])).to.be.below(400);
  });

  it('refuses bad settings with one line per problem and never prints a secret', async () => {
    const result = await forcebridge(['status'], { MYSQL_URL: 'not-a-url', FORCEBRIDGE_INSTANCE: 'Bad Name', SF_CLIENT_SECRET: 'top-secret-value', SF_CLIENT_ID: '' });
    expect(result.code).to.equal(2);
    expect(result.stderr).to.match(/MYSQL_URL/).and.match(/FORCEBRIDGE_INSTANCE/).and.match(/SF_CLIENT_ID/);
    expect(result.stderr + result.stdout).to.not.contain('top-secret-value');
  });

  it('setup-org says what it created, and changes nothing the second time', async () => {
    const first = await forcebridge(['setup-org']);
    expect(first.code).to.equal(0);
    // The harness already ran setup-org on this org: every field is present.
    expect(first.stdout).to.match(/^present\s+Opportunity\.Magento_Key__c$/m);
    expect(first.stdout).to.not.match(/^created/m);
  });

  it('doctor prints one line per check and fails, with the fix, on a stage the org lacks', async () => {
    const healthy = await forcebridge(['doctor']);
    expect(healthy.stdout.trim().split('\n')).to.have.length(8);
    expect(healthy.code, healthy.stdout).to.equal(0);
    // Magento's own schema has no customer_entity.updated_at index: doctor says how to add it
    expect(healthy.stdout).to.match(/Customer changes: found by sweeping .*setup:upgrade/);
    expect(healthy.stdout).to.match(/^ok {3}Undated rows: no row that change detection reads has a zero updated_at/m);
    await setConfigRow(sidecar().pool, 'default', 0, 'forcebridge/abandoned_cart/stage', 'Wishful Thinking');
    const broken = await forcebridge(['doctor']);
    expect(broken.code).to.equal(1);
    expect(broken.stdout).to.match(/FAIL Configured values: .*"Wishful Thinking".* — fix: /);
    await setConfigRow(sidecar().pool, 'default', 0, 'forcebridge/abandoned_cart/stage', 'Prospecting');
  });

  it('sync --area carts --ids pushes those carts and prints a summary; status shows the run', async () => {
    const quoteId = await insertCart(sidecar().pool);
    await saveShippingInformation(sidecar().pool, quoteId, { email: 'cli@example.com', firstname: 'Cli', lastname: 'User' });
    const result = await forcebridge(['sync', '--area', 'carts', '--ids', String(quoteId)]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.match(/1 records in .* 1 synced, 0 failed/);
    expect(await sidecar().query(`SELECT Id FROM Opportunity WHERE Magento_Key__c = '${INSTANCE}:quote:${quoteId}'`)).to.have.length(1);
    const status = await forcebridge(['status']);
    expect(status.stdout).to.match(/carts\/manual .*1 records, 1 synced, 0 failed/);
    expect(status.stdout).to.match(/Salesforce API usage: \d+ of 15000/);
  });

  it('sync --area carts closes a cart Magento deactivated without an order as Expired, once', async () => {
    const { pool } = sidecar();
    await setConfigRow(pool, 'default', 0, 'forcebridge/abandoned_cart/automatic_sync', '1');
    try {
      const quoteId = await insertCart(pool);
      await saveShippingInformation(pool, quoteId, { email: 'gone@example.com', firstname: 'Gone', lastname: 'Away' });
      expect((await forcebridge(['sync', '--area', 'carts', '--ids', String(quoteId)])).code).to.equal(0);
      await pool.query('UPDATE quote SET is_active = 0 WHERE entity_id = ?', [quoteId]);
      const expired = await forcebridge(['sync', '--area', 'carts']);
      expect(expired.code, expired.stderr).to.equal(0);
      expect(expired.stdout).to.match(/^1 records in .* 1 synced/);
      const [opportunity] = await sidecar().query<{ Magento_Cart_Status__c: string }>(`SELECT Magento_Cart_Status__c FROM Opportunity WHERE Magento_Key__c = '${INSTANCE}:quote:${quoteId}'`);
      expect(opportunity?.Magento_Cart_Status__c).to.equal('Expired');
      // it left phase 'cart': the next run has nothing to close
      expect((await forcebridge(['sync', '--area', 'carts'])).stdout).to.match(/^0 records/);
    } finally {
      await setConfigRow(pool, 'default', 0, 'forcebridge/abandoned_cart/automatic_sync', '0');
    }
  });

  it('rejects malformed ids with a clear message and syncs nothing', async () => {
    const result = await forcebridge(['sync', '--area', 'carts', '--ids', '1,two']);
    expect(result.code).to.not.equal(0);
    expect(result.stderr).to.contain('give ids as numbers separated by commas');
  });
});
