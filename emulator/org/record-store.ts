// Records in memory with the indexes that keep writes O(1): by id, by object, and by value for
// every external-ID or unique field. A journal of replaced records lets a transaction roll back.
import type { FieldValue, SalesforceRecord } from '../contracts.js';
import type { FieldDefinition } from '../schema/field-definition.js';

export interface StoredRecord {
  readonly objectName: string;
  /** Never mutated once stored: a write stores a new object, so readers and the journal stay valid. */
  readonly values: SalesforceRecord;
}

interface ValueIndex {
  readonly definition: FieldDefinition;
  readonly idsByKey: Map<string, Set<string>>;
}

interface JournalEntry {
  id: string;
  before: StoredRecord | undefined;
}

export function indexKey(definition: FieldDefinition, value: FieldValue): string | undefined {
  if (value === null || value === '') return undefined;
  const text = String(value);
  return definition.caseSensitive ? text : text.toLowerCase();
}

function isLive(record: StoredRecord): boolean {
  return record.values.IsDeleted !== true;
}

export class RecordStore {
  private readonly byId = new Map<string, StoredRecord>();
  private readonly byObject = new Map<string, Map<string, StoredRecord>>();
  /** Keyed by object name, then field name. */
  private readonly indexes = new Map<string, Map<string, ValueIndex>>();
  private journal: JournalEntry[] | undefined;
  /** Open transactions; the journal lives while at least one is open. */
  private openTransactions = 0;

  get(id: string): StoredRecord | undefined {
    return this.byId.get(id);
  }

  recordsOf(objectName: string): IterableIterator<StoredRecord> {
    return (this.byObject.get(objectName) ?? new Map<string, StoredRecord>()).values();
  }

  count(objectName: string, includeDeleted: boolean): number {
    const records = this.byObject.get(objectName);
    if (!records) return 0;
    if (includeDeleted) return records.size;
    let live = 0;
    for (const record of records.values()) if (isLive(record)) live += 1;
    return live;
  }

  put(record: StoredRecord): void {
    const id = record.values.Id as string;
    const before = this.byId.get(id);
    this.journal?.push({ id, before });
    if (before) this.unindex(before);
    this.place(id, record);
  }

  /** Erases a record for good (hard delete), not just marks it deleted. */
  remove(id: string): void {
    const before = this.byId.get(id);
    if (!before) return;
    this.journal?.push({ id, before });
    this.unindex(before);
    this.forget(id);
  }

  /** Ids of live records whose indexed field holds the value (case-insensitive unless the field says otherwise). */
  idsByValue(objectName: string, fieldName: string, value: FieldValue): string[] {
    const index = this.indexes.get(objectName)?.get(fieldName);
    if (!index) throw new Error(`${objectName}.${fieldName} is not indexed`);
    const key = indexKey(index.definition, value);
    return key === undefined ? [] : [...(index.idsByKey.get(key) ?? [])];
  }

  isIndexed(objectName: string, fieldName: string): boolean {
    return this.indexes.get(objectName)?.has(fieldName) ?? false;
  }

  /** Starts indexing a field; existing records are indexed at once. */
  addIndex(objectName: string, definition: FieldDefinition): void {
    const index: ValueIndex = { definition, idsByKey: new Map() };
    let perObject = this.indexes.get(objectName);
    if (!perObject) this.indexes.set(objectName, (perObject = new Map()));
    perObject.set(definition.name, index);
    for (const record of this.recordsOf(objectName)) if (isLive(record)) this.addToIndex(index, record);
  }

  /** Starts recording replaced records; returns the mark to roll back to. */
  begin(): number {
    this.journal ??= [];
    this.openTransactions += 1;
    return this.journal.length;
  }

  rollback(mark: number): void {
    const journal = this.journal;
    if (!journal) return;
    while (journal.length > mark) {
      const entry = journal.pop() as JournalEntry;
      const current = this.byId.get(entry.id);
      if (current) this.unindex(current);
      if (entry.before) this.place(entry.id, entry.before);
      else this.forget(entry.id);
    }
    this.close();
  }

  /** Ends a transaction; a nested one leaves its entries for the outer one to roll back. */
  commit(): void {
    this.close();
  }

  private close(): void {
    this.openTransactions -= 1;
    if (this.openTransactions === 0) this.journal = undefined;
  }

  private place(id: string, record: StoredRecord): void {
    this.byId.set(id, record);
    let records = this.byObject.get(record.objectName);
    if (!records) this.byObject.set(record.objectName, (records = new Map()));
    records.set(id, record);
    if (isLive(record)) for (const index of this.indexes.get(record.objectName)?.values() ?? []) this.addToIndex(index, record);
  }

  private forget(id: string): void {
    const record = this.byId.get(id);
    if (!record) return;
    this.byId.delete(id);
    this.byObject.get(record.objectName)?.delete(id);
  }

  private addToIndex(index: ValueIndex, record: StoredRecord): void {
    const key = indexKey(index.definition, record.values[index.definition.name] ?? null);
    if (key === undefined) return;
    let ids = index.idsByKey.get(key);
    if (!ids) index.idsByKey.set(key, (ids = new Set()));
    ids.add(record.values.Id as string);
  }

  private unindex(record: StoredRecord): void {
    for (const index of this.indexes.get(record.objectName)?.values() ?? []) {
      const key = indexKey(index.definition, record.values[index.definition.name] ?? null);
      if (key === undefined) continue;
      const ids = index.idsByKey.get(key);
      ids?.delete(record.values.Id as string);
      if (ids?.size === 0) index.idsByKey.delete(key);
    }
  }
}
