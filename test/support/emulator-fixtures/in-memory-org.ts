// A plain test double of the two contracts the SOQL and Bulk API 2.0 engines program against.
// It is not the emulator's org: it holds records in maps and validates only what it says below
// (unknown fields, required fields, number/boolean/date conversion, external-id lookups).
import type {
  BulkRowTarget,
  FieldInfo,
  FieldValue,
  IngestJobSpec,
  QuerySource,
  RowError,
  RowOutcome,
  SalesforceRecord,
} from '../../../emulator/contracts.js';
import { IdGenerator, normalizeId } from '../../../emulator/ids.js';

export interface FixtureObject {
  name: string;
  keyPrefix: string;
  fields: FieldInfo[];
  /** Fields an insert must give and an update may not clear. */
  required: string[];
}

interface StoredRecord {
  objectName: string;
  values: Record<string, FieldValue>;
}

type Conversion = { ok: true; value: FieldValue } | { ok: false; error: RowError };

const SYSTEM_FIELDS = new Set(['Id', 'IsDeleted', 'CreatedDate']);

export function field(name: string, type: string, reference?: { to: string; relationshipName: string }): FieldInfo {
  return { name, type, referenceTo: reference ? [reference.to] : [], relationshipName: reference?.relationshipName ?? null };
}

function rowError(statusCode: string, message: string, fields: string[] = []): RowError {
  return { statusCode, message, fields };
}

function restDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

export class InMemoryOrg implements QuerySource, BulkRowTarget {
  private readonly objects = new Map<string, FixtureObject>();
  private readonly byObject = new Map<string, Map<string, StoredRecord>>();
  private readonly byId = new Map<string, StoredRecord>();

  constructor(
    objects: readonly FixtureObject[],
    private readonly ids = new IdGenerator(),
    private readonly now: () => Date = () => new Date(),
  ) {
    for (const object of objects) {
      this.objects.set(object.name.toLowerCase(), object);
      this.byObject.set(object.name, new Map());
    }
  }

  objectName(name: string): string | undefined {
    return this.objects.get(name.toLowerCase())?.name;
  }

  fields(objectName: string): readonly FieldInfo[] {
    return this.describe(objectName).fields;
  }

  *records(objectName: string, includeDeleted: boolean): Iterable<SalesforceRecord> {
    for (const stored of this.byObject.get(objectName)?.values() ?? []) {
      if (includeDeleted || stored.values.IsDeleted !== true) yield stored.values;
    }
  }

  recordById(id: string): { objectName: string; record: SalesforceRecord } | undefined {
    const stored = this.byId.get(normalizeId(id));
    return stored && { objectName: stored.objectName, record: stored.values };
  }

  /** Test setup: stores a record as given (typed values), with Id, IsDeleted and CreatedDate filled in. */
  seed(objectName: string, values: Record<string, FieldValue>): string {
    const object = this.describe(objectName);
    const id = this.ids.next(object.keyPrefix);
    const stored: StoredRecord = { objectName: object.name, values: { CreatedDate: restDateTime(this.now()), ...values, Id: id, IsDeleted: false } };
    this.byObject.get(object.name)?.set(id, stored);
    this.byId.set(id, stored);
    return id;
  }

  /** Soft delete, as the recycle bin keeps it: queryAll still sees the record. */
  softDelete(id: string): void {
    const stored = this.byId.get(normalizeId(id));
    if (stored) stored.values.IsDeleted = true;
  }

  applyRow(job: IngestJobSpec, cells: Readonly<Record<string, string | null>>): RowOutcome {
    const object = this.describe(job.object);
    if (job.operation === 'delete' || job.operation === 'hardDelete') return this.deleteRow(job, cells);
    const values: Record<string, FieldValue> = {};
    for (const [column, cell] of Object.entries(cells)) {
      if (column.toLowerCase() === 'id') continue;
      const converted = column.includes('.') ? this.lookUpParent(object, column, cell) : this.convertCell(object, column, cell);
      if (!converted.ok) return { success: false, errors: [converted.error] };
      values[converted.name] = converted.value;
    }
    const idCell = Object.entries(cells).find(([column]) => column.toLowerCase() === 'id')?.[1] ?? null;
    if (job.operation === 'insert') return this.insert(object, values);
    if (job.operation === 'update') {
      if (!idCell) return { success: false, errors: [rowError('MISSING_ARGUMENT', 'Id not specified in an update call')] };
      return this.update(object, idCell, values);
    }
    return this.upsert(object, job.externalIdFieldName ?? '', values);
  }

  private describe(objectName: string): FixtureObject {
    const object = this.objects.get(objectName.toLowerCase());
    if (!object) throw new Error(`The fixture org has no object ${objectName}`);
    return object;
  }

  private findField(object: FixtureObject, name: string): FieldInfo | undefined {
    return object.fields.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  }

  private convertCell(object: FixtureObject, column: string, cell: string | null): Conversion & { name: string } {
    const info = this.findField(object, column);
    if (!info || SYSTEM_FIELDS.has(info.name)) {
      return { ok: false, name: column, error: rowError('INVALID_FIELD', `No such column '${column}' on sobject of type ${object.name}`, [column]) };
    }
    return { ...convertValue(info, cell), name: info.name };
  }

  /** `Account.Magento_Key__c` = value: the parent whose external id holds the value. */
  private lookUpParent(object: FixtureObject, column: string, cell: string | null): Conversion & { name: string } {
    const [relationship = '', keyField = ''] = column.split('.');
    const reference = object.fields.find((candidate) => candidate.relationshipName?.toLowerCase() === relationship.toLowerCase());
    const parentObject = reference?.referenceTo[0];
    if (!reference || !parentObject) {
      return { ok: false, name: column, error: rowError('INVALID_FIELD', `No such column '${column}' on sobject of type ${object.name}`, [column]) };
    }
    if (cell === null) return { ok: true, value: null, name: reference.name };
    const parents = [...this.records(parentObject, false)].filter((record) => record[keyField] === cell);
    const parent = parents[0];
    if (parents.length !== 1 || !parent) {
      const message = `Foreign key external ID: ${cell} not found for field ${keyField} in entity ${parentObject}`;
      return { ok: false, name: column, error: rowError('INVALID_FIELD', message, [column]) };
    }
    return { ok: true, value: parent.Id ?? null, name: reference.name };
  }

  private missingRequired(object: FixtureObject, values: Record<string, FieldValue>, creating: boolean): RowOutcome | undefined {
    const missing = object.required.filter((name) => (creating ? values[name] === undefined || values[name] === null : values[name] === null));
    if (missing.length === 0) return undefined;
    return { success: false, errors: [rowError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing)] };
  }

  private insert(object: FixtureObject, values: Record<string, FieldValue>): RowOutcome {
    const missing = this.missingRequired(object, values, true);
    if (missing) return missing;
    return { success: true, id: this.seed(object.name, values), created: true };
  }

  private update(object: FixtureObject, id: string, values: Record<string, FieldValue>): RowOutcome {
    const stored = this.byId.get(normalizeId(id));
    if (!stored || stored.objectName !== object.name || stored.values.IsDeleted === true) {
      return { success: false, errors: [rowError('ENTITY_IS_DELETED', 'entity is deleted')] };
    }
    const missing = this.missingRequired(object, values, false);
    if (missing) return { ...missing, id: String(stored.values.Id) };
    Object.assign(stored.values, values);
    return { success: true, id: String(stored.values.Id), created: false };
  }

  private upsert(object: FixtureObject, externalIdField: string, values: Record<string, FieldValue>): RowOutcome {
    const key = values[externalIdField];
    if (key === undefined || key === null) {
      return { success: false, errors: [rowError('MISSING_ARGUMENT', `${externalIdField} not specified`, [externalIdField])] };
    }
    const matches = [...this.records(object.name, false)].filter((record) => record[externalIdField] === key);
    const match = matches[0];
    if (matches.length > 1) {
      const message = `${externalIdField}: more than one record found for external id field: [${matches.map((record) => String(record.Id)).join(', ')}]`;
      return { success: false, errors: [rowError('DUPLICATE_EXTERNAL_ID', message, [externalIdField])] };
    }
    return match ? this.update(object, String(match.Id), values) : this.insert(object, values);
  }

  private deleteRow(job: IngestJobSpec, cells: Readonly<Record<string, string | null>>): RowOutcome {
    const id = Object.entries(cells).find(([column]) => column.toLowerCase() === 'id')?.[1];
    const stored = id ? this.byId.get(normalizeId(id)) : undefined;
    if (!id || !stored || stored.values.IsDeleted === true) {
      return { success: false, errors: [rowError('ENTITY_IS_DELETED', 'entity is deleted')] };
    }
    const storedId = String(stored.values.Id);
    if (job.operation === 'hardDelete') {
      this.byId.delete(storedId);
      this.byObject.get(stored.objectName)?.delete(storedId);
    } else stored.values.IsDeleted = true;
    return { success: true, id: storedId, created: false };
  }
}

function convertValue(info: FieldInfo, cell: string | null): Conversion {
  if (cell === null) return { ok: true, value: null };
  const wrongType = (): Conversion => ({ ok: false, error: rowError('INVALID_TYPE_ON_FIELD_IN_RECORD', `${info.name}: value not of required type: ${cell}`, [info.name]) });
  switch (info.type) {
    case 'boolean':
      return cell === 'true' || cell === 'false' ? { ok: true, value: cell === 'true' } : wrongType();
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return cell.trim() !== '' && Number.isFinite(Number(cell)) ? { ok: true, value: Number(cell) } : wrongType();
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(cell) ? { ok: true, value: cell } : wrongType();
    default:
      return { ok: true, value: cell };
  }
}
