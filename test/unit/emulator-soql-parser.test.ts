import { expect } from 'chai';
import { parseSoql } from '../../emulator/soql/parser.js';
import { SoqlError } from '../../emulator/soql/soql-error.js';

function syntaxError(soql: string): SoqlError {
  try {
    parseSoql(soql);
  } catch (error) {
    if (error instanceof SoqlError) return error;
    throw error;
  }
  throw new Error(`expected a syntax error for ${soql}`);
}

describe('emulator SOQL parser', () => {
  it('reads a field list with relationship paths, the object and every clause', () => {
    const query = parseSoql("select Id, account.Name FROM Contact WHERE LastName = 'A' ORDER BY LastName DESC NULLS LAST, Id LIMIT 5 OFFSET 2");
    expect(query.select).to.deep.equal([
      { kind: 'field', path: { segments: ['Id'], offset: 7 } },
      { kind: 'field', path: { segments: ['account', 'Name'], offset: 11 } },
    ]);
    expect(query.object).to.deep.equal({ name: 'Contact', offset: 29 });
    expect(query.orderBy.map((item) => [item.path.segments.join('.'), item.descending, item.nullsFirst])).to.deep.equal([
      ['LastName', true, false],
      ['Id', false, undefined],
    ]);
    expect([query.limit, query.offset]).to.deep.equal([5, 2]);
  });

  it('reads COUNT(), COUNT(field) and an alias', () => {
    expect(parseSoql('SELECT COUNT() FROM Account').select).to.deep.equal([{ kind: 'count', path: undefined, alias: undefined, offset: 7 }]);
    const [item] = parseSoql('SELECT COUNT(Id) total FROM Account').select;
    expect(item).to.include({ kind: 'count', alias: 'total' });
  });

  it('reads literals: strings with escapes, numbers, booleans, null, dates, datetimes and relative dates', () => {
    const query = parseSoql(
      "SELECT Id FROM Account WHERE Name IN ('O\\'Brien', 'a\\\\b') AND AnnualRevenue > -1.5 AND IsDeleted = false AND Industry != null " +
        'AND CreatedDate > 2026-01-31T10:00:00Z AND Birthdate < 2026-01-31 AND CreatedDate = LAST_N_DAYS:30 AND CreatedDate < TODAY',
    );
    const operands = query.where?.kind === 'and' ? query.where.operands : [];
    const values = operands.map((operand) => (operand.kind === 'compare' ? operand.value : operand.kind === 'in' ? operand.values : undefined));
    expect(values[0]).to.deep.equal([
      { kind: 'string', value: "O'Brien", likePattern: "O\\'Brien", offset: 38 },
      { kind: 'string', value: 'a\\b', likePattern: 'a\\\\b', offset: 50 },
    ]);
    expect(values[1]).to.include({ kind: 'number', value: -1.5 });
    expect(values[2]).to.include({ kind: 'boolean', value: false });
    expect(values[3]).to.include({ kind: 'null' });
    expect(values[4]).to.include({ kind: 'datetime', text: '2026-01-31T10:00:00Z' });
    expect(values[5]).to.include({ kind: 'date', text: '2026-01-31' });
    expect(values[6]).to.include({ kind: 'relativeDate', name: 'LAST_N_DAYS', amount: 30 });
    expect(values[7]).to.include({ kind: 'relativeDate', name: 'TODAY' });
  });

  it('nests NOT, parentheses, AND and OR', () => {
    const query = parseSoql("SELECT Id FROM Account WHERE NOT (Name = 'a' OR Name LIKE 'b%') AND Industry NOT IN ('x')");
    expect(query.where?.kind).to.equal('and');
    const operands = query.where?.kind === 'and' ? query.where.operands : [];
    expect(operands.map((operand) => operand.kind)).to.deep.equal(['not', 'in']);
    expect(operands[1]).to.include({ negated: true });
  });

  it('treats <> as !=', () => {
    const where = parseSoql("SELECT Id FROM Account WHERE Name <> 'a'").where;
    expect(where).to.include({ kind: 'compare', operator: '!=' });
  });

  it('keeps LIKE escapes in the pattern but not in the value', () => {
    const where = parseSoql("SELECT Id FROM Account WHERE Name LIKE '50\\%'").where;
    expect(where?.kind === 'like' && where.pattern).to.include({ value: '50%', likePattern: '50\\%' });
  });

  describe('MALFORMED_QUERY errors, worded and positioned as Salesforce does', () => {
    it('points at the unexpected token with row and column', () => {
      const error = syntaxError("SELECT Id FROM Account WHERE Name = 'x' LIMT 10");
      expect(error.errorCode).to.equal('MALFORMED_QUERY');
      expect(error.message).to.equal("\nSELECT Id FROM Account WHERE Name = 'x' LIMT 10\n                                        ^\nERROR at Row:1:Column:41\nunexpected token: 'LIMT'");
    });

    it('reports the end of the query as <EOF>', () => {
      expect(syntaxError('SELECT Id FROM Account WHERE').message).to.match(/ERROR at Row:1:Column:29\nunexpected token: <EOF>$/);
      expect(syntaxError('SELECT Id, FROM Account').message).to.match(/unexpected token: 'FROM'$/);
      expect(syntaxError('SELECT Id').message).to.match(/unexpected token: <EOF>$/);
    });

    it('counts rows and columns on multi-line queries', () => {
      expect(syntaxError('SELECT Id\nFROM Account\nWHERE Name = = 1').message).to.match(/^\nWHERE Name = = 1\n {13}\^\nERROR at Row:3:Column:14\nunexpected token: '='$/);
    });

    it('refuses AND mixed with OR without parentheses', () => {
      expect(syntaxError("SELECT Id FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'c'").message).to.match(/unexpected token: 'OR'$/);
    });

    it('refuses unterminated strings, bad escapes and stray characters', () => {
      expect(syntaxError("SELECT Id FROM Account WHERE Name = 'abc").message).to.match(/unexpected token: ''abc'$/);
      expect(syntaxError("SELECT Id FROM Account WHERE Name = 'a\\qb'").message).to.match(/Illegal character sequence '\\q' in string literal\.$/);
      expect(syntaxError('SELECT Id FROM Account WHERE Name = #').message).to.match(/unexpected token: '#'$/);
    });

    it('refuses unknown words as values and bad LIMIT, OFFSET and LAST_N_DAYS amounts', () => {
      expect(syntaxError('SELECT Id FROM Account WHERE Name = bob').message).to.match(/unexpected token: 'bob'$/);
      expect(syntaxError('SELECT Id FROM Account LIMIT -1').message).to.match(/unexpected token: '-1'$/);
      expect(syntaxError('SELECT Id FROM Account LIMIT 1.5').message).to.match(/unexpected token: '1.5'$/);
      expect(syntaxError('SELECT Id FROM Account WHERE CreatedDate = LAST_N_DAYS').message).to.match(/unexpected token: <EOF>$/);
      expect(syntaxError('SELECT Id FROM Account ORDER BY Name NULLS LATER').message).to.match(/unexpected token: 'LATER'$/);
    });

    it('refuses an OFFSET above 2,000', () => {
      expect(syntaxError('SELECT Id FROM Account OFFSET 2001').message).to.match(/Maximum SOQL offset allowed is 2000$/);
    });

    it('says which parts of SOQL the emulator leaves out', () => {
      expect(syntaxError('SELECT Id, (SELECT Id FROM Contacts) FROM Account').message).to.match(/Child relationship subqueries are not supported by the Forcebridge emulator$/);
      expect(syntaxError('SELECT Industry FROM Account GROUP BY Industry').message).to.match(/GROUP is not supported by the Forcebridge emulator$/);
      expect(syntaxError('SELECT FIELDS(ALL) FROM Account').message).to.match(/The function FIELDS\(\) is not supported/);
    });
  });
});
