// SOQL string literals: a value may hold a quote, a backslash or a line break, none of which may
// end or bend the literal.
const SOQL_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

export function soqlString(value: string): string {
  return `'${value.replace(/[\\'"\n\r\t\b\f]/g, (char) => SOQL_ESCAPES[char]!)}'`;
}
