// The emulator's command line: options reach the org it starts, bad values are refused.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { expect } from 'chai';
import { connectTo } from '../support/emulator-harness.js';

const TSX = 'node_modules/.bin/tsx';

/** Starts the CLI and resolves with its URL once it listens. */
async function startCli(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(TSX, ['emulator/cli.ts', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`The emulator exited with ${String(code)}: ${output}`)));
  });
  return { child, url };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

describe('emulator command line', function () {
  this.timeout(30_000);

  it('turns on state and country picklists and adds active and inactive users', async () => {
    const { child, url } = await startCli(['--state-country-picklists', '--user', 'owner@forcebridge.test', '--user', 'gone@forcebridge.test:inactive']);
    try {
      const settings = (await (await fetch(`${url}/__emulator/settings`)).json()) as { stateCountryPicklists: boolean };
      expect(settings.stateCountryPicklists).to.equal(true);
      const conn = await connectTo(url);
      const users = await conn.query<{ Username: string; IsActive: boolean }>("SELECT Username, IsActive FROM User WHERE Username LIKE '%@forcebridge.test' ORDER BY Username");
      expect(users.records.map(({ Username, IsActive }) => [Username, IsActive])).to.deep.equal([
        ['admin@forcebridge.test', true],
        ['gone@forcebridge.test', false],
        ['owner@forcebridge.test', true],
      ]);
    } finally {
      await stop(child);
    }
  });

  it('refuses a malformed --user', async () => {
    const child = spawn(TSX, ['emulator/cli.ts', '--port', '0', '--user', 'someone:retired'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).to.not.equal(0);
    expect(errors).to.include('Expected username[:inactive]');
  });
});
