// /sobjects: global and per-object describe, and single records by id or by external ID
// (create, retrieve, update, upsert, delete) with the REST API's status codes.
import type { SalesforceRecord } from '../contracts.js';
import { isWellFormedId } from '../ids.js';
import { describeGlobal, describeObject, describeObjectBasics } from '../org/describe.js';
import { MultipleMatchesError, type Org } from '../org/org.js';
import { inputFromJson } from '../org/record-input.js';
import { notFound, SalesforceError } from '../org/salesforce-error.js';
import { sobjectUrl, type RestContext, type RestRequest, type RestResponse, type RestRoute } from './rest-types.js';

/** Upserts answer 200 with a body from API 46.0 on; older versions answer 204. */
const UPSERT_BODY_SINCE_VERSION = 46;

export function jsonObjectBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new SalesforceError('JSON_PARSER_ERROR', 'The request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

function externalIdNotFound(name: string): SalesforceError {
  return notFound(`Provided external ID field does not exist or is not accessible: ${name}`);
}

/** Record as GET returns it: attributes first, then the chosen fields (all by default) in describe order. */
export function recordResource(org: Org, context: RestContext, objectName: string, record: SalesforceRecord, fieldNames?: readonly string[]) {
  const object = org.describedObject(objectName);
  const wanted = fieldNames ?? object.fields.map((definition) => definition.name);
  const body: Record<string, unknown> = { attributes: { type: object.name, url: sobjectUrl(context.version, object.name, String(record.Id)) } };
  for (const name of wanted) {
    const definition = org.metadata.field(object.name, name.trim());
    if (!definition) {
      throw new SalesforceError(
        'INVALID_FIELD',
        `No such column '${name.trim()}' on entity '${object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    body[definition.name] = record[definition.name] ?? null;
  }
  return body;
}

function requestedFields(request: RestRequest): string[] | undefined {
  const fields = request.query.get('fields');
  return fields ? fields.split(',').filter((name) => name.trim() !== '') : undefined;
}

/** The live record the URL names by id; 404 as Salesforce answers an unknown, deleted or foreign id. */
function recordAt(org: Org, objectName: string, idSegment: string, deletedCode: 'NOT_FOUND' | 'ENTITY_IS_DELETED'): SalesforceRecord {
  if (!isWellFormedId(idSegment)) throw externalIdNotFound(idSegment);
  const record = org.findRecord(objectName, idSegment);
  if (!record) throw notFound();
  if (record.IsDeleted === true) throw deletedCode === 'NOT_FOUND' ? notFound() : new SalesforceError('ENTITY_IS_DELETED', 'entity is deleted', [], 404);
  return record;
}

/** The single live record whose external-ID field holds the URL's value. */
function recordByExternalId(org: Org, objectName: string, fieldSegment: string, value: string): SalesforceRecord {
  const field = org.metadata.field(objectName, fieldSegment);
  if (!field || (!field.externalId && field.name !== 'Id')) throw externalIdNotFound(fieldSegment);
  if (field.name === 'Id') return recordAt(org, objectName, value, 'NOT_FOUND');
  const matches = org.findByExternalId(objectName, field.name, value);
  if (matches.length > 1) throw new MultipleMatchesError(objectName, matches.map((match) => String(match.Id)));
  const [record] = matches;
  if (!record) throw notFound();
  return record;
}

function created(record: SalesforceRecord): RestResponse {
  return { status: 201, body: { id: record.Id, success: true, errors: [] } };
}

const createRecord = (context: RestContext, params: Readonly<Record<string, string>>, request: RestRequest): RestResponse => {
  const object = context.org.describedObject(params.object as string);
  return created(context.org.create(object.name, inputFromJson(context.org.metadata, object.name, jsonObjectBody(request.body))));
};

function upsert(context: RestContext, params: Readonly<Record<string, string>>, request: RestRequest): RestResponse {
  const org = context.org;
  const object = org.describedObject(params.object as string);
  const fieldName = params.field as string;
  const field = org.metadata.field(object.name, fieldName);
  if (!field) throw notFound();
  const body = jsonObjectBody(request.body);
  const value = params.value as string;
  if (request.query.get('updateOnly') === 'true' && field.name !== 'Id' && org.findByExternalId(object.name, field.name, value).length === 0) throw notFound();
  const input = inputFromJson(org.metadata, object.name, body);
  const result = org.upsert(object.name, field.name, field.name === 'Id' ? value : (input.values.get(field.name) ?? value), input);
  if (!result.created && Number(context.version) < UPSERT_BODY_SINCE_VERSION) return { status: 204 };
  return { status: result.created ? 201 : 200, body: { id: result.record.Id, success: true, errors: [], created: result.created } };
}

export const sobjectRoutes: RestRoute[] = [
  { method: 'GET', pattern: 'sobjects', handler: (context) => ({ status: 200, body: describeGlobal(context.org, context.version) }) },
  {
    method: 'GET',
    pattern: 'sobjects/:object',
    handler: (context, params) => ({ status: 200, body: describeObjectBasics(context.org.describedObject(params.object as string), context.version) }),
  },
  { method: 'POST', pattern: 'sobjects/:object', handler: createRecord },
  {
    method: 'GET',
    pattern: 'sobjects/:object/describe',
    handler: (context, params) => ({ status: 200, body: describeObject(context.org, context.org.describedObject(params.object as string), context.version) }),
  },
  {
    method: 'GET',
    pattern: 'sobjects/:object/:id',
    handler: (context, params, request) => {
      const objectName = context.org.describedObject(params.object as string).name;
      const record = recordAt(context.org, objectName, params.id as string, 'NOT_FOUND');
      return { status: 200, body: recordResource(context.org, context, objectName, record, requestedFields(request)) };
    },
  },
  {
    method: 'PATCH',
    pattern: 'sobjects/:object/:id',
    handler: (context, params, request) => {
      const objectName = context.org.describedObject(params.object as string).name;
      const record = recordAt(context.org, objectName, params.id as string, 'ENTITY_IS_DELETED');
      const body = jsonObjectBody(request.body);
      const { Id: _id, ...changes } = body;
      context.org.update(String(record.Id), inputFromJson(context.org.metadata, objectName, changes), objectName);
      return { status: 204 };
    },
  },
  {
    method: 'DELETE',
    pattern: 'sobjects/:object/:id',
    handler: (context, params) => {
      const objectName = context.org.describedObject(params.object as string).name;
      const record = recordAt(context.org, objectName, params.id as string, 'ENTITY_IS_DELETED');
      context.org.delete(String(record.Id), objectName);
      return { status: 204 };
    },
  },
  {
    // POST /sobjects/X/Id creates, as an upsert by Id without a value does.
    method: 'POST',
    pattern: 'sobjects/:object/:field',
    handler: (context, params, request) => {
      if ((params.field as string).toLowerCase() !== 'id') throw notFound();
      return createRecord(context, params, request);
    },
  },
  {
    method: 'GET',
    pattern: 'sobjects/:object/:field/:value',
    handler: (context, params, request) => {
      const objectName = context.org.describedObject(params.object as string).name;
      const record = recordByExternalId(context.org, objectName, params.field as string, params.value as string);
      return { status: 200, body: recordResource(context.org, context, objectName, record, requestedFields(request)) };
    },
  },
  { method: 'PATCH', pattern: 'sobjects/:object/:field/:value', handler: upsert },
  {
    method: 'DELETE',
    pattern: 'sobjects/:object/:field/:value',
    handler: (context, params) => {
      const objectName = context.org.describedObject(params.object as string).name;
      const record = recordByExternalId(context.org, objectName, params.field as string, params.value as string);
      context.org.delete(String(record.Id), objectName);
      return { status: 204 };
    },
  },
];

