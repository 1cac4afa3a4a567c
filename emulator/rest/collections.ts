// sObject Collections (/composite/sobjects): up to 200 records a call, one result per record in
// request order, Salesforce's row error shape, and allOrNone rollback.
import type { RowError, SalesforceRecord } from '../contracts.js';
import { isWellFormedId, normalizeId } from '../ids.js';
import type { Org } from '../org/org.js';
import { inputFromJson } from '../org/record-input.js';
import { SalesforceError } from '../org/salesforce-error.js';
import type { RestContext, RestRequest, RestResponse, RestRoute } from './rest-types.js';
import { jsonObjectBody, recordResource } from './sobject-resources.js';

const MAX_RECORDS = 200;

const ROLLED_BACK: RowError = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

interface RowResult {
  id?: string;
  success: boolean;
  errors: RowError[];
  created?: boolean;
}

/** One row to run, or a row already refused; `knownId` names the record in a failed row's result. */
type RowPlan = { knownId?: string; run: () => { id: string; created?: boolean } } | { knownId?: undefined; refused: SalesforceError };

function tooMany(): SalesforceError {
  return new SalesforceError('EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${MAX_RECORDS} records into this call`);
}

function parseRecordsBody(body: unknown): { allOrNone: boolean; records: Record<string, unknown>[] } {
  const parsed = jsonObjectBody(body);
  if (!Array.isArray(parsed.records)) throw new SalesforceError('JSON_PARSER_ERROR', 'The request body must hold a "records" array');
  if (parsed.records.length > MAX_RECORDS) throw tooMany();
  return { allOrNone: parsed.allOrNone === true, records: parsed.records.map(jsonObjectBody) };
}

function typeOf(org: Org, record: Record<string, unknown>): string {
  const attributes = record.attributes as { type?: unknown } | undefined;
  const type = typeof attributes?.type === 'string' ? attributes.type : '';
  const objectName = org.objectName(type);
  if (!objectName) throw new SalesforceError('INVALID_TYPE', `sObject type '${type}' is not supported.`);
  return objectName;
}

function knownId(id: unknown): string | undefined {
  return typeof id === 'string' && isWellFormedId(id) ? normalizeId(id) : undefined;
}

function failedRow(plan: RowPlan, error: SalesforceError): RowResult {
  return { ...(plan.knownId ? { id: plan.knownId } : {}), success: false, errors: [error.toRowError()] };
}

/** Runs each row in its own transaction; with allOrNone, one failure rolls every row back. */
function runRows(context: RestContext, allOrNone: boolean, plans: RowPlan[], upserting: boolean): RestResponse {
  const org = context.org;
  const mark = org.savepoint();
  const results: RowResult[] = plans.map((plan) => {
    if ('refused' in plan) return failedRow(plan, plan.refused);
    try {
      const { id, created } = org.transaction(plan.run);
      return upserting ? { id, success: true, errors: [], created } : { id, success: true, errors: [] };
    } catch (error) {
      if (!(error instanceof SalesforceError)) throw error;
      return failedRow(plan, error);
    }
  });
  const failed = results.some((result) => !result.success);
  if (!(allOrNone || context.forceAllOrNone) || !failed) {
    org.release();
    return { status: 200, body: results };
  }
  org.rollbackTo(mark);
  return { status: 200, body: results.map((result) => (result.success ? { ...result, success: false, errors: [ROLLED_BACK] } : result)) };
}

function create(context: RestContext, _params: Readonly<Record<string, string>>, request: RestRequest): RestResponse {
  const { allOrNone, records } = parseRecordsBody(request.body);
  const org = context.org;
  const plans = records.map((record): RowPlan => {
    const objectName = typeOf(org, record);
    const input = inputFromJson(org.metadata, objectName, record);
    return { run: () => ({ id: String(org.create(objectName, input).Id) }) };
  });
  return runRows(context, allOrNone, plans, false);
}

function update(context: RestContext, _params: Readonly<Record<string, string>>, request: RestRequest): RestResponse {
  const { allOrNone, records } = parseRecordsBody(request.body);
  const org = context.org;
  const plans = records.map((record): RowPlan => {
    const objectName = typeOf(org, record);
    const { id: lowerId, Id: upperId, ...changes } = record;
    const id = lowerId ?? upperId;
    const input = inputFromJson(org.metadata, objectName, changes);
    if (typeof id !== 'string' || id === '') return { refused: new SalesforceError('MISSING_ARGUMENT', 'Id not specified in an update call', ['Id']) };
    return { knownId: knownId(id), run: () => ({ id: String(org.update(id, input, objectName).Id) }) };
  });
  return runRows(context, allOrNone, plans, false);
}

function upsert(context: RestContext, params: Readonly<Record<string, string>>, request: RestRequest): RestResponse {
  const { allOrNone, records } = parseRecordsBody(request.body);
  const org = context.org;
  const objectName = org.describedObject(params.object as string).name;
  const field = org.metadata.field(objectName, params.field as string);
  if (!field || (!field.externalId && field.name !== 'Id')) {
    throw new SalesforceError('INVALID_FIELD', `Provided external ID field does not exist or is not accessible: ${params.field as string}`);
  }
  const plans = records.map((record): RowPlan => {
    const recordType = (record.attributes as { type?: unknown } | undefined)?.type;
    if (recordType !== undefined && org.objectName(String(recordType)) !== objectName) {
      throw new SalesforceError('INVALID_TYPE', `sObject type '${String(recordType)}' does not match the type of this upsert: ${objectName}`);
    }
    const { Id: upperId, id: lowerId, ...rest } = record;
    const input = inputFromJson(org.metadata, objectName, field.name === 'Id' ? rest : record);
    const value = field.name === 'Id' ? String(upperId ?? lowerId ?? '') : (input.values.get(field.name) ?? null);
    return {
      knownId: knownId(upperId ?? lowerId),
      run: () => {
        const result = org.upsert(objectName, field.name, value, input);
        return { id: String(result.record.Id), created: result.created };
      },
    };
  });
  return runRows(context, allOrNone, plans, true);
}

function destroy(context: RestContext, _params: Readonly<Record<string, string>>, request: RestRequest): RestResponse {
  const ids = (request.query.get('ids') ?? '').split(',').filter((id) => id !== '');
  if (ids.length > MAX_RECORDS) throw tooMany();
  const org = context.org;
  const plans = ids.map(
    (id): RowPlan => ({
      knownId: knownId(id),
      run: () => {
        org.delete(id);
        return { id: normalizeId(id) };
      },
    }),
  );
  return runRows(context, request.query.get('allOrNone') === 'true', plans, false);
}

function retrieve(context: RestContext, params: Readonly<Record<string, string>>, request: RestRequest): RestResponse {
  const org = context.org;
  const objectName = org.describedObject(params.object as string).name;
  const body = request.method === 'POST' ? jsonObjectBody(request.body) : {};
  const ids = Array.isArray(body.ids) ? body.ids.map(String) : (request.query.get('ids') ?? '').split(',').filter((id) => id !== '');
  const fields = Array.isArray(body.fields) ? body.fields.map(String) : (request.query.get('fields') ?? '').split(',').filter((name) => name !== '');
  if (ids.length > 2000) throw tooMany();
  if (fields.length === 0) throw new SalesforceError('MISSING_ARGUMENT', 'fields must be specified');
  const records = ids.map((id) => {
    const record: SalesforceRecord | undefined = org.findRecord(objectName, id);
    return record && record.IsDeleted !== true ? recordResource(org, context, objectName, record, fields) : null;
  });
  return { status: 200, body: records };
}

export const collectionRoutes: RestRoute[] = [
  { method: 'POST', pattern: 'composite/sobjects', handler: create },
  { method: 'PATCH', pattern: 'composite/sobjects', handler: update },
  { method: 'DELETE', pattern: 'composite/sobjects', handler: destroy },
  { method: 'POST', pattern: 'composite/sobjects/:object', handler: retrieve },
  { method: 'GET', pattern: 'composite/sobjects/:object', handler: retrieve },
  { method: 'PATCH', pattern: 'composite/sobjects/:object/:field', handler: upsert },
];
