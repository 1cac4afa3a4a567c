// Lexical tokens of SOQL; `offset` is where the token starts in the query text (for error carets).
export type Token =
  | { kind: 'identifier'; text: string; offset: number }
  | { kind: 'string'; text: string; value: string; raw: string; offset: number }
  | { kind: 'number'; text: string; value: number; offset: number }
  | { kind: 'date'; text: string; offset: number }
  | { kind: 'datetime'; text: string; offset: number }
  | { kind: 'symbol'; text: string; offset: number }
  | { kind: 'end'; text: string; offset: number };
