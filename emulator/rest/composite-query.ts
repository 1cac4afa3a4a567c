// query and queryAll as Composite subrequests: the query engine runs over the org directly; the
// whole result comes back in one page (done: true), as Composite has no cursor to page with.
import { runQuery } from '../soql/run-query.js';
import { SoqlError } from '../soql/soql-error.js';
import type { RestContext, RestRequest, RestResponse, RestRoute } from './rest-types.js';

function queryHandler(includeDeleted: boolean) {
  return (context: RestContext, _params: Readonly<Record<string, string>>, request: RestRequest): RestResponse => {
    try {
      const outcome = runQuery(context.org, request.query.get('q') ?? '', { includeDeleted, apiVersion: `v${context.version}`, now: new Date() });
      return { status: 200, body: { totalSize: outcome.totalSize, done: true, records: outcome.records } };
    } catch (error) {
      if (!(error instanceof SoqlError)) throw error;
      return { status: error.status, body: [{ message: error.message, errorCode: error.errorCode }] };
    }
  };
}

export const compositeQueryRoutes: RestRoute[] = [
  { method: 'GET', pattern: 'query', handler: queryHandler(false) },
  { method: 'GET', pattern: 'queryAll', handler: queryHandler(true) },
];
