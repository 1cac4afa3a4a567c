// Bulk API 2.0 query jobs without HTTP: checking the create request, result rows as CSV cells,
// paging by maxRecords and locator, and the job's states.
import { expect } from 'chai';
import { BulkApiError } from '../../emulator/bulk2/bulk-error.js';
import { parseCreateQueryJobRequest } from '../../emulator/bulk2/create-query-job-request.js';
import { queryJobDetails } from '../../emulator/bulk2/job-info.js';
import { QueryJob } from '../../emulator/bulk2/query-job.js';
import { scheduleQueryJob } from '../../emulator/bulk2/query-job-processor.js';
import { encodeLocator, parseMaxRecords, resultPage } from '../../emulator/bulk2/query-results.js';
import { Org } from '../../emulator/org/org.js';
import { inputFromJson } from '../../emulator/org/record-input.js';
import { SoqlError } from '../../emulator/soql/soql-error.js';

const NOW = new Date('2026-03-18T12:00:00Z');
const COMMA_LF = { lineEnding: 'LF', columnDelimiter: 'COMMA' } as const;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function orgWithContacts(count: number): Org {
  const org = new Org();
  const account = org.create('Account', inputFromJson(org.metadata, 'Account', { Name: 'Acme, "the" company' }));
  for (let index = 0; index < count; index++) {
    org.create('Contact', inputFromJson(org.metadata, 'Contact', { LastName: `C${index}`, AccountId: index % 2 === 0 ? account.Id : null }));
  }
  return org;
}

function errorOf(action: () => unknown): { errorCode: string; message: string; status: number } {
  try {
    action();
  } catch (error) {
    if (error instanceof BulkApiError || error instanceof SoqlError) return { errorCode: error.errorCode, message: error.message, status: error.status };
    throw error;
  }
  throw new Error('Expected an error');
}

function newJob(org: Org, soql: string, operation: 'query' | 'queryAll' = 'query'): QueryJob {
  const request = parseCreateQueryJobRequest({ operation, query: soql }, org, NOW);
  const identity = { id: '750000000000001AAA', operation, object: request.plan.query.objectName, format: request.format, apiVersion: '62.0', createdById: org.userId, createdDate: NOW };
  return new QueryJob(identity, request.plan, () => new Date('2026-03-18T12:00:05Z'));
}

const ROWS = [['a'], ['b'], ['c'], ['d'], ['e']];

describe('emulator Bulk API 2.0 query jobs', () => {
  describe('the create request', () => {
    it('takes the query, the operation and the CSV format', () => {
      const request = parseCreateQueryJobRequest({ operation: 'queryAll', query: 'select id from contact', columnDelimiter: 'PIPE', lineEnding: 'CRLF' }, orgWithContacts(0), NOW);
      expect(request).to.deep.include({ operation: 'queryAll', format: { columnDelimiter: 'PIPE', lineEnding: 'CRLF' } });
      expect(request.plan.query.objectName).to.equal('Contact');
      expect(request.plan.fields.map((field) => field.canonicalPath)).to.deep.equal(['Id']);
    });

    it('refuses bad queries with their SOQL error, and what Bulk queries cannot do', () => {
      const org = orgWithContacts(0);
      expect(errorOf(() => parseCreateQueryJobRequest({ operation: 'query', query: 'SELECT Nope FROM Contact' }, org, NOW))).to.include({ errorCode: 'INVALID_FIELD', status: 400 });
      expect(errorOf(() => parseCreateQueryJobRequest({ operation: 'query', query: 'SELECT FROM Contact' }, org, NOW))).to.include({ errorCode: 'MALFORMED_QUERY', status: 400 });
      expect(errorOf(() => parseCreateQueryJobRequest({ operation: 'query', query: 'SELECT Id FROM Nope' }, org, NOW))).to.include({ errorCode: 'INVALID_TYPE' });
      expect(errorOf(() => parseCreateQueryJobRequest({ operation: 'query', query: 'SELECT COUNT() FROM Contact' }, org, NOW))).to.include({ errorCode: 'FUNCTIONALITY_NOT_ENABLED' });
      expect(errorOf(() => parseCreateQueryJobRequest({ operation: 'query', query: 'SELECT Id FROM Contact OFFSET 5' }, org, NOW))).to.include({ errorCode: 'FUNCTIONALITY_NOT_ENABLED' });
      expect(errorOf(() => parseCreateQueryJobRequest({ operation: 'upsert', query: 'SELECT Id FROM Contact' }, org, NOW))).to.include({ errorCode: 'INVALIDJOB' });
    });
  });

  describe('results', () => {
    it('renders selected fields in query order: parent fields by path, nulls empty, datetimes with Z, all quoted', async () => {
      const job = newJob(orgWithContacts(2), 'SELECT LastName, Account.Name, HasOptedOutOfEmail, CreatedDate FROM Contact ORDER BY LastName');
      scheduleQueryJob(job);
      await nextTurn();
      await nextTurn();
      const page = resultPage(job.header, job.rows, COMMA_LF, undefined, 10);
      const [header, first, second] = page.csv.split('\n');
      expect(header).to.equal('"LastName","Account.Name","HasOptedOutOfEmail","CreatedDate"');
      expect(first).to.match(/^"C0","Acme, ""the"" company","false","\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"$/);
      expect(second).to.match(/^"C1","","false","/);
      expect(page).to.include({ locator: 'null', numberOfRecords: 2 });
    });

    it('pages by maxRecords; a locator is the base64 of the first row and can be read again', () => {
      const first = resultPage(['Name'], ROWS, COMMA_LF, undefined, 2);
      expect(first).to.deep.equal({ csv: '"Name"\n"a"\n"b"\n', locator: 'Mg', numberOfRecords: 2 });
      const second = resultPage(['Name'], ROWS, COMMA_LF, first.locator, 2);
      expect(second).to.deep.equal({ csv: '"Name"\n"c"\n"d"\n', locator: 'NA', numberOfRecords: 2 });
      expect(resultPage(['Name'], ROWS, COMMA_LF, 'Mg', 10)).to.deep.equal({ csv: '"Name"\n"c"\n"d"\n"e"\n', locator: 'null', numberOfRecords: 3 });
      expect(resultPage(['Name'], ROWS, COMMA_LF, encodeLocator(4), 2)).to.include({ locator: 'null', numberOfRecords: 1 });
      expect(resultPage(['Name'], [], COMMA_LF, undefined, 2)).to.deep.equal({ csv: '"Name"\n', locator: 'null', numberOfRecords: 0 });
    });

    it('uses the job format and refuses locators and maxRecords that name nothing', () => {
      expect(resultPage(['A', 'B'], [['1', '']], { lineEnding: 'CRLF', columnDelimiter: 'SEMICOLON' }, undefined, 5).csv).to.equal('"A";"B"\r\n"1";""\r\n');
      for (const locator of [encodeLocator(5), 'bm9wZQ', 'MDE', '']) expect(errorOf(() => resultPage(['A'], ROWS, COMMA_LF, locator, 2))).to.include({ errorCode: 'INVALID_QUERY_LOCATOR', status: 400 });
      expect(parseMaxRecords('250')).to.equal(250);
      expect(parseMaxRecords(undefined)).to.equal(undefined);
      for (const value of ['0', '-1', '1.5', 'all']) expect(() => parseMaxRecords(value)).to.throw(BulkApiError);
    });
  });

  describe('states', () => {
    it('runs UploadComplete -> InProgress -> JobComplete over the org as it is when the job starts', async () => {
      const org = orgWithContacts(3);
      const job = newJob(org, 'SELECT Id FROM Contact');
      expect(errorOf(() => job.assertResultsReady())).to.deep.equal({
        errorCode: 'JOB_NOT_COMPLETE',
        message: 'can only download query results of successfully completed bulk job with status: JOB_COMPLETE. Current status: UPLOAD_COMPLETE',
        status: 412,
      });
      scheduleQueryJob(job);
      org.create('Contact', inputFromJson(org.metadata, 'Contact', { LastName: 'late' }));
      await nextTurn();
      expect(job.state).to.equal('InProgress');
      expect(queryJobDetails(job)).to.include({ numberRecordsProcessed: 0, jobType: 'V2Query' });
      await nextTurn();
      expect(job.state).to.equal('JobComplete');
      expect(queryJobDetails(job)).to.include({ state: 'JobComplete', numberRecordsProcessed: 4, retries: 0, object: 'Contact', operation: 'query', systemModstamp: '2026-03-18T12:00:05.000+0000' });
    });

    it('includes deleted records for queryAll only', async () => {
      const org = orgWithContacts(2);
      const [first] = [...org.records('Contact', false)];
      org.delete(String(first?.Id));
      const [query, queryAll] = [newJob(org, 'SELECT Id FROM Contact'), newJob(org, 'SELECT Id FROM Contact', 'queryAll')];
      scheduleQueryJob(query);
      scheduleQueryJob(queryAll);
      await nextTurn();
      await nextTurn();
      expect([query.rows.length, queryAll.rows.length]).to.deep.equal([1, 2]);
    });

    it('stops when aborted before completing; aborts and deletes only in the states Salesforce allows', async () => {
      const job = newJob(orgWithContacts(1), 'SELECT Id FROM Contact');
      scheduleQueryJob(job);
      await nextTurn();
      expect(errorOf(() => job.assertDeletable())).to.include({ errorCode: 'INVALIDJOBSTATE' });
      job.abort();
      await nextTurn();
      expect(job.state).to.equal('Aborted');
      expect(job.rows).to.have.length(0);
      expect(errorOf(() => job.abort())).to.include({ errorCode: 'INVALIDJOBSTATE' });
      expect(() => job.assertDeletable()).to.not.throw();
      expect(errorOf(() => job.assertResultsReady())).to.include({ errorCode: 'JOB_NOT_COMPLETE', status: 412 });
    });
  });
});
