import { expect } from 'chai';
import type { Connection } from 'jsforce';
import type { IngestJobSpec } from '../../emulator/contracts.js';
import { InMemoryOrg } from '../support/emulator-fixtures/in-memory-org.js';
import { SAMPLE_OBJECTS } from '../support/emulator-fixtures/sample-objects.js';
import { API_VERSION, startEngineServer, type EngineServer } from '../support/emulator-fixtures/engine-server.js';

const POLL = { pollInterval: 20, pollTimeout: 20_000 };

/** Values of one column of parsed result rows (jsforce types them by the job's schema). */
function column(rows: readonly object[], name: string): unknown[] {
  return rows.map((row) => (row as Record<string, unknown>)[name]);
}

async function rejection(promise: PromiseLike<unknown>): Promise<{ errorCode?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { errorCode?: string; message: string };
  }
  throw new Error('expected the call to fail');
}

describe('emulator Bulk API 2.0 ingest over HTTP through jsforce', () => {
  let org: InMemoryOrg;
  let server: EngineServer;
  let conn: Connection;

  async function start(options: Parameters<typeof startEngineServer>[1] = {}): Promise<void> {
    org = new InMemoryOrg(SAMPLE_OBJECTS);
    server = await startEngineServer(org, options);
    conn = server.connect();
  }

  function account(key: string): Record<string, unknown> | undefined {
    return [...org.records('Account', false)].find((record) => record.Magento_Key__c === key);
  }

  afterEach(async () => {
    await server.close();
  });

  describe('with the header checked against describe data', () => {
    beforeEach(() => start({ bulk2: { describe: (objectName) => org.fields(objectName) } }));

    it('upserts records on an external id: created, updated, failed rows and #N/A nulls', async () => {
      const existingId = org.seed('Account', { Name: 'Old name', Industry: 'Retail', Magento_Key__c: 'prod:customer:1' });
      const results = await conn.bulk2.loadAndWaitForResults({
        object: 'Account',
        operation: 'upsert',
        externalIdFieldName: 'Magento_Key__c',
        input: [
          { Name: 'Acme', Industry: null, Magento_Key__c: 'prod:customer:1' },
          { Name: 'Globex', Industry: 'Banking', Magento_Key__c: 'prod:customer:2' },
          { Name: null, Industry: 'Banking', Magento_Key__c: 'prod:customer:3' },
        ],
        ...POLL,
      });
      const createdId = String(account('prod:customer:2')?.Id);
      expect(results.successfulResults).to.deep.equal([
        { sf__Id: existingId, sf__Created: 'false', Id: '', Name: 'Acme', Industry: '#N/A', Magento_Key__c: 'prod:customer:1' },
        { sf__Id: createdId, sf__Created: 'true', Id: '', Name: 'Globex', Industry: 'Banking', Magento_Key__c: 'prod:customer:2' },
      ]);
      expect(results.failedResults).to.deep.equal([
        {
          sf__Id: '',
          sf__Error: 'REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --',
          Id: '',
          Name: '#N/A',
          Industry: 'Banking',
          Magento_Key__c: 'prod:customer:3',
        },
      ]);
      expect(results.unprocessedRecords).to.deep.equal([]);
      expect(account('prod:customer:1')).to.include({ Id: existingId, Name: 'Acme', Industry: null });
      expect(createdId).to.match(/^001/);
    });

    it('leaves fields of empty cells unchanged and resolves relationship columns by external id', async () => {
      const accountId = org.seed('Account', { Name: 'Acme', Magento_Key__c: 'prod:customer:1' });
      org.seed('Contact', { LastName: 'Keep', Email: 'keep@example.com', Magento_Key__c: 'prod:guest:1' });
      const results = await conn.bulk2.loadAndWaitForResults({
        object: 'Contact',
        operation: 'upsert',
        externalIdFieldName: 'Magento_Key__c',
        input: 'Magento_Key__c,LastName,Email,Account.Magento_Key__c\nprod:guest:1,,,prod:customer:1\nprod:guest:2,New,new@example.com,prod:customer:404\n',
        ...POLL,
      });
      expect(results.successfulResults).to.have.length(1);
      const contact = [...org.records('Contact', false)].find((record) => record.Magento_Key__c === 'prod:guest:1');
      expect(contact).to.include({ LastName: 'Keep', Email: 'keep@example.com', AccountId: accountId });
      expect(results.failedResults[0]?.sf__Error).to.equal('INVALID_FIELD:Foreign key external ID: prod:customer:404 not found for field Magento_Key__c in entity Account:Account.Magento_Key__c --');
    });

    it('inserts and deletes, reporting job info as Salesforce shapes it', async () => {
      const job = conn.bulk2.createJob({ object: 'account', operation: 'insert' });
      const opened = await job.open();
      expect(opened).to.include({ operation: 'insert', object: 'Account', state: 'Open', concurrencyMode: 'Parallel', contentType: 'CSV', apiVersion: Number(API_VERSION), lineEnding: 'LF', columnDelimiter: 'COMMA' });
      expect(opened.id).to.match(/^750[A-Za-z0-9]{15}$/);
      expect(opened).to.have.property('contentUrl', `services/data/v${API_VERSION}/jobs/ingest/${opened.id}/batches`);
      expect(opened.createdDate).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
      await job.uploadData([{ Name: 'One' }, { Name: 'Two' }]);
      await job.close();
      expect(job.getInfo().state).to.be.oneOf(['UploadComplete', 'InProgress', 'JobComplete']);
      await job.poll(POLL.pollInterval, POLL.pollTimeout);
      expect(await job.check()).to.include({ state: 'JobComplete', jobType: 'V2Ingest', numberRecordsProcessed: 2, numberRecordsFailed: 0, retries: 0 });
      const created = await job.getSuccessfulResults();
      expect(created.map((row) => row.sf__Created)).to.deep.equal(['true', 'true']);

      const deletion = await conn.bulk2.loadAndWaitForResults({ object: 'Account', operation: 'delete', input: created.map((row) => ({ Id: row.sf__Id })), ...POLL });
      expect(column(deletion.successfulResults, 'Id')).to.deep.equal(column(created, 'sf__Id'));
      expect([...org.records('Account', false)]).to.deep.equal([]);
    });

    it('fails the job when the header names an unknown field, leaving every row unprocessed', async () => {
      const job = conn.bulk2.createJob({ object: 'Account', operation: 'insert' });
      await job.open();
      await job.uploadData('Name,Nope__c\nAcme,1\nGlobex,2\n');
      await job.close();
      const failure = await rejection(job.poll(POLL.pollInterval, POLL.pollTimeout));
      expect(failure.message).to.equal('Ingest job failed to complete due to: InvalidBatch : Field name not found : Nope__c');
      expect(await job.check()).to.include({ state: 'Failed', errorMessage: 'InvalidBatch : Field name not found : Nope__c', numberRecordsProcessed: 0 });
      const results = await job.getAllResults();
      expect([results.successfulResults, results.failedResults]).to.deep.equal([[], []]);
      expect(results.unprocessedRecords).to.deep.equal([
        { Name: 'Acme', Nope__c: '1' },
        { Name: 'Globex', Nope__c: '2' },
      ]);
    });

    it('fails a job whose data does not use its declared line ending', async () => {
      const job = conn.bulk2.createJob({ object: 'Account', operation: 'insert', lineEnding: 'CRLF' });
      await job.open();
      await job.uploadData('Name\nAcme\n');
      await job.close();
      expect((await rejection(job.poll(POLL.pollInterval, POLL.pollTimeout))).message).to.match(/LineEnding is invalid on user data\. Current LineEnding setting is CRLF$/);
    });

    it('reads CRLF data with another column delimiter when the job says so', async () => {
      const results = await conn.bulk2.loadAndWaitForResults({ object: 'Account', operation: 'insert', lineEnding: 'CRLF', columnDelimiter: 'SEMICOLON', input: 'Name;Industry\r\nAcme;Retail\r\n', ...POLL });
      expect(results.successfulResults).to.have.length(1);
      expect(results.successfulResults[0]).to.include({ Name: 'Acme', Industry: 'Retail' });
    });
  });

  describe('job lifecycle and its errors', () => {
    beforeEach(() => start({ bulk2: { maxUploadBytes: 64 } }));

    it('answers a chunked upload (no content-length) with 201 and an empty body', async () => {
      const opened = await conn.bulk2.createJob({ object: 'Account', operation: 'insert' }).open();
      const chunks = ['Name\n', 'Chunked\n'];
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const chunk = chunks.shift();
          if (chunk === undefined) controller.close();
          else controller.enqueue(new TextEncoder().encode(chunk));
        },
      });
      // jsforce gives no access to the raw upload answer: raw fetch, streaming like jsforce does.
      const init = { method: 'PUT', headers: { 'Content-Type': 'text/csv', Authorization: 'Bearer x' }, body, duplex: 'half' };
      const response = await fetch(`${server.instanceUrl}/services/data/v${API_VERSION}/jobs/ingest/${opened.id}/batches`, init as RequestInit);
      expect(response.status).to.equal(201);
      expect(await response.text()).to.equal('');
      const job = conn.bulk2.job('ingest', { id: String(opened.id) });
      await job.close();
      await job.poll(POLL.pollInterval, POLL.pollTimeout);
      expect(column(await job.getSuccessfulResults(), 'Name')).to.deep.equal(['Chunked']);
    });

    it('refuses an upload over the size limit', async () => {
      const job = conn.bulk2.createJob({ object: 'Account', operation: 'insert' });
      await job.open();
      const failure = await rejection(job.uploadData(Array.from({ length: 20 }, (_, index) => ({ Name: `Account number ${index}` }))));
      expect(failure.errorCode).to.equal('INVALIDBATCH');
      expect(failure.message).to.match(/exceeds the limit of 64 bytes per job$/);
    });

    it('aborts an open job, keeping its uploaded rows as unprocessed', async () => {
      const job = conn.bulk2.createJob({ object: 'Account', operation: 'insert' });
      await job.open();
      await job.uploadData('Name\nAcme\n');
      await job.abort();
      expect(job.getInfo().state).to.equal('Aborted');
      expect(await job.getUnprocessedRecords()).to.deep.equal([{ Name: 'Acme' }]);
      expect((await rejection(job.poll(POLL.pollInterval, POLL.pollTimeout))).message).to.equal('Job has been aborted');
      expect((await rejection(job.close())).errorCode).to.equal('INVALIDJOBSTATE');
      expect([...org.records('Account', false)]).to.deep.equal([]);
    });

    it('refuses wrong state changes, a second upload and deleting an open job', async () => {
      const job = conn.bulk2.createJob({ object: 'Account', operation: 'insert' });
      await job.open();
      await job.uploadData('Name\nAcme\n');
      const second = await rejection(job.uploadData('Name\nAgain\n'));
      expect(second.message).to.equal('Data can only be uploaded to a job once.');
      const secondPut = await rejection(conn.bulk2.job('ingest', { id: String(job.id) }).uploadData('Name\nAgain\n'));
      expect(secondPut.errorCode).to.equal('BULK_API_ERROR');
      expect(secondPut.message).to.match(/^Found multiple contents for job: <750/);
      expect((await rejection(job.delete())).errorCode).to.equal('INVALIDJOBSTATE');
      await job.close();
      await job.poll(POLL.pollInterval, POLL.pollTimeout);
      expect((await rejection(job.close())).errorCode).to.equal('INVALIDJOBSTATE');
      expect((await rejection(job.abort())).errorCode).to.equal('INVALIDJOBSTATE');
      const badState = await rejection(conn.request({ method: 'PATCH', url: `/services/data/v${API_VERSION}/jobs/ingest/${job.id}`, body: JSON.stringify({ state: 'Closed' }), headers: { 'Content-Type': 'application/json' } }));
      expect(badState.errorCode).to.equal('INVALIDJOBSTATE');
    });

    it('deletes a finished job, after which it is NOT_FOUND', async () => {
      const job = conn.bulk2.createJob({ object: 'Account', operation: 'insert' });
      await job.open();
      await job.uploadData('Name\nAcme\n');
      await job.close();
      await job.poll(POLL.pollInterval, POLL.pollTimeout);
      await job.delete();
      const missing = await rejection(job.check());
      expect([missing.errorCode, missing.message]).to.deep.equal(['NOT_FOUND', 'The requested resource does not exist']);
    });

    it('lists jobs', async () => {
      const first = await conn.bulk2.createJob({ object: 'Account', operation: 'insert' }).open();
      const second = await conn.bulk2.createJob({ object: 'Contact', operation: 'upsert', externalIdFieldName: 'Magento_Key__c' }).open();
      const list = await conn.request<{ done: boolean; records: Array<{ id: string; jobType: string; externalIdFieldName?: string }> }>(`/services/data/v${API_VERSION}/jobs/ingest`);
      expect(list.done).to.equal(true);
      expect(list.records.map((job) => [job.id, job.jobType, job.externalIdFieldName])).to.deep.equal([
        [first.id, 'V2Ingest', undefined],
        [second.id, 'V2Ingest', 'Magento_Key__c'],
      ]);
    });

    it('refuses to create jobs for unknown objects, upserts without an external id and bodies that are not JSON', async () => {
      const unknown = await rejection(conn.bulk2.createJob({ object: 'Nope', operation: 'insert' }).open());
      expect([unknown.errorCode, unknown.message]).to.deep.equal(['INVALIDJOB', 'InvalidJob : Unable to find object: Nope']);
      const noExternalId = await rejection(conn.bulk2.createJob({ object: 'Account', operation: 'upsert' }).open());
      expect(noExternalId.message).to.equal('InvalidJob : External ID was blank for Account. An External ID must be specified for upsert.');
      const badOperation = await rejection(conn.bulk2.createJob({ object: 'Account', operation: 'merge' as IngestJobSpec['operation'] }).open());
      expect(badOperation.errorCode).to.equal('INVALIDJOB');
      const notJson = await rejection(conn.request({ method: 'POST', url: `/services/data/v${API_VERSION}/jobs/ingest`, body: '{', headers: { 'Content-Type': 'application/json' } }));
      expect(notJson.errorCode).to.equal('JSON_PARSER_ERROR');
    });

    it('marks the job Failed when the org itself breaks, keeping the rest unprocessed', async () => {
      let calls = 0;
      const applyRow = org.applyRow.bind(org);
      org.applyRow = (job, fields) => {
        calls += 1;
        if (calls === 2) throw new Error('storage unavailable');
        return applyRow(job, fields);
      };
      const job = conn.bulk2.createJob({ object: 'Account', operation: 'insert' });
      await job.open();
      await job.uploadData('Name\nOne\nTwo\nThree\n');
      await job.close();
      expect((await rejection(job.poll(POLL.pollInterval, POLL.pollTimeout))).message).to.match(/InternalServerError : storage unavailable$/);
      const results = await job.getAllResults();
      expect(column(results.successfulResults, 'Name')).to.deep.equal(['One']);
      expect(results.unprocessedRecords).to.deep.equal([{ Name: 'Two' }, { Name: 'Three' }]);
    });
  });
});
