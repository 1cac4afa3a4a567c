// The org's daily API allocation: every call under /services/data/vNN.N/ counts once (a Composite
// or Collections call included), the Sforce-Limit-Info header reports it, and once it is spent
// calls are refused with 403 REQUEST_LIMIT_EXCEEDED. Counts per endpoint are kept for inspection.
import type { NextFunction, Request, Response } from 'express';
import { sendRestError } from './json.js';

export class ApiUsage {
  used = 0;
  private readonly byEndpoint = new Map<string, number>();

  constructor(public dailyLimit: number) {}

  get remaining(): number {
    return Math.max(0, this.dailyLimit - this.used);
  }

  header(): string {
    return `api-usage=${this.used}/${this.dailyLimit}`;
  }

  record(endpoint: string): void {
    this.used += 1;
    this.byEndpoint.set(endpoint, (this.byEndpoint.get(endpoint) ?? 0) + 1);
  }

  callsByEndpoint(): Record<string, number> {
    return Object.fromEntries([...this.byEndpoint.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  resetCounts(): void {
    this.used = 0;
    this.byEndpoint.clear();
  }
}

/** Ids and external-ID values vary per call; the endpoint key keeps only the shape of the path. */
export function endpointKey(method: string, path: string): string {
  const segments = path.split('/').filter((segment) => segment !== '');
  const shaped = segments.map((segment, index) => {
    if (/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(segment) && /\d/.test(segment)) return ':id';
    // sobjects/X/Field/value: the value of an upsert by external ID.
    if (index === 3 && segments[0] === 'sobjects') return ':value';
    return segment;
  });
  return `${method} /${shaped.join('/')}`;
}

export function apiUsageMiddleware(usage: () => ApiUsage) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const current = usage();
    if (current.used >= current.dailyLimit) {
      res.set('Sforce-Limit-Info', current.header());
      sendRestError(res, 403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
      return;
    }
    current.record(endpointKey(req.method, req.path));
    res.set('Sforce-Limit-Info', current.header());
    next();
  };
}
