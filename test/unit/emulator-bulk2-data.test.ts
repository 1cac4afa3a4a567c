import { expect } from 'chai';
import { parseCreateJobRequest } from '../../emulator/bulk2/create-job-request.js';
import { headerErrorMessage, unknownHeaderColumn } from '../../emulator/bulk2/header-check.js';
import { readUploadedCsv, rowFields } from '../../emulator/bulk2/uploaded-data.js';
import { BulkApiError } from '../../emulator/bulk2/bulk-error.js';
import { field } from '../support/emulator-fixtures/in-memory-org.js';

const LF_COMMA = { lineEnding: 'LF', columnDelimiter: 'COMMA' } as const;

describe('emulator Bulk API 2.0 data handling', () => {
  describe('rowFields', () => {
    it('leaves empty cells out, turns #N/A into null and keeps everything else as text', () => {
      expect(rowFields(['Id', 'Name', 'Industry', 'Account.Magento_Key__c'], ['', 'Acme', '#N/A', 'prod:customer:1'])).to.deep.equal({
        Name: 'Acme',
        Industry: null,
        'Account.Magento_Key__c': 'prod:customer:1',
      });
    });

    it('treats missing trailing cells as empty', () => {
      expect(rowFields(['Name', 'Industry'], ['Acme'])).to.deep.equal({ Name: 'Acme' });
    });
  });

  describe('readUploadedCsv', () => {
    it('splits header and rows, honouring quotes, a BOM and the declared delimiter', () => {
      expect(readUploadedCsv('\uFEFFName,Description\n"Acme, Inc.","says ""hi""\nover two lines"\n', LF_COMMA)).to.deep.equal({
        ok: true,
        header: ['Name', 'Description'],
        rows: [['Acme, Inc.', 'says "hi"\nover two lines']],
      });
      expect(readUploadedCsv('Name|Industry\r\nAcme|Retail\r\n', { lineEnding: 'CRLF', columnDelimiter: 'PIPE' })).to.deep.include({ rows: [['Acme', 'Retail']] });
    });

    it('refuses data whose line ending differs from the job', () => {
      expect(readUploadedCsv('Name\r\nAcme\r\n', LF_COMMA)).to.deep.equal({
        ok: false,
        errorMessage: 'ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF',
      });
    });

    it('refuses unparseable CSV and an empty upload', () => {
      const broken = readUploadedCsv('Name,Industry\nAcme\n', LF_COMMA);
      expect(broken.ok).to.equal(false);
      expect(!broken.ok && broken.errorMessage).to.match(/^ClientInputError : Invalid Record Length/);
      expect(readUploadedCsv('', LF_COMMA)).to.deep.equal({ ok: false, errorMessage: 'ClientInputError : The uploaded data has no header row' });
    });
  });

  describe('unknownHeaderColumn', () => {
    const fields = [field('Id', 'id'), field('Name', 'string'), field('OwnerId', 'reference', { to: 'User', relationshipName: 'Owner' })];

    it('accepts fields in any casing and relationship columns by relationship name', () => {
      expect(unknownHeaderColumn(['id', 'NAME', 'Owner.Email__c'], fields)).to.equal(undefined);
    });

    it('names the first column the object does not have', () => {
      expect(unknownHeaderColumn(['Name', 'Nope__c', 'Other'], fields)).to.equal('Nope__c');
      expect(unknownHeaderColumn(['OwnerId.Name'], fields)).to.equal('OwnerId.Name');
      expect(headerErrorMessage('Nope__c')).to.equal('InvalidBatch : Field name not found : Nope__c');
    });
  });

  describe('parseCreateJobRequest', () => {
    const objectName = (name: string) => (name.toLowerCase() === 'account' ? 'Account' : undefined);

    function refusal(body: unknown): BulkApiError {
      try {
        parseCreateJobRequest(body, objectName);
      } catch (error) {
        if (error instanceof BulkApiError) return error;
        throw error;
      }
      throw new Error('expected the request to be refused');
    }

    it('canonicalises the object and defaults the CSV format', () => {
      expect(parseCreateJobRequest({ object: 'account', operation: 'upsert', externalIdFieldName: 'Magento_Key__c' }, objectName)).to.deep.equal({
        spec: { object: 'Account', operation: 'upsert', externalIdFieldName: 'Magento_Key__c' },
        format: { lineEnding: 'LF', columnDelimiter: 'COMMA' },
      });
    });

    it('keeps an external id field only for upserts', () => {
      expect(parseCreateJobRequest({ object: 'Account', operation: 'insert', externalIdFieldName: 'X__c', lineEnding: 'CRLF' }, objectName)).to.deep.equal({
        spec: { object: 'Account', operation: 'insert' },
        format: { lineEnding: 'CRLF', columnDelimiter: 'COMMA' },
      });
    });

    it('refuses bad bodies with INVALIDJOB', () => {
      for (const body of [undefined, {}, { object: 'Account' }, { object: 'Account', operation: 'merge' }, { object: 'Account', operation: 'insert', contentType: 'JSON' }, { object: 'Account', operation: 'insert', columnDelimiter: 'SPACE' }]) {
        const error = refusal(body);
        expect([error.status, error.errorCode], JSON.stringify(body)).to.deep.equal([400, 'INVALIDJOB']);
      }
      expect(refusal({ object: 'Nope', operation: 'insert' }).message).to.equal('InvalidJob : Unable to find object: Nope');
      expect(refusal({ object: 'Account', operation: 'upsert' }).message).to.equal('InvalidJob : External ID was blank for Account. An External ID must be specified for upsert.');
    });
  });
});
