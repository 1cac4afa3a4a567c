// The part of the Tooling API a connector's setup needs: create a CustomField, read one back, and
// the simple "SELECT ... FROM CustomField WHERE ..." queries that check whether a field exists.
import { definitionFromMetadata, parseFullName } from '../org/custom-field-metadata.js';
import type { CustomFieldEntry, Org } from '../org/org.js';
import { notFound, SalesforceError } from '../org/salesforce-error.js';
import type { RestContext, RestResponse, RestRoute } from './rest-types.js';
import { jsonObjectBody } from './sobject-resources.js';

const CUSTOM_FIELD_KEY_PREFIX = '00N';
const QUERYABLE_COLUMNS = ['Id', 'DeveloperName', 'TableEnumOrId', 'NamespacePrefix', 'FullName'] as const;
type Column = (typeof QUERYABLE_COLUMNS)[number];

const QUERY = /^\s*SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(.+?))?(?:\s+LIMIT\s+(\d+))?\s*$/i;
const CONDITION = /^\s*(\w+)\s*(?:=\s*'((?:[^'\\]|\\.)*)'|IN\s*\(([^)]*)\))\s*$/i;

function columnsOf(entry: CustomFieldEntry): Record<Column, string | null> {
  return {
    Id: entry.id,
    DeveloperName: entry.definition.name.replace(/__c$/, ''),
    TableEnumOrId: entry.objectName,
    NamespacePrefix: null,
    FullName: `${entry.objectName}.${entry.definition.name}`,
  };
}

function toolingUrl(context: RestContext, id: string): string {
  return `/services/data/v${context.version}/tooling/sobjects/CustomField/${id}`;
}

function malformed(message: string): SalesforceError {
  return new SalesforceError('MALFORMED_QUERY', message);
}

function column(name: string): Column {
  const found = QUERYABLE_COLUMNS.find((candidate) => candidate.toLowerCase() === name.trim().toLowerCase());
  if (!found) throw new SalesforceError('INVALID_FIELD', `No such column '${name.trim()}' on entity 'CustomField'.`);
  return found;
}

function unquote(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/** Conditions joined by AND: Column = 'value' or Column IN ('a', 'b'); values compare case-insensitively as Salesforce does. */
function parseWhere(where: string | undefined): Array<{ column: Column; values: string[] }> {
  if (!where) return [];
  return where.split(/\s+AND\s+/i).map((condition) => {
    const match = CONDITION.exec(condition);
    if (!match) throw malformed(`unexpected condition: ${condition.trim()}`);
    const values = match[2] !== undefined ? [unquote(match[2])] : [...(match[3] ?? '').matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((item) => unquote(item[1] as string));
    return { column: column(match[1] as string), values: values.map((value) => value.toLowerCase()) };
  });
}

function query(context: RestContext, soql: string): RestResponse {
  const match = QUERY.exec(soql);
  if (!match) throw malformed(`unexpected token in query: ${soql}`);
  if ((match[2] as string).toLowerCase() !== 'customfield') throw new SalesforceError('INVALID_TYPE', `sObject type '${match[2] as string}' is not supported.`);
  const columns = (match[1] as string).split(',').map(column);
  const conditions = parseWhere(match[3]);
  const limit = match[4] === undefined ? Infinity : Number(match[4]);
  const records = context.org.customFields
    .map((entry) => ({ entry, values: columnsOf(entry) }))
    .filter(({ values }) => conditions.every((condition) => condition.values.includes(String(values[condition.column]).toLowerCase())))
    .slice(0, limit)
    .map(({ entry, values }) => ({
      attributes: { type: 'CustomField', url: toolingUrl(context, entry.id) },
      ...Object.fromEntries(columns.map((name) => [name, values[name]])),
    }));
  return { status: 200, body: { size: records.length, totalSize: records.length, done: true, queryLocator: null, entityTypeName: 'CustomField', records } };
}

function createCustomField(context: RestContext, body: unknown): RestResponse {
  const org: Org = context.org;
  const parsed = jsonObjectBody(body);
  const { objectName, fieldName } = parseFullName(parsed.FullName);
  const object = org.describedObject(objectName);
  const definition = definitionFromMetadata(fieldName, parsed.Metadata);
  const entry: CustomFieldEntry = { id: org.newId(CUSTOM_FIELD_KEY_PREFIX), objectName: object.name, definition, metadata: parsed.Metadata };
  org.addCustomField(entry);
  return { status: 201, body: { id: entry.id, success: true, errors: [], warnings: [], infos: [] } };
}

function customFieldById(context: RestContext, id: string): RestResponse {
  const entry = context.org.customFields.find((candidate) => candidate.id === id || candidate.id.slice(0, 15) === id);
  if (!entry) throw notFound();
  return {
    status: 200,
    body: { attributes: { type: 'CustomField', url: toolingUrl(context, entry.id) }, ...columnsOf(entry), Metadata: entry.metadata },
  };
}

export const toolingRoutes: RestRoute[] = [
  { method: 'POST', pattern: 'tooling/sobjects/CustomField', handler: (context, _params, request) => createCustomField(context, request.body) },
  { method: 'GET', pattern: 'tooling/sobjects/CustomField/:id', handler: (context, params) => customFieldById(context, params.id as string) },
  {
    method: 'GET',
    pattern: 'tooling/query',
    handler: (context, _params, request) => {
      const soql = request.query.get('q');
      if (!soql) throw malformed('q is required');
      return query(context, soql);
    },
  },
];
