// ORDER BY: keys are computed once per record, then a stable sort compares them field by field.
import type { SalesforceRecord } from '../contracts.js';
import type { OrderItem } from './ast.js';
import type { FieldBinder } from './field-paths.js';
import { compareKeys, sortKeyOf, valueKindOf, type SortKey } from './field-values.js';

export type RecordSorter = (records: readonly SalesforceRecord[]) => SalesforceRecord[];

/** Checks the ORDER BY fields now (before any scan) and returns the sort to apply to the matches. */
export function compileOrder(orderBy: readonly OrderItem[], binder: FieldBinder): RecordSorter {
  const columns = orderBy.map((item) => {
    const field = binder.bind(item.path);
    const kind = valueKindOf(field.leaf.type);
    // Salesforce puts nulls first when ascending and last when descending unless told otherwise.
    const nullsFirst = item.nullsFirst ?? !item.descending;
    return { read: (record: SalesforceRecord) => sortKeyOf(kind, field.read(record)), descending: item.descending, nullsFirst };
  });
  return (records) => {
    if (columns.length === 0) return [...records];
    const decorated = records.map((record) => ({ record, keys: columns.map((column) => column.read(record)) }));
    decorated.sort((left, right) => {
      for (const [index, column] of columns.entries()) {
        const order = compareNullable(left.keys[index] ?? null, right.keys[index] ?? null, column.descending, column.nullsFirst);
        if (order !== 0) return order;
      }
      return 0;
    });
    return decorated.map((entry) => entry.record);
  };
}

function compareNullable(left: SortKey | null, right: SortKey | null, descending: boolean, nullsFirst: boolean): number {
  if (left === null || right === null) {
    if (left === right) return 0;
    return (left === null) === nullsFirst ? -1 : 1;
  }
  const order = compareKeys(left, right);
  return descending ? -order : order;
}
