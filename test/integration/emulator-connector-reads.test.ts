// What the connector reads and relies on, through jsforce: Composite calls made of query
// subrequests (contacts by e-mail with a Tooling-created key, users by username), extra users
// from the options and the admin endpoint, owners that must be active users, and a Currency
// custom field on Opportunity.
import { expect } from 'chai';
import type { Connection } from 'jsforce';
import { API_VERSION, createMagentoKeyField, rejectionOf, useEmulator } from '../support/emulator-harness.js';

interface QueryBody<T> {
  totalSize: number;
  done: boolean;
  records: Array<T & { attributes: { type: string; url: string } }>;
}

interface CompositeResponse {
  compositeResponse: Array<{ body: unknown; httpStatusCode: number; referenceId: string }>;
}

const INTEGRATION_USER = 'admin@forcebridge.test';
const OPPORTUNITY = { Name: 'Order 1', StageName: 'Prospecting', CloseDate: '2026-12-31' };

describe('emulator reads and owners the connector relies on', () => {
  const harness = useEmulator({ users: [{ username: 'sales@forcebridge.test' }, { username: 'former@forcebridge.test', active: false }] });
  let conn: Connection;

  beforeEach(async () => {
    conn = await harness.connect();
  });

  async function userId(username: string): Promise<string> {
    const result = await conn.query<{ Id: string }>(`SELECT Id FROM User WHERE Username = '${username}'`);
    return String(result.records[0]?.Id);
  }

  function queryUrl(soql: string): string {
    return `/services/data/v${API_VERSION}/query?q=${soql}`;
  }

  it('answers a Composite call of query subrequests: contacts by e-mail and active users by username', async () => {
    await createMagentoKeyField(conn, 'Contact');
    const account = await conn.sobject('Account').create({ Name: 'Acme' });
    await conn.sobject('Contact').create([
      { LastName: 'A', Email: 'a@x.com', AccountId: account.id, Magento_Key__c: 'test:customer:1' },
      { LastName: 'B', Email: 'b@y.com' },
      { LastName: 'C', Email: 'c@z.com' },
    ]);
    const response = await conn.requestPost<CompositeResponse>('/composite', {
      compositeRequest: [
        {
          method: 'GET',
          url: queryUrl("SELECT Id, Email, AccountId, Magento_Key__c FROM Contact WHERE Email IN ('a@x.com','b@y.com')"),
          referenceId: 'contacts',
        },
        {
          method: 'GET',
          url: queryUrl(`SELECT Id, Username FROM User WHERE Username IN ('${INTEGRATION_USER}','sales@forcebridge.test','former@forcebridge.test') AND IsActive = true`),
          referenceId: 'users',
        },
      ],
    });
    expect(response.compositeResponse.map((entry) => [entry.referenceId, entry.httpStatusCode])).to.deep.equal([
      ['contacts', 200],
      ['users', 200],
    ]);
    const contacts = response.compositeResponse[0]?.body as QueryBody<{ Email: string; AccountId: string | null; Magento_Key__c: string | null }>;
    expect(contacts).to.include({ totalSize: 2, done: true });
    expect(contacts.records.map(({ Email, AccountId, Magento_Key__c }) => ({ Email, AccountId, Magento_Key__c }))).to.have.deep.members([
      { Email: 'a@x.com', AccountId: account.id, Magento_Key__c: 'test:customer:1' },
      { Email: 'b@y.com', AccountId: null, Magento_Key__c: null },
    ]);
    expect(contacts.records[0]?.attributes.type).to.equal('Contact');
    const users = response.compositeResponse[1]?.body as QueryBody<{ Username: string }>;
    expect(users.records.map((user) => user.Username)).to.have.members([INTEGRATION_USER, 'sales@forcebridge.test']);
  });

  it('answers a failing query subrequest with its own SOQL error and keeps the others', async () => {
    const response = await conn.requestPost<CompositeResponse>('/composite', {
      compositeRequest: [
        { method: 'GET', url: queryUrl('SELECT Id, Magento_Key__c FROM Contact'), referenceId: 'missingField' },
        { method: 'GET', url: queryUrl(`SELECT Id FROM User WHERE Username = '${INTEGRATION_USER}'`), referenceId: 'user' },
      ],
    });
    expect(response.compositeResponse.map((entry) => entry.httpStatusCode)).to.deep.equal([400, 200]);
    expect((response.compositeResponse[0]?.body as Array<{ errorCode: string }>)[0]?.errorCode).to.equal('INVALID_FIELD');
  });

  it('adds users through the admin endpoint, refusing a taken username', async () => {
    const created = await harness.admin('POST', '/users', { username: 'later@forcebridge.test', active: false });
    expect(created.status).to.equal(201);
    expect(await created.json()).to.include({ Username: 'later@forcebridge.test', IsActive: false, Email: 'later@forcebridge.test' });
    expect((await conn.query("SELECT Id FROM User WHERE Username = 'later@forcebridge.test' AND IsActive = false")).totalSize).to.equal(1);
    expect((await harness.admin('POST', '/users', { username: 'later@forcebridge.test' })).status).to.equal(400);
    expect((await harness.admin('POST', '/users', { active: true })).status).to.equal(400);
  });

  it('takes an active user as owner and refuses an inactive one with INACTIVE_OWNER_OR_USER', async () => {
    const sales = await userId('sales@forcebridge.test');
    const former = await userId('former@forcebridge.test');
    const account = await conn.sobject('Account').create({ Name: 'Owned', OwnerId: sales });
    expect((await conn.sobject('Account').retrieve(String(account.id))).OwnerId).to.equal(sales);

    for (const [objectName, body] of [
      ['Account', { Name: 'Refused' }],
      ['Contact', { LastName: 'Refused' }],
      ['Opportunity', OPPORTUNITY],
    ] as const) {
      const refused = await rejectionOf(conn.sobject(objectName).create({ ...body, OwnerId: former }));
      expect(refused.errorCode).to.equal('INACTIVE_OWNER_OR_USER');
      expect(refused.message).to.equal(`operation performed with inactive user [${former}] as owner of ${objectName.toLowerCase()}`);
    }
    expect((await rejectionOf(conn.sobject('Account').update({ Id: String(account.id), OwnerId: former }))).errorCode).to.equal('INACTIVE_OWNER_OR_USER');
    expect((await rejectionOf(conn.sobject('Account').create({ Name: 'Not a user', OwnerId: String(account.id) }))).errorCode).to.equal('FIELD_INTEGRITY_EXCEPTION');
  });

  it('refuses writes to records whose owner was deactivated since', async () => {
    const sales = await userId('sales@forcebridge.test');
    const opportunity = await conn.sobject('Opportunity').create({ ...OPPORTUNITY, OwnerId: sales });
    await conn.sobject('User').update({ Id: sales, IsActive: false });
    expect((await rejectionOf(conn.sobject('Opportunity').update({ Id: String(opportunity.id), Amount: 5 }))).errorCode).to.equal('INACTIVE_OWNER_OR_USER');
    await conn.sobject('Opportunity').update({ Id: String(opportunity.id), OwnerId: await userId(INTEGRATION_USER), Amount: 5 });
    expect((await conn.sobject('Opportunity').retrieve(String(opportunity.id))).Amount).to.equal(5);
  });

  it('creates a Currency custom field through Tooling and keeps two decimals on Opportunity', async () => {
    await conn.tooling.sobject('CustomField').create({ FullName: 'Opportunity.Magento_Grand_Total__c', Metadata: { type: 'Currency', label: 'Magento Grand Total', precision: 18, scale: 2 } });
    const field = (await conn.sobject('Opportunity').describe()).fields.find((entry) => entry.name === 'Magento_Grand_Total__c');
    expect(field).to.include({ type: 'currency', precision: 18, scale: 2, custom: true, soapType: 'xsd:double' });
    const created = await conn.sobject('Opportunity').create({ ...OPPORTUNITY, Magento_Grand_Total__c: 1234.567 });
    const [stored] = (await conn.query<{ Magento_Grand_Total__c: number }>(`SELECT Magento_Grand_Total__c FROM Opportunity WHERE Id = '${String(created.id)}'`)).records;
    expect(stored?.Magento_Grand_Total__c).to.equal(1234.57);
    expect((await conn.query('SELECT Id FROM Opportunity WHERE Magento_Grand_Total__c > 1000')).totalSize).to.equal(1);
    expect((await rejectionOf(conn.sobject('Opportunity').create({ ...OPPORTUNITY, Magento_Grand_Total__c: 1e17 }))).errorCode).to.equal('NUMBER_OUTSIDE_VALID_RANGE');
    expect((await rejectionOf(conn.sobject('Opportunity').create({ ...OPPORTUNITY, Magento_Grand_Total__c: 'lots' }))).errorCode).to.equal('JSON_PARSER_ERROR');
  });
});
