// Configuration through the HTTP API: values per scope with inheritance, all-or-nothing writes,
// org-checked stages, roles, record types, lead sources and record owners, and dropdown values from
// the org's describe data.
import { expect } from 'chai';
import type { RowDataPacket } from 'mysql2';
import { createAdminUser } from '../../devtools/magento-admin.js';
import { EMULATOR_DEFAULTS } from '../../emulator/server.js';
import { insertWebsiteWithStore } from '../support/magento-rows.js';
import { useHttpApi, type SignedIn } from '../support/http-api-harness.js';

interface ScopedValue {
  value: string;
  inherited: boolean;
  default: string;
}

interface ConfigBody {
  scope: string;
  scopeId: number;
  values: Record<string, ScopedValue>;
  statuses: { code: string; label: string }[];
}

interface ErrorBody {
  error: string;
  details?: { field: string; problem: string }[];
}

const STAGE = 'forcebridge/abandoned_cart/stage';
const CYCLE = 'forcebridge/abandoned_cart/sales_cycle_length';
const ROLE = 'forcebridge/order/contact_role';
const RECORD_TYPE = 'forcebridge/order/record_type';
const EXPIRE_AFTER = 'forcebridge/abandoned_cart/expire_after_days';
const EXPIRED_STAGE = 'forcebridge/abandoned_cart/expired_stage';
const LEAD_SOURCE = 'forcebridge/general/lead_source';
const OWNER = 'forcebridge/general/default_owner';
const COMPANY_ACCOUNTS = 'forcebridge/general/match_accounts_by_company';

describe('sidecar HTTP API: configuration and picklists', function () {
  this.timeout(60_000);
  const http = useHttpApi({}, { recordTypes: [{ objectName: 'Opportunity', developerName: 'Webshop', label: 'Webshop' }] });
  let session: SignedIn;

  before(async function () {
    this.timeout(30_000);
    const { pool } = http().sidecar;
    await insertWebsiteWithStore(pool, { websiteId: 2, groupId: 2, storeId: 2 });
    await createAdminUser(pool, { username: 'ada', password: 'Str0ng-admin-pass', firstName: 'Ada', lastName: 'Admin', email: 'ada@example.com' });
    session = await http().signIn('ada', 'Str0ng-admin-pass');
  });

  async function configAt(scope: string, scopeId: number): Promise<ConfigBody> {
    const response = await http().request<ConfigBody>('GET', `/api/config?scope=${scope}&scopeId=${scopeId}`, { session });
    expect(response.status).to.equal(200);
    return response.body;
  }

  async function storedRows(): Promise<RowDataPacket[]> {
    const [rows] = await http().sidecar.pool.query<RowDataPacket[]>("SELECT scope, scope_id, path, value FROM core_config_data WHERE path LIKE 'forcebridge/%' ORDER BY scope, scope_id, path");
    return rows;
  }

  it('lists websites and their store views for the scope switcher', async () => {
    const response = await http().request('GET', '/api/scopes', { session });
    expect(response.body).to.deep.equal({
      websites: [
        { id: 1, name: 'Main Website', stores: [{ id: 1, name: 'Default Store View' }] },
        { id: 2, name: 'Website 2', stores: [{ id: 2, name: 'Store 2' }] },
      ],
    });
  });

  it('gives every Forcebridge path with its default, and a status-map entry for every Magento order status', async () => {
    const config = await configAt('default', 0);
    expect(config.scope).to.equal('default');
    expect(config.values[STAGE]).to.deep.equal({ value: 'Prospecting', inherited: true, default: 'Prospecting' });
    expect(config.values['forcebridge/order/automatic_sync']).to.deep.equal({ value: '0', inherited: true, default: '0' });
    expect(config.values['forcebridge/order_status_map/complete']).to.deep.equal({ value: 'Closed Won', inherited: true, default: 'Closed Won' });
    expect(config.values[EXPIRE_AFTER]).to.deep.equal({ value: '30', inherited: true, default: '30' });
    expect(config.values[EXPIRED_STAGE]).to.deep.equal({ value: 'Closed Lost', inherited: true, default: 'Closed Lost' });
    expect(config.values[COMPANY_ACCOUNTS]).to.deep.equal({ value: '1', inherited: true, default: '1' });
    expect(config.values[LEAD_SOURCE]).to.deep.equal({ value: 'Web', inherited: true, default: 'Web' });
    expect(config.values[OWNER]).to.deep.equal({ value: '', inherited: true, default: '' });
    expect(config.statuses.map((status) => status.code)).to.include.members(['pending', 'processing', 'complete', 'canceled', 'holded']);
    for (const status of config.statuses) expect(config.values, status.code).to.have.property(`forcebridge/order_status_map/${status.code}`);
    expect(Object.keys(config.values).every((path) => path.startsWith('forcebridge/'))).to.equal(true);
  });

  it('writes values, shows them inherited below, and resets a scope to its parent with null', async () => {
    const put = await http().request<ConfigBody>('PUT', '/api/config', { session, body: { scope: 'default', scopeId: 0, values: { [STAGE]: 'Needs Analysis', [CYCLE]: '45' } } });
    expect(put.status).to.equal(200);
    expect(put.body.values[STAGE]).to.deep.equal({ value: 'Needs Analysis', inherited: false, default: 'Prospecting' });

    const website = await http().request<ConfigBody>('PUT', '/api/config', { session, body: { scope: 'websites', scopeId: 2, values: { [CYCLE]: '10' } } });
    expect(website.body.values[CYCLE]).to.include({ value: '10', inherited: false });
    expect(website.body.values[STAGE]).to.include({ value: 'Needs Analysis', inherited: true });

    const store = await configAt('stores', 2);
    expect(store.values[CYCLE]).to.include({ value: '10', inherited: true });
    expect(store.values[STAGE]).to.include({ value: 'Needs Analysis', inherited: true });
    expect((await configAt('stores', 1)).values[CYCLE]).to.include({ value: '45', inherited: true });

    // The sync engine reads the new values at once.
    expect((await http().sidecar.config.forStore(2)).abandonedCart.salesCycleLength).to.equal(10);

    const reset = await http().request<ConfigBody>('PUT', '/api/config', { session, body: { scope: 'websites', scopeId: 2, values: { [CYCLE]: null } } });
    expect(reset.body.values[CYCLE]).to.include({ value: '45', inherited: true });
    expect((await storedRows()).map((row) => `${row.scope}/${row.scope_id}/${row.path}=${row.value}`)).to.deep.equal([
      `default/0/${CYCLE}=45`,
      `default/0/${STAGE}=Needs Analysis`,
    ]);
  });

  it('refuses bad values field by field and writes none of the batch', async () => {
    const before = await storedRows();
    const response = await http().request<ErrorBody>('PUT', '/api/config', {
      session,
      body: {
        scope: 'default',
        scopeId: 0,
        values: {
          'forcebridge/order/automatic_sync': '1',
          [CYCLE]: 'ten',
          [STAGE]: 'Wishful Thinking',
          [ROLE]: 'Chief Wizard',
          [RECORD_TYPE]: 'Nope',
          'forcebridge/order_status_map/teleported': 'Closed Won',
          'forcebridge/no/such_setting': '1',
        },
      },
    });
    expect(response.status).to.equal(400);
    expect(response.body.error).to.equal('Some settings were refused; nothing was saved.');
    const problems = Object.fromEntries((response.body.details ?? []).map((detail) => [detail.field, detail.problem]));
    expect(problems).to.deep.equal({
      [CYCLE]: 'must be a whole number, 0 or more',
      [STAGE]: 'is not an active Opportunity stage in Salesforce',
      [ROLE]: 'is not an active Opportunity contact role in Salesforce',
      [RECORD_TYPE]: 'is not an active Opportunity record type in Salesforce',
      'forcebridge/order_status_map/teleported': 'Magento has no order status "teleported"',
      'forcebridge/no/such_setting': '"forcebridge/no/such_setting" is not a Forcebridge setting',
    });
    expect(await storedRows()).to.deep.equal(before);
  });

  it('accepts stages, roles and record types the org has, including a stage added in Salesforce a moment ago', async () => {
    const added = await fetch(`${http().sidecar.emulator.url}/__emulator/stages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stage: 'Cart Abandoned:10:Pipeline' }) });
    expect(added.status).to.equal(201);
    const response = await http().request<ConfigBody>('PUT', '/api/config', {
      session,
      body: { scope: 'stores', scopeId: 1, values: { [STAGE]: 'Cart Abandoned', [ROLE]: 'Economic Buyer', [RECORD_TYPE]: 'Webshop', 'forcebridge/order_status_map/holded': 'Closed Lost' } },
    });
    expect(response.status).to.equal(200);
    expect(response.body.values[STAGE]).to.include({ value: 'Cart Abandoned', inherited: false });
    expect(response.body.values['forcebridge/order_status_map/holded']).to.include({ value: 'Closed Lost', inherited: false });
    expect((await http().sidecar.config.forStore(1)).order.recordType).to.equal('Webshop');
  });

  it('refuses an expiry under a day and an expired stage, lead source or record owner the org lacks, and writes nothing', async () => {
    const { connection } = http().sidecar;
    // A user who has left the company: deactivated, so no record may be given to them.
    const created = await connection.sobject('User').create({ Username: 'former@forcebridge.test', LastName: 'Former', Email: 'former@forcebridge.test', Alias: 'former' });
    if (!created.success) throw new Error(`the emulator refused the user: ${JSON.stringify(created.errors)}`);
    expect((await connection.sobject('User').update({ Id: created.id, IsActive: false })).success).to.equal(true);
    const before = await storedRows();
    const attempts: [values: Record<string, string>, problems: Record<string, string>][] = [
      [
        { [EXPIRE_AFTER]: '0', [EXPIRED_STAGE]: 'Gone Cold', [LEAD_SOURCE]: 'Carrier Pigeon', [OWNER]: 'nobody@forcebridge.test', [COMPANY_ACCOUNTS]: '1' },
        {
          [EXPIRE_AFTER]: 'must be a whole number, 1 or more',
          [EXPIRED_STAGE]: 'is not an active Opportunity stage in Salesforce',
          [LEAD_SOURCE]: 'is not a value of the Opportunity Lead Source picklist in Salesforce',
          [OWNER]: 'is not the username of an active Salesforce user',
        },
      ],
      [{ [OWNER]: 'former@forcebridge.test' }, { [OWNER]: 'is not the username of an active Salesforce user' }],
      // Quotes and backslashes stay inside the query's string literal.
      [{ [OWNER]: "admin@forcebridge.test' OR Username != '" }, { [OWNER]: 'is not the username of an active Salesforce user' }],
      [{ [OWNER]: 'admin\\@forcebridge.test\\' }, { [OWNER]: 'is not the username of an active Salesforce user' }],
    ];
    for (const [values, problems] of attempts) {
      const response = await http().request<ErrorBody>('PUT', '/api/config', { session, body: { scope: 'websites', scopeId: 2, values } });
      expect(response.status, JSON.stringify(values)).to.equal(400);
      expect(Object.fromEntries((response.body.details ?? []).map((detail) => [detail.field, detail.problem]))).to.deep.equal(problems);
    }
    expect(await storedRows()).to.deep.equal(before);
  });

  it('accepts an expired stage, lead source and record owner the org has, and an empty lead source and owner', async () => {
    const response = await http().request<ConfigBody>('PUT', '/api/config', {
      session,
      body: { scope: 'websites', scopeId: 2, values: { [EXPIRE_AFTER]: '14', [EXPIRED_STAGE]: 'Closed Lost', [LEAD_SOURCE]: 'Partner Referral', [OWNER]: 'Admin@Forcebridge.test', [COMPANY_ACCOUNTS]: '0' } },
    });
    expect(response.status, response.text).to.equal(200);
    expect(response.body.values[OWNER]).to.include({ value: 'Admin@Forcebridge.test', inherited: false });
    const website = await http().sidecar.config.forWebsite(2);
    expect(website.abandonedCart).to.include({ expireAfterDays: 14, expiredStage: 'Closed Lost' });
    expect(website.general).to.deep.equal({ matchAccountsByCompany: false, leadSource: 'Partner Referral', defaultOwner: 'Admin@Forcebridge.test' });

    const emptied = await http().request<ConfigBody>('PUT', '/api/config', { session, body: { scope: 'stores', scopeId: 2, values: { [LEAD_SOURCE]: '', [OWNER]: '' } } });
    expect(emptied.status, emptied.text).to.equal(200);
    expect((await http().sidecar.config.forStore(2)).general).to.deep.equal({ matchAccountsByCompany: false, leadSource: null, defaultOwner: null });

    const integrationUser = await http().request<ConfigBody>('PUT', '/api/config', { session, body: { scope: 'default', scopeId: 0, values: { [OWNER]: EMULATOR_DEFAULTS.username } } });
    expect(integrationUser.status, integrationUser.text).to.equal(200);
  });

  it('refuses a scope that does not exist', async () => {
    const get = await http().request<ErrorBody>('GET', '/api/config?scope=websites&scopeId=77', { session });
    expect(get.status).to.equal(400);
    expect(get.body.details).to.deep.equal([{ field: 'scopeId', problem: 'website 77 does not exist' }]);
    const put = await http().request<ErrorBody>('PUT', '/api/config', { session, body: { scope: 'stores', scopeId: 77, values: { [CYCLE]: '5' } } });
    expect(put.status).to.equal(400);
    expect(put.body.details).to.deep.include({ field: 'scopeId', problem: 'store view 77 does not exist' });
  });

  it("fills the dropdowns from the org's describe data", async () => {
    const stages = await http().request<{ value: string; label: string }[]>('GET', '/api/picklists/stages', { session });
    expect(stages.body).to.deep.include({ value: 'Closed Won', label: 'Closed Won' });
    expect(stages.body).to.deep.include({ value: 'Cart Abandoned', label: 'Cart Abandoned' });
    const roles = await http().request<{ value: string }[]>('GET', '/api/picklists/contact-roles', { session });
    expect(roles.body.map((role) => role.value)).to.include.members(['Decision Maker', 'Economic Buyer']);
    const recordTypes = await http().request('GET', '/api/picklists/record-types', { session });
    expect(recordTypes.body).to.deep.equal([{ value: 'Webshop', label: 'Webshop' }]);
    const leadSources = await http().request<{ value: string }[]>('GET', '/api/picklists/lead-sources', { session });
    expect(leadSources.body.map((source) => source.value)).to.include.members(['Web', 'Phone Inquiry', 'Partner Referral']);
    const unknown = await http().request<ErrorBody>('GET', '/api/picklists/owners', { session });
    expect(unknown.status).to.equal(400);
    expect(JSON.stringify(unknown.body.details)).to.contain('lead-sources');
  });
});
