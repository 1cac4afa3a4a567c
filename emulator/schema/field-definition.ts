// What the org knows about one field: the facts describe publishes and validation enforces.
import type { FieldValue } from '../contracts.js';

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'reference'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime';

export interface PicklistValue {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
  /** Of a dependent picklist's value: base64 bits, one per controlling value in its order, set where this value may be chosen. */
  validFor?: string;
}

export interface FieldDefinition {
  name: string;
  label: string;
  type: FieldType;
  /** Characters for text types, 0 otherwise. */
  length: number;
  /** Total and fractional digits for numbers (int uses digits = precision). */
  precision: number;
  scale: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultedOnCreate: boolean;
  /** Value set on create when the field is left out. */
  defaultValue: FieldValue;
  picklistValues: PicklistValue[];
  restrictedPicklist: boolean;
  /** The controlling field of a dependent picklist (BillingCountryCode for BillingStateCode). */
  controllerName?: string;
  referenceTo: string[];
  relationshipName: string | null;
  /** Name of the child relationship on the parent's describe (Account.Contacts), when Salesforce has one. */
  childRelationshipName: string | null;
  cascadeDelete: boolean;
  externalId: boolean;
  unique: boolean;
  caseSensitive: boolean;
  idLookup: boolean;
  nameField: boolean;
  custom: boolean;
  calculated: boolean;
}

type FieldOptions = Partial<Omit<FieldDefinition, 'name' | 'label' | 'type'>>;

/** Read-only fields the org fills in itself. */
export const SYSTEM_MANAGED: FieldOptions = { createable: false, updateable: false };

export function field(name: string, label: string, type: FieldType, options: FieldOptions = {}): FieldDefinition {
  return {
    name,
    label,
    type,
    length: 0,
    precision: 0,
    scale: 0,
    nillable: true,
    createable: true,
    updateable: true,
    defaultedOnCreate: false,
    defaultValue: null,
    picklistValues: [],
    restrictedPicklist: false,
    referenceTo: [],
    relationshipName: null,
    childRelationshipName: null,
    cascadeDelete: false,
    externalId: false,
    unique: false,
    caseSensitive: false,
    idLookup: false,
    nameField: false,
    custom: false,
    calculated: false,
    ...options,
  };
}

export function text(name: string, label: string, length: number, options: FieldOptions = {}): FieldDefinition {
  return field(name, label, 'string', { length, ...options });
}

export function textArea(name: string, label: string, length: number, options: FieldOptions = {}): FieldDefinition {
  return field(name, label, 'textarea', { length, ...options });
}

export function required(options: FieldOptions = {}): FieldOptions {
  return { nillable: false, ...options };
}

export function checkbox(name: string, label: string, defaultValue: boolean, options: FieldOptions = {}): FieldDefinition {
  return field(name, label, 'boolean', { nillable: false, defaultedOnCreate: true, defaultValue, ...options });
}

export function number(
  name: string,
  label: string,
  type: 'int' | 'double' | 'currency' | 'percent',
  precision: number,
  scale: number,
  options: FieldOptions = {},
): FieldDefinition {
  return field(name, label, type, { precision, scale, ...options });
}

export function picklistValues(values: readonly string[], defaultValue?: string): PicklistValue[] {
  return values.map((value) => ({ value, label: value, active: true, defaultValue: value === defaultValue }));
}

export function picklist(name: string, label: string, values: readonly string[], options: FieldOptions = {}): FieldDefinition {
  return field(name, label, 'picklist', { length: 255, picklistValues: picklistValues(values), ...options });
}

export function lookup(
  name: string,
  label: string,
  referenceTo: string,
  relationshipName: string,
  options: FieldOptions = {},
): FieldDefinition {
  return field(name, label, 'reference', { length: 18, referenceTo: [referenceTo], relationshipName, ...options });
}

/** Whether create must be given a value: Salesforce's "required" is derived, not a describe flag. */
export function isRequiredOnCreate(definition: FieldDefinition): boolean {
  return !definition.nillable && definition.createable && !definition.defaultedOnCreate && definition.type !== 'boolean';
}

export function isTextType(type: FieldType): boolean {
  return type === 'string' || type === 'textarea' || type === 'email' || type === 'phone' || type === 'url' || type === 'picklist';
}
