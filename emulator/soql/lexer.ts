// Splits a SOQL text into tokens. Keywords stay identifiers: the parser decides by position,
// as Salesforce does, so a field may be called e.g. "Type".
import { malformedQuery } from './soql-error.js';
import type { Token } from './tokens.js';

const DATETIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:?\d{2})/y;
const DATE = /\d{4}-\d{2}-\d{2}(?![\w-])/y;
const NUMBER = /-?\d+(?:\.\d+)?(?![\w.])/y;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
const SYMBOLS = ['!=', '<>', '<=', '>=', '=', '<', '>', '(', ')', ',', '.', ':'];
const STRING_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' };
// Meaningful only inside LIKE patterns; elsewhere they stand for the plain character.
const LIKE_ESCAPES = new Set(['_', '%']);

function matchAt(pattern: RegExp, text: string, offset: number): string | undefined {
  pattern.lastIndex = offset;
  return pattern.exec(text)?.[0];
}

function readString(soql: string, start: number): Token {
  let value = '';
  let position = start + 1;
  while (position < soql.length) {
    const char = soql.charAt(position);
    if (char === "'") {
      const raw = soql.slice(start + 1, position);
      return { kind: 'string', text: soql.slice(start, position + 1), value, raw, offset: start };
    }
    if (char === '\\') {
      const escaped = soql.charAt(position + 1);
      const replacement = STRING_ESCAPES[escaped.toLowerCase()] ?? (LIKE_ESCAPES.has(escaped) ? escaped : undefined);
      if (replacement === undefined) {
        throw malformedQuery(soql, position, `Invalid string literal '${soql.slice(start, position + 2)}'. Illegal character sequence '\\${escaped}' in string literal.`);
      }
      value += replacement;
      position += 2;
    } else {
      value += char;
      position += 1;
    }
  }
  throw malformedQuery(soql, start, `unexpected token: '${soql.slice(start)}'`);
}

export function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  while (offset < soql.length) {
    const char = soql.charAt(offset);
    if (/\s/.test(char)) {
      offset += 1;
      continue;
    }
    if (char === "'") {
      const token = readString(soql, offset);
      tokens.push(token);
      offset += token.text.length;
      continue;
    }
    const token = lexPlain(soql, offset);
    tokens.push(token);
    offset += token.text.length;
  }
  tokens.push({ kind: 'end', text: '<EOF>', offset: soql.length });
  return tokens;
}

function lexPlain(soql: string, offset: number): Token {
  const datetime = matchAt(DATETIME, soql, offset);
  if (datetime) return { kind: 'datetime', text: datetime, offset };
  const date = matchAt(DATE, soql, offset);
  if (date) return { kind: 'date', text: date, offset };
  const number = matchAt(NUMBER, soql, offset);
  if (number) return { kind: 'number', text: number, value: Number(number), offset };
  const identifier = matchAt(IDENTIFIER, soql, offset);
  if (identifier) return { kind: 'identifier', text: identifier, offset };
  const symbol = SYMBOLS.find((candidate) => soql.startsWith(candidate, offset));
  if (symbol) return { kind: 'symbol', text: symbol, offset };
  const word = /\S+/y;
  throw malformedQuery(soql, offset, `unexpected token: '${matchAt(word, soql, offset) ?? soql.charAt(offset)}'`);
}
