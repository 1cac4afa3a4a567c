// Magento's console sign-in links: `<payload>.<signature>`, the payload base64url JSON
// {"u": username, "exp": unix seconds, "n": 32 hex nonce}, the signature base64url
// HMAC-SHA256(FORCEBRIDGE_API_TOKEN, payload). A link is good once, until it expires, and never for
// more than two minutes: a link that leaks from a browser's history is useless by then.
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { sameSecret } from './access-guard.js';

const MAX_LIFETIME_SECONDS = 120;
const AGAIN = 'open the console again from Magento (Salesforce > Open Forcebridge console).';
export const LINK_NOT_VALID = `This sign-in link is not valid; ${AGAIN}`;
const LINK_EXPIRED = `This sign-in link has expired; ${AGAIN}`;
const LINK_USED = `This sign-in link was already used; ${AGAIN}`;

/** A SHA-256 HMAC is 32 bytes: 43 base64url characters without padding. */
const LINK_TOKEN_PATTERN = /^([A-Za-z0-9_-]{1,1000})\.([A-Za-z0-9_-]{43})$/;

const payloadSchema = z.strictObject({
  // admin_user.username is varchar(40).
  u: z.string().min(1).max(40),
  exp: z.int(),
  n: z.string().regex(/^[0-9a-f]{32}$/),
});

export type LinkCheck = { ok: true; username: string } | { ok: false; reason: string };

function payloadOf(encoded: string): z.output<typeof payloadSchema> | undefined {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export class SignInLinks {
  /** Nonces already used, each with its link's expiry (unix seconds), forgotten once that passes. */
  private readonly usedNonces = new Map<string, number>();

  constructor(
    private readonly key: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whose link it is, or why it is refused; a good link is spent by checking it. */
  check(token: string): LinkCheck {
    const parts = LINK_TOKEN_PATTERN.exec(token);
    if (!parts) return { ok: false, reason: LINK_NOT_VALID };
    const [, encodedPayload = '', signature = ''] = parts;
    const expected = createHmac('sha256', this.key).update(encodedPayload, 'utf8').digest('base64url');
    if (!sameSecret(signature, expected)) return { ok: false, reason: LINK_NOT_VALID };
    const payload = payloadOf(encodedPayload);
    if (!payload) return { ok: false, reason: LINK_NOT_VALID };
    const nowSeconds = Math.floor(this.now() / 1000);
    this.forgetExpired(nowSeconds);
    if (payload.exp <= nowSeconds) return { ok: false, reason: LINK_EXPIRED };
    if (payload.exp > nowSeconds + MAX_LIFETIME_SECONDS) return { ok: false, reason: LINK_NOT_VALID };
    if (this.usedNonces.has(payload.n)) return { ok: false, reason: LINK_USED };
    this.usedNonces.set(payload.n, payload.exp);
    return { ok: true, username: payload.u };
  }

  private forgetExpired(nowSeconds: number): void {
    for (const [nonce, expires] of this.usedNonces) if (expires <= nowSeconds) this.usedNonces.delete(nonce);
  }
}
