// A sidecar HTTP API under test: the sync harness (store database, emulator, engine) behind a real
// server on a free loopback port (password sign-in on), a clock sessions and sign-in links expire
// by, and a small JSON client.
import type { EmulatorOptions } from '../../emulator/server.js';
import type { HttpApiOptions } from '../../sidecar/http/api-parts.js';
import { startHttpApi, type RunningHttpApi } from '../../sidecar/http/server.js';
import { createLogger } from '../../sidecar/logger.js';
import { useSyncHarness, type SyncHarness } from './sync-harness.js';

export const API_TOKEN = 'test-api-token-0123456789abcdef-0123456789';

/** The headers of a call from Magento's server for an admin whose role grants `resources`. */
export function magentoServerHeaders(resources: string[] = ['Magento_Backend::all'], admin = 'admin'): Record<string, string> {
  return { authorization: `Bearer ${API_TOKEN}`, 'x-forcebridge-admin': admin, 'x-forcebridge-resources': resources.join(',') };
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as is, e.g. a malformed or oversized JSON text. */
  rawBody?: string;
  headers?: Record<string, string>;
  session?: SignedIn;
}

export interface SignedIn {
  cookie: string;
  csrfToken: string;
}

export interface HttpApiHarness {
  sidecar: SyncHarness;
  api: RunningHttpApi;
  /** The clock's time (ms). */
  now(): number;
  /** Moves the clock forward. */
  advanceMinutes(minutes: number): void;
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  signIn(username: string, password: string): Promise<SignedIn>;
}

export function useHttpApi(options: Partial<HttpApiOptions> = {}, emulatorOptions: Partial<EmulatorOptions> = {}): () => HttpApiHarness {
  const sidecar = useSyncHarness(emulatorOptions);
  let harness: HttpApiHarness | undefined;
  before(async function () {
    this.timeout(30_000);
    let clock = Date.now();
    const { pool, config, connection } = sidecar();
    const api = await startHttpApi(
      { pool, config, connection, engine: sidecar().engine(), logger: createLogger('silent') },
      { host: '127.0.0.1', port: 0, apiToken: API_TOKEN, passwordSignIn: true, sessionMinutes: 30, now: () => clock, ...options },
    );
    const request = async <T>(method: string, path: string, requestOptions: RequestOptions = {}): Promise<ApiResponse<T>> => {
      const headers: Record<string, string> = { ...requestOptions.headers };
      if (requestOptions.session) {
        headers.cookie = requestOptions.session.cookie;
        headers['x-csrf-token'] ??= requestOptions.session.csrfToken;
      }
      let body: string | undefined = requestOptions.rawBody;
      if (requestOptions.body !== undefined) body = JSON.stringify(requestOptions.body);
      if (body !== undefined) headers['content-type'] ??= 'application/json';
      const response = await fetch(`${api.url}${path}`, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(20_000) });
      const text = await response.text();
      let parsed: unknown = text;
      if (response.headers.get('content-type')?.includes('application/json')) parsed = JSON.parse(text);
      return { status: response.status, headers: response.headers, body: parsed as T, text };
    };
    harness = {
      sidecar: sidecar(),
      api,
      now: () => clock,
      advanceMinutes: (minutes) => {
        clock += minutes * 60_000;
      },
      request,
      signIn: async (username, password) => {
        const response = await request<{ csrfToken: string }>('POST', '/api/session', { body: { username, password } });
        if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${response.text}`);
        const cookie = /forcebridge_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
        if (!cookie) throw new Error('sign-in set no session cookie');
        return { cookie, csrfToken: response.body.csrfToken };
      },
    };
  });
  after(async () => {
    await harness?.api.stop();
  });
  return () => {
    if (!harness) throw new Error('The HTTP API harness starts in a before() hook');
    return harness;
  };
}
