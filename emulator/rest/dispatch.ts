// Finds the route for a REST request and turns thrown Salesforce errors into their responses.
import { MultipleMatchesError } from '../org/org.js';
import { SalesforceError } from '../org/salesforce-error.js';
import { sobjectUrl, type RestContext, type RestRequest, type RestResponse, type RestRoute } from './rest-types.js';

function match(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index++) {
    const expected = pattern[index] as string;
    const actual = segments[index] as string;
    if (expected.startsWith(':')) params[expected.slice(1)] = actual;
    else if (expected !== actual) return undefined;
  }
  return params;
}

export function errorResponse(context: RestContext, error: unknown): RestResponse {
  if (error instanceof MultipleMatchesError) {
    return { status: 300, body: error.ids.map((id) => sobjectUrl(context.version, error.objectName, id)) };
  }
  if (error instanceof SalesforceError) return { status: error.httpStatus, body: [error.toRestError()] };
  throw error;
}

export class RestDispatcher {
  private readonly routes: Array<{ method: string; pattern: string[]; route: RestRoute }>;

  constructor(routes: readonly RestRoute[]) {
    this.routes = routes.map((route) => ({ method: route.method, pattern: route.pattern.split('/'), route }));
  }

  /** The route's pattern (for call counts), or undefined when no route has this path. */
  patternOf(segments: string[]): string | undefined {
    return this.routes.find((candidate) => match(candidate.pattern, segments))?.route.pattern;
  }

  /** Undefined when no route has this path, so other routers may answer it. */
  dispatch(context: RestContext, request: RestRequest): RestResponse | undefined {
    const sameMethod = this.routes.filter((candidate) => candidate.method === request.method);
    for (const candidate of sameMethod) {
      const params = match(candidate.pattern, request.segments);
      if (!params) continue;
      try {
        return candidate.route.handler(context, params, request);
      } catch (error) {
        return errorResponse(context, error);
      }
    }
    const allowed = [...new Set(this.routes.filter((candidate) => match(candidate.pattern, request.segments)).map((candidate) => candidate.method))];
    if (allowed.length === 0) return undefined;
    return {
      status: 405,
      body: [{ errorCode: 'METHOD_NOT_ALLOWED', message: `HTTP Method '${request.method}' not allowed. Allowed are ${allowed.join(',')}` }],
    };
  }
}
