// Single records through jsforce: create, retrieve, update, destroy, upsert by external ID, the
// fields Salesforce derives, and each validation error with its code and status.
import { expect } from 'chai';
import type { Connection } from 'jsforce';
import { toEighteen } from '../../emulator/ids.js';
import { createMagentoKeyField, rejectionOf, useEmulator } from '../support/emulator-harness.js';

const OPPORTUNITY = { Name: 'Cart 1', StageName: 'Prospecting', CloseDate: '2026-12-31' };

async function createdId(promise: Promise<{ id?: string; success: boolean }>): Promise<string> {
  const result = await promise;
  expect(result.success).to.equal(true);
  return result.id as string;
}

describe('emulator records', () => {
  const harness = useEmulator();
  let conn: Connection;

  beforeEach(async () => {
    conn = await harness.connect();
  });

  it('creates, retrieves (all or chosen fields), updates and destroys a record', async () => {
    const id = await createdId(conn.sobject('Account').create({ Name: 'Acme', BillingCity: 'Berlin' }));
    expect(id).to.match(/^001[A-Za-z0-9]{15}$/);
    const full = await conn.sobject('Account').retrieve(id);
    expect(full).to.include({ Id: id, Name: 'Acme', BillingCity: 'Berlin', IsDeleted: false, OwnerId: harness.emulator.org.userId });
    expect(full.attributes).to.deep.equal({ type: 'Account', url: `/services/data/v62.0/sobjects/Account/${id}` });
    expect(full.CreatedDate).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);

    const chosen = await conn.request<Record<string, unknown>>(`/sobjects/Account/${id}?fields=Name,Phone`);
    expect(Object.keys(chosen)).to.deep.equal(['attributes', 'Name', 'Phone']);

    expect(await conn.sobject('Account').update({ Id: id, Name: 'Acme GmbH' })).to.deep.include({ id, success: true });
    expect((await conn.sobject('Account').retrieve(id)).Name).to.equal('Acme GmbH');

    expect(await conn.sobject('Account').destroy(id)).to.deep.include({ id, success: true });
    expect((await rejectionOf(conn.sobject('Account').retrieve(id))).errorCode).to.equal('NOT_FOUND');
    expect((await rejectionOf(conn.sobject('Account').destroy(id))).errorCode).to.equal('ENTITY_IS_DELETED');
    expect((await conn.query(`SELECT Id FROM Account WHERE Id = '${id}'`)).totalSize).to.equal(0);
  });

  it('answers unknown objects, unknown ids and malformed ids with 404 NOT_FOUND', async () => {
    expect((await rejectionOf(conn.sobject('NoSuchThing').describe())).errorCode).to.equal('NOT_FOUND');
    const unknown = toEighteen('001000000000000');
    expect((await rejectionOf(conn.sobject('Account').retrieve(unknown))).errorCode).to.equal('NOT_FOUND');
    const malformed = await rejectionOf(conn.sobject('Account').retrieve('garbage'));
    expect(malformed.errorCode).to.equal('NOT_FOUND');
    expect(malformed.message).to.equal('Provided external ID field does not exist or is not accessible: garbage');
  });

  it('derives Contact.Name and deletes an account with its contacts and opportunities', async () => {
    const accountId = await createdId(conn.sobject('Account').create({ Name: 'Family' }));
    const contactId = await createdId(conn.sobject('Contact').create({ FirstName: 'Ada', LastName: 'Lovelace', AccountId: accountId }));
    const opportunityId = await createdId(conn.sobject('Opportunity').create({ ...OPPORTUNITY, AccountId: accountId }));
    expect((await conn.sobject('Contact').retrieve(contactId)).Name).to.equal('Ada Lovelace');
    await conn.sobject('Account').destroy(accountId);
    const remaining = await conn.query(`SELECT Id FROM Contact WHERE Id = '${contactId}'`);
    expect(remaining.totalSize).to.equal(0);
    const deleted = await conn.query(`SELECT Id, IsDeleted FROM Opportunity WHERE Id = '${opportunityId}'`, { scanAll: true });
    expect(deleted.records[0]?.IsDeleted).to.equal(true);
  });

  it('derives probability, forecast category, closed and won from the stage and keeps a stage history', async () => {
    const id = await createdId(conn.sobject('Opportunity').create({ ...OPPORTUNITY, Amount: 200 }));
    expect(await conn.sobject('Opportunity').retrieve(id)).to.include({
      Probability: 10,
      ForecastCategoryName: 'Pipeline',
      ForecastCategory: 'Pipeline',
      IsClosed: false,
      IsWon: false,
      ExpectedRevenue: 20,
    });
    await conn.sobject('Opportunity').update({ Id: id, StageName: 'Closed Won' });
    expect(await conn.sobject('Opportunity').retrieve(id)).to.include({ Probability: 100, ForecastCategoryName: 'Closed', IsClosed: true, IsWon: true });
    await conn.sobject('Opportunity').update({ Id: id, Description: 'not tracked' });
    await conn.sobject('Opportunity').update({ Id: id, StageName: 'Closed Lost', Probability: 5 });
    expect(await conn.sobject('Opportunity').retrieve(id)).to.include({ Probability: 5, ForecastCategoryName: 'Omitted', IsClosed: true, IsWon: false });

    const history = await conn.query<{ StageName: string; Probability: number; Amount: number }>(
      `SELECT StageName, Probability, Amount FROM OpportunityHistory WHERE OpportunityId = '${id}' ORDER BY CreatedDate, Id`,
    );
    expect(history.records.map((row) => [row.StageName, row.Probability])).to.deep.equal([
      ['Prospecting', 10],
      ['Closed Won', 100],
      ['Closed Lost', 5],
    ]);
  });

  it('refuses a stage the org lacks unless StageName is made unrestricted; added stages carry their probability', async () => {
    const refused = await rejectionOf(conn.sobject('Opportunity').create({ ...OPPORTUNITY, StageName: 'Abandoned Cart Status' }));
    expect(refused.errorCode).to.equal('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    expect(refused.message).to.equal('Stage: bad value for restricted picklist field: Abandoned Cart Status');

    expect((await harness.admin('POST', '/stages', { stage: 'Abandoned Cart Status:15:Pipeline' })).status).to.equal(201);
    const id = await createdId(conn.sobject('Opportunity').create({ ...OPPORTUNITY, StageName: 'Abandoned Cart Status' }));
    expect((await conn.sobject('Opportunity').retrieve(id)).Probability).to.equal(15);

    expect((await harness.admin('PATCH', '/settings', { stageNameRestricted: false })).status).to.equal(200);
    expect((await conn.sobject('Opportunity').create({ ...OPPORTUNITY, StageName: 'Anything Goes' })).success).to.equal(true);
  });

  describe('upsert by external ID', () => {
    beforeEach(async () => {
      await createMagentoKeyField(conn);
    });

    it('creates with 201 created:true, then updates with 200 created:false', async () => {
      const created = await conn.sobject('Opportunity').upsert({ ...OPPORTUNITY, Magento_Key__c: 'prod:quote:1' }, 'Magento_Key__c');
      expect(created).to.include({ success: true, created: true });
      const updated = await conn.sobject('Opportunity').upsert({ Magento_Key__c: 'prod:quote:1', Amount: 99 }, 'Magento_Key__c');
      expect(updated).to.deep.equal({ id: created.id, success: true, errors: [], created: false });
      expect((await conn.sobject('Opportunity').retrieve(created.id as string)).Amount).to.equal(99);
    });

    it('URL-decodes the external ID value and matches it case-insensitively', async () => {
      const value = 'prod:quote/7 b';
      const created = await conn.requestPatch<{ id: string; created: boolean }>(`/sobjects/Opportunity/Magento_Key__c/${encodeURIComponent(value)}`, OPPORTUNITY);
      expect(created.created).to.equal(true);
      expect((await conn.sobject('Opportunity').retrieve(created.id)).Magento_Key__c).to.equal(value);
      const again = await conn.requestPatch<{ id: string; created: boolean }>(`/sobjects/Opportunity/Magento_Key__c/${encodeURIComponent(value.toUpperCase())}`, {
        Amount: 1,
      });
      expect(again).to.include({ id: created.id, created: false });
    });

    it('answers 300 with the matching record URLs when a non-unique external ID matches several records', async () => {
      await createMagentoKeyField(conn, 'Account', false);
      const first = await createdId(conn.sobject('Account').create({ Name: 'A', Magento_Key__c: 'dup' }));
      const second = await createdId(conn.sobject('Account').create({ Name: 'B', Magento_Key__c: 'dup' }));
      const error = await rejectionOf(conn.sobject('Account').upsert({ Name: 'C', Magento_Key__c: 'dup' }, 'Magento_Key__c'));
      expect(error.name).to.equal('MULTIPLE_CHOICES');
      expect(error.data).to.have.members([`/services/data/v62.0/sobjects/Account/${first}`, `/services/data/v62.0/sobjects/Account/${second}`]);
    });

    it('upserts by the Id field path and answers 404 for a field that does not exist', async () => {
      const id = await createdId(conn.sobject('Opportunity').create(OPPORTUNITY));
      const updated = await conn.requestPatch<{ created: boolean }>(`/sobjects/Opportunity/Id/${id}`, { Amount: 5 });
      expect(updated.created).to.equal(false);
      expect((await rejectionOf(conn.sobject('Opportunity').upsert({ ...OPPORTUNITY, Nope__c: 'x' }, 'Nope__c'))).errorCode).to.equal('NOT_FOUND');
    });

    it('refuses a second record with the same unique value with DUPLICATE_VALUE', async () => {
      const first = await createdId(conn.sobject('Opportunity').create({ ...OPPORTUNITY, Magento_Key__c: 'same' }));
      const error = await rejectionOf(conn.sobject('Opportunity').create({ ...OPPORTUNITY, Magento_Key__c: 'SAME' }));
      expect(error.errorCode).to.equal('DUPLICATE_VALUE');
      expect(error.message).to.equal(`duplicate value found: Magento_Key__c duplicates value on record with id: ${first}`);
    });
  });

  describe('validation', () => {
    async function refusal(objectName: string, record: Record<string, unknown>) {
      const error = await rejectionOf(conn.sobject(objectName).create(record));
      return { errorCode: error.errorCode, message: error.message, fields: (error.data as { fields?: string[] }).fields };
    }

    it('REQUIRED_FIELD_MISSING names every missing field', async () => {
      expect(await refusal('Opportunity', { Name: 'No stage' })).to.deep.equal({
        errorCode: 'REQUIRED_FIELD_MISSING',
        message: 'Required fields are missing: [StageName, CloseDate]',
        fields: ['StageName', 'CloseDate'],
      });
      const id = await createdId(conn.sobject('Account').create({ Name: 'Keep' }));
      expect((await rejectionOf(conn.sobject('Account').update({ Id: id, Name: null }))).errorCode).to.equal('REQUIRED_FIELD_MISSING');
    });

    it('INVALID_FIELD for a field the object lacks', async () => {
      expect(await refusal('Account', { Name: 'x', Foo__c: 1 })).to.deep.include({
        errorCode: 'INVALID_FIELD',
        message: "No such column 'Foo__c' on sobject of type Account",
      });
    });

    it('JSON_PARSER_ERROR for a value of the wrong type', async () => {
      expect((await refusal('Opportunity', { ...OPPORTUNITY, Amount: 'lots' })).errorCode).to.equal('JSON_PARSER_ERROR');
      expect((await refusal('Opportunity', { ...OPPORTUNITY, CloseDate: '2026-13-45' })).errorCode).to.equal('JSON_PARSER_ERROR');
      expect((await refusal('Contact', { LastName: 'x', HasOptedOutOfEmail: 'maybe' })).errorCode).to.equal('JSON_PARSER_ERROR');
    });

    it('STRING_TOO_LONG past the field length', async () => {
      expect(await refusal('Opportunity', { ...OPPORTUNITY, Name: 'x'.repeat(121) })).to.deep.include({ errorCode: 'STRING_TOO_LONG', fields: ['Name'] });
    });

    it('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST for a value outside a restricted picklist', async () => {
      expect(await refusal('Lead', { LastName: 'x', Company: 'y', Status: 'Foo' })).to.deep.equal({
        errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        message: 'Status: bad value for restricted picklist field: Foo',
        fields: ['Status'],
      });
    });

    it('MALFORMED_ID, FIELD_INTEGRITY_EXCEPTION, INVALID_CROSS_REFERENCE_KEY and ENTITY_IS_DELETED for references', async () => {
      const contactId = await createdId(conn.sobject('Contact').create({ LastName: 'Ref' }));
      const deletedAccount = await createdId(conn.sobject('Account').create({ Name: 'Gone' }));
      await conn.sobject('Account').destroy(deletedAccount);
      expect(await refusal('Opportunity', { ...OPPORTUNITY, AccountId: 'xyz' })).to.deep.equal({
        errorCode: 'MALFORMED_ID',
        message: 'Account ID: id value of incorrect type: xyz',
        fields: ['AccountId'],
      });
      expect((await refusal('Opportunity', { ...OPPORTUNITY, AccountId: contactId })).errorCode).to.equal('FIELD_INTEGRITY_EXCEPTION');
      expect((await refusal('Opportunity', { ...OPPORTUNITY, AccountId: toEighteen('001000000000000') })).errorCode).to.equal('INVALID_CROSS_REFERENCE_KEY');
      expect((await refusal('Opportunity', { ...OPPORTUNITY, AccountId: deletedAccount })).errorCode).to.equal('ENTITY_IS_DELETED');
    });

    it('INVALID_FIELD_FOR_INSERT_UPDATE for read-only fields', async () => {
      expect(await refusal('Opportunity', { ...OPPORTUNITY, IsWon: true })).to.deep.include({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['IsWon'] });
    });

    it('sets a parent by its external ID', async () => {
      await createMagentoKeyField(conn, 'Account');
      const accountId = await createdId(conn.sobject('Account').create({ Name: 'Parent', Magento_Key__c: 'prod:customer:1' }));
      const contactId = await createdId(conn.sobject('Contact').create({ LastName: 'Child', Account: { Magento_Key__c: 'prod:customer:1' } }));
      expect((await conn.sobject('Contact').retrieve(contactId)).AccountId).to.equal(accountId);
      expect((await refusal('Contact', { LastName: 'Orphan', Account: { Magento_Key__c: 'missing' } })).errorCode).to.equal('INVALID_FIELD');
    });
  });

  it('prices products: standard price first, line items roll up into the opportunity amount', async () => {
    const standardBook = (await conn.query<{ Id: string }>('SELECT Id FROM Pricebook2 WHERE IsStandard = true')).records[0]?.Id as string;
    const customBook = await createdId(conn.sobject('Pricebook2').create({ Name: 'Shop', IsActive: true }));
    const product = await createdId(conn.sobject('Product2').create({ Name: 'Tea', ProductCode: 'TEA-1', IsActive: true }));
    expect((await rejectionOf(conn.sobject('PricebookEntry').create({ Pricebook2Id: customBook, Product2Id: product, UnitPrice: 4 }))).errorCode).to.equal(
      'STANDARD_PRICE_NOT_DEFINED',
    );
    const entry = await createdId(conn.sobject('PricebookEntry').create({ Pricebook2Id: standardBook, Product2Id: product, UnitPrice: 5, IsActive: true }));
    const opportunityId = await createdId(conn.sobject('Opportunity').create(OPPORTUNITY));
    await createdId(conn.sobject('OpportunityLineItem').create({ OpportunityId: opportunityId, PricebookEntryId: entry, Quantity: 3, UnitPrice: 4.5 }));
    const opportunity = await conn.sobject('Opportunity').retrieve(opportunityId);
    expect(opportunity).to.include({ Amount: 13.5, HasOpportunityLineItem: true, Pricebook2Id: standardBook });
  });
});
