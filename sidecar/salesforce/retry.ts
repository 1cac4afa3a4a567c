// Our own retries for Salesforce calls: jsforce never retries POST or PATCH, and those are the
// calls that write. Only transient failures are retried; a validation error fails at once.

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** 0..1; injectable so tests are deterministic. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 6, baseDelayMs: 250, maxDelayMs: 15_000 };

const TRANSIENT_CODES = new Set([
  'UNABLE_TO_LOCK_ROW',
  'SERVER_UNAVAILABLE',
  // What a Salesforce 500 carries in its body (jsforce reports that code, not the status).
  'UNKNOWN_EXCEPTION',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ERROR_HTTP_429',
  'ERROR_HTTP_500',
  'ERROR_HTTP_502',
  'ERROR_HTTP_503',
  'ERROR_HTTP_504',
]);

/** Thrown when the org's daily API allocation is spent: the pass stops and the queue waits. */
export class ApiLimitExceededError extends Error {
  readonly code = 'REQUEST_LIMIT_EXCEEDED';
}

function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { errorCode, code, name } = error as { errorCode?: unknown; code?: unknown; name?: unknown };
  for (const candidate of [errorCode, code, name]) if (typeof candidate === 'string' && candidate !== 'Error') return candidate;
  return undefined;
}

export function isLimitExceeded(error: unknown): boolean {
  return errorCodeOf(error) === 'REQUEST_LIMIT_EXCEEDED';
}

export function isTransient(error: unknown): boolean {
  const code = errorCodeOf(error);
  if (code && TRANSIENT_CODES.has(code)) return true;
  // node-fetch reports dropped connections as FetchError with a reason in the message.
  const message = error instanceof Error ? error.message : '';
  return /socket hang up|ECONNRESET|network|premature close|other side closed/i.test(message);
}

export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  // Full jitter: spreads retries of many workers so they do not hit the org in step.
  return Math.round(ceiling * (policy.random ?? Math.random)());
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits the backoff before attempt `attempt + 1`. */
export function waitBeforeRetry(attempt: number, policy: RetryPolicy): Promise<void> {
  return (policy.sleep ?? sleep)(backoffDelay(attempt, policy));
}

/** Runs `call`, retrying transient failures with exponential backoff and jitter. */
export async function withRetries<T>(call: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (isLimitExceeded(error)) throw new ApiLimitExceededError('Salesforce daily API request limit exceeded');
      if (!isTransient(error) || attempt + 1 >= policy.attempts) throw error;
      await waitBeforeRetry(attempt, policy);
    }
  }
}
