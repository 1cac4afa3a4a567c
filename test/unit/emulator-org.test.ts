// The org model without HTTP: Bulk rows as strings, transactions, the QuerySource view, and
// the conversion of incoming values.
import { expect } from 'chai';
import { endpointKey } from '../../emulator/http/api-usage.js';
import { escapeHtml } from '../../emulator/http/web-page.js';
import { definitionFromMetadata } from '../../emulator/org/custom-field-metadata.js';
import { valueFromCsv, valueFromJson } from '../../emulator/org/field-values.js';
import { Org } from '../../emulator/org/org.js';
import { inputFromJson } from '../../emulator/org/record-input.js';
import { SalesforceError } from '../../emulator/org/salesforce-error.js';
import { field } from '../../emulator/schema/field-definition.js';

function orgWithKey(): Org {
  const org = new Org();
  org.addCustomField({ id: org.newId('00N'), objectName: 'Opportunity', definition: definitionFromMetadata('Key__c', { type: 'Text', label: 'Key', length: 40, externalId: true, unique: true }), metadata: {} });
  return org;
}

const OPPORTUNITY_CELLS = { Name: 'Row', StageName: 'Prospecting', CloseDate: '2026-12-31' };

describe('emulator org', () => {
  describe('Bulk rows (BulkRowTarget)', () => {
    it('converts CSV strings to field types on insert', () => {
      const org = orgWithKey();
      const outcome = org.applyRow({ object: 'opportunity', operation: 'insert' }, { ...OPPORTUNITY_CELLS, Amount: '12.50', IsPrivate: 'true', Key__c: 'r1' });
      expect(outcome).to.include({ success: true, created: true });
      const stored = org.recordById((outcome as { id: string }).id)?.record;
      expect(stored).to.include({ Amount: 12.5, IsPrivate: true, CloseDate: '2026-12-31', Probability: 10 });
    });

    it('updates, upserts (empty Id column left out) and deletes', () => {
      const org = orgWithKey();
      const created = org.applyRow({ object: 'Opportunity', operation: 'upsert', externalIdFieldName: 'Key__c' }, { ...OPPORTUNITY_CELLS, Key__c: 'u1' });
      expect(created).to.include({ success: true, created: true });
      const id = (created as { id: string }).id;
      expect(org.applyRow({ object: 'Opportunity', operation: 'upsert', externalIdFieldName: 'Key__c' }, { Key__c: 'U1', Amount: '5' })).to.deep.equal({ success: true, id, created: false });
      expect(org.applyRow({ object: 'Opportunity', operation: 'update' }, { Id: id, Amount: null })).to.include({ success: true });
      expect(org.recordById(id)?.record.Amount).to.equal(null);
      expect(org.applyRow({ object: 'Opportunity', operation: 'delete' }, { Id: id })).to.include({ success: true });
      expect([...org.records('Opportunity', false)]).to.have.length(0);
      expect([...org.records('Opportunity', true)]).to.have.length(1);
    });

    it('fails a row with Salesforce row errors', () => {
      const org = orgWithKey();
      const wrongType = org.applyRow({ object: 'Opportunity', operation: 'insert' }, { ...OPPORTUNITY_CELLS, Amount: 'abc' });
      expect(wrongType).to.deep.equal({
        success: false,
        errors: [{ statusCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD', message: 'Amount: value not of required type: abc', fields: ['Amount'] }],
      });
      const noId = org.applyRow({ object: 'Opportunity', operation: 'update' }, { Amount: '1' });
      expect(noId).to.deep.include({ success: false });
      expect((noId as { errors: Array<{ statusCode: string }> }).errors[0]?.statusCode).to.equal('MISSING_ARGUMENT');
    });
  });

  describe('transactions', () => {
    it('undoes records, history rows and index entries when the work throws', () => {
      const org = orgWithKey();
      expect(() =>
        org.transaction(() => {
          org.create('Opportunity', inputFromJson(org.metadata, 'Opportunity', { ...OPPORTUNITY_CELLS, Key__c: 'tx' }));
          throw new SalesforceError('TEST', 'abort');
        }),
      ).to.throw('abort');
      expect([...org.records('Opportunity', true)]).to.have.length(0);
      expect([...org.records('OpportunityHistory', true)]).to.have.length(0);
      const result = org.upsert('Opportunity', 'Key__c', 'tx', inputFromJson(org.metadata, 'Opportunity', OPPORTUNITY_CELLS));
      expect(result.created).to.equal(true);
    });

    it('rolls a nested transaction back with the outer one', () => {
      const org = new Org();
      const mark = org.savepoint();
      org.transaction(() => org.create('Account', inputFromJson(org.metadata, 'Account', { Name: 'inner' })));
      org.rollbackTo(mark);
      expect([...org.records('Account', true)]).to.have.length(0);
    });
  });

  describe('QuerySource', () => {
    it('names objects in any casing, finds records by 15- or 18-character id and exposes fields', () => {
      const org = new Org();
      const account = org.create('Account', inputFromJson(org.metadata, 'Account', { Name: 'Q' }));
      expect(org.objectName('aCCOUNT')).to.equal('Account');
      expect(org.objectName('Nope')).to.equal(undefined);
      expect(org.recordById(String(account.Id).slice(0, 15))?.record.Name).to.equal('Q');
      expect(org.fields('Contact').find((info) => info.name === 'AccountId')).to.deep.include({ type: 'reference', referenceTo: ['Account'], relationshipName: 'Account' });
    });
  });

  describe('incoming values', () => {
    const dateField = field('D', 'D', 'date');
    const dateTimeField = field('T', 'T', 'datetime');
    const intField = field('I', 'I', 'int');

    it('normalises datetimes to Salesforce form and refuses impossible dates', () => {
      expect(valueFromJson(dateTimeField, '2026-01-02T03:04:05Z')).to.equal('2026-01-02T03:04:05.000+0000');
      expect(valueFromJson(dateTimeField, '2026-01-02T03:04:05.000+0200')).to.equal('2026-01-02T01:04:05.000+0000');
      expect(valueFromCsv(dateField, '2024-02-29')).to.equal('2024-02-29');
      expect(() => valueFromCsv(dateField, '2023-02-29')).to.throw(SalesforceError);
      expect(() => valueFromJson(intField, 1.5)).to.throw('Cannot deserialize instance of int');
    });
  });

  describe('http helpers', () => {
    it('keys call counts by the shape of the path', () => {
      expect(endpointKey('PATCH', '/sobjects/Opportunity/Key__c/prod:quote:1')).to.equal('PATCH /sobjects/Opportunity/Key__c/:value');
      expect(endpointKey('GET', '/sobjects/Account/0018d0000000004AAA')).to.equal('GET /sobjects/Account/:id');
      expect(endpointKey('POST', '/composite/sobjects')).to.equal('POST /composite/sobjects');
    });

    it('escapes HTML', () => {
      expect(escapeHtml(`<a href="x">'&'</a>`)).to.equal('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    });
  });
});
