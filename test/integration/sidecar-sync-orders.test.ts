// Orders put the cart's opportunity through its stages as the user guide describes (seeds/004:
// Create Opportunity, Default Opportunity Draft Status, Opportunity Status mapping, Convert
// Opportunity, Converted Opportunity Status, Use Invoice date as close date, Record type).
import { expect } from 'chai';
import type mysql from 'mysql2/promise';
import { insertCart, invoiceOrder, placeOrder, refundOrder, saveShippingInformation, setConfigRow, shipOrder } from '../support/magento-rows.js';
import { useSyncHarness } from '../support/sync-harness.js';

interface OpportunityRow {
  Id: string;
  StageName: string;
  CloseDate: string;
  RecordTypeId: string | null;
  Magento_Order_Number__c: string | null;
  Magento_Cart_Status__c: string;
  IsWon: boolean;
}

describe('sync: orders', function () {
  this.timeout(60_000);
  const sidecar = useSyncHarness({ recordTypes: [{ objectName: 'Opportunity', developerName: 'Webshop', label: 'Webshop' }] });
  let increment = 100;

  beforeEach(async () => {
    await sidecar().pool.query("DELETE FROM core_config_data WHERE path LIKE 'forcebridge/%'");
  });

  const config = (path: string, value: string) => setConfigRow(sidecar().pool, 'default', 0, `forcebridge/${path}`, value);

  async function cartAndOrder(): Promise<{ quoteId: number; orderId: number }> {
    const { pool } = sidecar();
    const quoteId = await insertCart(pool);
    await saveShippingInformation(pool, quoteId, { email: `buyer${increment}@example.com`, firstname: 'Bo', lastname: 'Buyer' });
    const orderId = await placeOrder(pool, quoteId, String(++increment).padStart(9, '0'));
    return { quoteId, orderId };
  }

  async function sync(entityType: 'quote' | 'order', entityId: number): Promise<void> {
    const engine = sidecar().engine();
    await engine.requestSync([{ entityType, entityId }]);
    const pass = await engine.runPass('all', 'manual');
    expect(pass.failed, 'failed records').to.equal(0);
  }

  async function opportunity(quoteId: number): Promise<OpportunityRow> {
    const rows = await sidecar().query<OpportunityRow>(
      `SELECT Id, StageName, CloseDate, RecordTypeId, Magento_Order_Number__c, Magento_Cart_Status__c, IsWon FROM Opportunity WHERE Magento_Key__c = 'test:quote:${quoteId}'`,
    );
    expect(rows, 'one opportunity per quote').to.have.length(1);
    return rows[0]!;
  }

  async function stageHistory(opportunityId: string): Promise<string[]> {
    const rows = await sidecar().query<{ StageName: string }>(`SELECT StageName FROM OpportunityHistory WHERE OpportunityId = '${opportunityId}' ORDER BY CreatedDate, Id`);
    return rows.map((row) => row.StageName).filter((stage, i, all) => i === 0 || all[i - 1] !== stage);
  }

  it("makes the cart's opportunity the order's: same record, order number, Purchased", async () => {
    const { quoteId, orderId } = await cartAndOrder();
    await sync('quote', quoteId);
    const asCart = await opportunity(quoteId);
    await sync('order', orderId);
    const asOrder = await opportunity(quoteId);
    expect(asOrder.Id).to.equal(asCart.Id);
    expect(asOrder).to.include({ Magento_Order_Number__c: String(increment).padStart(9, '0'), Magento_Cart_Status__c: 'Purchased', StageName: 'Qualification' });
  });

  it('follows the status mapping through shipment, invoice and credit memo when Convert Opportunity is No', async () => {
    await config('order/convert_opportunity', '0');
    await config('order/draft_stage', 'Prospecting');
    await config('order_status_map/pending', '');
    await config('order_status_map/processing', 'Value Proposition');
    await config('order_status_map/complete', 'Proposal/Price Quote');
    await config('order_status_map/closed', 'Closed Lost');
    const { quoteId, orderId } = await cartAndOrder();
    await sync('order', orderId);
    await invoiceOrder(sidecar().pool, orderId);
    await sync('order', orderId);
    await shipOrder(sidecar().pool, orderId);
    await sync('order', orderId);
    await refundOrder(sidecar().pool, orderId);
    await sync('order', orderId);
    const opp = await opportunity(quoteId);
    // pending has no mapping: the draft status; then the mapping alone decides.
    expect(await stageHistory(opp.Id)).to.deep.equal(['Prospecting', 'Value Proposition', 'Proposal/Price Quote', 'Closed Lost']);
    expect(opp.Magento_Cart_Status__c).to.equal('Lost');
  });

  it('converts the opportunity when the order is paid, with the invoice day as close date', async () => {
    await config('order/convert_opportunity', '1');
    await config('order/converted_stage', 'Closed Won');
    await config('order/use_invoice_date_as_close_date', '1');
    const { quoteId, orderId } = await cartAndOrder();
    await sync('order', orderId);
    const before = await opportunity(quoteId);
    expect(before.StageName).to.equal('Qualification');
    // 03:00 UTC on 10 March is still 9 March in the store's timezone (America/Chicago).
    await invoiceOrder(sidecar().pool, orderId, '2026-03-10 03:00:00');
    await sync('order', orderId);
    const after = await opportunity(quoteId);
    expect(after).to.include({ StageName: 'Closed Won', CloseDate: '2026-03-09', IsWon: true });
  });

  it('keeps the Sales Cycle Length close date on conversion when Use Invoice date is No', async () => {
    await config('order/use_invoice_date_as_close_date', '0');
    await config('order/sales_cycle_length', '15');
    const { quoteId, orderId } = await cartAndOrder();
    await sync('order', orderId);
    const before = await opportunity(quoteId);
    // Invoiced after the cycle ended: the cycle's close date stands (a won one never closes after it was won).
    const invoicedLater = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
    await invoiceOrder(sidecar().pool, orderId, invoicedLater);
    await sync('order', orderId);
    const after = await opportunity(quoteId);
    expect(after.StageName).to.equal('Closed Won');
    expect(after.CloseDate).to.equal(before.CloseDate);
  });

  it('applies the configured record type', async () => {
    await config('order/record_type', 'Webshop');
    const { quoteId, orderId } = await cartAndOrder();
    await sync('order', orderId);
    const recordTypes = await sidecar().query<{ Id: string }>("SELECT Id FROM RecordType WHERE DeveloperName = 'Webshop'");
    expect((await opportunity(quoteId)).RecordTypeId).to.equal(recordTypes[0]!.Id);
  });

  it('creates no opportunity for an order when Create Opportunity is No', async () => {
    await config('order/create_opportunity', 'no');
    const { quoteId, orderId } = await cartAndOrder();
    const engine = sidecar().engine();
    await engine.requestSync([{ entityType: 'order', entityId: orderId }]);
    const pass = await engine.runPass('orders', 'manual');
    expect(pass.skipped).to.equal(1);
    expect(await sidecar().query(`SELECT Id FROM Opportunity WHERE Magento_Key__c = 'test:quote:${quoteId}'`)).to.have.length(0);
    const [links] = await sidecar().pool.query<mysql.RowDataPacket[]>("SELECT status, error_message FROM forcebridge_link WHERE entity_type = 'order' AND entity_id = ?", [String(orderId)]);
    expect(String(links[0]?.error_message)).to.contain('Create Opportunity');
  });
});
