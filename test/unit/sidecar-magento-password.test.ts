// Magento admin password hashes: every format Magento 2.4.8 verifies, and the one it writes.
import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { argon2id } from 'hash-wasm';
import { hashMagentoPassword, verifyMagentoPassword } from '../../sidecar/http/auth/magento-password.js';

// A hash Magento wrote for "Password@" (published as a test vector with Magento hash tooling).
const PUBLISHED_ARGON_HASH = 'ab5ebf8d273b085b6a60336198e0a5a2090fdc3e0606a678315c7274ab06e046:5PiKJRn28bBKoFMopMaaKuV47aJ6GzVg:3_32_2_67108864';

function sha256Hash(password: string, salt: string): string {
  return `${createHash('sha256').update(salt + password).digest('hex')}:${salt}:1`;
}

describe('Magento admin password hashes', function () {
  this.timeout(30_000);

  it('verifies a hash Magento wrote with Argon2id13 (version 3_32_2_67108864)', async () => {
    expect(await verifyMagentoPassword('Password@', PUBLISHED_ARGON_HASH)).to.equal(true);
    expect(await verifyMagentoPassword('Password!', PUBLISHED_ARGON_HASH)).to.equal(false);
  });

  it('reads version 2 as Argon2id13 with the interactive limits', async () => {
    const [hash, salt] = PUBLISHED_ARGON_HASH.split(':');
    expect(await verifyMagentoPassword('Password@', `${hash}:${salt}:2`)).to.equal(true);
  });

  it('verifies SHA-256 hashes (version 1) and hashes upgraded from SHA-256 to Argon2id (1:3_…)', async () => {
    const salt = 'k3QxYz7PfLr0aBcDeFgHiJkLmNoPqRsT';
    const legacy = sha256Hash('old-secret-1', salt);
    expect(await verifyMagentoPassword('old-secret-1', legacy)).to.equal(true);
    expect(await verifyMagentoPassword('old-secret-2', legacy)).to.equal(false);

    // Magento's upgrade re-hashes the SHA-256 digest with Argon2id and the same salt.
    const rehashed = await argonStep(legacy.split(':')[0]!, salt);
    expect(await verifyMagentoPassword('old-secret-1', `${rehashed}:${salt}:1:3_32_2_67108864`)).to.equal(true);
    expect(await verifyMagentoPassword('old-secret-2', `${rehashed}:${salt}:1:3_32_2_67108864`)).to.equal(false);
  });

  it('writes what Magento 2.4.8 writes: hex Argon2id13 hash, 32-character salt, version 3_32_2_67108864', async () => {
    const stored = await hashMagentoPassword('n3w-Admin-pass');
    expect(stored).to.match(/^[0-9a-f]{64}:[A-Za-z0-9]{32}:3_32_2_67108864$/);
    expect(await verifyMagentoPassword('n3w-Admin-pass', stored)).to.equal(true);
    expect(await hashMagentoPassword('n3w-Admin-pass')).not.to.equal(stored);
  });

  it('refuses malformed hashes, unknown versions and Argon2 limits that would exhaust the sidecar', async () => {
    const [hash, salt] = PUBLISHED_ARGON_HASH.split(':');
    for (const stored of ['', 'plain', `${hash}:${salt}`, `${hash}:${salt}:9`, `${hash}:${salt}:3_32_2_999999999999`, `${hash}:${salt}:3_32_99_67108864`, `${hash}::2`]) {
      expect(await verifyMagentoPassword('Password@', stored), stored).to.equal(false);
    }
  });
});

/** The Argon2id13 step alone (libsodium interactive limits, first 16 salt bytes), for an upgraded chain. */
async function argonStep(text: string, salt: string): Promise<string> {
  return argon2id({ password: text, salt: salt.slice(0, 16), parallelism: 1, iterations: 2, memorySize: 65536, hashLength: 32, outputType: 'hex' });
}
