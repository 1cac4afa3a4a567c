// What the emulator's org (records and metadata) offers to the query engine and the Bulk API 2.0
// engine, so those stay independent of how the org stores things.

/** A stored field value as the REST API returns it: dates 'YYYY-MM-DD', datetimes '2026-11-22T07:43:36.000+0000'. */
export type FieldValue = string | number | boolean | null;

export type SalesforceRecord = Readonly<Record<string, FieldValue>>;

export interface FieldInfo {
  /** API name with its canonical casing, e.g. "AccountId", "Magento_Key__c". */
  name: string;
  /** Describe type: id, string, textarea, email, phone, url, picklist, reference, boolean, int, double, currency, percent, date, datetime. */
  type: string;
  /** For reference fields: the objects it may point at and the relationship name ("Account" for AccountId). */
  referenceTo: string[];
  relationshipName: string | null;
}

export interface QuerySource {
  /** Canonical object name for a name written in any casing, or undefined when the org has no such object. */
  objectName(name: string): string | undefined;
  fields(objectName: string): readonly FieldInfo[];
  /** Every record of the object; deleted ones (IsDeleted = true) only when asked, as queryAll does. */
  records(objectName: string, includeDeleted: boolean): Iterable<SalesforceRecord>;
  /** Any record by its 18-character id, for parent relationship fields such as Account.Name. */
  recordById(id: string): { objectName: string; record: SalesforceRecord } | undefined;
}

export interface RowError {
  statusCode: string;
  message: string;
  fields: string[];
}

export type RowOutcome = { success: true; id: string; created: boolean } | { success: false; id?: string; errors: RowError[] };

export type IngestOperation = 'insert' | 'update' | 'upsert' | 'delete' | 'hardDelete';

export interface IngestJobSpec {
  object: string;
  operation: IngestOperation;
  externalIdFieldName?: string;
}

export interface BulkRowTarget {
  /** Canonical object name, or undefined when the org has no such object. */
  objectName(name: string): string | undefined;
  /**
   * Writes one CSV row. `fields` holds only the cells to write: empty cells are already left out
   * (unchanged), `#N/A` is already null, and values are still strings: the org converts them to
   * the field types and validates exactly as the REST API does.
   */
  applyRow(job: IngestJobSpec, fields: Readonly<Record<string, string | null>>): RowOutcome;
}
