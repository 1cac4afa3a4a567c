// Turns a literal of a WHERE clause into what the field it is compared with holds, refusing the
// literals Salesforce refuses for that field type (a quoted number, an unquoted string, ...).
import { isWellFormedId, normalizeId } from '../ids.js';
import type { Literal } from './ast.js';
import { relativeDateRange, type DayRange } from './date-literals.js';
import { parseInstant, type SortKey, type ValueKind } from './field-values.js';
import { positionedMessage, SoqlError } from './soql-error.js';

export type FilterValue = { kind: 'null' } | { kind: 'key'; key: SortKey } | { kind: 'range'; range: DayRange };

export interface LiteralContext {
  soql: string;
  fieldName: string;
  now: Date;
}

const TYPE_WORDS: Readonly<Record<ValueKind, string>> = {
  id: 'id',
  text: 'string',
  integer: 'integer',
  double: 'double',
  boolean: 'boolean',
  date: 'date',
  datetime: 'dateTime',
};

export function wrongType(kind: ValueKind, literal: Literal, context: LiteralContext): SoqlError {
  const quoting = kind === 'text' ? 'should be enclosed in quotes' : 'should not be enclosed in quotes';
  const detail = `value of filter criterion for field '${context.fieldName}' must be of type ${TYPE_WORDS[kind]} and ${quoting}`;
  return new SoqlError('INVALID_FIELD', positionedMessage(context.soql, literal.offset, detail));
}

export function filterValueOf(kind: ValueKind, literal: Literal, context: LiteralContext): FilterValue {
  if (literal.kind === 'null') return { kind: 'null' };
  switch (kind) {
    case 'text':
      if (literal.kind === 'string') return { kind: 'key', key: literal.value.toLowerCase() };
      break;
    case 'id':
      if (literal.kind === 'string') {
        if (!isWellFormedId(literal.value)) {
          throw new SoqlError('INVALID_QUERY_FILTER_OPERATOR', positionedMessage(context.soql, literal.offset, `invalid ID field: ${literal.value}`));
        }
        return { kind: 'key', key: normalizeId(literal.value) };
      }
      break;
    case 'integer':
    case 'double':
      if (literal.kind === 'number') return { kind: 'key', key: literal.value };
      break;
    case 'boolean':
      if (literal.kind === 'boolean') return { kind: 'key', key: literal.value ? 1 : 0 };
      break;
    case 'date':
    case 'datetime':
      if (literal.kind === 'relativeDate') return { kind: 'range', range: relativeDateRange(literal.name, literal.amount, context.now) };
      if (literal.kind === kind) return { kind: 'key', key: parseInstant(literal.text) };
      break;
  }
  throw wrongType(kind, literal, context);
}
