// Calls the module's admin controllers the way Magento's own admin scripts do: form-encoded fields
// (arrays as name[]), the page's form key on every POST, and X-Requested-With so that an expired
// admin session answers JSON instead of the sign-in page. A refusal becomes an ApiError carrying
// the controller's sentence, like the sidecar's, so the shared components show it unchanged.
import { ApiError, type FieldProblem } from '../api/client.js';

export type FormFields = Record<string, string | number | readonly (string | number)[] | undefined>;

interface MagentoAnswer {
  error?: unknown;
  details?: unknown;
  /** Magento's answer to an AJAX call once the admin session has ended. */
  ajaxExpired?: unknown;
}

export async function requestMagento<T>(method: 'GET' | 'POST', url: string, fields: FormFields): Promise<T> {
  const form = formOf(fields);
  const target = new URL(url, window.location.href);
  if (method === 'GET') for (const [name, value] of form) target.searchParams.append(name, value);
  else form.set('form_key', formKeyOfPage());
  let response: Response;
  try {
    response = await fetch(target, {
      method,
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      body: method === 'POST' ? form : undefined,
    });
  } catch {
    throw new ApiError('Magento cannot be reached.', 0);
  }
  const answer: unknown = await response.json().catch(() => undefined);
  const refusal = refusalOf(response.status, answer);
  if (refusal) throw refusal;
  return answer as T;
}

function formOf(fields: FormFields): URLSearchParams {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (typeof value === 'object') for (const item of value) form.append(`${name}[]`, String(item));
    else form.set(name, String(value));
  }
  return form;
}

function formKeyOfPage(): string {
  if (!window.FORM_KEY) throw new ApiError('This page has no Magento form key (window.FORM_KEY): reload the admin page.', 0);
  return window.FORM_KEY;
}

/** Controllers answer {"error": …} (with 200 for a sync Magento itself refused, or 4xx/503). */
function refusalOf(status: number, json: unknown): ApiError | undefined {
  if (typeof json !== 'object' || json === null) {
    // Magento's own pages (access denied, not found) are HTML.
    const sentence = status === 403 ? 'Magento refused: your admin role does not allow this.' : `Magento answered HTTP ${status} without the JSON Forcebridge expects.`;
    return new ApiError(sentence, status);
  }
  const answer = json as MagentoAnswer;
  if (answer.ajaxExpired) return new ApiError('Your Magento admin session has ended: reload the page and sign in again.', 401);
  if (status < 400 && typeof answer.error !== 'string') return undefined;
  const message = typeof answer.error === 'string' ? answer.error : `Magento answered with HTTP ${status}.`;
  const details = Array.isArray(answer.details) ? answer.details.filter(isFieldProblem) : [];
  return new ApiError(message, status, details);
}

function isFieldProblem(detail: unknown): detail is FieldProblem {
  const { field, problem } = (detail ?? {}) as Partial<Record<keyof FieldProblem, unknown>>;
  return typeof field === 'string' && typeof problem === 'string';
}
