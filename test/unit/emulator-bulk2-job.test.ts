import { expect } from 'chai';
import type { BulkRowTarget, RowOutcome } from '../../emulator/contracts.js';
import { BulkApiError } from '../../emulator/bulk2/bulk-error.js';
import { IngestJob, type JobState } from '../../emulator/bulk2/ingest-job.js';
import { jobDetails, jobSummary } from '../../emulator/bulk2/job-info.js';
import { scheduleProcessing } from '../../emulator/bulk2/job-processor.js';
import { failedResultsCsv, formatRowErrors, successfulResultsCsv, unprocessedRecordsCsv } from '../../emulator/bulk2/job-results.js';

const CREATED = new Date('2026-03-18T12:00:00Z');

function newJob(operation: 'insert' | 'upsert' = 'insert'): IngestJob {
  return new IngestJob(
    {
      id: '750000000000001AAA',
      spec: { object: 'Account', operation, ...(operation === 'upsert' ? { externalIdFieldName: 'Magento_Key__c' } : {}) },
      format: { lineEnding: 'LF', columnDelimiter: 'COMMA' },
      apiVersion: '62.0',
      createdById: '005000000000001AAA',
      createdDate: CREATED,
    },
    () => new Date('2026-03-18T12:00:05Z'),
  );
}

function stateError(action: () => void): string {
  try {
    action();
  } catch (error) {
    if (error instanceof BulkApiError) return `${error.errorCode}: ${error.message}`;
    throw error;
  }
  throw new Error('expected a state error');
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('emulator Bulk API 2.0 jobs', () => {
  describe('state changes', () => {
    it('goes Open -> UploadComplete and stamps the change', () => {
      const job = newJob();
      job.markUploadComplete();
      expect(job.state).to.equal('UploadComplete');
      expect(job.systemModstamp.toISOString()).to.equal('2026-03-18T12:00:05.000Z');
    });

    it('refuses a second upload and uploads after Open', () => {
      const job = newJob();
      job.acceptUpload({ ok: true, header: ['Name'], rows: [['Acme']] });
      expect(stateError(() => job.acceptUpload({ ok: true, header: ['Name'], rows: [] }))).to.match(/^BULK_API_ERROR: Found multiple contents for job: <750000000000001AAA>/);
      job.markUploadComplete();
      expect(stateError(() => job.acceptUpload({ ok: true, header: ['Name'], rows: [] }))).to.equal(
        'INVALIDJOBSTATE: Data can only be uploaded to an Open job; job 750000000000001AAA is UploadComplete',
      );
    });

    it('aborts only unfinished jobs and deletes only jobs that are not open or running', () => {
      const cases: Array<[JobState, boolean, boolean]> = [
        ['Open', true, false],
        ['UploadComplete', true, true],
        ['InProgress', true, false],
        ['JobComplete', false, true],
        ['Failed', false, true],
        ['Aborted', false, true],
      ];
      for (const [state, abortable, deletable] of cases) {
        const job = newJob();
        job.state = state;
        if (deletable) expect(() => job.assertDeletable(), state).not.to.throw();
        else expect(stateError(() => job.assertDeletable())).to.equal(`INVALIDJOBSTATE: Job 750000000000001AAA cannot be deleted while it is ${state}`);
        if (abortable) job.abort();
        else expect(stateError(() => job.abort())).to.equal(`INVALIDJOBSTATE: Cannot change the state of job 750000000000001AAA from ${state} to Aborted`);
      }
    });
  });

  describe('job info', () => {
    it('has the create shape, with the external id only on upserts', () => {
      expect(jobSummary(newJob('upsert'))).to.deep.equal({
        id: '750000000000001AAA',
        operation: 'upsert',
        object: 'Account',
        createdById: '005000000000001AAA',
        createdDate: '2026-03-18T12:00:00.000+0000',
        systemModstamp: '2026-03-18T12:00:00.000+0000',
        state: 'Open',
        externalIdFieldName: 'Magento_Key__c',
        concurrencyMode: 'Parallel',
        contentType: 'CSV',
        apiVersion: 62,
        contentUrl: 'services/data/v62.0/jobs/ingest/750000000000001AAA/batches',
        lineEnding: 'LF',
        columnDelimiter: 'COMMA',
      });
      expect(jobSummary(newJob('insert'))).not.to.have.property('externalIdFieldName');
    });

    it('adds counters, timings and the error message of a failed job', () => {
      const job = newJob();
      job.record({ success: true, id: '001000000000001AAA', created: true });
      job.record({ success: false, errors: [] });
      job.fail('InvalidBatch : Field name not found : X');
      expect(jobDetails(job)).to.include({
        jobType: 'V2Ingest',
        state: 'Failed',
        numberRecordsProcessed: 2,
        numberRecordsFailed: 1,
        retries: 0,
        apexProcessingTime: 0,
        errorMessage: 'InvalidBatch : Field name not found : X',
      });
    });
  });

  describe('result files', () => {
    it('writes each error as CODE:message:fields --', () => {
      expect(formatRowErrors([{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Name]', fields: ['Name'] }])).to.equal(
        'REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --',
      );
      expect(formatRowErrors([{ statusCode: 'A', message: 'm', fields: ['X', 'Y'] }, { statusCode: 'B', message: 'n', fields: [] }])).to.equal('A:m:X,Y -- B:n: --');
    });

    it('splits processed rows into successful and failed files, quoting every value, and keeps the rest unprocessed', () => {
      const job = newJob();
      job.acceptUpload({ ok: true, header: ['Name', 'Industry'], rows: [['Acme', '#N/A'], ['', 'Retail'], ['Later', '']] });
      job.record({ success: true, id: '001000000000001AAA', created: true });
      job.record({ success: false, id: '001000000000002AAA', errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Name]', fields: ['Name'] }] });
      expect(successfulResultsCsv(job)).to.equal('"sf__Id","sf__Created","Name","Industry"\n"001000000000001AAA","true","Acme","#N/A"\n');
      expect(failedResultsCsv(job)).to.equal(
        '"sf__Id","sf__Error","Name","Industry"\n"001000000000002AAA","REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --","","Retail"\n',
      );
      expect(unprocessedRecordsCsv(job)).to.equal('"Name","Industry"\n"Later",""\n');
    });

    it('has header-only result files and an empty unprocessed file before any upload', () => {
      const job = newJob();
      expect(successfulResultsCsv(job)).to.equal('"sf__Id","sf__Created"\n');
      expect(failedResultsCsv(job)).to.equal('"sf__Id","sf__Error"\n');
      expect(unprocessedRecordsCsv(job)).to.equal('');
    });
  });

  describe('processing', () => {
    function recordingTarget(): BulkRowTarget & { seen: Array<Record<string, string | null>> } {
      const seen: Array<Record<string, string | null>> = [];
      return {
        seen,
        objectName: (name) => name,
        applyRow: (_job, fields): RowOutcome => {
          seen.push({ ...fields });
          return { success: true, id: `001${String(seen.length).padStart(15, '0')}`, created: true };
        },
      };
    }

    it('hands rows to the target a slice per event-loop turn, then completes', async () => {
      const job = newJob();
      job.acceptUpload({ ok: true, header: ['Id', 'Name', 'Industry'], rows: [['', 'A', '#N/A'], ['', 'B', ''], ['', 'C', 'x'], ['', 'D', 'y'], ['', 'E', 'z']] });
      job.markUploadComplete();
      const target = recordingTarget();
      scheduleProcessing(job, target, { rowsPerTurn: 2 });
      expect(job.state).to.equal('UploadComplete');
      await nextTurn();
      expect([job.state, job.outcomes.length]).to.deep.equal(['InProgress', 2]);
      await nextTurn();
      expect(job.outcomes.length).to.equal(4);
      await nextTurn();
      expect([job.state, job.outcomes.length]).to.deep.equal(['JobComplete', 5]);
      expect(target.seen.slice(0, 2)).to.deep.equal([{ Name: 'A', Industry: null }, { Name: 'B' }]);
    });

    it('stops at an abort, leaving the remaining rows unprocessed', async () => {
      const job = newJob();
      job.acceptUpload({ ok: true, header: ['Name'], rows: [['A'], ['B'], ['C']] });
      job.markUploadComplete();
      scheduleProcessing(job, recordingTarget(), { rowsPerTurn: 1 });
      await nextTurn();
      job.abort();
      await nextTurn();
      expect([job.state, job.outcomes.length]).to.deep.equal(['Aborted', 1]);
      expect(unprocessedRecordsCsv(job)).to.equal('"Name"\n"B"\n"C"\n');
    });

    it('never starts a job deleted before its turn, and fails one whose upload was refused', async () => {
      const deleted = newJob();
      deleted.markUploadComplete();
      deleted.discarded = true;
      const target = recordingTarget();
      scheduleProcessing(deleted, target, { rowsPerTurn: 10 });
      const refused = newJob();
      refused.acceptUpload({ ok: false, errorMessage: 'ClientInputError : bad data' });
      refused.markUploadComplete();
      scheduleProcessing(refused, target, { rowsPerTurn: 10 });
      await nextTurn();
      expect(deleted.state).to.equal('UploadComplete');
      expect([refused.state, refused.errorMessage]).to.deep.equal(['Failed', 'ClientInputError : bad data']);
      expect(target.seen).to.deep.equal([]);
    });
  });
});
