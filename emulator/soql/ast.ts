// The parsed shape of a SOQL query, before field names are checked against the org.

/** A dotted field reference such as `Name` or `Account.Owner.Name`, as written. */
export interface FieldPath {
  segments: string[];
  offset: number;
}

export type SelectItem =
  | { kind: 'field'; path: FieldPath }
  /** COUNT() when `path` is absent; COUNT(field) otherwise, reported as `alias` or exprN. */
  | { kind: 'count'; path?: FieldPath; alias?: string; offset: number };

export type Literal =
  | { kind: 'string'; value: string; likePattern: string; offset: number }
  | { kind: 'number'; value: number; offset: number }
  | { kind: 'boolean'; value: boolean; offset: number }
  | { kind: 'null'; offset: number }
  | { kind: 'date'; text: string; offset: number }
  | { kind: 'datetime'; text: string; offset: number }
  /** TODAY, LAST_N_DAYS:n ...: a range of days relative to now. */
  | { kind: 'relativeDate'; name: string; amount?: number; offset: number };

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Condition =
  | { kind: 'and' | 'or'; operands: Condition[] }
  | { kind: 'not'; operand: Condition }
  | { kind: 'compare'; field: FieldPath; operator: ComparisonOperator; value: Literal }
  | { kind: 'in'; field: FieldPath; negated: boolean; values: Literal[] }
  | { kind: 'like'; field: FieldPath; pattern: Literal };

export interface OrderItem {
  path: FieldPath;
  descending: boolean;
  /** Explicit NULLS FIRST / NULLS LAST; undefined leaves Salesforce's default. */
  nullsFirst?: boolean;
}

export interface SoqlQuery {
  text: string;
  select: SelectItem[];
  object: { name: string; offset: number };
  where?: Condition;
  orderBy: OrderItem[];
  limit?: number;
  offset?: number;
}
