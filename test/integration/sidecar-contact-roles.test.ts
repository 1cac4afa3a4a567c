// Contact roles have no external ID: whatever a batch asks for, an opportunity gets one role per contact.
import { expect } from 'chai';
import type { Connection } from 'jsforce';
import { setupOrg } from '../../sidecar/salesforce/org-setup.js';
import { syncContactRoles } from '../../sidecar/salesforce/contact-roles.js';
import { useEmulator } from '../support/emulator-harness.js';

describe('sync: contact roles', () => {
  const org = useEmulator();

  async function opportunityAndContact(conn: Connection): Promise<{ opportunityId: string; contactId: string }> {
    const contact = await conn.sobject('Contact').create({ LastName: 'Buyer' });
    const opportunity = await conn.sobject('Opportunity').create({ Name: 'Cart', StageName: 'Prospecting', CloseDate: '2026-01-31' });
    if (!contact.success || !opportunity.success) throw new Error('fixture records were refused');
    return { opportunityId: opportunity.id, contactId: contact.id };
  }

  it('creates one role when a batch wants the same role twice (a cart and its order in one batch)', async () => {
    const conn = await org.connect();
    await setupOrg(conn);
    const pair = await opportunityAndContact(conn);
    const wanted = { ...pair, role: 'Decision Maker' };
    const results = await syncContactRoles(conn, [wanted, { ...wanted }]);
    const roles = await conn.query(`SELECT Id FROM OpportunityContactRole WHERE OpportunityId = '${pair.opportunityId}'`);
    expect(roles.totalSize).to.equal(1);
    expect(results.map((result) => result.action)).to.deep.equal(['created']);
  });

  it('sends rows refused as locked again, until every role is there once', async () => {
    const conn = await org.connect();
    await setupOrg(conn);
    const wanted = [];
    for (let i = 0; i < 20; i++) wanted.push({ ...(await opportunityAndContact(conn)), role: 'Decision Maker' });
    await org.admin('POST', '/faults', { seed: 3, rowLockRate: 0.5 });
    const results = await syncContactRoles(conn, wanted, { retry: { attempts: 12, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} } });
    await org.admin('DELETE', '/faults');
    expect(results.filter((result) => result.action !== 'created')).to.deep.equal([]);
    const roles = await conn.query('SELECT OpportunityId FROM OpportunityContactRole');
    expect(roles.totalSize).to.equal(20);
  });

  it('creates a role whose answer was lost once: it reads what the org saved before sending again', async () => {
    const conn = await org.connect();
    await setupOrg(conn);
    const wanted = [];
    for (let i = 0; i < 6; i++) wanted.push({ ...(await opportunityAndContact(conn)), role: 'Decision Maker' });
    const retry = { attempts: 12, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} };
    // half the calls are carried out with their answer lost (with this seed, a blind resend made 12 roles)
    await org.admin('POST', '/faults', { seed: 1, failureRate: 0.5, failureKinds: ['lost'] });
    const results = await syncContactRoles(conn, wanted, { retry });
    await org.admin('DELETE', '/faults');
    expect(results.map((result) => result.action)).to.deep.equal(wanted.map(() => 'created'));
    const roles = await conn.query<{ Id: string; OpportunityId: string }>('SELECT Id, OpportunityId FROM OpportunityContactRole');
    expect(roles.totalSize, 'one role per opportunity').to.equal(wanted.length);
    expect(results.map((result) => result.id).sort()).to.deep.equal(roles.records.map((role) => role.Id).sort());
  });
});
