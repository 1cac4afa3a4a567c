// What the org knows about one object, and the system fields every standard object shares.
import { checkbox, field, lookup, SYSTEM_MANAGED, type FieldDefinition } from './field-definition.js';

export interface ObjectDefinition {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  /** Fields in describe order; custom fields are appended at run time. */
  fields: FieldDefinition[];
}

export function idField(): FieldDefinition {
  return field('Id', 'Record ID', 'id', { length: 18, nillable: false, ...SYSTEM_MANAGED, defaultedOnCreate: true, idLookup: true });
}

export function isDeletedField(): FieldDefinition {
  return checkbox('IsDeleted', 'Deleted', false, SYSTEM_MANAGED);
}

export function ownerField(): FieldDefinition {
  return lookup('OwnerId', 'Owner ID', 'User', 'Owner', { nillable: false, defaultedOnCreate: true });
}

/** CreatedDate, CreatedById, LastModifiedDate, LastModifiedById, SystemModstamp. */
export function auditFields(): FieldDefinition[] {
  const stamp = { ...SYSTEM_MANAGED, nillable: false, defaultedOnCreate: true };
  return [
    field('CreatedDate', 'Created Date', 'datetime', stamp),
    lookup('CreatedById', 'Created By ID', 'User', 'CreatedBy', stamp),
    field('LastModifiedDate', 'Last Modified Date', 'datetime', stamp),
    lookup('LastModifiedById', 'Last Modified By ID', 'User', 'LastModifiedBy', stamp),
    field('SystemModstamp', 'System Modstamp', 'datetime', stamp),
  ];
}
