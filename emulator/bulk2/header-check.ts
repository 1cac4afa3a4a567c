// Salesforce fails a whole job whose header names a field the object does not have.
// Relationship columns (Account.Magento_Key__c) are checked up to the relationship name; the org
// resolves the external id behind it row by row.
import type { FieldInfo } from '../contracts.js';

export type DescribeFields = (objectName: string) => readonly FieldInfo[];

export function unknownHeaderColumn(header: readonly string[], fields: readonly FieldInfo[]): string | undefined {
  const fieldNames = new Set(fields.map((field) => field.name.toLowerCase()));
  const relationshipNames = new Set(fields.flatMap((field) => (field.relationshipName ? [field.relationshipName.toLowerCase()] : [])));
  return header.find((column) => {
    const [first = '', ...rest] = column.toLowerCase().split('.');
    return rest.length === 0 ? !fieldNames.has(first) : !relationshipNames.has(first);
  });
}

export function headerErrorMessage(column: string): string {
  return `InvalidBatch : Field name not found : ${column}`;
}
