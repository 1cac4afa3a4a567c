// Validation of the settings' values by kind, and of the values that name something in the org
// (stages, lead sources, record owners) against an OrgProfile read from a stand-in connection.
import { expect } from 'chai';
import type { Connection } from 'jsforce';
import { CONFIG_PATHS, definitionOf, valueProblem } from '../../sidecar/magento/config-paths.js';
import { orgValueProblems } from '../../sidecar/salesforce/config-org-check.js';
import { OrgProfile } from '../../sidecar/salesforce/org-profile.js';

const { abandonedCart, general } = CONFIG_PATHS;

const picklist = (name: string, active: string[], inactive: string[] = []) => ({
  name,
  type: 'picklist',
  length: 255,
  picklistValues: [...active.map((value) => ({ value, active: true })), ...inactive.map((value) => ({ value, active: false }))],
});

/** Answers describe with a few fields and User queries from `users`, recording every SOQL text. */
function fakeConnection(users: { Id: string; Username: string; IsActive: boolean }[]) {
  const queries: string[] = [];
  const connection = {
    describe: async (object: string) => ({
      fields: object === 'Opportunity' ? [picklist('StageName', ['Prospecting', 'Closed Lost']), picklist('LeadSource', ['Web', 'Other'], ['Fax'])] : [],
      recordTypeInfos: [],
    }),
    query: async (soql: string) => {
      queries.push(soql);
      const named = [...soql.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((match) => match[1]!.replace(/\\(.)/g, '$1').toLowerCase());
      return { records: users.filter((user) => user.IsActive && named.includes(user.Username.toLowerCase())).map(({ Id, Username }) => ({ Id, Username })) };
    },
  };
  return { connection: connection as unknown as Connection, queries };
}

const USERS = [
  { Id: '005000000000001AAA', Username: 'Owner@Example.com', IsActive: true },
  { Id: '005000000000002AAA', Username: 'gone@example.com', IsActive: false },
  { Id: '005000000000003AAA', Username: "o'brien\\sales@example.com", IsActive: true },
];

describe('sidecar configuration values', () => {
  it('wants at least one day before a cart expires, and allows 0 idle minutes', () => {
    expect(valueProblem(abandonedCart.expireAfterDays, '0')).to.equal('must be a whole number, 1 or more');
    for (const bad of ['', '-1', '1.5', 'week', '1234567']) expect(valueProblem(abandonedCart.expireAfterDays, bad), bad).to.equal('must be a whole number, 1 or more');
    expect(valueProblem(abandonedCart.expireAfterDays, '1')).to.equal(undefined);
    expect(valueProblem(abandonedCart.expireAfterDays, '365')).to.equal(undefined);
    expect(valueProblem(abandonedCart.idleMinutes, '0')).to.equal(undefined);
  });

  it('needs an expired stage, allows an empty lead source and owner, and takes a company flag as 0 or 1', () => {
    expect(valueProblem(abandonedCart.expiredStage, ' ')).to.equal('must not be empty');
    expect(valueProblem(general.leadSource, '')).to.equal(undefined);
    expect(valueProblem(general.defaultOwner, '')).to.equal(undefined);
    expect(valueProblem(general.defaultOwner, `${'a'.repeat(250)}@x.com`)).to.equal('must be at most 255 characters');
    expect(valueProblem(general.matchAccountsByCompany, 'yes')).to.equal('must be 0 (No) or 1 (Yes)');
    expect(definitionOf('forcebridge/general/lead_source')).to.equal(general.leadSource);
    expect([general.matchAccountsByCompany.defaultValue, general.leadSource.defaultValue, general.defaultOwner.defaultValue]).to.deep.equal(['1', 'Web', '']);
  });

  it('knows the active Lead Source values', async () => {
    const org = await OrgProfile.load(fakeConnection([]).connection);
    expect(org.leadSources()).to.deep.equal(['Web', 'Other']);
    expect([org.hasLeadSource('Web'), org.hasLeadSource('Fax'), org.hasLeadSource('web')]).to.deep.equal([true, false, false]);
  });

  it('looks each owner username up once, in one escaped query, whatever its case', async () => {
    const { connection, queries } = fakeConnection(USERS);
    const org = await OrgProfile.load(connection, ['owner@example.com', null, '', 'OWNER@example.com']);
    expect(queries).to.deep.equal(["SELECT Id, Username FROM User WHERE Username IN ('owner@example.com') AND IsActive = true"]);
    expect(org.ownerId('Owner@Example.com')).to.equal('005000000000001AAA');

    expect(await org.loadOwners(connection, ['owner@example.com', 'gone@example.com', "o'brien\\sales@example.com"])).to.equal(1);
    expect(queries[1]).to.equal("SELECT Id, Username FROM User WHERE Username IN ('gone@example.com', 'o\\'brien\\\\sales@example.com') AND IsActive = true");
    expect(org.ownerId('gone@example.com'), 'inactive').to.equal(undefined);
    expect(org.ownerId("o'brien\\sales@example.com")).to.equal('005000000000003AAA');

    // Known names, found or not, cost nothing: a sync may ask for every batch.
    expect(await org.loadOwners(connection, ['gone@example.com', 'Owner@example.com', null])).to.equal(0);
    expect(queries).to.have.length(2);
    expect(org.ownerId('never-asked@example.com')).to.equal(undefined);
  });

  it('refuses org values the org lacks, allows empty ones and ignores values handed back to the parent scope', async () => {
    const { connection, queries } = fakeConnection(USERS);
    const org = await OrgProfile.load(connection);
    const problems = await orgValueProblems(org, connection, {
      [abandonedCart.expiredStage.path]: 'Gone Cold',
      [general.leadSource.path]: 'Fax',
      [general.defaultOwner.path]: 'gone@example.com',
      [abandonedCart.expireAfterDays.path]: '7',
      [abandonedCart.stage.path]: null,
    });
    expect(problems).to.deep.equal([
      { field: abandonedCart.expiredStage.path, problem: 'is not an active Opportunity stage in Salesforce' },
      { field: general.leadSource.path, problem: 'is not a value of the Opportunity Lead Source picklist in Salesforce' },
      { field: general.defaultOwner.path, problem: 'is not the username of an active Salesforce user' },
    ]);
    const allowed = await orgValueProblems(org, connection, { [general.leadSource.path]: '', [general.defaultOwner.path]: '', [abandonedCart.expiredStage.path]: 'Closed Lost' });
    expect(allowed).to.deep.equal([]);
    expect(queries, 'an empty owner is the integration user: nothing to look up').to.have.length(1);
    expect(await orgValueProblems(org, connection, { [general.defaultOwner.path]: 'owner@example.com' })).to.deep.equal([]);
  });
});
