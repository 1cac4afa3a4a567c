// Sign-in attempts are limited per client address and per username (failed attempts only, so a
// user's own successful sign-ins never lock them out). Counters live in this process's memory.
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';

export interface SignInLimits {
  /** Failed sign-ins one address may make per window. */
  perAddress: number;
  /** Failed sign-ins for one username per window, from any address. */
  perUsername: number;
  windowMinutes: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perAddress: 20, perUsername: 5, windowMinutes: 15 };

function usernameOf(body: unknown): string | undefined {
  const username = typeof body === 'object' && body !== null ? (body as { username?: unknown }).username : undefined;
  return typeof username === 'string' ? username.trim().toLowerCase() : undefined;
}

export function signInLimiters(limits: SignInLimits): RequestHandler[] {
  const message = { error: `Too many failed sign-in attempts; wait ${limits.windowMinutes} minutes and try again.` };
  const common = { windowMs: limits.windowMinutes * 60_000, skipSuccessfulRequests: true, standardHeaders: 'draft-8', legacyHeaders: false, message } as const;
  return [
    rateLimit({ ...common, limit: limits.perAddress }),
    rateLimit({
      ...common,
      limit: limits.perUsername,
      skip: (req) => usernameOf(req.body) === undefined,
      keyGenerator: (req) => `username:${usernameOf(req.body)}`,
    }),
  ];
}
