// The CSV dialects a job may declare (lineEnding, columnDelimiter), as csv-parse/csv-stringify options.
export const LINE_ENDINGS = ['LF', 'CRLF'] as const;
export type LineEnding = (typeof LINE_ENDINGS)[number];

export const COLUMN_DELIMITERS = ['COMMA', 'TAB', 'PIPE', 'SEMICOLON', 'CARET', 'BACKQUOTE'] as const;
export type ColumnDelimiter = (typeof COLUMN_DELIMITERS)[number];

export interface CsvFormat {
  lineEnding: LineEnding;
  columnDelimiter: ColumnDelimiter;
}

const DELIMITER_CHARACTERS: Readonly<Record<ColumnDelimiter, string>> = {
  COMMA: ',',
  TAB: '\t',
  PIPE: '|',
  SEMICOLON: ';',
  CARET: '^',
  BACKQUOTE: '`',
};

export function delimiterOf(format: CsvFormat): string {
  return DELIMITER_CHARACTERS[format.columnDelimiter];
}

export function recordDelimiterOf(format: CsvFormat): string {
  return format.lineEnding === 'CRLF' ? '\r\n' : '\n';
}
