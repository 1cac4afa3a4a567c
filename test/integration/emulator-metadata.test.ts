// Describe, record types and Tooling API custom fields through jsforce.
import { expect } from 'chai';
import type { Connection } from 'jsforce';
import { createMagentoKeyField, rejectionOf, useEmulator } from '../support/emulator-harness.js';

const OPPORTUNITY = { Name: 'Cart', StageName: 'Prospecting', CloseDate: '2026-12-31' };

describe('emulator metadata', () => {
  const harness = useEmulator({ recordTypes: [{ objectName: 'Opportunity', developerName: 'Magento_Cart', label: 'Magento Cart' }] });
  let conn: Connection;

  beforeEach(async () => {
    conn = await harness.connect();
  });

  it('lists the standard objects in the global describe with their key prefixes', async () => {
    const global = await conn.describeGlobal();
    expect(global.maxBatchSize).to.equal(200);
    const prefixes = Object.fromEntries(global.sobjects.map((object) => [object.name, object.keyPrefix]));
    expect(prefixes).to.deep.equal({
      Account: '001',
      Contact: '003',
      Lead: '00Q',
      User: '005',
      Opportunity: '006',
      OpportunityContactRole: '00K',
      OpportunityLineItem: '00k',
      OpportunityHistory: '008',
      Product2: '01t',
      Pricebook2: '01s',
      PricebookEntry: '01u',
      RecordType: '012',
    });
  });

  it('describes Opportunity stages, required fields and read-only derived fields', async () => {
    const describe = await conn.sobject('Opportunity').describe();
    const field = (name: string) => describe.fields.find((candidate) => candidate.name === name);
    const stage = field('StageName');
    expect(stage).to.include({ type: 'picklist', nillable: false, createable: true, restrictedPicklist: true });
    expect(stage?.picklistValues?.map((entry) => entry.value)).to.include.members(['Prospecting', 'Closed Won', 'Closed Lost']);
    expect(field('Name')).to.include({ type: 'string', length: 120, nillable: false, nameField: true });
    expect(field('CloseDate')).to.include({ type: 'date', nillable: false });
    expect(field('Amount')).to.include({ type: 'currency', precision: 18, scale: 2 });
    expect(field('Probability')).to.include({ type: 'percent', defaultedOnCreate: true });
    expect(field('IsWon')).to.include({ type: 'boolean', createable: false, updateable: false });
    expect(field('AccountId')).to.deep.include({ type: 'reference', referenceTo: ['Account'], relationshipName: 'Account' });
    expect(describe.childRelationships.map((relationship) => relationship.relationshipName)).to.include.members([
      'OpportunityContactRoles',
      'OpportunityLineItems',
      'OpportunityHistories',
    ]);
  });

  it('describes the contact-role values and Lead status default', async () => {
    const role = (await conn.sobject('OpportunityContactRole').describe()).fields.find((field) => field.name === 'Role');
    expect(role?.picklistValues?.map((entry) => entry.value)).to.deep.equal([
      'Business User',
      'Decision Maker',
      'Economic Buyer',
      'Economic Decision Maker',
      'Evaluator',
      'Executive Sponsor',
      'Influencer',
      'Technical Buyer',
      'Other',
    ]);
    const status = (await conn.sobject('Lead').describe()).fields.find((field) => field.name === 'Status');
    expect(status?.picklistValues?.find((entry) => entry.defaultValue)?.value).to.equal('Open - Not Contacted');
  });

  it('describes configured record types, defaults new records to one and refuses another object\'s record type', async () => {
    const describe = await conn.sobject('Opportunity').describe();
    const cart = describe.recordTypeInfos.find((info) => info.name === 'Magento Cart');
    expect(cart).to.include({ available: true, defaultRecordTypeMapping: true, master: false });
    expect(describe.recordTypeInfos.find((info) => info.master)?.recordTypeId).to.equal('012000000000000AAA');
    expect(describe.fields.some((field) => field.name === 'RecordTypeId')).to.equal(true);
    expect((await conn.sobject('Account').describe()).fields.some((field) => field.name === 'RecordTypeId')).to.equal(false);

    const created = await conn.sobject('Opportunity').create(OPPORTUNITY);
    expect((await conn.sobject('Opportunity').retrieve(created.id as string)).RecordTypeId).to.equal(cart?.recordTypeId);

    const accountType = await conn.sobject('RecordType').create({ SobjectType: 'Account', DeveloperName: 'Shop_Customer', Name: 'Shop Customer' });
    const error = await rejectionOf(conn.sobject('Opportunity').create({ ...OPPORTUNITY, RecordTypeId: accountType.id }));
    expect(error.errorCode).to.equal('INVALID_CROSS_REFERENCE_KEY');
    expect((await conn.sobject('Account').describe()).recordTypeInfos.map((info) => info.name)).to.include('Shop Customer');
  });

  it('adds a Tooling API custom field to describe at once and finds it with a tooling query', async () => {
    const created = await conn.tooling.sobject('CustomField').create({
      FullName: 'Opportunity.Magento_Key__c',
      Metadata: { type: 'Text', label: 'Magento Key', length: 80, externalId: true, unique: true },
    });
    expect(created).to.include({ success: true });
    const field = (await conn.sobject('Opportunity').describe()).fields.find((candidate) => candidate.name === 'Magento_Key__c');
    expect(field).to.include({ type: 'string', length: 80, externalId: true, unique: true, custom: true, idLookup: true });

    const found = await conn.tooling.query<{ Id: string; DeveloperName: string; TableEnumOrId: string }>(
      "SELECT Id, DeveloperName, TableEnumOrId FROM CustomField WHERE DeveloperName = 'Magento_Key' AND TableEnumOrId = 'Opportunity'",
    );
    expect(found.records.map(({ Id, DeveloperName, TableEnumOrId }) => ({ Id, DeveloperName, TableEnumOrId }))).to.deep.equal([
      { Id: created.id, DeveloperName: 'Magento_Key', TableEnumOrId: 'Opportunity' },
    ]);
    const missing = await conn.tooling.query("SELECT Id FROM CustomField WHERE DeveloperName = 'Other' AND TableEnumOrId = 'Opportunity'");
    expect(missing.totalSize).to.equal(0);
    expect((await rejectionOf(createMagentoKeyField(conn))).errorCode).to.equal('DUPLICATE_DEVELOPER_NAME');
  });

  it('creates Number, Checkbox, Date and Picklist custom fields that validate their values', async () => {
    const fields = [
      { FullName: 'Account.Magento_Customer_Id__c', Metadata: { type: 'Number', label: 'Magento Customer Id', precision: 10, scale: 0, externalId: true } },
      { FullName: 'Account.Synced__c', Metadata: { type: 'Checkbox', label: 'Synced', defaultValue: 'false' } },
      { FullName: 'Account.First_Order__c', Metadata: { type: 'Date', label: 'First Order' } },
      {
        FullName: 'Account.Tier__c',
        Metadata: {
          type: 'Picklist',
          label: 'Tier',
          valueSet: { restricted: true, valueSetDefinition: { value: [{ fullName: 'Gold', default: false }, { fullName: 'Silver', default: true }] } },
        },
      },
    ];
    for (const definition of fields) expect((await conn.tooling.sobject('CustomField').create(definition)).success).to.equal(true);

    const created = await conn.sobject('Account').create({ Name: 'Typed', Magento_Customer_Id__c: 42, First_Order__c: '2026-01-31' });
    expect(await conn.sobject('Account').retrieve(created.id as string)).to.include({ Magento_Customer_Id__c: 42, Synced__c: false, Tier__c: 'Silver' });
    expect((await conn.sobject('Account').upsert({ Name: 'Typed again', Magento_Customer_Id__c: 42 }, 'Magento_Customer_Id__c')).created).to.equal(false);
    expect((await rejectionOf(conn.sobject('Account').create({ Name: 'x', Tier__c: 'Bronze' }))).errorCode).to.equal('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    expect((await rejectionOf(conn.sobject('Account').create({ Name: 'x', Magento_Customer_Id__c: 12345678901 }))).errorCode).to.equal('NUMBER_OUTSIDE_VALID_RANGE');
  });

  it('refuses custom field metadata Salesforce refuses', async () => {
    const noLength = await rejectionOf(conn.tooling.sobject('CustomField').create({ FullName: 'Account.Code__c', Metadata: { type: 'Text', label: 'Code' } }));
    expect(noLength.errorCode).to.equal('FIELD_INTEGRITY_EXCEPTION');
    const badName = await rejectionOf(conn.tooling.sobject('CustomField').create({ FullName: 'Account.Code', Metadata: { type: 'Text', label: 'Code', length: 5 } }));
    expect(badName.errorCode).to.equal('INVALID_FIELD');
    const externalCheckbox = await rejectionOf(
      conn.tooling.sobject('CustomField').create({ FullName: 'Account.Flag__c', Metadata: { type: 'Checkbox', label: 'Flag', externalId: true } }),
    );
    expect(externalCheckbox.errorCode).to.equal('FIELD_INTEGRITY_EXCEPTION');
    expect((await conn.sobject('Account').describe()).fields.map((field) => field.name)).to.not.include.members(['Code__c', 'Flag__c']);
  });
});
