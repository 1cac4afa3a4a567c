// State and Country/Territory Picklists in the org model: the code fields they add, how a write
// fills names from codes and codes from names, and what Salesforce refuses.
import { expect } from 'chai';
import type { SalesforceRecord } from '../../emulator/contracts.js';
import { describeObject } from '../../emulator/org/describe.js';
import { Org } from '../../emulator/org/org.js';
import { inputFromCsv, inputFromJson } from '../../emulator/org/record-input.js';
import { SalesforceError } from '../../emulator/org/salesforce-error.js';
import { COUNTRIES } from '../../emulator/schema/address-countries.js';

function create(org: Org, objectName: string, body: Record<string, unknown>): SalesforceRecord {
  return org.create(objectName, inputFromJson(org.metadata, objectName, body));
}

function update(org: Org, record: SalesforceRecord, body: Record<string, unknown>): SalesforceRecord {
  return org.update(String(record.Id), inputFromJson(org.metadata, String(org.recordById(String(record.Id))?.objectName), body));
}

function refusal(write: () => unknown): { errorCode: string; message: string; fields: string[] } {
  try {
    write();
  } catch (error) {
    if (error instanceof SalesforceError) return { errorCode: error.errorCode, message: error.message, fields: error.fields };
    throw error;
  }
  throw new Error('Expected the write to be refused');
}

const COUNTRY_PROBLEM =
  "There's a problem with this country, even though it may appear correct. Please select a country/territory from the list of valid countries.";
const STATE_PROBLEM = "There's a problem with this state, even though it may appear correct. Please select a state from the list of valid states.";

describe('emulator State and Country/Territory Picklists', () => {
  describe('off (the default)', () => {
    it('keeps plain text address fields that take any value', () => {
      const org = new Org();
      expect(org.fields('Account').map((info) => info.name)).to.not.include('BillingCountryCode');
      const account = create(org, 'Account', { Name: 'A', BillingCountry: 'US', BillingState: 'Bavaria' });
      expect(account).to.include({ BillingCountry: 'US', BillingState: 'Bavaria' });
      expect(refusal(() => create(org, 'Account', { Name: 'B', BillingCountryCode: 'US' }))).to.include({ errorCode: 'INVALID_FIELD' });
    });
  });

  describe('on', () => {
    const org = () => new Org({ stateCountryPicklists: true });

    it('adds StateCode and CountryCode after each Country field of Account, Contact and Lead', () => {
      const names = (objectName: string) => org().fields(objectName).map((info) => info.name);
      const account = names('Account');
      expect(account.slice(account.indexOf('BillingCountry'), account.indexOf('BillingCountry') + 3)).to.deep.equal(['BillingCountry', 'BillingStateCode', 'BillingCountryCode']);
      expect(account).to.include.members(['ShippingStateCode', 'ShippingCountryCode']);
      expect(names('Contact')).to.include.members(['MailingStateCode', 'MailingCountryCode', 'OtherStateCode', 'OtherCountryCode']);
      expect(names('Lead')).to.include.members(['StateCode', 'CountryCode']);
    });

    it('describes restricted picklists: ISO codes labelled with integration values, states depending on the country', () => {
      const model = org();
      const fields = describeObject(model, model.describedObject('Contact'), '62.0').fields;
      const countryCode = fields.find((entry) => entry.name === 'MailingCountryCode');
      const stateCode = fields.find((entry) => entry.name === 'MailingStateCode');
      expect(countryCode).to.include({ type: 'picklist', restrictedPicklist: true, label: 'Mailing Country Code', controllerName: null, dependentPicklist: false });
      expect(countryCode?.picklistValues).to.deep.include({ value: 'GB', label: 'United Kingdom', active: true, defaultValue: false, validFor: null });
      expect(stateCode).to.include({ label: 'Mailing State/Province Code', controllerName: 'MailingCountryCode', dependentPicklist: true });

      // validFor: bit n (most significant first) stands for the n-th country code.
      const validCountries = (value: string, label: string) => {
        const entry = stateCode?.picklistValues.find((candidate) => candidate.value === value && candidate.label === label);
        const bits = Buffer.from(String(entry?.validFor), 'base64');
        return COUNTRIES.filter((_country, index) => ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0).map(([code]) => code);
      };
      expect(validCountries('CA', 'California')).to.deep.equal(['US']);
      expect(validCountries('CA', 'Cagliari')).to.deep.equal(['IT']);
      expect(validCountries('ON', 'Ontario')).to.deep.equal(['CA']);
      expect(stateCode?.picklistValues.filter((entry) => validCountries(entry.value, entry.label).includes('US'))).to.have.length(51);
    });

    it('fills names from codes and codes from names, codes in any casing', () => {
      const model = org();
      const fromCodes = create(model, 'Account', { Name: 'A', BillingCountryCode: 'us', BillingStateCode: 'ny', ShippingCountryCode: 'GB' });
      expect(fromCodes).to.include({ BillingCountry: 'United States', BillingCountryCode: 'US', BillingState: 'New York', BillingStateCode: 'NY' });
      expect(fromCodes).to.include({ ShippingCountry: 'United Kingdom', ShippingCountryCode: 'GB', ShippingState: null, ShippingStateCode: null });
      const fromNames = create(model, 'Contact', { LastName: 'C', MailingCountry: 'Canada', MailingState: 'Quebec', OtherCountry: 'Germany' });
      expect(fromNames).to.include({ MailingCountryCode: 'CA', MailingStateCode: 'QC', OtherCountryCode: 'DE', OtherStateCode: null });
      expect(create(model, 'Lead', { LastName: 'L', Company: 'Co', CountryCode: 'AU', StateCode: 'NSW' })).to.include({ Country: 'Australia', State: 'New South Wales' });
    });

    it('refuses a name that is no integration value, naming the name field', () => {
      expect(refusal(() => create(org(), 'Account', { Name: 'A', BillingCountry: 'US' }))).to.deep.equal({
        errorCode: 'FIELD_INTEGRITY_EXCEPTION',
        message: `${COUNTRY_PROBLEM}: Billing Country`,
        fields: ['BillingCountry'],
      });
      expect(refusal(() => create(org(), 'Account', { Name: 'A', BillingCountry: 'united states' }))).to.include({ errorCode: 'FIELD_INTEGRITY_EXCEPTION' });
      expect(refusal(() => create(org(), 'Contact', { LastName: 'C', MailingCountry: 'United States', MailingState: 'NY' }))).to.deep.equal({
        errorCode: 'FIELD_INTEGRITY_EXCEPTION',
        message: `${STATE_PROBLEM}: Mailing State/Province`,
        fields: ['MailingState'],
      });
    });

    it('refuses unknown codes and states outside their country, naming the code field', () => {
      expect(refusal(() => create(org(), 'Account', { Name: 'A', BillingCountryCode: 'XX' }))).to.deep.equal({
        errorCode: 'FIELD_INTEGRITY_EXCEPTION',
        message: "The BillingCountryCode field contains XX, which isn't an available country/territory.",
        fields: ['BillingCountryCode'],
      });
      expect(refusal(() => create(org(), 'Account', { Name: 'A', BillingCountryCode: 'US', BillingStateCode: 'QQ' }))).to.deep.equal({
        errorCode: 'FIELD_INTEGRITY_EXCEPTION',
        message: "The BillingStateCode field contains QQ, which isn't an available state. Your administrator can add it for you.",
        fields: ['BillingStateCode'],
      });
      expect(refusal(() => create(org(), 'Account', { Name: 'A', BillingCountryCode: 'CA', BillingStateCode: 'TX' }))).to.deep.equal({
        errorCode: 'FIELD_INTEGRITY_EXCEPTION',
        message: "The existing country/territory doesn't recognize the state value for field: Billing State/Province Code",
        fields: ['BillingStateCode'],
      });
    });

    it('refuses a state without a country and a state for a country that has no states', () => {
      expect(refusal(() => create(org(), 'Account', { Name: 'A', BillingState: 'California' })).fields).to.deep.equal(['BillingState']);
      expect(refusal(() => create(org(), 'Account', { Name: 'A', BillingStateCode: 'CA' })).fields).to.deep.equal(['BillingStateCode']);
      const bavaria = refusal(() => create(org(), 'Account', { Name: 'A', BillingCountry: 'Germany', BillingState: 'Bavaria' }));
      expect(bavaria).to.deep.equal({ errorCode: 'FIELD_INTEGRITY_EXCEPTION', message: `${STATE_PROBLEM}: Billing State/Province`, fields: ['BillingState'] });
    });

    it('on create keeps the code when code and name disagree; on update refuses the disagreement', () => {
      const model = org();
      const created = create(model, 'Account', { Name: 'A', BillingCountryCode: 'US', BillingCountry: 'Canada', BillingStateCode: 'TX', BillingState: 'Ohio' });
      expect(created).to.include({ BillingCountry: 'United States', BillingState: 'Texas' });
      expect(refusal(() => update(model, created, { BillingCountryCode: 'CA', BillingCountry: 'United States' }))).to.include({ message: `${COUNTRY_PROBLEM}: Billing Country` });
      expect(refusal(() => update(model, created, { BillingStateCode: 'OH', BillingState: 'Texas' }))).to.include({ message: `${STATE_PROBLEM}: Billing State/Province` });
      expect(update(model, created, { BillingCountryCode: 'US', BillingCountry: 'United States', BillingState: 'Ohio' })).to.include({ BillingStateCode: 'OH' });
    });

    it('checks the kept state against a changed country and drops the state with the country', () => {
      const model = org();
      const account = create(model, 'Account', { Name: 'A', BillingCountryCode: 'US', BillingStateCode: 'CA' });
      expect(refusal(() => update(model, account, { BillingCountry: 'Canada' })).fields).to.deep.equal(['BillingStateCode']);
      expect(update(model, account, { BillingCountry: 'Italy' })).to.include({ BillingCountryCode: 'IT', BillingStateCode: 'CA', BillingState: 'Cagliari' });
      expect(update(model, account, { BillingCountryCode: null })).to.include({ BillingCountry: null, BillingCountryCode: null, BillingState: null, BillingStateCode: null });
      expect(update(model, account, { BillingCountry: 'France', BillingState: null })).to.include({ BillingCountryCode: 'FR', BillingState: null });
    });

    it('applies the same rules to upserts and Bulk rows', () => {
      const model = org();
      const row = model.applyRow({ object: 'Contact', operation: 'insert' }, { LastName: 'C', MailingCountryCode: 'DE', MailingState: 'Bavaria' });
      expect(row).to.deep.include({ success: false });
      expect((row as { errors: Array<{ statusCode: string; fields: string[] }> }).errors[0]).to.deep.include({ statusCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['MailingState'] });
      const created = model.applyRow({ object: 'Contact', operation: 'insert' }, { LastName: 'C', MailingCountry: 'Mexico', MailingState: 'Jalisco' });
      expect(model.recordById((created as { id: string }).id)?.record).to.include({ MailingCountryCode: 'MX', MailingStateCode: 'JA' });
      const upserted = model.upsert('Contact', 'Id', String((created as { id: string }).id), inputFromCsv(model.metadata, 'Contact', { MailingStateCode: 'NL' }));
      expect(upserted.record).to.include({ MailingState: 'Nuevo León' });
    });

    it('turns on and off at run time: existing names gain codes, codes go away again', () => {
      const model = new Org();
      const account = create(model, 'Account', { Name: 'A', BillingCountry: 'Japan', BillingState: 'Tokyo', ShippingCountry: 'Narnia' });
      model.setStateCountryPicklists(true);
      expect(model.recordById(String(account.Id))?.record).to.include({ BillingCountryCode: 'JP', BillingStateCode: '13', ShippingCountryCode: null, ShippingCountry: 'Narnia' });
      expect(model.snapshot().stateCountryPicklists).to.equal(true);
      const restored = new Org({}, model.snapshot());
      expect(restored.fields('Lead').map((info) => info.name)).to.include('CountryCode');
      model.setStateCountryPicklists(false);
      expect(model.recordById(String(account.Id))?.record).to.not.have.property('BillingCountryCode');
      expect(model.fields('Account').map((info) => info.name)).to.not.include('BillingStateCode');
    });
  });
});
