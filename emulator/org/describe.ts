// Describe results as the REST API returns them: the global object list and one object's fields,
// child relationships and record types.
import type { FieldDefinition } from '../schema/field-definition.js';
import type { ObjectDefinition } from '../schema/object-definition.js';
import type { Org } from './org.js';

export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

const SOAP_TYPES: Readonly<Record<string, string>> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  boolean: 'xsd:boolean',
  int: 'xsd:int',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
};

function objectUrls(object: ObjectDefinition, version: string): Record<string, string> {
  const base = `/services/data/v${version}/sobjects/${object.name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

function objectSummary(object: ObjectDefinition, version: string) {
  return {
    activateable: false,
    createable: object.createable,
    custom: false,
    customSetting: false,
    deletable: object.deletable,
    deprecatedAndHidden: false,
    feedEnabled: false,
    hasSubtypes: false,
    isSubtype: false,
    keyPrefix: object.keyPrefix,
    label: object.label,
    labelPlural: object.labelPlural,
    layoutable: true,
    mergeable: object.name === 'Account' || object.name === 'Contact' || object.name === 'Lead',
    mruEnabled: true,
    name: object.name,
    queryable: true,
    replicateable: true,
    retrieveable: true,
    searchable: object.name !== 'OpportunityHistory',
    triggerable: object.createable,
    undeletable: object.deletable,
    updateable: object.updateable,
    urls: objectUrls(object, version),
  };
}

function describeField(definition: FieldDefinition) {
  const numeric = definition.type === 'double' || definition.type === 'currency' || definition.type === 'percent';
  const textual = definition.length > 0 && definition.type !== 'reference' && definition.type !== 'id';
  return {
    aggregatable: definition.type !== 'textarea',
    autoNumber: false,
    byteLength: textual || definition.type === 'id' || definition.type === 'reference' ? definition.length * 3 : 0,
    calculated: definition.calculated,
    caseSensitive: definition.caseSensitive,
    controllerName: definition.controllerName ?? null,
    createable: definition.createable,
    custom: definition.custom,
    defaultValue: definition.type === 'boolean' ? definition.defaultValue : null,
    defaultedOnCreate: definition.defaultedOnCreate,
    dependentPicklist: definition.controllerName !== undefined,
    digits: definition.type === 'int' ? definition.precision : 0,
    externalId: definition.externalId,
    filterable: definition.type !== 'textarea',
    groupable: !numeric && definition.type !== 'textarea' && definition.type !== 'datetime',
    idLookup: definition.idLookup || definition.externalId,
    label: definition.label,
    length: textual ? definition.length : definition.type === 'id' || definition.type === 'reference' ? 18 : 0,
    name: definition.name,
    nameField: definition.nameField,
    nillable: definition.nillable,
    picklistValues: definition.picklistValues.map((entry) => ({ ...entry, validFor: entry.validFor ?? null })),
    precision: numeric ? definition.precision : 0,
    referenceTo: definition.referenceTo,
    relationshipName: definition.relationshipName,
    restrictedPicklist: definition.restrictedPicklist,
    scale: numeric ? definition.scale : 0,
    soapType: SOAP_TYPES[definition.type] ?? 'xsd:string',
    sortable: definition.type !== 'textarea',
    type: definition.type,
    unique: definition.unique,
    updateable: definition.updateable,
  };
}

function recordTypeInfos(org: Org, object: ObjectDefinition, version: string) {
  const recordTypes = org.recordTypesOf(object.name).filter((recordType) => recordType.IsActive === true);
  const defaultId = recordTypes[0]?.Id ?? MASTER_RECORD_TYPE_ID;
  const info = (recordTypeId: string, name: string, developerName: string, master: boolean) => ({
    active: true,
    available: true,
    defaultRecordTypeMapping: recordTypeId === defaultId,
    developerName,
    master,
    name,
    recordTypeId,
    urls: { layout: `/services/data/v${version}/sobjects/${object.name}/describe/layouts/${recordTypeId}` },
  });
  return [
    ...recordTypes.map((recordType) => info(String(recordType.Id), String(recordType.Name), String(recordType.DeveloperName), false)),
    info(MASTER_RECORD_TYPE_ID, 'Master', 'Master', true),
  ];
}

function childRelationships(org: Org, object: ObjectDefinition) {
  return org.metadata.objects.flatMap((child) =>
    child.fields
      .filter((definition) => definition.referenceTo.includes(object.name) && definition.childRelationshipName)
      .map((definition) => ({
        cascadeDelete: definition.cascadeDelete,
        childSObject: child.name,
        deprecatedAndHidden: false,
        field: definition.name,
        relationshipName: definition.childRelationshipName,
        restrictedDelete: false,
      })),
  );
}

export function describeGlobal(org: Org, version: string) {
  return { encoding: 'UTF-8', maxBatchSize: 200, sobjects: org.metadata.objects.map((object) => objectSummary(object, version)) };
}

export function describeObject(org: Org, object: ObjectDefinition, version: string) {
  return {
    ...objectSummary(object, version),
    childRelationships: childRelationships(org, object),
    fields: object.fields.map(describeField),
    recordTypeInfos: recordTypeInfos(org, object, version),
  };
}

/** GET /sobjects/X: the object's summary and the records touched lately (none are tracked here). */
export function describeObjectBasics(object: ObjectDefinition, version: string) {
  return { objectDescribe: objectSummary(object, version), recentItems: [] };
}
