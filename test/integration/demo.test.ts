// `npm run demo` as a person runs it: it prints the console URL and the sign-in, the org fills, and
// Ctrl-C stops everything it started.
import { spawn } from 'node:child_process';
import { expect } from 'chai';
import { dropDatabase } from '../../sample-store/store-database.js';
import { testServerUrl } from '../support/test-database.js';

const DEMO = new URL('../../devtools/demo.ts', import.meta.url).pathname;

describe('npm run demo', function () {
  this.timeout(120_000);
  const database = `fbtest_${process.pid}_demo`;
  after(async () => dropDatabase(testServerUrl(), database));

  it('brings up the store, the sandbox org and the console, syncs the store, and stops cleanly on Ctrl-C', async () => {
    const demo = spawn(process.execPath, ['--import', 'tsx', DEMO, '--orders', '150', '--port', '0', '--emulator-port', '0', '--database', database], {
      env: { ...process.env, MYSQL_URL: testServerUrl() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    demo.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    demo.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => demo.once('exit', resolve));
    try {
      while (!/Backfill: .* synced/.test(output)) {
        if (demo.exitCode !== null) throw new Error(`the demo stopped early:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const consoleUrl = /Forcebridge console: +(\S+)\/admin/.exec(output)?.[1];
      const orgUrl = /Salesforce org: +(\S+)\//.exec(output)?.[1];
      expect(output).to.match(/Sign in as: +admin \/ \S+/);
      expect(output).to.match(/→ \d+ synced, 0 failed/);
      const health = await fetch(`${consoleUrl}/api/health`);
      expect(health.status).to.equal(200);
      const orgPage = await (await fetch(`${orgUrl}/__emulator/`)).text();
      expect(orgPage).to.contain('Opportunity');

      demo.kill('SIGINT');
      expect(await exited).to.equal(0);
      const stillThere = await fetch(`${consoleUrl}/api/health`).then(() => true, () => false);
      expect(stillThere, 'the console still answers after Ctrl-C').to.equal(false);
      const orgStillThere = await fetch(`${orgUrl}/__emulator/`).then(() => true, () => false);
      expect(orgStillThere, 'the emulator still answers after Ctrl-C').to.equal(false);
    } finally {
      if (demo.exitCode === null) demo.kill('SIGKILL');
    }
  });
});
