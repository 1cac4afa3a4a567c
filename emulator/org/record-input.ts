// Reads the fields of one record as a caller sent them (a REST JSON body, or a Bulk CSV row) into
// canonical field names and typed values, plus parent references by external ID
// ({"Account": {"Magento_Id__c": "x"}} in JSON, an "Account.Magento_Id__c" column in CSV).
import type { FieldValue } from '../contracts.js';
import type { FieldDefinition } from '../schema/field-definition.js';
import { valueFromCsv, valueFromJson } from './field-values.js';
import type { OrgMetadata } from './metadata.js';
import { SalesforceError } from './salesforce-error.js';

export interface ParentReference {
  /** The lookup field the resolved parent id goes into (AccountId). */
  lookupField: FieldDefinition;
  parentObject: string;
  externalField: FieldDefinition;
  value: FieldValue;
}

export interface WriteInput {
  /** Canonical field name → typed value, only the fields the caller gave. */
  values: Map<string, FieldValue>;
  references: ParentReference[];
}

type Converter = (definition: FieldDefinition, raw: never) => FieldValue;

function noSuchColumn(objectName: string, key: string): SalesforceError {
  return new SalesforceError('INVALID_FIELD', `No such column '${key}' on sobject of type ${objectName}`, [key]);
}

function parentReference(
  metadata: OrgMetadata,
  objectName: string,
  relationshipName: string,
  externalName: string,
  raw: unknown,
  convert: Converter,
): ParentReference {
  const lookupField = metadata.relationshipField(objectName, relationshipName);
  const parentObject = lookupField?.referenceTo[0];
  if (!lookupField || !parentObject) throw noSuchColumn(objectName, relationshipName);
  const externalField = metadata.field(parentObject, externalName);
  if (!externalField) throw new SalesforceError('INVALID_FIELD', `No such column '${externalName}' on sobject of type ${parentObject}`, [externalName]);
  if (!externalField.externalId && externalField.name !== 'Id') {
    throw new SalesforceError('INVALID_FIELD', `Field ${externalField.name} is not an External ID field on ${parentObject}`, [lookupField.name]);
  }
  return { lookupField, parentObject, externalField, value: convert(externalField, raw as never) };
}

function readEntries(metadata: OrgMetadata, objectName: string, entries: Iterable<[string, unknown]>, convert: Converter): WriteInput {
  const input: WriteInput = { values: new Map(), references: [] };
  for (const [key, raw] of entries) {
    const definition = metadata.field(objectName, key);
    if (definition) {
      input.values.set(definition.name, convert(definition, raw as never));
      continue;
    }
    const dot = key.indexOf('.');
    if (dot > 0) {
      input.references.push(parentReference(metadata, objectName, key.slice(0, dot), key.slice(dot + 1), raw, convert));
      continue;
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw noSuchColumn(objectName, key);
    const externalEntries = Object.entries(raw).filter(([name]) => name !== 'attributes');
    const [external] = externalEntries;
    if (!external || externalEntries.length > 1) throw noSuchColumn(objectName, key);
    input.references.push(parentReference(metadata, objectName, key, external[0], external[1], convert));
  }
  return input;
}

/** A REST body: `attributes` is ignored; unknown fields and wrong types fail the whole request. */
export function inputFromJson(metadata: OrgMetadata, objectName: string, body: Readonly<Record<string, unknown>>): WriteInput {
  const entries = Object.entries(body).filter(([key]) => key !== 'attributes');
  return readEntries(metadata, objectName, entries, valueFromJson as Converter);
}

/** A Bulk row whose cells are strings (null for #N/A); a bad cell fails that row only. */
export function inputFromCsv(metadata: OrgMetadata, objectName: string, row: Readonly<Record<string, string | null>>): WriteInput {
  return readEntries(metadata, objectName, Object.entries(row), valueFromCsv as Converter);
}
