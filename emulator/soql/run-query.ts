// Runs one SOQL query over a QuerySource: parse, check names, filter, sort, skip/limit, shape.
// The whole result is materialised; paging it is the cursor store's job.
import type { QuerySource, SalesforceRecord } from '../contracts.js';
import { FieldBinder } from './field-paths.js';
import { compileFilter } from './filter.js';
import { compileOrder } from './order.js';
import { parseSoql } from './parser.js';
import { projectRecord, type JsonObject } from './projection.js';
import { planSelect } from './select-plan.js';
import { positionedMessage, SoqlError } from './soql-error.js';

export interface QueryRunOptions {
  /** queryAll: deleted records too. */
  includeDeleted: boolean;
  /** "v62.0", as in the request path; used in attributes.url. */
  apiVersion: string;
  /** What TODAY and LAST_N_DAYS:n are relative to. */
  now: Date;
}

export interface QueryOutcome {
  totalSize: number;
  records: JsonObject[];
}

export function runQuery(source: QuerySource, soql: string, options: QueryRunOptions): QueryOutcome {
  const query = parseSoql(soql);
  const objectName = source.objectName(query.object.name);
  if (!objectName) {
    const detail =
      `sObject type '${query.object.name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. ` +
      'Please reference your WSDL or the describe call for the appropriate names.';
    throw new SoqlError('INVALID_TYPE', positionedMessage(soql, query.object.offset, detail));
  }
  const binder = new FieldBinder(source, soql, objectName);
  const plan = planSelect(soql, query.select, query.orderBy, binder);
  const matches = query.where ? compileFilter(query.where, { soql, binder, now: options.now }) : () => true;
  const sort = compileOrder(query.orderBy, binder);

  const matching: SalesforceRecord[] = [];
  for (const record of source.records(objectName, options.includeDeleted)) if (matches(record)) matching.push(record);
  const start = query.offset ?? 0;
  const end = query.limit === undefined ? undefined : start + query.limit;

  switch (plan.kind) {
    case 'count':
      return { totalSize: matching.slice(start, end).length, records: [] };
    case 'aggregates': {
      const row: JsonObject = { attributes: { type: 'AggregateResult' } };
      for (const column of plan.columns) row[column.name] = matching.filter((record) => column.field.read(record) !== null).length;
      return { totalSize: 1, records: [row] };
    }
    case 'records': {
      const page = sort(matching).slice(start, end);
      return { totalSize: page.length, records: page.map((record) => projectRecord(source, objectName, record, plan.fields, options.apiVersion)) };
    }
  }
}
