// Compiles a WHERE clause into a predicate over records. Every literal is checked and converted
// once, so a scan only compares prepared keys (IN lists become sets).
import type { SalesforceRecord } from '../contracts.js';
import type { ComparisonOperator, Condition, FieldPath, Literal } from './ast.js';
import type { DayRange } from './date-literals.js';
import type { FieldBinder } from './field-paths.js';
import { compareKeys, sortKeyOf, valueKindOf, type SortKey, type ValueKind } from './field-values.js';
import { filterValueOf, wrongType, type FilterValue } from './literal-values.js';

export type RecordPredicate = (record: SalesforceRecord) => boolean;

export interface FilterContext {
  soql: string;
  binder: FieldBinder;
  now: Date;
}

type KeyTest = (key: SortKey | null) => boolean;

const REGEXP_SPECIAL = /[\\^$.*+?()[\]{}|/-]/g;
const LIKE_ESCAPE_CHARACTERS: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

export function compileFilter(condition: Condition, context: FilterContext): RecordPredicate {
  switch (condition.kind) {
    case 'and': {
      const operands = condition.operands.map((operand) => compileFilter(operand, context));
      return (record) => operands.every((operand) => operand(record));
    }
    case 'or': {
      const operands = condition.operands.map((operand) => compileFilter(operand, context));
      return (record) => operands.some((operand) => operand(record));
    }
    case 'not': {
      const operand = compileFilter(condition.operand, context);
      return (record) => !operand(record);
    }
    case 'compare':
      return fieldTest(condition.field, context, (kind, fieldName) =>
        comparisonTest(condition.operator, filterValueOf(kind, condition.value, { soql: context.soql, fieldName, now: context.now })),
      );
    case 'in':
      return fieldTest(condition.field, context, (kind, fieldName) => {
        const test = membershipTest(condition.values.map((value) => filterValueOf(kind, value, { soql: context.soql, fieldName, now: context.now })));
        return condition.negated ? (key) => !test(key) : test;
      });
    case 'like':
      return fieldTest(condition.field, context, (kind, fieldName) => likeTest(kind, fieldName, condition.pattern, context));
  }
}

function fieldTest(path: FieldPath, context: FilterContext, makeTest: (kind: ValueKind, fieldName: string) => KeyTest): RecordPredicate {
  const field = context.binder.bind(path);
  const kind = valueKindOf(field.leaf.type);
  const test = makeTest(kind, field.leaf.name);
  return (record) => test(sortKeyOf(kind, field.read(record)));
}

function inRange(key: SortKey, range: DayRange): boolean {
  return typeof key === 'number' && key >= range.start && key < range.end;
}

/** SOQL treats null as a value: `!= 'x'` keeps records whose field is null. */
function comparisonTest(operator: ComparisonOperator, value: FilterValue): KeyTest {
  if (value.kind === 'null') {
    if (operator === '=') return (key) => key === null;
    if (operator === '!=') return (key) => key !== null;
    return () => false;
  }
  if (value.kind === 'range') {
    const { start, end } = value.range;
    const rangeTests: Record<ComparisonOperator, KeyTest> = {
      '=': (key) => key !== null && inRange(key, value.range),
      '!=': (key) => key === null || !inRange(key, value.range),
      '<': (key) => typeof key === 'number' && key < start,
      '<=': (key) => typeof key === 'number' && key < end,
      '>': (key) => typeof key === 'number' && key >= end,
      '>=': (key) => typeof key === 'number' && key >= start,
    };
    return rangeTests[operator];
  }
  const target = value.key;
  const keyTests: Record<ComparisonOperator, KeyTest> = {
    '=': (key) => key === target,
    '!=': (key) => key !== target,
    '<': (key) => key !== null && compareKeys(key, target) < 0,
    '<=': (key) => key !== null && compareKeys(key, target) <= 0,
    '>': (key) => key !== null && compareKeys(key, target) > 0,
    '>=': (key) => key !== null && compareKeys(key, target) >= 0,
  };
  return keyTests[operator];
}

function membershipTest(values: readonly FilterValue[]): KeyTest {
  const keys = new Set<SortKey>();
  const ranges: DayRange[] = [];
  let matchesNull = false;
  for (const value of values) {
    if (value.kind === 'null') matchesNull = true;
    else if (value.kind === 'key') keys.add(value.key);
    else ranges.push(value.range);
  }
  return (key) => (key === null ? matchesNull : keys.has(key) || ranges.some((range) => inRange(key, range)));
}

function escapeRegExp(text: string): string {
  return text.replace(REGEXP_SPECIAL, '\\$&');
}

/** `%` is any run of characters, `_` one character, a backslash makes the next one literal; case-insensitive. */
export function likePatternToRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern.charAt(index);
    if (char === '\\') {
      index += 1;
      const escaped = pattern.charAt(index);
      source += escapeRegExp(LIKE_ESCAPE_CHARACTERS[escaped.toLowerCase()] ?? escaped);
    } else if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`, 'is');
}

function likeTest(kind: ValueKind, fieldName: string, pattern: Literal, context: FilterContext): KeyTest {
  // LIKE takes a quoted pattern on text (and id) fields; anything else earns the usual type error.
  if ((kind !== 'text' && kind !== 'id') || pattern.kind !== 'string') throw wrongType(kind, pattern, { soql: context.soql, fieldName, now: context.now });
  const expression = likePatternToRegExp(pattern.likePattern);
  return (key) => key !== null && expression.test(String(key));
}
