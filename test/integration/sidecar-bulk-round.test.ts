// Bulk API 2.0 rounds: records that share an Account, Contact or Opportunity across the round's
// chunks go to Salesforce once per job, and a round that reaches its byte budget closes early
// with the same results, in more jobs.
import { expect } from 'chai';
import type mysql from 'mysql2/promise';
import { lease, newLeaseOwner, type LeasedEntry } from '../../sidecar/queue/queue.js';
import { BulkWriter } from '../../sidecar/salesforce/bulk-writer.js';
import { OrgProfile } from '../../sidecar/salesforce/org-profile.js';
import { planBatch } from '../../sidecar/sync/batch-planner.js';
import type { BatchSummary } from '../../sidecar/sync/batch-sync.js';
import { syncBulk, type RoundLimits } from '../../sidecar/sync/bulk-round.js';
import { insertCart, insertCustomer, placeOrder, saveShippingInformation } from '../support/magento-rows.js';
import { INSTANCE, useSyncHarness } from '../support/sync-harness.js';

describe('sync: Bulk API 2.0 rounds', function () {
  this.timeout(60_000);
  const sidecar = useSyncHarness();

  /** A customer with three carts, the first of them ordered: five entries sharing one person. */
  async function queueCustomerWithCarts(): Promise<{ customerId: number; quoteIds: number[]; orderId: number }> {
    const { pool } = sidecar();
    const email = `round${Date.now()}@example.com`;
    const customerId = await insertCustomer(pool, { email, firstname: 'Round', lastname: 'Robin' });
    const quoteIds: number[] = [];
    for (let i = 0; i < 3; i++) {
      const quoteId = await insertCart(pool, { customerId, customerEmail: email });
      await saveShippingInformation(pool, quoteId, { email, firstname: 'Round', lastname: 'Robin' });
      quoteIds.push(quoteId);
    }
    const orderId = await placeOrder(pool, quoteIds[0]!, `R${Date.now()}`);
    await sidecar().engine().requestSync([
      { entityType: 'customer', entityId: customerId },
      ...quoteIds.map((entityId) => ({ entityType: 'quote' as const, entityId })),
      { entityType: 'order', entityId: orderId },
    ]);
    return { customerId, quoteIds, orderId };
  }

  async function jobsOpened(): Promise<number> {
    const calls = (await (await fetch(`${sidecar().emulator.url}/__emulator/calls`)).json()) as { byEndpoint: Record<string, number> };
    return Object.entries(calls.byEndpoint).filter(([endpoint]) => /^POST .*\/jobs\/ingest$/.test(endpoint)).reduce((sum, [, count]) => sum + count, 0);
  }

  async function runRounds(limits: RoundLimits): Promise<{ summary: BatchSummary; jobs: number }> {
    const { pool, connection, config } = sidecar();
    const org = await OrgProfile.load(connection);
    const leaseOwner = newLeaseOwner();
    const entries = await lease(pool, { owner: leaseOwner, limit: 100, leaseSeconds: 600 });
    const plan = (chunk: LeasedEntry[]) => planBatch({ pool, config, org, instance: INSTANCE }, chunk);
    const jobsBefore = await jobsOpened();
    const summary = await syncBulk({ pool, connection, instance: INSTANCE, org, leaseOwner, runId: null }, new BulkWriter(connection), entries, plan, limits);
    return { summary, jobs: (await jobsOpened()) - jobsBefore };
  }

  async function expectOneOfEach(ids: { customerId: number; quoteIds: number[]; orderId: number }): Promise<void> {
    const accounts = await sidecar().query(`SELECT Id FROM Account WHERE Magento_Key__c = '${INSTANCE}:customer:${ids.customerId}'`);
    const contacts = await sidecar().query(`SELECT Id FROM Contact WHERE Magento_Key__c = '${INSTANCE}:customer:${ids.customerId}'`);
    expect(accounts).to.have.length(1);
    expect(contacts).to.have.length(1);
    const keys = ids.quoteIds.map((id) => `'${INSTANCE}:quote:${id}'`).join(', ');
    const opportunities = await sidecar().query<{ Magento_Key__c: string; Magento_Order_Number__c: string | null }>(
      `SELECT Magento_Key__c, Magento_Order_Number__c FROM Opportunity WHERE Magento_Key__c IN (${keys})`,
    );
    expect(opportunities).to.have.length(3);
    // the order came after its cart in the round: the order's values are the ones sent
    expect(opportunities.find((o) => o.Magento_Key__c === `${INSTANCE}:quote:${ids.quoteIds[0]}`)?.Magento_Order_Number__c).to.match(/^R\d+$/);
    const [links] = await sidecar().pool.query<mysql.RowDataPacket[]>(
      "SELECT entity_type, opportunity_id, account_id FROM forcebridge_link WHERE status = 'synced' AND ((entity_type = 'quote' AND entity_id = ?) OR (entity_type = 'order' AND entity_id = ?))",
      [String(ids.quoteIds[0]), String(ids.orderId)],
    );
    expect(links).to.have.length(2);
    expect(links[0]!.opportunity_id).to.be.a('string').and.equal(links[1]!.opportunity_id);
  }

  it('sends a person shared by records in different chunks once per job, and every record is synced', async () => {
    const ids = await queueCustomerWithCarts();
    const { summary, jobs } = await runRounds({ chunkSize: 2, byteBudget: 64_000_000 });
    expect(summary).to.deep.equal({ synced: 5, failed: 0, skipped: 0, unchanged: 0 });
    expect(jobs).to.equal(3);
    await expectOneOfEach(ids);
    const [events] = await sidecar().pool.query<mysql.RowDataPacket[]>(
      "SELECT sent_payload FROM forcebridge_sync_event WHERE entity_type = 'order' AND entity_id = ?",
      [String(ids.orderId)],
    );
    const sent = JSON.parse(String(events[0]!.sent_payload)) as Record<string, Record<string, unknown> | null>;
    expect(sent.Account?.Magento_Key__c).to.equal(`${INSTANCE}:customer:${ids.customerId}`);
    expect(sent.Opportunity?.Magento_Key__c).to.equal(`${INSTANCE}:quote:${ids.quoteIds[0]}`);
  });

  it('closes a round early at its byte budget: more jobs, the same records once each', async () => {
    const ids = await queueCustomerWithCarts();
    const { summary, jobs } = await runRounds({ chunkSize: 2, byteBudget: 1 });
    expect(summary).to.deep.equal({ synced: 5, failed: 0, skipped: 0, unchanged: 0 });
    // five entries in chunks of two: three rounds, each with an Account and a Contact job, two with an Opportunity job
    expect(jobs).to.be.within(7, 9);
    await expectOneOfEach(ids);
  });
});
