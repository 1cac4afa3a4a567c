// Recursive-descent parser for the SOQL subset the emulator answers. It reports the first token
// that does not fit, in Salesforce's MALFORMED_QUERY wording.
import type { ComparisonOperator, Condition, FieldPath, Literal, OrderItem, SelectItem, SoqlQuery } from './ast.js';
import { isRelativeDateName, takesAmount } from './date-literals.js';
import { tokenize } from './lexer.js';
import { malformedQuery, type SoqlError } from './soql-error.js';
import type { Token } from './tokens.js';

const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['=', '!=', '<>', '<', '<=', '>', '>=']);
// Parts of SOQL the emulator knowingly leaves out: say so instead of a misleading syntax error.
const UNSUPPORTED_CLAUSES: ReadonlySet<string> = new Set(['GROUP', 'HAVING', 'WITH', 'FOR', 'TYPEOF', 'USING', 'UPDATE']);
const MAX_OFFSET = 2000;
// SOQL's reserved words can never name a field or an object.
const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'AND', 'ASC', 'DESC', 'EXCLUDES', 'FIRST', 'FROM', 'GROUP', 'HAVING', 'IN', 'INCLUDES', 'LAST', 'LIKE', 'LIMIT', 'NOT', 'NULL', 'NULLS', 'OR', 'SELECT', 'WHERE', 'WITH',
]);

export function parseSoql(text: string): SoqlQuery {
  return new Parser(text).parseQuery();
}

class Parser {
  private readonly tokens: Token[];
  private position = 0;

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  parseQuery(): SoqlQuery {
    this.expectKeyword('SELECT');
    const select = this.parseSelectList();
    this.expectKeyword('FROM');
    const objectToken = this.expectIdentifier();
    const query: SoqlQuery = { text: this.text, select, object: { name: objectToken.text, offset: objectToken.offset }, orderBy: [] };
    this.rejectUnsupportedClause();
    if (this.acceptKeyword('WHERE')) query.where = this.parseCondition();
    this.rejectUnsupportedClause();
    if (this.acceptKeyword('ORDER')) {
      this.expectKeyword('BY');
      query.orderBy = this.parseOrderBy();
    }
    if (this.acceptKeyword('LIMIT')) query.limit = this.parseCount();
    if (this.acceptKeyword('OFFSET')) {
      const offsetToken = this.peek();
      query.offset = this.parseCount();
      if (query.offset > MAX_OFFSET) {
        throw malformedQuery(this.text, offsetToken.offset, `Maximum SOQL offset allowed is ${MAX_OFFSET}`);
      }
    }
    this.rejectUnsupportedClause();
    if (this.peek().kind !== 'end') throw this.unexpected(this.peek());
    return query;
  }

  private parseSelectList(): SelectItem[] {
    const items: SelectItem[] = [];
    do {
      items.push(this.parseSelectItem());
    } while (this.acceptSymbol(','));
    return items;
  }

  private parseSelectItem(): SelectItem {
    const token = this.peek();
    if (token.kind === 'symbol' && token.text === '(') throw this.unsupported(token, 'Child relationship subqueries are');
    if (this.isKeyword(token, 'COUNT') && this.isSymbol(this.peek(1), '(')) {
      this.position += 2;
      const path = this.isSymbol(this.peek(), ')') ? undefined : this.parseFieldPath();
      this.expectSymbol(')');
      const aliasToken = this.peek();
      const alias = aliasToken.kind === 'identifier' && !this.isKeyword(aliasToken, 'FROM') ? this.next().text : undefined;
      return { kind: 'count', path, alias, offset: token.offset };
    }
    if (token.kind === 'identifier' && this.isSymbol(this.peek(1), '(')) throw this.unsupported(token, `The function ${token.text.toUpperCase()}() is`);
    return { kind: 'field', path: this.parseFieldPath() };
  }

  private parseFieldPath(): FieldPath {
    const first = this.expectIdentifier();
    const segments = [first.text];
    while (this.acceptSymbol('.')) segments.push(this.expectIdentifier().text);
    return { segments, offset: first.offset };
  }

  /** SOQL needs parentheses to mix AND with OR, so one level holds a chain of a single operator. */
  private parseCondition(): Condition {
    const first = this.parseConditionTerm();
    const operatorToken = this.peek();
    const operator = this.isKeyword(operatorToken, 'AND') ? 'and' : this.isKeyword(operatorToken, 'OR') ? 'or' : undefined;
    if (!operator) return first;
    const operands = [first];
    while (this.acceptKeyword(operator.toUpperCase())) operands.push(this.parseConditionTerm());
    const mixed = this.peek();
    if (this.isKeyword(mixed, 'AND') || this.isKeyword(mixed, 'OR')) throw this.unexpected(mixed);
    return { kind: operator, operands };
  }

  private parseConditionTerm(): Condition {
    if (this.acceptKeyword('NOT')) return { kind: 'not', operand: this.parseConditionTerm() };
    if (this.acceptSymbol('(')) {
      const inner = this.parseCondition();
      this.expectSymbol(')');
      return inner;
    }
    return this.parseFieldCondition();
  }

  private parseFieldCondition(): Condition {
    const field = this.parseFieldPath();
    const token = this.next();
    if (token.kind === 'symbol' && COMPARISON_OPERATORS.has(token.text)) {
      const operator = (token.text === '<>' ? '!=' : token.text) as ComparisonOperator;
      return { kind: 'compare', field, operator, value: this.parseLiteral() };
    }
    if (this.isKeyword(token, 'LIKE')) return { kind: 'like', field, pattern: this.parseLiteral() };
    if (this.isKeyword(token, 'IN')) return { kind: 'in', field, negated: false, values: this.parseLiteralList() };
    if (this.isKeyword(token, 'NOT') && this.acceptKeyword('IN')) return { kind: 'in', field, negated: true, values: this.parseLiteralList() };
    throw this.unexpected(token);
  }

  private parseLiteralList(): Literal[] {
    this.expectSymbol('(');
    const values = [this.parseLiteral()];
    while (this.acceptSymbol(',')) values.push(this.parseLiteral());
    this.expectSymbol(')');
    return values;
  }

  private parseLiteral(): Literal {
    const token = this.next();
    const offset = token.offset;
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.value, likePattern: token.raw, offset };
      case 'number':
        return { kind: 'number', value: token.value, offset };
      case 'date':
        return { kind: 'date', text: token.text, offset };
      case 'datetime':
        return { kind: 'datetime', text: token.text, offset };
      case 'identifier':
        return this.parseWordLiteral(token);
      default:
        throw this.unexpected(token);
    }
  }

  private parseWordLiteral(token: Token): Literal {
    const word = token.text.toUpperCase();
    if (word === 'NULL') return { kind: 'null', offset: token.offset };
    if (word === 'TRUE' || word === 'FALSE') return { kind: 'boolean', value: word === 'TRUE', offset: token.offset };
    if (!isRelativeDateName(word)) throw this.unexpected(token);
    if (!takesAmount(word)) return { kind: 'relativeDate', name: word, offset: token.offset };
    this.expectSymbol(':');
    return { kind: 'relativeDate', name: word, amount: this.parseCount(), offset: token.offset };
  }

  private parseOrderBy(): OrderItem[] {
    const items: OrderItem[] = [];
    do {
      const item: OrderItem = { path: this.parseFieldPath(), descending: false };
      if (this.acceptKeyword('DESC')) item.descending = true;
      else this.acceptKeyword('ASC');
      if (this.acceptKeyword('NULLS')) {
        if (this.acceptKeyword('FIRST')) item.nullsFirst = true;
        else if (this.acceptKeyword('LAST')) item.nullsFirst = false;
        else throw this.unexpected(this.peek());
      }
      items.push(item);
    } while (this.acceptSymbol(','));
    return items;
  }

  /** A non-negative integer, as LIMIT, OFFSET and LAST_N_DAYS:n take. */
  private parseCount(): number {
    const token = this.next();
    if (token.kind !== 'number' || !Number.isInteger(token.value) || token.value < 0) throw this.unexpected(token);
    return token.value;
  }

  private rejectUnsupportedClause(): void {
    const token = this.peek();
    if (token.kind === 'identifier' && UNSUPPORTED_CLAUSES.has(token.text.toUpperCase())) {
      throw this.unsupported(token, `${token.text.toUpperCase()} is`);
    }
  }

  private peek(ahead = 0): Token {
    const token = this.tokens[Math.min(this.position + ahead, this.tokens.length - 1)];
    if (!token) throw new Error('tokenize() always ends with an end token');
    return token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.position += 1;
    return token;
  }

  private isKeyword(token: Token, keyword: string): boolean {
    return token.kind === 'identifier' && token.text.toUpperCase() === keyword;
  }

  private isSymbol(token: Token, symbol: string): boolean {
    return token.kind === 'symbol' && token.text === symbol;
  }

  private acceptKeyword(keyword: string): boolean {
    if (!this.isKeyword(this.peek(), keyword)) return false;
    this.position += 1;
    return true;
  }

  private acceptSymbol(symbol: string): boolean {
    if (!this.isSymbol(this.peek(), symbol)) return false;
    this.position += 1;
    return true;
  }

  private expectKeyword(keyword: string): void {
    if (!this.acceptKeyword(keyword)) throw this.unexpected(this.peek());
  }

  private expectSymbol(symbol: string): void {
    if (!this.acceptSymbol(symbol)) throw this.unexpected(this.peek());
  }

  private expectIdentifier(): Token {
    const token = this.next();
    if (token.kind !== 'identifier' || RESERVED_WORDS.has(token.text.toUpperCase())) throw this.unexpected(token);
    return token;
  }

  private unexpected(token: Token): SoqlError {
    const shown = token.kind === 'end' ? token.text : `'${token.text}'`;
    return malformedQuery(this.text, token.offset, `unexpected token: ${shown}`);
  }

  private unsupported(token: Token, what: string): SoqlError {
    return malformedQuery(this.text, token.offset, `${what} not supported by the Forcebridge emulator`);
  }
}
