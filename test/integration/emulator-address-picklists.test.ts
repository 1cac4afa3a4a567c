// State and Country/Territory Picklists through jsforce: describe, single-record REST (400 with
// FIELD_INTEGRITY_EXCEPTION), Collections and Composite row errors, Bulk API 2.0 failed results,
// upserts, queries returning names and codes, and the admin setting that switches it.
import { expect } from 'chai';
import type { Connection } from 'jsforce';
import { API_VERSION, createMagentoKeyField, rejectionOf, useEmulator } from '../support/emulator-harness.js';

interface RowResult {
  id?: string;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
}

const COUNTRY_PROBLEM =
  "There's a problem with this country, even though it may appear correct. Please select a country/territory from the list of valid countries.: Billing Country";

describe('emulator State and Country/Territory Picklists over HTTP', () => {
  describe('with the setting on', () => {
    const harness = useEmulator({ stateCountryPicklists: true });
    let conn: Connection;

    beforeEach(async () => {
      conn = await harness.connect();
    });

    it('describes the code fields as restricted picklists, StateCode controlled by CountryCode', async () => {
      const fields = (await conn.sobject('Account').describe()).fields;
      const countryCode = fields.find((entry) => entry.name === 'BillingCountryCode');
      const stateCode = fields.find((entry) => entry.name === 'BillingStateCode');
      expect(countryCode).to.include({ type: 'picklist', restrictedPicklist: true, dependentPicklist: false });
      expect(countryCode?.picklistValues?.find((entry) => entry.value === 'DE')).to.include({ label: 'Germany', active: true });
      expect(stateCode).to.include({ controllerName: 'BillingCountryCode', dependentPicklist: true });
      expect(stateCode?.picklistValues?.find((entry) => entry.label === 'Ontario')?.validFor).to.be.a('string');
      expect((await conn.sobject('Lead').describe()).fields.map((entry) => entry.name)).to.include.members(['StateCode', 'CountryCode']);
    });

    it('fills names from codes on create and returns both to queries', async () => {
      const created = await conn.sobject('Account').create({ Name: 'Acme', BillingCountryCode: 'US', BillingStateCode: 'WA', ShippingCountry: 'United Kingdom' });
      const [account] = (await conn.query(`SELECT BillingCountry, BillingCountryCode, BillingState, BillingStateCode, ShippingCountryCode FROM Account WHERE Id = '${String(created.id)}'`)).records;
      expect(account).to.include({ BillingCountry: 'United States', BillingCountryCode: 'US', BillingState: 'Washington', BillingStateCode: 'WA', ShippingCountryCode: 'GB' });
      const filtered = await conn.query("SELECT Id FROM Account WHERE BillingCountry = 'United States' AND BillingStateCode = 'WA'");
      expect(filtered.totalSize).to.equal(1);
    });

    it('refuses a bare code in the name field with 400 FIELD_INTEGRITY_EXCEPTION', async () => {
      const response = await fetch(`${conn.instanceUrl}/services/data/v${API_VERSION}/sobjects/Account`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${conn.accessToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ Name: 'Acme', BillingCountry: 'US' }),
      });
      expect(response.status).to.equal(400);
      expect(await response.json()).to.deep.equal([{ message: COUNTRY_PROBLEM, errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['BillingCountry'] }]);
      const unknownCode = await rejectionOf(conn.sobject('Contact').create({ LastName: 'C', MailingCountryCode: 'ZZ' }));
      expect(unknownCode.errorCode).to.equal('FIELD_INTEGRITY_EXCEPTION');
      expect(unknownCode.data).to.deep.include({ fields: ['MailingCountryCode'] });
      expect((await conn.query('SELECT COUNT() FROM Account')).totalSize).to.equal(0);
    });

    it('applies the rules to updates and upserts by external ID', async () => {
      await createMagentoKeyField(conn, 'Contact');
      const first = await conn.sobject('Contact').upsert({ LastName: 'C', MailingCountry: 'Canada', MailingState: 'Ontario', Magento_Key__c: 'test:customer:1' }, 'Magento_Key__c');
      expect(first.created).to.equal(true);
      const mismatch = await rejectionOf(conn.sobject('Contact').upsert({ Magento_Key__c: 'test:customer:1', MailingCountryCode: 'CA', MailingCountry: 'Canada', MailingStateCode: 'ON', MailingState: 'Quebec' }, 'Magento_Key__c'));
      expect(mismatch.errorCode).to.equal('FIELD_INTEGRITY_EXCEPTION');
      expect(mismatch.data).to.deep.include({ fields: ['MailingState'] });
      const stateOfOtherCountry = await rejectionOf(conn.sobject('Contact').update({ Id: String(first.id), MailingCountryCode: 'US' }));
      expect(stateOfOtherCountry.data).to.deep.include({ fields: ['MailingStateCode'] });
      await conn.sobject('Contact').update({ Id: String(first.id), MailingCountryCode: 'US', MailingStateCode: 'NY' });
      expect(await conn.sobject('Contact').retrieve(String(first.id))).to.include({ MailingCountry: 'United States', MailingState: 'New York' });
    });

    it('fails rows of Collections and Composite, not the whole call', async () => {
      const rows = await conn.requestPost<RowResult[]>('/composite/sobjects', {
        allOrNone: false,
        records: [
          { attributes: { type: 'Account' }, Name: 'Good', BillingCountry: 'France' },
          { attributes: { type: 'Account' }, Name: 'Bad', BillingCountry: 'FR' },
        ],
      });
      expect(rows.map((row) => row.success)).to.deep.equal([true, false]);
      expect(rows[1]?.errors).to.deep.equal([{ statusCode: 'FIELD_INTEGRITY_EXCEPTION', message: COUNTRY_PROBLEM, fields: ['BillingCountry'] }]);

      const composite = await conn.requestPost<{ compositeResponse: Array<{ httpStatusCode: number; body: unknown }> }>('/composite', {
        compositeRequest: [
          { method: 'POST', url: `/services/data/v${API_VERSION}/sobjects/Lead`, referenceId: 'good', body: { LastName: 'L', Company: 'Co', CountryCode: 'IT', StateCode: 'MI' } },
          { method: 'POST', url: `/services/data/v${API_VERSION}/sobjects/Lead`, referenceId: 'bad', body: { LastName: 'L', Company: 'Co', Country: 'Germany', State: 'Bavaria' } },
        ],
      });
      expect(composite.compositeResponse.map((response) => response.httpStatusCode)).to.deep.equal([201, 400]);
      expect(composite.compositeResponse[1]?.body).to.deep.equal([
        {
          message: "There's a problem with this state, even though it may appear correct. Please select a state from the list of valid states.: State/Province",
          errorCode: 'FIELD_INTEGRITY_EXCEPTION',
          fields: ['State'],
        },
      ]);
      expect((await conn.query("SELECT State FROM Lead WHERE CountryCode = 'IT'")).records[0]).to.include({ State: 'Milan' });
    });

    it('reports refused Bulk API 2.0 rows in the failed results', async () => {
      const results = await conn.bulk2.loadAndWaitForResults({
        object: 'Contact',
        operation: 'insert',
        input: [
          { LastName: 'Ok', MailingCountryCode: 'AU', MailingStateCode: 'VIC' },
          { LastName: 'Unknown', MailingCountryCode: 'QQ' },
        ],
        pollInterval: 20,
      });
      expect(results.successfulResults).to.have.length(1);
      expect(String(results.failedResults[0]?.sf__Error)).to.equal("FIELD_INTEGRITY_EXCEPTION:The MailingCountryCode field contains QQ, which isn't an available country/territory.:MailingCountryCode --");
      expect((await conn.query<{ MailingState: string }>('SELECT MailingState FROM Contact')).records.map((record) => record.MailingState)).to.deep.equal(['Victoria']);
    });
  });

  describe('the admin setting', () => {
    const harness = useEmulator();

    it('is off by default and switches on and off at run time', async () => {
      const conn = await harness.connect();
      const settings = async () => (await (await harness.admin('GET', '/settings')).json()) as { stateCountryPicklists: boolean };
      expect((await settings()).stateCountryPicklists).to.equal(false);
      const before = await conn.sobject('Account').create({ Name: 'Before', BillingCountry: 'Spain' });
      expect((await conn.sobject('Account').create({ Name: 'Free text', BillingCountry: 'ES' })).success).to.equal(true);

      const patched = await harness.admin('PATCH', '/settings', { stateCountryPicklists: true });
      expect(((await patched.json()) as { stateCountryPicklists: boolean }).stateCountryPicklists).to.equal(true);
      expect(await conn.sobject('Account').retrieve(String(before.id))).to.include({ BillingCountryCode: 'ES' });
      expect((await rejectionOf(conn.sobject('Account').create({ Name: 'Refused', BillingCountry: 'ES' }))).errorCode).to.equal('FIELD_INTEGRITY_EXCEPTION');

      await harness.admin('PATCH', '/settings', { stateCountryPicklists: false });
      expect((await rejectionOf(conn.query('SELECT BillingCountryCode FROM Account'))).errorCode).to.equal('INVALID_FIELD');
      expect((await harness.admin('PATCH', '/settings', { stateCountryPicklists: 'yes' })).status).to.equal(400);
    });
  });
});
