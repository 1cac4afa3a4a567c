// What the SELECT list asks for: records with fields, COUNT() (a bare count), or COUNT(field)
// aggregates. Checks the combinations Salesforce refuses without GROUP BY.
import type { OrderItem, SelectItem } from './ast.js';
import type { BoundField, FieldBinder } from './field-paths.js';
import { malformedQuery } from './soql-error.js';

export interface AggregateColumn {
  /** Output key: the alias, or expr0, expr1 ... for aggregates without one. */
  name: string;
  field: BoundField;
}

export type SelectPlan = { kind: 'records'; fields: BoundField[] } | { kind: 'count' } | { kind: 'aggregates'; columns: AggregateColumn[] };

export function planSelect(soql: string, items: readonly SelectItem[], orderBy: readonly OrderItem[], binder: FieldBinder): SelectPlan {
  const bareCount = items.find((item) => item.kind === 'count' && !item.path);
  if (bareCount) {
    const other = items.find((item) => item !== bareCount);
    if (other) throw malformedQuery(soql, other.kind === 'field' ? other.path.offset : other.offset, 'COUNT() must be the only element in the SELECT list');
    return { kind: 'count' };
  }
  if (items.some((item) => item.kind === 'count')) return planAggregates(soql, items, orderBy, binder);
  const fields: BoundField[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (item.kind !== 'field') continue;
    const field = binder.bind(item.path);
    const key = field.canonicalPath.toLowerCase();
    if (seen.has(key)) throw malformedQuery(soql, item.path.offset, `duplicate field selected: ${field.canonicalPath}`);
    seen.add(key);
    fields.push(field);
  }
  return { kind: 'records', fields };
}

function planAggregates(soql: string, items: readonly SelectItem[], orderBy: readonly OrderItem[], binder: FieldBinder): SelectPlan {
  const columns: AggregateColumn[] = [];
  let unnamed = 0;
  for (const item of items) {
    if (item.kind === 'field') throw malformedQuery(soql, item.path.offset, `Field must be grouped or aggregated: ${item.path.segments.join('.')}`);
    if (!item.path) continue;
    const name = item.alias ?? `expr${unnamed++}`;
    columns.push({ name, field: binder.bind(item.path) });
  }
  const ordered = orderBy[0];
  if (ordered) throw malformedQuery(soql, ordered.path.offset, `Ordered field must be grouped or aggregated: ${ordered.path.segments.join('.')}`);
  return { kind: 'aggregates', columns };
}
