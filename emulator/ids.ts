// Salesforce record ids: 3-character key prefix, 12 characters of body, and the 3-character
// case-safe suffix that turns a 15-character id into the 18-character form the API returns.
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
// Stands where a real org has its pod/instance characters; fixed so ids stay deterministic.
const INSTANCE_PART = '8d0';
const COUNTER_LENGTH = 9;

/** Appends the case-safe checksum: one character per 5-character chunk, bit j set when char j is upper case. */
export function toEighteen(id15: string): string {
  if (!/^[A-Za-z0-9]{15}$/.test(id15)) throw new Error(`Not a 15-character Salesforce id: ${id15}`);
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let j = 0; j < 5; j++) {
      const char = id15.charAt(chunk * 5 + j);
      if (char >= 'A' && char <= 'Z') bits |= 1 << j;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return id15 + suffix;
}

/** True for a well-formed 15- or 18-character id whose 18-character checksum is right. */
export function isWellFormedId(id: string): boolean {
  if (/^[A-Za-z0-9]{15}$/.test(id)) return true;
  return /^[A-Za-z0-9]{18}$/.test(id) && toEighteen(id.slice(0, 15)) === id;
}

/** The 18-character form of a 15- or 18-character id (ids compare equal in this form). */
export function normalizeId(id: string): string {
  return id.length === 15 ? toEighteen(id) : id;
}

export function keyPrefixOf(id: string): string {
  return id.slice(0, 3);
}

/** Hands out ids in order; its counter is part of an org snapshot so ids never repeat after a restart. */
export class IdGenerator {
  constructor(private counter = 0) {}

  get issued(): number {
    return this.counter;
  }

  next(keyPrefix: string): string {
    if (!/^[A-Za-z0-9]{3}$/.test(keyPrefix)) throw new Error(`Not a key prefix: ${keyPrefix}`);
    this.counter += 1;
    let body = '';
    for (let n = this.counter; body.length < COUNTER_LENGTH; n = Math.floor(n / 62)) body = BASE62.charAt(n % 62) + body;
    return toEighteen(keyPrefix + INSTANCE_PART + body);
  }
}
