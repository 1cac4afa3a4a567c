// How SOQL compares a field's values: by its describe type, never by the JavaScript type of the
// stored value. Values become sort keys (numbers or lower-cased strings) so =, IN and ORDER BY
// share one notion of equality.
import type { FieldValue } from '../contracts.js';
import { isWellFormedId, normalizeId } from '../ids.js';

export type ValueKind = 'id' | 'text' | 'integer' | 'double' | 'boolean' | 'date' | 'datetime';

export type SortKey = string | number;

const KIND_BY_TYPE: Readonly<Record<string, ValueKind>> = {
  id: 'id',
  reference: 'id',
  int: 'integer',
  double: 'double',
  currency: 'double',
  percent: 'double',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
};

/** string, textarea, email, phone, url, picklist and any other text-like type compare as text. */
export function valueKindOf(describeType: string): ValueKind {
  return KIND_BY_TYPE[describeType] ?? 'text';
}

/** Epoch milliseconds of an ISO date or datetime, accepting the REST form `+0000` as well as `Z`/`+00:00`. */
export function parseInstant(text: string): number {
  return Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

/** The key of a stored value, or null for a null value. */
export function sortKeyOf(kind: ValueKind, value: FieldValue | undefined): SortKey | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'id': {
      const id = String(value);
      return isWellFormedId(id) ? normalizeId(id) : id;
    }
    case 'integer':
    case 'double':
      return typeof value === 'number' ? value : Number(value);
    case 'boolean':
      return value === true || value === 'true' ? 1 : 0;
    case 'date':
    case 'datetime':
      return parseInstant(String(value));
    case 'text':
      return String(value).toLowerCase();
  }
}

export function compareKeys(left: SortKey, right: SortKey): number {
  if (left < right) return -1;
  return left > right ? 1 : 0;
}
