// Magento 2's admin password hashes (Magento\Framework\Encryption\Encryptor), checked and written
// the way Magento does: "<hex hash>:<salt>:<versions>". Versions list every algorithm the password
// went through, oldest first ("1:2" = SHA-256, later re-hashed with Argon2id when Magento upgraded):
//   0 = md5(salt + text), 1 = sha256(salt + text), both hex;
//   2 = Argon2id13 with libsodium's "interactive" limits, 32-byte output, hex;
//   3_<bytes>_<ops>_<memory> = Argon2id13 with the limits written in the version (what 2.4.8 writes).
// Argon2id uses the first 16 bytes of the salt (a shorter salt is repeated to 16 bytes).
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { argon2id } from 'hash-wasm';

interface ArgonLimits {
  outputBytes: number;
  operations: number;
  memoryBytes: number;
}

/** SODIUM_CRYPTO_SIGN_SEEDBYTES, SODIUM_CRYPTO_PWHASH_OPSLIMIT_INTERACTIVE and _MEMLIMIT_INTERACTIVE. */
const INTERACTIVE: ArgonLimits = { outputBytes: 32, operations: 2, memoryBytes: 64 * 1024 * 1024 };
const ARGON_SALT_BYTES = 16;
/** Limits outside these bounds are refused rather than computed: a stored hash must not exhaust the sidecar. */
const ARGON_BOUNDS = { outputBytes: [16, 64], operations: [1, 10], memoryBytes: [8 * 1024, 512 * 1024 * 1024] } as const;
const SALT_CHARACTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SALT_LENGTH = 32;

function argonLimitsOf(version: string): ArgonLimits | undefined {
  if (version === '2') return INTERACTIVE;
  const match = /^3_(\d{1,3})_(\d{1,3})_(\d{1,10})$/.exec(version);
  if (!match) return undefined;
  const limits = { outputBytes: Number(match[1]), operations: Number(match[2]), memoryBytes: Number(match[3]) };
  const inBounds = (Object.keys(ARGON_BOUNDS) as (keyof ArgonLimits)[]).every((key) => limits[key] >= ARGON_BOUNDS[key][0] && limits[key] <= ARGON_BOUNDS[key][1]);
  return inBounds ? limits : undefined;
}

function argonSalt(salt: string): Buffer {
  const bytes = Buffer.from(salt, 'utf8');
  if (bytes.length === 0) return Buffer.alloc(0);
  return Buffer.from(Array.from({ length: ARGON_SALT_BYTES }, (_, index) => bytes[index % bytes.length]!));
}

async function argonHash(text: string, salt: string, limits: ArgonLimits): Promise<string> {
  return argon2id({
    password: text,
    salt: argonSalt(salt),
    parallelism: 1,
    iterations: limits.operations,
    memorySize: limits.memoryBytes / 1024,
    hashLength: limits.outputBytes,
    outputType: 'hex',
  });
}

/** One step of the chain; undefined for a version Magento does not write. */
async function applyVersion(version: string, text: string, salt: string): Promise<string | undefined> {
  if (version === '0') return createHash('md5').update(salt + text).digest('hex');
  if (version === '1') return createHash('sha256').update(salt + text).digest('hex');
  const limits = argonLimitsOf(version);
  return limits && argonSalt(salt).length === ARGON_SALT_BYTES ? argonHash(text, salt, limits) : undefined;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Whether `password` is the one behind a hash Magento stored in admin_user.password. */
export async function verifyMagentoPassword(password: string, storedHash: string): Promise<boolean> {
  const [expected, salt, ...versions] = storedHash.split(':');
  if (expected === undefined || salt === undefined || versions.length === 0) return false;
  let recreated = password;
  for (const version of versions) {
    const next = await applyVersion(version, recreated, salt);
    if (next === undefined) return false;
    recreated = next;
  }
  return sameText(recreated, expected.toLowerCase());
}

/** A hash as Magento 2.4.8 writes it for a new password: Argon2id13, version "3_32_2_67108864". */
export async function hashMagentoPassword(password: string): Promise<string> {
  const salt = Array.from({ length: SALT_LENGTH }, () => SALT_CHARACTERS[randomInt(SALT_CHARACTERS.length)]).join('');
  const { outputBytes, operations, memoryBytes } = INTERACTIVE;
  return `${await argonHash(password, salt, INTERACTIVE)}:${salt}:3_${outputBytes}_${operations}_${memoryBytes}`;
}
