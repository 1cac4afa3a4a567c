// "Open Forcebridge console": the link the Magento module mints (Model/ConsoleLink.php, run by PHP)
// is one the sidecar's own check accepts once, for that admin, and refuses when signed with
// another token.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { SignInLinks } from '../../sidecar/http/auth/sign-in-links.js';

const SCRIPT = fileURLToPath(new URL('../../module-config/Test/Integration/console-link.php', import.meta.url));
const TOKEN = 'module-config-console-link-test-token-0123456789';

function mint(username: string, token = TOKEN): string {
  const php = spawnSync('php', [SCRIPT, token, username], { encoding: 'utf8' });
  if (php.status !== 0) throw new Error(`php could not mint a link: ${php.stderr}`);
  const url = new URL(php.stdout.trim());
  expect(`${url.origin}${url.pathname}`).to.equal('http://127.0.0.1:8787/admin/sign-in/magento');
  return url.searchParams.get('token') ?? '';
}

describe('module-config: console sign-in link against the sidecar', () => {
  before(function () {
    if (spawnSync('php', ['--version'], { stdio: 'ignore' }).status !== 0) {
      console.log('      skipped: php is not installed');
      this.skip();
    }
  });

  it('is accepted once, for the admin it was minted for', () => {
    const links = new SignInLinks(TOKEN);
    const token = mint('maría.admin');
    expect(links.check(token)).to.deep.equal({ ok: true, username: 'maría.admin' });
    expect(links.check(token).ok).to.equal(false);
  });

  it('is refused when signed with another token', () => {
    expect(new SignInLinks(TOKEN).check(mint('ada', 'another-token-of-thirty-two-characters-x')).ok).to.equal(false);
  });
});
