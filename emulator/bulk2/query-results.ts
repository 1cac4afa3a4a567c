// A query job's results as Bulk API 2.0 serves them: columns named as selected (Account.Name for a
// parent field), every value quoted, null as an empty value, datetimes in UTC with a Z, and pages
// of maxRecords rows chosen by a locator (the base64 of the page's first row number, "null" after
// the last page). Each page repeats the header row.
import { stringify } from 'csv-stringify/sync';
import type { FieldValue, SalesforceRecord } from '../contracts.js';
import type { BoundField } from '../soql/field-paths.js';
import { BulkApiError } from './bulk-error.js';
import { delimiterOf, recordDelimiterOf, type CsvFormat } from './csv-format.js';

export const LAST_PAGE_LOCATOR = 'null';

export interface ResultPage {
  csv: string;
  /** The next page's locator, or "null". */
  locator: string;
  numberOfRecords: number;
}

function cell(type: string, value: FieldValue): string {
  if (value === null) return '';
  if (type === 'datetime') return String(value).replace(/\+0000$/, 'Z');
  return String(value);
}

export function resultHeader(fields: readonly BoundField[]): string[] {
  return fields.map((field) => field.canonicalPath);
}

export function resultRow(fields: readonly BoundField[], record: SalesforceRecord): string[] {
  return fields.map((field) => cell(field.leaf.type, field.read(record)));
}

export function encodeLocator(position: number): string {
  return Buffer.from(String(position)).toString('base64').replace(/=+$/, '');
}

function invalidLocator(locator: string): BulkApiError {
  return new BulkApiError(400, 'INVALID_QUERY_LOCATOR', `invalid query locator: ${locator}`);
}

/** The first row number a locator names; a locator that names no row of the results is refused. */
function decodeLocator(locator: string, rowCount: number): number {
  const text = Buffer.from(locator, 'base64').toString('utf8');
  const position = /^\d+$/.test(text) ? Number(text) : -1;
  if (position < 0 || position >= rowCount || encodeLocator(position) !== locator) throw invalidLocator(locator);
  return position;
}

export function parseMaxRecords(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new BulkApiError(400, 'INVALIDJOB', `maxRecords must be a positive whole number, got ${value}`);
  return parsed;
}

export function resultPage(header: readonly string[], rows: readonly string[][], format: CsvFormat, locator: string | undefined, maxRecords: number): ResultPage {
  const start = locator === undefined ? 0 : decodeLocator(locator, rows.length);
  const end = Math.min(rows.length, start + maxRecords);
  const page = rows.slice(start, end);
  const csv = stringify([header, ...page], { delimiter: delimiterOf(format), record_delimiter: recordDelimiterOf(format), quoted: true, quoted_empty: true });
  return { csv, locator: end < rows.length ? encodeLocator(end) : LAST_PAGE_LOCATOR, numberOfRecords: page.length };
}
