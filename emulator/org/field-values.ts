// Turns values as they arrive (JSON values from REST, strings from Bulk CSV) into the stored form
// of the field's type, refusing the ones Salesforce refuses with its error codes.
import type { FieldValue } from '../contracts.js';
import { isTextType, type FieldDefinition } from '../schema/field-definition.js';
import { SalesforceError } from './salesforce-error.js';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Salesforce's datetime form: milliseconds and a +0000 offset. */
export function formatDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

function parseDate(text: string): string | undefined {
  const candidate = text.length > 10 && DATETIME_PATTERN.test(text) ? text.slice(0, 10) : text;
  const match = DATE_PATTERN.exec(candidate);
  if (!match) return undefined;
  const date = new Date(`${candidate}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(candidate) ? candidate : undefined;
}

function parseDateTime(text: string): string | undefined {
  if (!DATETIME_PATTERN.test(text)) return undefined;
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2') : `${text}Z`;
  const date = new Date(withZone);
  return Number.isNaN(date.getTime()) ? undefined : formatDateTime(date);
}

function parseNumber(value: string | number, integer: boolean): number | undefined {
  const parsed = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(parsed)) return undefined;
  return integer && !Number.isInteger(parsed) ? undefined : parsed;
}

function parseBoolean(value: string | boolean): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  return undefined;
}

/** Converts a non-null value; undefined when the value cannot be of the field's type. */
function convert(definition: FieldDefinition, value: string | number | boolean): FieldValue | undefined {
  switch (definition.type) {
    case 'boolean':
      return typeof value === 'number' ? undefined : parseBoolean(value);
    case 'int':
      return typeof value === 'boolean' ? undefined : parseNumber(value, true);
    case 'double':
    case 'currency':
    case 'percent':
      return typeof value === 'boolean' ? undefined : parseNumber(value, false);
    case 'date':
      return typeof value === 'string' ? parseDate(value) : undefined;
    case 'datetime':
      return typeof value === 'string' ? parseDateTime(value) : undefined;
    case 'id':
    case 'reference':
      return typeof value === 'string' ? value : undefined;
    default:
      if (!isTextType(definition.type)) return undefined;
      return typeof value === 'string' ? value : String(value);
  }
}

function jsonTypeName(value: unknown): string {
  if (typeof value === 'string') return 'VALUE_STRING';
  if (typeof value === 'number') return Number.isInteger(value) ? 'VALUE_NUMBER_INT' : 'VALUE_NUMBER_FLOAT';
  if (typeof value === 'boolean') return value ? 'VALUE_TRUE' : 'VALUE_FALSE';
  return Array.isArray(value) ? 'START_ARRAY' : 'START_OBJECT';
}

const JAVA_TYPE_NAMES: Partial<Record<string, string>> = {
  boolean: 'boolean',
  int: 'int',
  double: 'double',
  currency: 'double',
  percent: 'double',
  date: 'date',
  datetime: 'datetime',
};

/** A value from a REST JSON body; a wrong type fails the whole request as Salesforce's parser does. */
export function valueFromJson(definition: FieldDefinition, value: unknown): FieldValue {
  if (value === null) return null;
  const converted = typeof value === 'object' ? undefined : convert(definition, value as string | number | boolean);
  if (converted === undefined) {
    const typeName = JAVA_TYPE_NAMES[definition.type] ?? 'String';
    throw new SalesforceError(
      'JSON_PARSER_ERROR',
      `Cannot deserialize instance of ${typeName} from ${jsonTypeName(value)} value ${String(value)} or request may be missing a required field`,
    );
  }
  return converted;
}

/** A value from a Bulk CSV cell (null means #N/A); a wrong type fails that row only. */
export function valueFromCsv(definition: FieldDefinition, value: string | null): FieldValue {
  if (value === null) return null;
  const converted = convert(definition, value);
  if (converted === undefined) {
    throw new SalesforceError('INVALID_TYPE_ON_FIELD_IN_RECORD', `${definition.label}: value not of required type: ${value}`, [definition.name]);
  }
  return converted;
}
