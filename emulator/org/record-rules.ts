// Per-object behaviour Salesforce adds to a plain write: derived fields before the record is
// stored, and follow-up writes (history rows, roll-ups) after it.
import type { FieldValue, SalesforceRecord } from '../contracts.js';
import type { OrgMetadata } from './metadata.js';
import type { RecordStore } from './record-store.js';

export interface RuleContext {
  readonly metadata: OrgMetadata;
  readonly store: RecordStore;
  /** Stores a record the org writes itself (a history row), without validation. */
  insertSystemRecord(objectName: string, values: Record<string, FieldValue>): string;
  /** Changes fields of a live record as the system does (roll-ups), with that object's rules applied. */
  systemUpdate(id: string, changes: Readonly<Record<string, FieldValue>>): void;
}

export interface RecordRules {
  /** Fills derived fields of the record about to be stored; `written` names the fields the caller gave. */
  derive?(context: RuleContext, next: Record<string, FieldValue>, previous: SalesforceRecord | undefined, written: ReadonlySet<string>): void;
  /** Runs once the record is stored; a deletion arrives with IsDeleted = true (or next undefined when erased). */
  afterWrite?(context: RuleContext, next: SalesforceRecord | undefined, previous: SalesforceRecord | undefined): void;
}
