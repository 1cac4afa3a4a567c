// SOQL failures carry Salesforce's errorCode and wording; the router turns them into
// `[{"message","errorCode"}]` bodies.
export class SoqlError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'SoqlError';
  }
}

/**
 * Salesforce prefixes errors it can pin on a spot of the query with that line, a caret under the
 * spot and "ERROR at Row:R:Column:C" (both 1-based).
 */
export function positionedMessage(soql: string, offset: number, detail: string): string {
  const before = soql.slice(0, offset);
  const row = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = soql.indexOf('\n', offset);
  const line = soql.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  const column = offset - lineStart + 1;
  return `\n${line}\n${' '.repeat(column - 1)}^\nERROR at Row:${row}:Column:${column}\n${detail}`;
}

export function malformedQuery(soql: string, offset: number, detail: string): SoqlError {
  return new SoqlError('MALFORMED_QUERY', positionedMessage(soql, offset, detail));
}
