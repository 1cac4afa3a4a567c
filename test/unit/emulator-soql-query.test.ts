import { expect } from 'chai';
import { runQuery, type QueryOutcome } from '../../emulator/soql/run-query.js';
import { SoqlError } from '../../emulator/soql/soql-error.js';
import { InMemoryOrg } from '../support/emulator-fixtures/in-memory-org.js';
import { SAMPLE_OBJECTS } from '../support/emulator-fixtures/sample-objects.js';

const NOW = new Date('2026-03-18T12:00:00Z'); // a Wednesday

describe('emulator SOQL evaluation', () => {
  let org: InMemoryOrg;
  let ownerId: string;
  let acmeId: string;
  let globexId: string;
  let initechId: string;

  function query(soql: string, includeDeleted = false): QueryOutcome {
    return runQuery(org, soql, { includeDeleted, apiVersion: 'v62.0', now: NOW });
  }

  function names(soql: string): unknown[] {
    return query(soql).records.map((record) => record.Name ?? record.LastName);
  }

  function queryError(soql: string): SoqlError {
    try {
      query(soql);
    } catch (error) {
      if (error instanceof SoqlError) return error;
      throw error;
    }
    throw new Error(`expected ${soql} to fail`);
  }

  beforeEach(() => {
    org = new InMemoryOrg(SAMPLE_OBJECTS, undefined, () => NOW);
    ownerId = org.seed('User', { Name: 'Ada Admin', LastName: 'Admin' });
    acmeId = org.seed('Account', {
      Name: 'Acme',
      Industry: 'Retail',
      AnnualRevenue: 5000,
      NumberOfEmployees: 10,
      Magento_Key__c: 'prod:customer:1',
      OwnerId: ownerId,
      CreatedDate: '2026-03-18T08:00:00.000+0000',
    });
    globexId = org.seed('Account', { Name: 'globex', Industry: null, AnnualRevenue: 250.5, NumberOfEmployees: 3, CreatedDate: '2026-03-10T23:59:59.000+0000' });
    initechId = org.seed('Account', { Name: 'Initech_50%', Industry: 'Banking', AnnualRevenue: null, NumberOfEmployees: 200, CreatedDate: '2025-12-31T12:00:00.000+0000' });
    org.seed('Contact', { LastName: 'Smith', Email: 'smith@example.com', AccountId: acmeId, Birthdate: '1990-05-01', HasOptedOutOfEmail: true });
    org.seed('Contact', { LastName: 'Jones', Email: null, AccountId: null, Birthdate: null, HasOptedOutOfEmail: false });
  });

  describe('SELECT lists', () => {
    it('renders records with attributes and canonical field names in the order selected', () => {
      const result = query("SELECT name, ID FROM account WHERE Name = 'Acme'");
      expect(result.totalSize).to.equal(1);
      expect(result.records[0]).to.deep.equal({
        attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${acmeId}` },
        Name: 'Acme',
        Id: acmeId,
      });
      expect(Object.keys(result.records[0] ?? {})).to.deep.equal(['attributes', 'Name', 'Id']);
    });

    it('nests parent fields with their own attributes, two levels deep, and null for an empty reference', () => {
      const result = query('SELECT LastName, Account.Name, account.Owner.Name, Account.Industry FROM Contact ORDER BY LastName DESC');
      expect(result.records).to.deep.equal([
        {
          attributes: { type: 'Contact', url: `/services/data/v62.0/sobjects/Contact/${String(query("SELECT Id FROM Contact WHERE LastName = 'Smith'").records[0]?.Id)}` },
          LastName: 'Smith',
          Account: {
            attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${acmeId}` },
            Name: 'Acme',
            Owner: { attributes: { type: 'User', url: `/services/data/v62.0/sobjects/User/${ownerId}` }, Name: 'Ada Admin' },
            Industry: 'Retail',
          },
        },
        { attributes: result.records[1]?.attributes, LastName: 'Jones', Account: null },
      ]);
    });

    it('returns stored nulls as null', () => {
      expect(query("SELECT Industry FROM Account WHERE Name = 'globex'").records[0]).to.have.property('Industry', null);
    });

    it('answers COUNT() with totalSize and no records', () => {
      expect(query('SELECT COUNT() FROM Account')).to.deep.equal({ totalSize: 3, records: [] });
      expect(query('SELECT COUNT() FROM Account WHERE NumberOfEmployees > 5')).to.deep.equal({ totalSize: 2, records: [] });
      expect(query('SELECT COUNT() FROM Account LIMIT 1')).to.deep.equal({ totalSize: 1, records: [] });
    });

    it('answers COUNT(field) as an AggregateResult counting non-null values, named exprN or by alias', () => {
      expect(query('SELECT COUNT(Id), COUNT(Industry) FROM Account')).to.deep.equal({
        totalSize: 1,
        records: [{ attributes: { type: 'AggregateResult' }, expr0: 3, expr1: 2 }],
      });
      expect(query('SELECT COUNT(Industry) withIndustry FROM Account').records[0]).to.have.property('withIndustry', 2);
    });
  });

  describe('WHERE', () => {
    it('compares text case-insensitively', () => {
      expect(names("SELECT Name FROM Account WHERE Name = 'ACME'")).to.deep.equal(['Acme']);
      expect(names("SELECT Name FROM Account WHERE Name IN ('GLOBEX', 'nobody')")).to.deep.equal(['globex']);
      expect(names("SELECT Name FROM Account WHERE Name > 'B' ORDER BY Name")).to.deep.equal(['globex', 'Initech_50%']);
    });

    it('treats null as a value for = and !=, and keeps nulls out of < and >', () => {
      expect(names('SELECT Name FROM Account WHERE Industry = null')).to.deep.equal(['globex']);
      expect(names("SELECT Name FROM Account WHERE Industry != 'Retail' ORDER BY Name")).to.deep.equal(['globex', 'Initech_50%']);
      expect(names('SELECT Name FROM Account WHERE Industry != null ORDER BY Name')).to.deep.equal(['Acme', 'Initech_50%']);
      expect(names('SELECT Name FROM Account WHERE AnnualRevenue < 1000')).to.deep.equal(['globex']);
      expect(names("SELECT Name FROM Account WHERE Industry NOT IN ('Retail') ORDER BY Name")).to.deep.equal(['globex', 'Initech_50%']);
      expect(names("SELECT Name FROM Account WHERE Industry IN ('Retail', null) ORDER BY Name")).to.deep.equal(['Acme', 'globex']);
    });

    it('compares numbers as numbers', () => {
      expect(names('SELECT Name FROM Account WHERE NumberOfEmployees >= 10 ORDER BY NumberOfEmployees')).to.deep.equal(['Acme', 'Initech_50%']);
      expect(names('SELECT Name FROM Account WHERE AnnualRevenue <= 250.5')).to.deep.equal(['globex']);
      expect(names('SELECT Name FROM Account WHERE NumberOfEmployees IN (3, 200) ORDER BY Name')).to.deep.equal(['globex', 'Initech_50%']);
    });

    it('compares booleans, dates and datetimes by type', () => {
      expect(names('SELECT LastName FROM Contact WHERE HasOptedOutOfEmail = true')).to.deep.equal(['Smith']);
      expect(names('SELECT LastName FROM Contact WHERE Birthdate < 2000-01-01')).to.deep.equal(['Smith']);
      expect(names('SELECT Name FROM Account WHERE CreatedDate > 2026-03-10T23:59:58Z')).to.deep.equal(['Acme', 'globex']);
      expect(names('SELECT Name FROM Account WHERE CreatedDate = 2026-03-11T00:59:59+01:00')).to.deep.equal(['globex']);
    });

    it('matches ids in their 15- and 18-character forms', () => {
      expect(names(`SELECT Name FROM Account WHERE Id = '${acmeId.slice(0, 15)}'`)).to.deep.equal(['Acme']);
      expect(names(`SELECT Name FROM Account WHERE Id IN ('${globexId}', '${initechId}') ORDER BY Name`)).to.deep.equal(['globex', 'Initech_50%']);
      expect(names(`SELECT LastName FROM Contact WHERE AccountId = '${acmeId}'`)).to.deep.equal(['Smith']);
    });

    it('filters on parent fields', () => {
      expect(names("SELECT LastName FROM Contact WHERE Account.Industry = 'retail'")).to.deep.equal(['Smith']);
      expect(names("SELECT LastName FROM Contact WHERE Account.Owner.Name LIKE 'ada%'")).to.deep.equal(['Smith']);
      expect(names('SELECT LastName FROM Contact WHERE Account.Name = null')).to.deep.equal(['Jones']);
    });

    it('matches LIKE with % and _, case-insensitively, with escaped wildcards', () => {
      expect(names("SELECT Name FROM Account WHERE Name LIKE 'a%'")).to.deep.equal(['Acme']);
      expect(names("SELECT Name FROM Account WHERE Name LIKE '_lobe_'")).to.deep.equal(['globex']);
      expect(names("SELECT Name FROM Account WHERE Name LIKE '%\\_50\\%'")).to.deep.equal(['Initech_50%']);
      expect(names("SELECT Name FROM Account WHERE Name LIKE 'Initech\\_5'")).to.deep.equal([]);
    });

    it('combines AND, OR, NOT and parentheses', () => {
      expect(names("SELECT Name FROM Account WHERE (Industry = 'Retail' OR Industry = 'Banking') AND NOT Name LIKE 'I%'")).to.deep.equal(['Acme']);
      expect(names("SELECT Name FROM Account WHERE NOT (Name = 'Acme' OR Name = 'globex')")).to.deep.equal(['Initech_50%']);
    });

    it('resolves relative date literals against the clock (UTC days, weeks from Sunday)', () => {
      expect(names('SELECT Name FROM Account WHERE CreatedDate = TODAY')).to.deep.equal(['Acme']);
      expect(names('SELECT Name FROM Account WHERE CreatedDate < TODAY ORDER BY Name')).to.deep.equal(['globex', 'Initech_50%']);
      expect(names('SELECT Name FROM Account WHERE CreatedDate = LAST_N_DAYS:7 ORDER BY Name')).to.deep.equal(['Acme']);
      expect(names('SELECT Name FROM Account WHERE CreatedDate = LAST_N_DAYS:8 ORDER BY Name')).to.deep.equal(['Acme', 'globex']);
      expect(names('SELECT Name FROM Account WHERE CreatedDate = LAST_WEEK')).to.deep.equal(['globex']);
      expect(names('SELECT Name FROM Account WHERE CreatedDate = THIS_YEAR ORDER BY Name')).to.deep.equal(['Acme', 'globex']);
      expect(names('SELECT Name FROM Account WHERE CreatedDate = LAST_YEAR')).to.deep.equal(['Initech_50%']);
      expect(names('SELECT Name FROM Account WHERE CreatedDate > TODAY')).to.deep.equal([]);
      expect(names('SELECT Name FROM Account WHERE CreatedDate > YESTERDAY')).to.deep.equal(['Acme']);
      expect(names('SELECT Name FROM Account WHERE CreatedDate <= YESTERDAY ORDER BY Name')).to.deep.equal(['globex', 'Initech_50%']);
      expect(names('SELECT LastName FROM Contact WHERE Birthdate < N_DAYS_AGO:3')).to.deep.equal(['Smith']);
    });

    it('stays linear for an IN list of 200 ids over 100,000 records', () => {
      const ids = Array.from({ length: 100_000 }, (_, index) => org.seed('Contact', { LastName: `Bulk ${index}` }));
      const wanted = ids.filter((_, index) => index % 500 === 0);
      const result = query(`SELECT Id FROM Contact WHERE Id IN ('${wanted.join("','")}')`);
      expect(result.records.map((record) => record.Id)).to.deep.equal(wanted);
    });
  });

  describe('ORDER BY, LIMIT and OFFSET', () => {
    it('sorts on several keys, nulls first ascending and last descending unless told', () => {
      expect(names('SELECT Name FROM Account ORDER BY Industry')).to.deep.equal(['globex', 'Initech_50%', 'Acme']);
      expect(names('SELECT Name FROM Account ORDER BY Industry DESC')).to.deep.equal(['Acme', 'Initech_50%', 'globex']);
      expect(names('SELECT Name FROM Account ORDER BY Industry ASC NULLS LAST')).to.deep.equal(['Initech_50%', 'Acme', 'globex']);
      expect(names('SELECT Name FROM Account ORDER BY Industry DESC NULLS FIRST')).to.deep.equal(['globex', 'Acme', 'Initech_50%']);
      expect(names('SELECT Name FROM Account ORDER BY NumberOfEmployees DESC')).to.deep.equal(['Initech_50%', 'Acme', 'globex']);
      org.seed('Account', { Name: 'Acme', NumberOfEmployees: 1 });
      expect(query('SELECT NumberOfEmployees FROM Account ORDER BY Name, NumberOfEmployees').records.map((record) => record.NumberOfEmployees)).to.deep.equal([1, 10, 3, 200]);
    });

    it('sorts on parent fields', () => {
      expect(names('SELECT LastName FROM Contact ORDER BY Account.Name DESC')).to.deep.equal(['Smith', 'Jones']);
    });

    it('applies OFFSET then LIMIT to the sorted matches', () => {
      expect(names('SELECT Name FROM Account ORDER BY Name LIMIT 2')).to.deep.equal(['Acme', 'globex']);
      expect(names('SELECT Name FROM Account ORDER BY Name LIMIT 1 OFFSET 1')).to.deep.equal(['globex']);
      expect(names('SELECT Name FROM Account ORDER BY Name OFFSET 2')).to.deep.equal(['Initech_50%']);
      expect(query('SELECT Name FROM Account LIMIT 0').totalSize).to.equal(0);
    });
  });

  it('leaves deleted records to queryAll', () => {
    org.softDelete(globexId);
    expect(names('SELECT Name FROM Account ORDER BY Name')).to.deep.equal(['Acme', 'Initech_50%']);
    expect(query('SELECT Name, IsDeleted FROM Account WHERE IsDeleted = true', true).records.map((record) => record.Name)).to.deep.equal(['globex']);
  });

  describe('errors', () => {
    it('INVALID_TYPE for an unknown object', () => {
      const error = queryError('SELECT Id FROM Foo');
      expect(error.errorCode).to.equal('INVALID_TYPE');
      expect(error.message).to.equal(
        "\nSELECT Id FROM Foo\n               ^\nERROR at Row:1:Column:16\nsObject type 'Foo' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.",
      );
    });

    it('INVALID_FIELD for an unknown column in SELECT, WHERE and ORDER BY', () => {
      const error = queryError('SELECT Id, Nmae FROM Account');
      expect(error.errorCode).to.equal('INVALID_FIELD');
      expect(error.message).to.equal(
        "\nSELECT Id, Nmae FROM Account\n           ^\nERROR at Row:1:Column:12\nNo such column 'Nmae' on entity 'Account'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
      );
      expect(queryError("SELECT Id FROM Account WHERE Foo__c = 'x'").message).to.match(/No such column 'Foo__c' on entity 'Account'/);
      expect(queryError('SELECT Id FROM Account ORDER BY Foo__c').message).to.match(/No such column 'Foo__c' on entity 'Account'/);
    });

    it('INVALID_FIELD for a column of the parent object and for an unknown relationship', () => {
      expect(queryError('SELECT Account.Nope FROM Contact').message).to.match(/No such column 'Nope' on entity 'Account'/);
      const error = queryError('SELECT Acount.Name FROM Contact');
      expect(error.errorCode).to.equal('INVALID_FIELD');
      expect(error.message).to.match(/\nDidn't understand relationship 'Acount' in field path\. If you are attempting to use a custom relationship, be sure to append the '__r'/);
      expect(queryError('SELECT AccountId.Name FROM Contact').message).to.match(/Didn't understand relationship 'AccountId'/);
    });

    it('INVALID_FIELD for a literal of the wrong type', () => {
      const expectations: Array<[string, string]> = [
        ["SELECT Id FROM Account WHERE AnnualRevenue = '5'", "field 'AnnualRevenue' must be of type double and should not be enclosed in quotes"],
        ["SELECT Id FROM Account WHERE NumberOfEmployees > '5'", "field 'NumberOfEmployees' must be of type integer and should not be enclosed in quotes"],
        ['SELECT Id FROM Account WHERE Name = 5', "field 'Name' must be of type string and should be enclosed in quotes"],
        ["SELECT Id FROM Account WHERE IsDeleted = 'true'", "field 'IsDeleted' must be of type boolean and should not be enclosed in quotes"],
        ["SELECT Id FROM Contact WHERE Birthdate = '2026-01-01'", "field 'Birthdate' must be of type date and should not be enclosed in quotes"],
        ['SELECT Id FROM Contact WHERE Birthdate = 2026-01-01T00:00:00Z', "field 'Birthdate' must be of type date and should not be enclosed in quotes"],
        ['SELECT Id FROM Account WHERE CreatedDate > 2026-01-01', "field 'CreatedDate' must be of type dateTime and should not be enclosed in quotes"],
        ["SELECT Id FROM Account WHERE AnnualRevenue LIKE '5%'", "field 'AnnualRevenue' must be of type double and should not be enclosed in quotes"],
        ["SELECT Id FROM Account WHERE Name IN ('a', 2)", "field 'Name' must be of type string and should be enclosed in quotes"],
      ];
      for (const [soql, message] of expectations) {
        const error = queryError(soql);
        expect(error.errorCode, soql).to.equal('INVALID_FIELD');
        expect(error.message, soql).to.match(new RegExp(`\\nvalue of filter criterion for ${message}$`));
      }
    });

    it('INVALID_QUERY_FILTER_OPERATOR for a malformed id', () => {
      const error = queryError("SELECT Id FROM Account WHERE Id = '001abc'");
      expect(error.errorCode).to.equal('INVALID_QUERY_FILTER_OPERATOR');
      expect(error.message).to.match(/\ninvalid ID field: 001abc$/);
    });

    it('MALFORMED_QUERY for fields selected twice and aggregates mixed with fields', () => {
      expect(queryError('SELECT Id, Name, id FROM Account').message).to.match(/duplicate field selected: Id$/);
      expect(queryError('SELECT Name, COUNT(Id) FROM Account').message).to.match(/Field must be grouped or aggregated: Name$/);
      expect(queryError('SELECT COUNT(Id) FROM Account ORDER BY Name').message).to.match(/Ordered field must be grouped or aggregated: Name$/);
      expect(queryError('SELECT COUNT(), Name FROM Account').message).to.match(/COUNT\(\) must be the only element in the SELECT list$/);
    });
  });
});
