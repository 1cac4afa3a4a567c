// Reads a CustomField's Metadata as the Tooling API takes it ({type:'Text', label, length,
// externalId, unique, ...}) into the field definition describe and validation use.
import { z } from 'zod';
import { field, type FieldDefinition, type FieldType } from '../schema/field-definition.js';
import { SalesforceError } from './salesforce-error.js';

const FULL_NAME = /^([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z][A-Za-z0-9_]*__c)$/;

const picklistValueSchema = z.object({ fullName: z.string().min(1), label: z.string().optional(), default: z.boolean().optional() });

const metadataSchema = z.object({
  type: z.enum(['Text', 'TextArea', 'LongTextArea', 'Email', 'Phone', 'Url', 'Number', 'Currency', 'Percent', 'Checkbox', 'Date', 'DateTime', 'Picklist']),
  label: z.string().min(1).max(40),
  length: z.number().int().positive().optional(),
  precision: z.number().int().min(1).max(18).optional(),
  scale: z.number().int().min(0).max(17).optional(),
  externalId: z.boolean().optional(),
  unique: z.boolean().optional(),
  caseSensitive: z.boolean().optional(),
  required: z.boolean().optional(),
  defaultValue: z.union([z.string(), z.boolean(), z.null()]).optional(),
  description: z.string().optional(),
  inlineHelpText: z.string().optional(),
  valueSet: z
    .object({
      restricted: z.boolean().optional(),
      valueSetDefinition: z.object({ sorted: z.boolean().optional(), value: z.array(picklistValueSchema).min(1) }),
    })
    .optional(),
});

export type CustomFieldMetadata = z.infer<typeof metadataSchema>;

const TYPE_BY_METADATA: Readonly<Record<CustomFieldMetadata['type'], FieldType>> = {
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Email: 'email',
  Phone: 'phone',
  Url: 'url',
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Checkbox: 'boolean',
  Date: 'date',
  DateTime: 'datetime',
  Picklist: 'picklist',
};

const MAX_TEXT_LENGTH: Partial<Record<CustomFieldMetadata['type'], number>> = { Text: 255, LongTextArea: 131072 };
const FIXED_LENGTH: Partial<Record<CustomFieldMetadata['type'], number>> = { TextArea: 255, Email: 80, Phone: 40, Url: 255, Picklist: 255 };

function integrity(message: string, fieldName = 'Metadata'): SalesforceError {
  return new SalesforceError('FIELD_INTEGRITY_EXCEPTION', message, [fieldName]);
}

function textLength(metadata: CustomFieldMetadata): number {
  const fixed = FIXED_LENGTH[metadata.type];
  if (fixed) return fixed;
  const max = MAX_TEXT_LENGTH[metadata.type];
  if (!max) return 0;
  if (metadata.length === undefined) throw integrity('Length: You must enter a value', 'Length');
  if (metadata.length > max) throw integrity(`Length: Value too large, maximum is ${max}`, 'Length');
  return metadata.length;
}

/** Splits "Opportunity.Magento_Key__c" into the object and the field name. */
export function parseFullName(fullName: unknown): { objectName: string; fieldName: string } {
  const match = typeof fullName === 'string' ? FULL_NAME.exec(fullName) : null;
  if (!match) throw new SalesforceError('INVALID_FIELD', `FullName must look like Object.Field__c, got ${String(fullName)}`, ['FullName']);
  return { objectName: match[1] as string, fieldName: match[2] as string };
}

export function definitionFromMetadata(fieldName: string, raw: unknown): FieldDefinition {
  const parsed = metadataSchema.safeParse(raw);
  if (!parsed.success) throw integrity(`Metadata: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
  const metadata = parsed.data;
  const type = TYPE_BY_METADATA[metadata.type];
  const keyCapable = ['Text', 'Email', 'Number'].includes(metadata.type);
  if ((metadata.externalId || metadata.unique) && !keyCapable) throw integrity(`${metadata.type} fields cannot be External ID or Unique`, 'ExternalId');
  const precision = metadata.precision ?? 18;
  const scale = metadata.scale ?? 0;
  if (scale > precision) throw integrity('Scale: must not be more than precision', 'Scale');
  const values = metadata.valueSet?.valueSetDefinition.value ?? [];
  if (metadata.type === 'Picklist' && values.length === 0) throw integrity('Picklist: valueSet must list at least one value', 'ValueSet');
  const defaultEntry = values.find((entry) => entry.default)?.fullName;
  const checked = metadata.defaultValue === true || metadata.defaultValue === 'true';
  return field(fieldName, metadata.label, type, {
    length: textLength(metadata),
    precision: ['Number', 'Currency', 'Percent'].includes(metadata.type) ? precision : 0,
    scale: ['Number', 'Currency', 'Percent'].includes(metadata.type) ? scale : 0,
    nillable: metadata.type === 'Checkbox' ? false : !metadata.required,
    defaultedOnCreate: metadata.type === 'Checkbox' || defaultEntry !== undefined,
    defaultValue: metadata.type === 'Checkbox' ? checked : null,
    picklistValues: values.map((entry) => ({ value: entry.fullName, label: entry.label ?? entry.fullName, active: true, defaultValue: entry.fullName === defaultEntry })),
    restrictedPicklist: metadata.valueSet?.restricted ?? false,
    externalId: metadata.externalId ?? false,
    unique: metadata.unique ?? false,
    caseSensitive: metadata.caseSensitive ?? false,
    custom: true,
  });
}
