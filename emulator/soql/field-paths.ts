// Checks dotted field references against the org's describe data and reads them from records,
// following parent relationships (Account.Owner.Name) through QuerySource.recordById.
import type { FieldInfo, FieldValue, QuerySource, SalesforceRecord } from '../contracts.js';
import type { FieldPath } from './ast.js';
import { positionedMessage, SoqlError } from './soql-error.js';

/** One step from a record to its parent: the id-holding field and the relationship it names. */
export interface RelationshipHop {
  referenceField: string;
  relationshipName: string;
}

export interface BoundField {
  hops: RelationshipHop[];
  leaf: FieldInfo;
  /** Canonical dotted name, e.g. "Account.Name", to spot a field selected twice. */
  canonicalPath: string;
  read(record: SalesforceRecord): FieldValue;
}

interface ObjectFields {
  byName: Map<string, FieldInfo>;
  byRelationship: Map<string, FieldInfo>;
}

export function parentOf(source: QuerySource, record: SalesforceRecord, hop: RelationshipHop): { objectName: string; record: SalesforceRecord } | undefined {
  const parentId = record[hop.referenceField];
  return typeof parentId === 'string' && parentId !== '' ? source.recordById(parentId) : undefined;
}

export class FieldBinder {
  private readonly describeCache = new Map<string, ObjectFields>();

  constructor(
    private readonly source: QuerySource,
    private readonly soql: string,
    readonly objectName: string,
  ) {}

  bind(path: FieldPath): BoundField {
    let candidates = [this.objectName];
    const hops: RelationshipHop[] = [];
    const relationshipNames = path.segments.slice(0, -1);
    for (const name of relationshipNames) {
      const reference = this.findRelationship(candidates, name);
      if (!reference?.relationshipName) throw this.unknownRelationship(path, name);
      hops.push({ referenceField: reference.name, relationshipName: reference.relationshipName });
      candidates = reference.referenceTo;
    }
    const leafName = path.segments[path.segments.length - 1] ?? '';
    const leaf = this.findField(candidates, leafName);
    if (!leaf) throw this.noSuchColumn(path, leafName, candidates[0] ?? this.objectName);
    const canonicalPath = [...hops.map((hop) => hop.relationshipName), leaf.name].join('.');
    return { hops, leaf, canonicalPath, read: (record) => this.read(record, hops, leaf.name) };
  }

  private read(record: SalesforceRecord, hops: readonly RelationshipHop[], leafName: string): FieldValue {
    let current: SalesforceRecord | undefined = record;
    for (const hop of hops) {
      current = parentOf(this.source, current, hop)?.record;
      if (!current) return null;
    }
    return current[leafName] ?? null;
  }

  private fieldsOf(objectName: string): ObjectFields {
    let fields = this.describeCache.get(objectName);
    if (!fields) {
      fields = { byName: new Map(), byRelationship: new Map() };
      for (const field of this.source.fields(objectName)) {
        fields.byName.set(field.name.toLowerCase(), field);
        if (field.relationshipName) fields.byRelationship.set(field.relationshipName.toLowerCase(), field);
      }
      this.describeCache.set(objectName, fields);
    }
    return fields;
  }

  /** Polymorphic references (Owner, What) may point at several objects: any of them may hold the field. */
  private findField(objectNames: readonly string[], name: string): FieldInfo | undefined {
    for (const objectName of objectNames) {
      const field = this.fieldsOf(objectName).byName.get(name.toLowerCase());
      if (field) return field;
    }
    return undefined;
  }

  private findRelationship(objectNames: readonly string[], name: string): FieldInfo | undefined {
    for (const objectName of objectNames) {
      const field = this.fieldsOf(objectName).byRelationship.get(name.toLowerCase());
      if (field) return field;
    }
    return undefined;
  }

  private noSuchColumn(path: FieldPath, name: string, objectName: string): SoqlError {
    const detail =
      `No such column '${name}' on entity '${objectName}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. ` +
      'Please reference your WSDL or the describe call for the appropriate names.';
    return new SoqlError('INVALID_FIELD', positionedMessage(this.soql, path.offset, detail));
  }

  private unknownRelationship(path: FieldPath, name: string): SoqlError {
    const detail =
      `Didn't understand relationship '${name}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. ` +
      'Please reference your WSDL or the describe call for the appropriate names.';
    return new SoqlError('INVALID_FIELD', positionedMessage(this.soql, path.offset, detail));
  }
}
