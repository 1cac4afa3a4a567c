// sObject Collections and Composite through jsforce: per-row results in order, row errors,
// allOrNone rollback, the 200-record limit, references between subrequests, PROCESSING_HALTED.
import { expect } from 'chai';
import type { Connection } from 'jsforce';
import { toEighteen } from '../../emulator/ids.js';
import { createMagentoKeyField, rejectionOf, useEmulator } from '../support/emulator-harness.js';

const OPPORTUNITY = { Name: 'Cart', StageName: 'Prospecting', CloseDate: '2026-12-31' };

interface RowResult {
  id?: string;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
  created?: boolean;
}

interface CompositeResponse {
  compositeResponse: Array<{ body: unknown; httpHeaders: Record<string, string>; httpStatusCode: number; referenceId: string }>;
}

describe('emulator collections and composite', () => {
  const harness = useEmulator();
  let conn: Connection;

  beforeEach(async () => {
    conn = await harness.connect();
  });

  async function count(objectName: string): Promise<number> {
    return (await conn.query(`SELECT COUNT() FROM ${objectName}`)).totalSize;
  }

  describe('sObject Collections', () => {
    it('creates mixed objects in request order, with row errors where rows are refused', async () => {
      // jsforce's create() names one type for all records, so mixed types go through requestPost.
      const results = await conn.requestPost<RowResult[]>('/composite/sobjects', {
        allOrNone: false,
        records: [
          { attributes: { type: 'Account' }, Name: 'A' },
          { attributes: { type: 'Contact' }, FirstName: 'no last name' },
          { attributes: { type: 'Contact' }, LastName: 'B' },
        ],
      });
      expect(results.map((row) => row.success)).to.deep.equal([true, false, true]);
      expect(results[0]?.id).to.match(/^001/);
      expect(results[2]?.id).to.match(/^003/);
      expect(results[1]?.errors).to.deep.equal([{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [LastName]', fields: ['LastName'] }]);
    });

    it('updates by lowercase id and reports MALFORMED_ID for an id of another object', async () => {
      const [account] = (await conn.sobject('Account').create([{ Name: 'Before' }])) as RowResult[];
      const contact = await conn.sobject('Contact').create({ LastName: 'C' });
      const results = (await conn.sobject('Account').update([
        { Id: account?.id as string, Name: 'After' },
        { Id: contact.id as string, Name: 'Wrong object' },
      ])) as RowResult[];
      expect(results[0]).to.deep.equal({ id: account?.id, success: true, errors: [] });
      expect(results[1]?.success).to.equal(false);
      expect(results[1]?.errors[0]).to.deep.include({ statusCode: 'MALFORMED_ID', message: `Account ID: id value of incorrect type: ${contact.id as string}` });
      expect((await conn.sobject('Account').retrieve(account?.id as string)).Name).to.equal('After');
    });

    it('upserts by external ID with created flags and per-row errors', async () => {
      await createMagentoKeyField(conn);
      await conn.sobject('Opportunity').upsert({ ...OPPORTUNITY, Magento_Key__c: 'k1' }, 'Magento_Key__c');
      const results = (await conn.sobject('Opportunity').upsert(
        [
          { ...OPPORTUNITY, Magento_Key__c: 'k1', Amount: 10 },
          { ...OPPORTUNITY, Magento_Key__c: 'k2' },
          { Name: 'missing stage', Magento_Key__c: 'k3' },
        ],
        'Magento_Key__c',
      )) as RowResult[];
      expect(results.map((row) => [row.success, row.created])).to.deep.equal([
        [true, false],
        [true, true],
        [false, undefined],
      ]);
      expect(results[2]?.errors[0]?.statusCode).to.equal('REQUIRED_FIELD_MISSING');
      expect(await count('Opportunity')).to.equal(2);
    });

    it('rolls every row back with allOrNone when one row fails', async () => {
      await createMagentoKeyField(conn);
      const results = (await conn.sobject('Opportunity').upsert(
        [
          { ...OPPORTUNITY, Magento_Key__c: 'a' },
          { ...OPPORTUNITY, Magento_Key__c: 'b', StageName: 'Nope' },
        ],
        'Magento_Key__c',
        { allOrNone: true },
      )) as RowResult[];
      expect(results[0]?.success).to.equal(false);
      expect(results[0]?.errors).to.deep.equal([
        {
          statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
          message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
          fields: [],
        },
      ]);
      expect(results[1]?.errors[0]?.statusCode).to.equal('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
      expect(await count('Opportunity')).to.equal(0);
      expect(await count('OpportunityHistory')).to.equal(0);
    });

    it('deletes by ids, with allOrNone, and reports deleted and unknown ids per row', async () => {
      const created = (await conn.sobject('Account').create([{ Name: 'D1' }, { Name: 'D2' }])) as RowResult[];
      const [first, second] = created.map((row) => row.id as string) as [string, string];
      await conn.sobject('Account').destroy(first);
      const unknown = toEighteen('001000000000000');
      const rolledBack = (await conn.sobject('Account').destroy([second, unknown], { allOrNone: true })) as RowResult[];
      expect(rolledBack.map((row) => row.errors[0]?.statusCode)).to.deep.equal(['ALL_OR_NONE_OPERATION_ROLLED_BACK', 'INVALID_CROSS_REFERENCE_KEY']);
      expect(await count('Account')).to.equal(1);
      const results = (await conn.sobject('Account').destroy([second, first])) as RowResult[];
      expect(results[0]).to.deep.equal({ id: second, success: true, errors: [] });
      expect(results[1]).to.deep.include({ id: first, success: false });
      expect(results[1]?.errors[0]?.statusCode).to.equal('ENTITY_IS_DELETED');
    });

    it('retrieves several records by id (null for unknown ones)', async () => {
      const created = (await conn.sobject('Account').create([{ Name: 'R1' }, { Name: 'R2' }])) as RowResult[];
      const ids = [...created.map((row) => row.id as string), toEighteen('001000000000000')];
      const records = (await conn.sobject('Account').retrieve(ids)) as Array<{ Name?: string } | null>;
      expect(records.map((record) => record?.Name ?? null)).to.deep.equal(['R1', 'R2', null]);
    });

    it('refuses more than 200 records in one call', async () => {
      const records = Array.from({ length: 201 }, (_, index) => ({ Name: `Bulk ${index}` }));
      const error = await rejectionOf(conn.sobject('Account').create(records));
      expect(error.errorCode).to.equal('EXCEEDED_ID_LIMIT');
      expect(await count('Account')).to.equal(0);
    });

    it('counts a collections call as one API request', async () => {
      const before = harness.emulator.usage.used;
      await conn.sobject('Account').create(Array.from({ length: 200 }, (_, index) => ({ Name: `Counted ${index}` })));
      expect(harness.emulator.usage.used - before).to.equal(1);
    });
  });

  describe('Composite', () => {
    it('runs subrequests in order and resolves references, also into nested results', async () => {
      const response = await conn.requestPost<CompositeResponse>('/composite', {
        allOrNone: true,
        compositeRequest: [
          { method: 'POST', url: '/services/data/v62.0/sobjects/Account', referenceId: 'refAccount', body: { Name: 'Composite Co' } },
          { method: 'POST', url: '/services/data/v62.0/sobjects/Contact', referenceId: 'refContact', body: { LastName: 'Lee', AccountId: '@{refAccount.id}' } },
          { method: 'GET', url: '/services/data/v62.0/sobjects/Contact/@{refContact.id}?fields=AccountId,Name', referenceId: 'readContact' },
          {
            method: 'POST',
            url: '/services/data/v62.0/composite/sobjects',
            referenceId: 'more',
            body: { records: [{ attributes: { type: 'Opportunity' }, ...OPPORTUNITY, AccountId: '@{readContact.AccountId}' }] },
          },
          { method: 'PATCH', url: '/services/data/v62.0/sobjects/Opportunity/@{more[0].id}', referenceId: 'touch', body: { Description: 'for @{readContact.Name}' } },
        ],
      });
      const results = response.compositeResponse;
      expect(results.map((result) => [result.referenceId, result.httpStatusCode])).to.deep.equal([
        ['refAccount', 201],
        ['refContact', 201],
        ['readContact', 200],
        ['more', 200],
        ['touch', 204],
      ]);
      const accountId = (results[0]?.body as { id: string }).id;
      expect(results[0]?.httpHeaders.Location).to.equal(`/services/data/v62.0/sobjects/Account/${accountId}`);
      expect((results[2]?.body as { AccountId: string }).AccountId).to.equal(accountId);
      const opportunityId = (results[3]?.body as RowResult[])[0]?.id as string;
      expect(await conn.sobject('Opportunity').retrieve(opportunityId)).to.include({ AccountId: accountId, Description: 'for Lee' });
    });

    it('rolls back with allOrNone and answers the other subrequests with PROCESSING_HALTED', async () => {
      const response = await conn.requestPost<CompositeResponse>('/composite', {
        allOrNone: true,
        compositeRequest: [
          { method: 'POST', url: '/services/data/v62.0/sobjects/Account', referenceId: 'ok', body: { Name: 'Rolled back' } },
          { method: 'POST', url: '/services/data/v62.0/sobjects/Opportunity', referenceId: 'bad', body: { Name: 'No stage' } },
          { method: 'POST', url: '/services/data/v62.0/sobjects/Account', referenceId: 'after', body: { Name: 'Never' } },
        ],
      });
      const [ok, bad, after] = response.compositeResponse;
      expect(bad?.httpStatusCode).to.equal(400);
      expect((bad?.body as Array<{ errorCode: string }>)[0]?.errorCode).to.equal('REQUIRED_FIELD_MISSING');
      for (const halted of [ok, after]) {
        expect(halted?.httpStatusCode).to.equal(400);
        expect(halted?.body).to.deep.equal([
          { errorCode: 'PROCESSING_HALTED', message: 'The transaction was rolled back since another operation in the same transaction failed.' },
        ]);
      }
      expect(await count('Account')).to.equal(0);
    });

    it('without allOrNone keeps what succeeded and fails subrequests that reference a failed one', async () => {
      const response = await conn.requestPost<CompositeResponse>('/composite', {
        allOrNone: false,
        compositeRequest: [
          { method: 'POST', url: '/services/data/v62.0/sobjects/Account', referenceId: 'bad', body: { Name: null } },
          { method: 'POST', url: '/services/data/v62.0/sobjects/Contact', referenceId: 'dependent', body: { LastName: 'X', AccountId: '@{bad.id}' } },
          { method: 'POST', url: '/services/data/v62.0/sobjects/Account', referenceId: 'independent', body: { Name: 'Kept' } },
        ],
      });
      expect(response.compositeResponse.map((result) => result.httpStatusCode)).to.deep.equal([400, 400, 201]);
      expect(await count('Account')).to.equal(1);
      expect(await count('Contact')).to.equal(0);
    });

    it('refuses more than 25 subrequests', async () => {
      const compositeRequest = Array.from({ length: 26 }, (_, index) => ({
        method: 'POST',
        url: '/services/data/v62.0/sobjects/Account',
        referenceId: `a${index}`,
        body: { Name: `A${index}` },
      }));
      const error = await rejectionOf(conn.requestPost('/composite', { compositeRequest }));
      expect(error.errorCode).to.equal('INVALID_API_INPUT');
      expect(await count('Account')).to.equal(0);
    });
  });
});
