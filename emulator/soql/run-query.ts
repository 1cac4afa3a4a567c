// Runs one SOQL query over a QuerySource: parse, check names, filter, sort, skip/limit, shape.
// Preparing (parse and check) is apart from running, so a Bulk query job can refuse a bad query
// when it is created and run it later. The whole result is materialised; paging is the caller's job.
import type { QuerySource, SalesforceRecord } from '../contracts.js';
import type { SoqlQuery } from './ast.js';
import { FieldBinder } from './field-paths.js';
import { compileFilter } from './filter.js';
import { compileOrder } from './order.js';
import { parseSoql } from './parser.js';
import { projectRecord, type JsonObject } from './projection.js';
import { planSelect, type SelectPlan } from './select-plan.js';
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

/** A query checked against the org (names, types, literals) and ready to run, now or later. */
export interface PreparedQuery {
  query: SoqlQuery;
  objectName: string;
  plan: SelectPlan;
  /** Records the WHERE clause keeps, in store order. */
  matching(includeDeleted: boolean): SalesforceRecord[];
  /** What ORDER BY, OFFSET and LIMIT leave of them. */
  window(records: readonly SalesforceRecord[]): SalesforceRecord[];
}

/** Parses and binds the query; `now` is what TODAY and LAST_N_DAYS:n are relative to. */
export function prepareQuery(source: QuerySource, soql: string, now: Date): PreparedQuery {
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
  const matches = query.where ? compileFilter(query.where, { soql, binder, now }) : () => true;
  const sort = compileOrder(query.orderBy, binder);
  const start = query.offset ?? 0;
  const end = query.limit === undefined ? undefined : start + query.limit;
  return {
    query,
    objectName,
    plan,
    matching(includeDeleted) {
      const kept: SalesforceRecord[] = [];
      for (const record of source.records(objectName, includeDeleted)) if (matches(record)) kept.push(record);
      return kept;
    },
    window: (records) => sort(records).slice(start, end),
  };
}

export function runQuery(source: QuerySource, soql: string, options: QueryRunOptions): QueryOutcome {
  const prepared = prepareQuery(source, soql, options.now);
  const { plan, objectName } = prepared;
  const matching = prepared.matching(options.includeDeleted);
  switch (plan.kind) {
    case 'count':
      return { totalSize: prepared.window(matching).length, records: [] };
    case 'aggregates': {
      const row: JsonObject = { attributes: { type: 'AggregateResult' } };
      for (const column of plan.columns) row[column.name] = matching.filter((record) => column.field.read(record) !== null).length;
      return { totalSize: 1, records: [row] };
    }
    case 'records': {
      const page = prepared.window(matching);
      return { totalSize: page.length, records: page.map((record) => projectRecord(source, objectName, record, plan.fields, options.apiVersion)) };
    }
  }
}
