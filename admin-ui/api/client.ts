// Talks to the sidecar's HTTP API: JSON in and out, the session cookie on every call, the CSRF token
// on every change, and an ApiError carrying the API's own sentence when a call is refused.

export interface FieldProblem {
  field: string;
  problem: string;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export class ApiClient {
  /** Set after signing in; sent as X-CSRF-Token on every request that changes something. */
  csrfToken: string | null = null;

  /** Called when the sidecar answers 401, so the page can ask the user to sign in again. */
  onSignInRequired: () => void = () => undefined;

  /** @param baseUrl where the sidecar listens ('' for the console, which the sidecar itself serves) */
  constructor(private readonly baseUrl: string) {}

  get<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') search.set(name, String(value));
    const queryText = search.toString();
    return this.request<T>('GET', queryText ? `${path}?${queryText}` : path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  private async request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const signingIn = method === 'POST' && path === '/session';
    if (method !== 'GET' && !signingIn) headers['X-CSRF-Token'] = await this.sessionCsrfToken();
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl.replace(/\/$/, '')}/api${path}`, {
        method,
        headers,
        credentials: 'include',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError('The Forcebridge sidecar cannot be reached.', 0);
    }
    const payload: unknown = await response.json().catch(() => undefined);
    if (response.status === 401) this.onSignInRequired();
    if (!response.ok) throw errorFrom(response.status, payload);
    return payload as T;
  }

  /** Pages inside Magento's admin did not sign in through this client: they ask the sidecar for their session's token. */
  private async sessionCsrfToken(): Promise<string> {
    this.csrfToken ??= (await this.request<{ csrfToken: string }>('GET', '/session')).csrfToken;
    return this.csrfToken;
  }
}

function errorFrom(status: number, payload: unknown): ApiError {
  const body = (typeof payload === 'object' && payload !== null ? payload : {}) as { error?: unknown; details?: unknown };
  const message = typeof body.error === 'string' ? body.error : `The sidecar answered with HTTP ${status}.`;
  const details = Array.isArray(body.details) ? body.details.filter(isFieldProblem) : [];
  return new ApiError(message, status, details);
}

function isFieldProblem(value: unknown): value is FieldProblem {
  const candidate = value as Partial<FieldProblem> | null;
  return typeof candidate?.field === 'string' && typeof candidate.problem === 'string';
}

/** The sentence to show for anything a call threw. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
