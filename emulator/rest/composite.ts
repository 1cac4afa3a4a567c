// POST /composite: up to 25 subrequests run in order in one API call, later ones reading earlier
// results through @{referenceId.path} references; allOrNone rolls everything back on a failure.
import { SalesforceError } from '../org/salesforce-error.js';
import { errorResponse } from './dispatch.js';
import type { RestContext, RestRequest, RestResponse, RestRoute } from './rest-types.js';
import { jsonObjectBody } from './sobject-resources.js';

const MAX_SUBREQUESTS = 25;
const REFERENCE_ID = /^[A-Za-z0-9_]+$/;
const REFERENCE = /@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])+)\}/g;
const FORBIDDEN_HEADERS = ['accept', 'authorization', 'content-type'];
const SUBREQUEST_URL = /^\/services\/data\/v(\d+\.\d)\/([^?]*)(?:\?(.*))?$/;

export type SubrequestDispatch = (context: RestContext, request: RestRequest) => RestResponse | undefined;

interface Subrequest {
  method: string;
  url: string;
  referenceId: string;
  body?: unknown;
}

interface SubrequestResult {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

function invalidInput(message: string): SalesforceError {
  return new SalesforceError('INVALID_API_INPUT', message);
}

function parseSubrequests(body: unknown): { allOrNone: boolean; subrequests: Subrequest[] } {
  const parsed = jsonObjectBody(body);
  if (!Array.isArray(parsed.compositeRequest) || parsed.compositeRequest.length === 0) throw invalidInput('compositeRequest must hold at least one subrequest');
  if (parsed.compositeRequest.length > MAX_SUBREQUESTS) throw invalidInput(`Composite request size limit exceeded. Maximum allowed: ${MAX_SUBREQUESTS}`);
  const seen = new Set<string>();
  const subrequests = parsed.compositeRequest.map((raw): Subrequest => {
    const entry = jsonObjectBody(raw);
    const { method, url, referenceId, body: subrequestBody, httpHeaders } = entry;
    if (typeof method !== 'string' || typeof url !== 'string' || typeof referenceId !== 'string') {
      throw invalidInput('Each subrequest needs method, url and referenceId');
    }
    if (!REFERENCE_ID.test(referenceId)) throw invalidInput(`Invalid referenceId: ${referenceId}. It may contain only letters, digits and underscores.`);
    if (seen.has(referenceId)) throw invalidInput(`Duplicate referenceId provided in the request: ${referenceId}`);
    seen.add(referenceId);
    const headerNames = httpHeaders && typeof httpHeaders === 'object' ? Object.keys(httpHeaders).map((name) => name.toLowerCase()) : [];
    const forbidden = headerNames.find((name) => FORBIDDEN_HEADERS.includes(name));
    if (forbidden) throw invalidInput(`The ${forbidden} header can't be set on a subrequest`);
    return { method: method.toUpperCase(), url, referenceId, body: subrequestBody };
  });
  return { allOrNone: parsed.allOrNone === true, subrequests };
}

/** Follows ".field" and "[n]" steps into an earlier result's body. */
function valueAt(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const step of path.match(/\.[A-Za-z0-9_]+|\[\d+\]/g) ?? []) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = step.startsWith('.') ? step.slice(1) : Number(step.slice(1, -1));
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function resolveText(text: string, results: ReadonlyMap<string, unknown>): unknown {
  const lookup = (referenceId: string, path: string): unknown => {
    const value = results.has(referenceId) ? valueAt(results.get(referenceId), path) : undefined;
    if (value === undefined) {
      throw new SalesforceError(
        'PROCESSING_HALTED',
        `Invalid reference specified. No value for ${referenceId}${path} found in ${referenceId}. Provided referenceId ('${referenceId}') isn't valid.`,
      );
    }
    return value;
  };
  const whole = new RegExp(`^${REFERENCE.source}$`).exec(text);
  if (whole) return lookup(whole[1] as string, whole[2] as string);
  return text.replace(REFERENCE, (_match, referenceId: string, path: string) => String(lookup(referenceId, path)));
}

/** Replaces references in strings anywhere in the value; a string that is one reference takes the value's type. */
function resolveReferences(value: unknown, results: ReadonlyMap<string, unknown>): unknown {
  if (typeof value === 'string') return value.includes('@{') ? resolveText(value, results) : value;
  if (Array.isArray(value)) return value.map((item) => resolveReferences(item, results));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveReferences(item, results)]));
  }
  return value;
}

function toRestRequest(subrequest: Subrequest, url: string): RestRequest {
  const match = SUBREQUEST_URL.exec(url);
  if (!match) throw new SalesforceError('NOT_FOUND', 'The requested resource does not exist', [], 404);
  const segments = (match[2] as string).split('/').filter((segment) => segment !== '').map(decodeURIComponent);
  return { method: subrequest.method, segments, query: new URLSearchParams(match[3] ?? ''), body: subrequest.body };
}

/** A Collections answer counts as failed when one of its rows failed. */
function failed(response: RestResponse): boolean {
  if (response.status >= 400) return true;
  return Array.isArray(response.body) && response.body.some((row) => row !== null && typeof row === 'object' && (row as { success?: unknown }).success === false);
}

function halted(referenceId: string): SubrequestResult {
  return {
    body: [{ errorCode: 'PROCESSING_HALTED', message: 'The transaction was rolled back since another operation in the same transaction failed.' }],
    httpHeaders: {},
    httpStatusCode: 400,
    referenceId,
  };
}

function runSubrequest(context: RestContext, dispatch: SubrequestDispatch, subrequest: Subrequest, bodies: ReadonlyMap<string, unknown>): RestResponse {
  try {
    const url = resolveReferences(subrequest.url, bodies);
    const request = toRestRequest(subrequest, String(url));
    request.body = resolveReferences(subrequest.body, bodies);
    const response = dispatch(context, request) ?? errorResponse(context, new SalesforceError('NOT_FOUND', 'The requested resource does not exist', [], 404));
    if (response.status === 201 && request.segments[0] === 'sobjects' && typeof (response.body as { id?: unknown }).id === 'string') {
      const location = `/services/data/v${context.version}/sobjects/${request.segments[1] as string}/${(response.body as { id: string }).id}`;
      return { ...response, headers: { ...response.headers, Location: location } };
    }
    return response;
  } catch (error) {
    return errorResponse(context, error);
  }
}

export function createCompositeRoute(dispatch: SubrequestDispatch): RestRoute {
  return {
    method: 'POST',
    pattern: 'composite',
    handler: (context, _params, request) => {
      const { allOrNone, subrequests } = parseSubrequests(request.body);
      const subcontext: RestContext = { ...context, forceAllOrNone: allOrNone };
      const org = context.org;
      const mark = org.savepoint();
      const bodies = new Map<string, unknown>();
      const results: SubrequestResult[] = [];
      let haltedAt: number | undefined;
      for (const [index, subrequest] of subrequests.entries()) {
        if (haltedAt !== undefined) {
          results.push(halted(subrequest.referenceId));
          continue;
        }
        const response = runSubrequest(subcontext, dispatch, subrequest, bodies);
        results.push({ body: response.body ?? null, httpHeaders: response.headers ?? {}, httpStatusCode: response.status, referenceId: subrequest.referenceId });
        if (!failed(response)) bodies.set(subrequest.referenceId, response.body);
        else if (allOrNone) haltedAt = index;
      }
      if (haltedAt === undefined) {
        org.release();
        return { status: 200, body: { compositeResponse: results } };
      }
      org.rollbackTo(mark);
      const rolledBack = results.map((result, index) => (index === haltedAt ? result : halted(result.referenceId)));
      return { status: 200, body: { compositeResponse: rolledBack } };
    },
  };
}
