// The emulated org: metadata plus records, and every write the way Salesforce performs it
// (read-only fields, references, defaults, derived fields, required fields, unique values,
// system fields, history). Independent of HTTP; the REST layer, the query engine and the
// Bulk API engine all work through it.
import type {
  BulkRowTarget,
  FieldInfo,
  FieldValue,
  IngestJobSpec,
  QuerySource,
  RowOutcome,
  SalesforceRecord,
} from '../contracts.js';
import { IdGenerator, isWellFormedId, keyPrefixOf, normalizeId } from '../ids.js';
import { ADDRESS_PREFIXES } from '../schema/address-picklists.js';
import { isRequiredOnCreate, type FieldDefinition } from '../schema/field-definition.js';
import type { ObjectDefinition } from '../schema/object-definition.js';
import type { OpportunityStage } from '../schema/opportunity-stages.js';
import { addressesForSetting, syncAddresses } from './address-sync.js';
import { formatDateTime } from './field-values.js';
import { OrgMetadata, type MetadataConfig } from './metadata.js';
import { inputFromCsv, type ParentReference, type WriteInput } from './record-input.js';
import type { RuleContext } from './record-rules.js';
import { RecordStore, type StoredRecord } from './record-store.js';
import { rulesFor } from './rules/registry.js';
import { notFound, SalesforceError } from './salesforce-error.js';
import { checkedValue } from './value-checks.js';

export interface RecordTypeSpec {
  objectName: string;
  developerName: string;
  label?: string;
}

export interface OrgUser {
  username: string;
  firstName: string;
  lastName: string;
  email: string;
}

/** A further User record: owners to assign records to, and inactive ones to see them refused. */
export interface UserSpec {
  username: string;
  active?: boolean;
  firstName?: string;
  lastName?: string;
  email?: string;
}

export interface OrgOptions extends MetadataConfig {
  recordTypes?: readonly RecordTypeSpec[];
  user?: OrgUser;
  users?: readonly UserSpec[];
}

/** A field created through the Tooling API, kept so it can be listed, queried and snapshotted. */
export interface CustomFieldEntry {
  id: string;
  objectName: string;
  definition: FieldDefinition;
  /** The Metadata the field was created with, returned as given. */
  metadata: unknown;
}

export interface OrgSnapshot {
  format: 'forcebridge-emulator-org/1';
  orgId: string;
  userId: string;
  idCounter: number;
  stageNameRestricted: boolean;
  /** Absent in snapshots written before the setting existed. */
  stateCountryPicklists?: boolean;
  stages: OpportunityStage[];
  customFields: CustomFieldEntry[];
  records: StoredRecord[];
}

export const DEFAULT_USER: OrgUser = { username: 'admin@forcebridge.test', firstName: 'Demo', lastName: 'Admin', email: 'admin@forcebridge.test' };

export type UpsertResult = { record: SalesforceRecord; created: boolean };

export class MultipleMatchesError extends SalesforceError {
  constructor(
    readonly objectName: string,
    readonly ids: string[],
  ) {
    super('DUPLICATE_EXTERNAL_ID', 'A user-specified external ID matches more than one record during an upsert', [], 300);
  }
}

function dataOf(record: StoredRecord | undefined): SalesforceRecord | undefined {
  return record?.values;
}

export class Org implements QuerySource, BulkRowTarget {
  readonly metadata: OrgMetadata;
  readonly store = new RecordStore();
  readonly orgId: string;
  readonly userId: string;
  readonly customFields: CustomFieldEntry[] = [];
  /** Fault hook: when it answers true, the row being written fails with UNABLE_TO_LOCK_ROW. */
  rowLockContention: (() => boolean) | undefined;
  private readonly ids: IdGenerator;
  private readonly changeListeners: Array<() => void> = [];
  private readonly ruleContext: RuleContext;

  constructor(options: OrgOptions = {}, snapshot?: OrgSnapshot) {
    this.metadata = new OrgMetadata({
      extraStages: [...(options.extraStages ?? []), ...(snapshot?.stages ?? [])],
      stageNameRestricted: snapshot?.stageNameRestricted ?? options.stageNameRestricted,
      stateCountryPicklists: snapshot?.stateCountryPicklists ?? options.stateCountryPicklists,
    });
    this.ids = new IdGenerator(snapshot?.idCounter ?? 0);
    this.ruleContext = {
      metadata: this.metadata,
      store: this.store,
      insertSystemRecord: (objectName, values) => this.insertSystemRecord(objectName, values),
      systemUpdate: (id, changes) => this.systemUpdate(id, changes),
    };
    for (const object of this.metadata.objects) this.indexUniqueFields(object);
    this.orgId = snapshot?.orgId ?? this.ids.next('00D');
    this.userId = snapshot?.userId ?? this.ids.next('005');
    if (snapshot) this.restore(snapshot);
    else this.seed(options);
  }

  // ---- QuerySource and BulkRowTarget ----

  objectName(name: string): string | undefined {
    return this.metadata.object(name)?.name;
  }

  fields(objectName: string): readonly FieldInfo[] {
    return this.describedObject(objectName).fields;
  }

  *records(objectName: string, includeDeleted: boolean): Iterable<SalesforceRecord> {
    for (const record of this.store.recordsOf(objectName)) if (includeDeleted || record.values.IsDeleted !== true) yield record.values;
  }

  recordById(id: string): { objectName: string; record: SalesforceRecord } | undefined {
    const stored = isWellFormedId(id) ? this.store.get(normalizeId(id)) : undefined;
    return stored && { objectName: stored.objectName, record: stored.values };
  }

  applyRow(job: IngestJobSpec, fields: Readonly<Record<string, string | null>>): RowOutcome {
    const objectName = this.describedObject(job.object).name;
    const idKey = Object.keys(fields).find((name) => name.toLowerCase() === 'id');
    const idCell = idKey === undefined ? undefined : (fields[idKey] ?? undefined);
    const otherCells = Object.fromEntries(Object.entries(fields).filter(([name]) => name !== idKey));
    try {
      switch (job.operation) {
        case 'insert':
          return { success: true, id: this.create(objectName, inputFromCsv(this.metadata, objectName, fields)).Id as string, created: true };
        case 'update':
          if (!idCell) throw new SalesforceError('MISSING_ARGUMENT', 'Id not specified in an update call', ['Id']);
          return { success: true, id: this.update(idCell, inputFromCsv(this.metadata, objectName, otherCells), objectName).Id as string, created: false };
        case 'upsert': {
          const externalIdField = job.externalIdFieldName ?? 'Id';
          const input = inputFromCsv(this.metadata, objectName, otherCells);
          const canonical = this.metadata.field(objectName, externalIdField)?.name ?? externalIdField;
          const value = canonical === 'Id' ? (idCell ?? null) : (input.values.get(canonical) ?? null);
          const result = this.upsert(objectName, externalIdField, value, input);
          return { success: true, id: result.record.Id as string, created: result.created };
        }
        case 'delete':
        case 'hardDelete':
          if (!idCell) throw new SalesforceError('MISSING_ARGUMENT', 'Id not specified in a delete call', ['Id']);
          this.delete(idCell, objectName, job.operation === 'hardDelete');
          return { success: true, id: normalizeId(idCell), created: false };
      }
    } catch (error) {
      if (!(error instanceof SalesforceError)) throw error;
      return { success: false, ...(idCell && isWellFormedId(idCell) ? { id: normalizeId(idCell) } : {}), errors: [error.toRowError()] };
    }
  }

  // ---- Reading ----

  /** The object's definition, or NOT_FOUND as the REST API answers an unknown sObject type. */
  describedObject(name: string): ObjectDefinition {
    const object = this.metadata.object(name);
    if (!object) throw notFound();
    return object;
  }

  /** A record of the object by id, deleted ones included; undefined for unknown or malformed ids. */
  findRecord(objectName: string, id: string): SalesforceRecord | undefined {
    if (!isWellFormedId(id)) return undefined;
    const stored = this.store.get(normalizeId(id));
    return stored?.objectName === objectName ? stored.values : undefined;
  }

  /** Live records of the object whose external-ID (or unique) field holds the value. */
  findByExternalId(objectName: string, fieldName: string, value: FieldValue): SalesforceRecord[] {
    return this.store.idsByValue(objectName, fieldName, value).map((id) => dataOf(this.store.get(id)) as SalesforceRecord);
  }

  recordTypesOf(objectName: string): SalesforceRecord[] {
    return [...this.records('RecordType', false)].filter((recordType) => recordType.SobjectType === objectName);
  }

  // ---- Writing ----

  create(objectName: string, input: WriteInput): SalesforceRecord {
    const object = this.describedObject(objectName);
    this.checkLock(undefined);
    if (!object.createable) throw new SalesforceError('INVALID_TYPE_FOR_OPERATION', `entity type cannot be inserted: ${object.label}`);
    if (input.values.has('Id')) throw new SalesforceError('INVALID_FIELD_FOR_INSERT_UPDATE', 'Record ID: cannot specify Id in an insert call', ['Id']);
    const record = this.write(object, undefined, input, false);
    this.notifyChange();
    return record;
  }

  update(id: string, input: WriteInput, expectedObject?: string): SalesforceRecord {
    const current = this.liveRecord(id, expectedObject);
    const object = this.describedObject(current.objectName);
    this.checkLock(current.values.Id as string);
    if (!object.updateable) throw new SalesforceError('INVALID_TYPE_FOR_OPERATION', `entity type cannot be updated: ${object.label}`);
    const record = this.write(object, current.values, input, false);
    this.notifyChange();
    return record;
  }

  /** Updates the record whose external ID holds the value, or creates it with that value. */
  upsert(objectName: string, fieldName: string, value: FieldValue, input: WriteInput): UpsertResult {
    const object = this.describedObject(objectName);
    const field = this.metadata.field(object.name, fieldName);
    if (!field || (!field.externalId && field.name !== 'Id')) {
      throw new SalesforceError('INVALID_FIELD', `Provided external ID field does not exist or is not accessible: ${fieldName}`, [fieldName]);
    }
    if (field.name === 'Id') {
      if (value === null || value === '') return { record: this.create(object.name, input), created: true };
      return { record: this.update(String(value), input, object.name), created: false };
    }
    if (value === null || value === '') throw new SalesforceError('MISSING_ARGUMENT', `${field.name} not specified`, [field.name]);
    const matches = this.store.idsByValue(object.name, field.name, value);
    const [match] = matches;
    if (matches.length > 1) throw new MultipleMatchesError(object.name, matches);
    if (match) return { record: this.update(match, input, object.name), created: false };
    const values = new Map(input.values);
    values.set(field.name, value);
    return { record: this.create(object.name, { ...input, values }), created: true };
  }

  /** Moves the record to the recycle bin (IsDeleted = true), with its cascade-deleted children; `erase` removes it for good. */
  delete(id: string, expectedObject?: string, erase = false): void {
    const current = this.liveRecord(id, expectedObject);
    const object = this.describedObject(current.objectName);
    this.checkLock(current.values.Id as string);
    if (!object.deletable) throw new SalesforceError('INVALID_TYPE_FOR_OPERATION', `entity type cannot be deleted: ${object.label}`);
    this.deleteWithChildren(current, erase);
    this.notifyChange();
  }

  /** Runs `work` so that its writes are undone when it throws. */
  transaction<T>(work: () => T): T {
    const mark = this.store.begin();
    try {
      const result = work();
      this.store.commit();
      return result;
    } catch (error) {
      this.store.rollback(mark);
      throw error;
    }
  }

  /** For callers that decide after the fact (allOrNone): a mark to roll back to, or release() to keep the writes. */
  savepoint(): number {
    return this.store.begin();
  }

  rollbackTo(mark: number): void {
    this.store.rollback(mark);
    this.notifyChange();
  }

  release(): void {
    this.store.commit();
  }

  // ---- Metadata changes ----

  addCustomField(entry: CustomFieldEntry): void {
    const object = this.describedObject(entry.objectName);
    if (this.metadata.field(object.name, entry.definition.name)) {
      throw new SalesforceError('DUPLICATE_DEVELOPER_NAME', `There is already a field named ${entry.definition.name.replace(/__c$/, '')} on ${object.label}.`);
    }
    this.metadata.addField(object.name, entry.definition);
    if (entry.definition.externalId || entry.definition.unique) this.store.addIndex(object.name, entry.definition);
    this.backfill(object.name, entry.definition);
    this.customFields.push(entry);
    this.notifyChange();
  }

  /** Turns State and Country/Territory Picklists on (existing names gain their codes) or off (codes go). */
  setStateCountryPicklists(enabled: boolean): void {
    if (this.metadata.stateCountryPicklists === enabled) return;
    this.metadata.stateCountryPicklists = enabled;
    for (const objectName of Object.keys(ADDRESS_PREFIXES)) {
      for (const record of [...this.store.recordsOf(objectName)]) {
        this.store.put({ objectName, values: addressesForSetting(this.metadata, objectName, record.values) });
      }
    }
    this.notifyChange();
  }

  defineStage(stage: OpportunityStage): void {
    this.metadata.defineStage(stage);
    this.notifyChange();
  }

  newId(keyPrefix: string): string {
    return this.ids.next(keyPrefix);
  }

  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  snapshot(): OrgSnapshot {
    const records: StoredRecord[] = [];
    for (const object of this.metadata.objects) records.push(...this.store.recordsOf(object.name));
    return {
      format: 'forcebridge-emulator-org/1',
      orgId: this.orgId,
      userId: this.userId,
      idCounter: this.ids.issued,
      stageNameRestricted: this.metadata.stageNameRestricted,
      stateCountryPicklists: this.metadata.stateCountryPicklists,
      stages: this.metadata.stages,
      customFields: this.customFields,
      records,
    };
  }

  // ---- The write pipeline ----

  private write(object: ObjectDefinition, previous: SalesforceRecord | undefined, input: WriteInput, system: boolean): SalesforceRecord {
    if (!system) this.checkWritable(object, input, previous === undefined);
    const next: Record<string, FieldValue> = previous ? { ...previous } : this.defaults(object);
    const written = new Set<string>();
    for (const reference of input.references) {
      next[reference.lookupField.name] = this.resolveParent(reference);
      written.add(reference.lookupField.name);
    }
    const values = system ? input.values : syncAddresses(this.metadata, object.name, input.values, previous);
    for (const [name, value] of values) {
      const definition = this.metadata.field(object.name, name) as FieldDefinition;
      next[name] = definition.type === 'reference' ? this.checkedReference(object, definition, value) : checkedValue(definition, value);
      written.add(name);
    }
    const rules = rulesFor(object.name);
    rules?.derive?.(this.ruleContext, next, previous, written);
    this.checkRequired(object, next, previous === undefined, written);
    this.checkUnique(object, next, previous);
    if (!system) this.checkOwnerActive(object, next);
    this.stamp(object, next, previous === undefined);
    this.store.put({ objectName: object.name, values: next });
    rules?.afterWrite?.(this.ruleContext, next, previous);
    return next;
  }

  private checkWritable(object: ObjectDefinition, input: WriteInput, creating: boolean): void {
    const names = [...input.values.keys(), ...input.references.map((reference) => reference.lookupField.name)];
    const readOnly = names.filter((name) => {
      const definition = this.metadata.field(object.name, name) as FieldDefinition;
      return creating ? !definition.createable : !definition.updateable;
    });
    if (readOnly.length > 0) {
      throw new SalesforceError(
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        readOnly,
      );
    }
  }

  private defaults(object: ObjectDefinition): Record<string, FieldValue> {
    const values: Record<string, FieldValue> = {};
    for (const definition of object.fields) values[definition.name] = this.defaultValue(object, definition);
    return values;
  }

  private defaultValue(object: ObjectDefinition, definition: FieldDefinition): FieldValue {
    if (definition.defaultValue !== null) return definition.defaultValue;
    if (definition.name === 'OwnerId') return this.userId;
    if (definition.name === 'RecordTypeId') return (this.recordTypesOf(object.name).find((recordType) => recordType.IsActive === true)?.Id as string) ?? null;
    return definition.picklistValues.find((entry) => entry.defaultValue)?.value ?? null;
  }

  private resolveParent(reference: ParentReference): FieldValue {
    if (reference.value === null) return null;
    if (reference.externalField.name === 'Id') return String(reference.value);
    const { parentObject, externalField, value } = reference;
    const matches = this.store.idsByValue(parentObject, externalField.name, value);
    if (matches.length === 1) return matches[0] as string;
    const problem = matches.length === 0 ? 'not found' : 'matches more than one record';
    throw new SalesforceError('INVALID_FIELD', `Foreign key external ID: ${String(value)} ${problem} for field ${externalField.name} in entity ${parentObject}`, [
      reference.lookupField.name,
    ]);
  }

  private checkedReference(object: ObjectDefinition, definition: FieldDefinition, value: FieldValue): FieldValue {
    if (value === null || value === '') return null;
    const text = String(value);
    const wrongType = (code: string) => new SalesforceError(code, `${definition.label}: id value of incorrect type: ${text}`, [definition.name]);
    if (!isWellFormedId(text)) throw wrongType('MALFORMED_ID');
    const id = normalizeId(text);
    const targetObject = this.metadata.objectByKeyPrefix(keyPrefixOf(id))?.name;
    if (!targetObject || !definition.referenceTo.includes(targetObject)) throw wrongType('FIELD_INTEGRITY_EXCEPTION');
    const target = this.store.get(id);
    if (!target) throw new SalesforceError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [definition.name]);
    if (target.values.IsDeleted === true) throw new SalesforceError('ENTITY_IS_DELETED', 'entity is deleted', [definition.name]);
    if (definition.name === 'RecordTypeId' && (target.values.SobjectType !== object.name || target.values.IsActive !== true)) {
      throw new SalesforceError('INVALID_CROSS_REFERENCE_KEY', `Record Type ID: this ID value isn't valid for the user: ${id}`, [definition.name]);
    }
    return id;
  }

  private checkRequired(object: ObjectDefinition, next: Record<string, FieldValue>, creating: boolean, written: ReadonlySet<string>): void {
    const missing = object.fields
      .filter((definition) => (creating ? isRequiredOnCreate(definition) : !definition.nillable && written.has(definition.name)))
      .filter((definition) => next[definition.name] === null || next[definition.name] === undefined)
      .map((definition) => definition.name);
    if (missing.length > 0) throw new SalesforceError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing);
  }

  /** Without "Update Records with Inactive Owners", a record owned by an inactive user cannot be written. */
  private checkOwnerActive(object: ObjectDefinition, next: Record<string, FieldValue>): void {
    const ownerId = next.OwnerId;
    if (typeof ownerId !== 'string' || this.store.get(ownerId)?.values.IsActive !== false) return;
    throw new SalesforceError('INACTIVE_OWNER_OR_USER', `operation performed with inactive user [${ownerId}] as owner of ${object.name.toLowerCase()}`);
  }

  private checkUnique(object: ObjectDefinition, next: Record<string, FieldValue>, previous: SalesforceRecord | undefined): void {
    for (const definition of object.fields) {
      if (!definition.unique) continue;
      const value = next[definition.name] ?? null;
      if (value === null || (previous && previous[definition.name] === value)) continue;
      const other = this.store.idsByValue(object.name, definition.name, value).find((id) => id !== previous?.Id);
      if (other) {
        throw new SalesforceError('DUPLICATE_VALUE', `duplicate value found: ${definition.name} duplicates value on record with id: ${other}`, [definition.name]);
      }
    }
  }

  private stamp(object: ObjectDefinition, next: Record<string, FieldValue>, creating: boolean): void {
    const now = formatDateTime(new Date());
    if (creating) {
      next.Id ??= this.ids.next(object.keyPrefix);
      next.CreatedDate = now;
      next.CreatedById = this.userId;
    }
    if ('LastModifiedDate' in next) {
      next.LastModifiedDate = now;
      next.LastModifiedById = this.userId;
    }
    next.SystemModstamp = now;
  }

  private checkLock(id: string | undefined): void {
    if (!this.rowLockContention?.()) return;
    const message = id ? `unable to obtain exclusive access to this record or 1 records: ${id}` : 'unable to obtain exclusive access to this record';
    throw new SalesforceError('UNABLE_TO_LOCK_ROW', message);
  }

  /** A record that may be changed: well-formed id of the expected object, existing, not deleted. */
  private liveRecord(id: string, expectedObject: string | undefined): StoredRecord {
    const stored = isWellFormedId(id) ? this.store.get(normalizeId(id)) : undefined;
    const wrongObject = expectedObject !== undefined && keyPrefixOf(id) !== this.metadata.object(expectedObject)?.keyPrefix;
    if (!isWellFormedId(id) || wrongObject) {
      const label = expectedObject ? `${this.metadata.object(expectedObject)?.label ?? expectedObject} ID` : 'Record ID';
      throw new SalesforceError('MALFORMED_ID', `${label}: id value of incorrect type: ${id}`, ['Id']);
    }
    if (!stored) throw new SalesforceError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []);
    if (stored.values.IsDeleted === true) throw new SalesforceError('ENTITY_IS_DELETED', 'entity is deleted', []);
    return stored;
  }

  private deleteWithChildren(record: StoredRecord, erase: boolean): void {
    const id = record.values.Id as string;
    if (erase) this.store.remove(id);
    else {
      const deleted: Record<string, FieldValue> = { ...record.values, IsDeleted: true };
      this.stamp(this.describedObject(record.objectName), deleted, false);
      this.store.put({ objectName: record.objectName, values: deleted });
    }
    rulesFor(record.objectName)?.afterWrite?.(this.ruleContext, erase ? undefined : dataOf(this.store.get(id)), record.values);
    for (const child of this.cascadeChildren(record.objectName, id)) this.deleteWithChildren(child, erase);
  }

  private cascadeChildren(objectName: string, id: string): StoredRecord[] {
    const children: StoredRecord[] = [];
    for (const object of this.metadata.objects) {
      const lookups = object.fields.filter((definition) => definition.cascadeDelete && definition.referenceTo.includes(objectName));
      if (lookups.length === 0) continue;
      for (const child of this.store.recordsOf(object.name)) {
        if (child.values.IsDeleted !== true && lookups.some((definition) => child.values[definition.name] === id)) children.push(child);
      }
    }
    return children;
  }

  private insertSystemRecord(objectName: string, values: Record<string, FieldValue>): string {
    const object = this.describedObject(objectName);
    const next = { ...this.defaults(object), ...values };
    this.stamp(object, next, true);
    this.store.put({ objectName: object.name, values: next });
    return next.Id as string;
  }

  private systemUpdate(id: string, changes: Readonly<Record<string, FieldValue>>): void {
    const current = this.store.get(id);
    if (!current) return;
    this.write(this.describedObject(current.objectName), current.values, { values: new Map(Object.entries(changes)), references: [] }, true);
  }

  private indexUniqueFields(object: ObjectDefinition): void {
    for (const definition of object.fields) if (definition.externalId || definition.unique) this.store.addIndex(object.name, definition);
  }

  /** Gives existing records the new field's default (false for checkboxes, null otherwise). */
  private backfill(objectName: string, definition: FieldDefinition): void {
    for (const record of [...this.store.recordsOf(objectName)]) {
      this.store.put({ objectName, values: { ...record.values, [definition.name]: definition.defaultValue } });
    }
  }

  private seed(options: OrgOptions): void {
    const user = options.user ?? DEFAULT_USER;
    this.insertSystemRecord('User', {
      Id: this.userId,
      Username: user.username,
      FirstName: user.firstName,
      LastName: user.lastName,
      Name: `${user.firstName} ${user.lastName}`,
      Email: user.email,
      Alias: user.username.slice(0, 8),
      IsActive: true,
    });
    this.insertSystemRecord('Pricebook2', { Name: 'Standard Price Book', IsActive: true, IsStandard: true });
    for (const spec of options.users ?? []) this.addUser(spec);
    for (const spec of options.recordTypes ?? []) this.addRecordType(spec);
  }

  /** Creates a User as an admin would; a taken username is refused with DUPLICATE_VALUE. */
  addUser(spec: UserSpec): SalesforceRecord {
    const lastName = spec.lastName ?? (spec.username.split('@')[0] || spec.username);
    const values = new Map<string, FieldValue>([
      ['Username', spec.username],
      ['FirstName', spec.firstName ?? null],
      ['LastName', lastName],
      ['Email', spec.email ?? spec.username],
      ['Alias', spec.username.slice(0, 8)],
      ['IsActive', spec.active ?? true],
    ]);
    return this.create('User', { values, references: [] });
  }

  addRecordType(spec: RecordTypeSpec): SalesforceRecord {
    const values = new Map<string, FieldValue>([
      ['SobjectType', this.describedObject(spec.objectName).name],
      ['DeveloperName', spec.developerName],
      ['Name', spec.label ?? spec.developerName.replace(/_/g, ' ')],
      ['IsActive', true],
    ]);
    return this.create('RecordType', { values, references: [] });
  }

  private restore(snapshot: OrgSnapshot): void {
    for (const entry of snapshot.customFields) {
      this.metadata.addField(entry.objectName, entry.definition);
      if (entry.definition.externalId || entry.definition.unique) this.store.addIndex(entry.objectName, entry.definition);
      this.customFields.push(entry);
    }
    for (const record of snapshot.records) {
      if (record.objectName === 'RecordType' && typeof record.values.SobjectType === 'string') this.metadata.enableRecordTypes(record.values.SobjectType);
      this.store.put(record);
    }
  }

  private notifyChange(): void {
    for (const listener of this.changeListeners) listener();
  }
}
