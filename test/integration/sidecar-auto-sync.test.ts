// Automatic Synchronization (seeds/004): Yes pushes abandoned carts and every later change to them;
// No leaves them alone until someone syncs by hand.
import { expect } from 'chai';
import { createLogger } from '../../sidecar/logger.js';
import { AutoSync, cronForInterval } from '../../sidecar/service/auto-sync.js';
import { insertCart, saveShippingInformation, setConfigRow } from '../support/magento-rows.js';
import { INSTANCE, useSyncHarness } from '../support/sync-harness.js';

describe('sync: automatic synchronization', function () {
  this.timeout(60_000);
  const sidecar = useSyncHarness();
  const quiet = createLogger('silent');

  function autoSync(cartExpirySeconds?: number): AutoSync {
    const { pool, config, connection } = sidecar();
    return new AutoSync({ pool, config, connection, engine: sidecar().engine(), logger: quiet }, { intervalSeconds: 60, cartExpirySeconds });
  }

  /** Detection reads rows stamped strictly before the current second (timestamps have whole seconds). */
  const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1100));

  /** A cart left after the shipping step (idle_minutes is 0 here: abandoned at once). */
  async function leftCart(email: string): Promise<number> {
    const quoteId = await insertCart(sidecar().pool);
    await saveShippingInformation(sidecar().pool, quoteId, { email, firstname: 'Ida', lastname: 'Idle' });
    await nextSecond();
    return quoteId;
  }

  const opportunities = (quoteId: number) =>
    sidecar().query<{ Amount: number }>(`SELECT Amount FROM Opportunity WHERE Magento_Key__c = '${INSTANCE}:quote:${quoteId}'`);

  it('with Automatic Synchronization No, a tick pushes nothing', async () => {
    await setConfigRow(sidecar().pool, 'default', 0, 'forcebridge/abandoned_cart/automatic_sync', '0');
    await setConfigRow(sidecar().pool, 'default', 0, 'forcebridge/abandoned_cart/idle_minutes', '0');
    const sync = autoSync();
    await sync.tick();
    const quoteId = await leftCart('off@example.com');
    await sync.tick();
    expect(await opportunities(quoteId)).to.have.length(0);
  });

  it('with Yes, a tick pushes the abandoned cart, and a later change to it is pushed on a later tick', async () => {
    await setConfigRow(sidecar().pool, 'default', 0, 'forcebridge/abandoned_cart/automatic_sync', '1');
    await setConfigRow(sidecar().pool, 'default', 0, 'forcebridge/abandoned_cart/idle_minutes', '0');
    const sync = autoSync();
    await sync.tick(); // the first tick starts the watermarks at now
    const quoteId = await leftCart('on@example.com');
    await sync.tick();
    expect((await opportunities(quoteId)).map((o) => o.Amount)).to.deep.equal([200]);

    // Magento bumps quote.updated_at on every save (ON UPDATE CURRENT_TIMESTAMP).
    await sidecar().pool.query('UPDATE quote SET items_qty = 4, grand_total = 400, base_grand_total = 400 WHERE entity_id = ?', [quoteId]);
    await nextSecond();
    await sync.tick();
    expect((await opportunities(quoteId)).map((o) => o.Amount)).to.deep.equal([400]);
  });

  it("closes the cart's opportunity as Expired once Magento's cleanup deleted the cart, and leaves it alone after", async () => {
    await setConfigRow(sidecar().pool, 'default', 0, 'forcebridge/abandoned_cart/automatic_sync', '1');
    await setConfigRow(sidecar().pool, 'default', 0, 'forcebridge/abandoned_cart/idle_minutes', '0');
    const sync = autoSync(0); // the expiry pass on every tick
    await sync.tick();
    const quoteId = await leftCart('deleted@example.com');
    await sync.tick();
    await sidecar().pool.query('DELETE FROM quote WHERE entity_id = ?', [quoteId]);
    await sync.tick();
    const [opportunity] = await sidecar().query<{ Magento_Cart_Status__c: string }>(
      `SELECT Magento_Cart_Status__c FROM Opportunity WHERE Magento_Key__c = '${INSTANCE}:quote:${quoteId}'`,
    );
    expect(opportunity?.Magento_Cart_Status__c).to.equal('Expired');
    await sync.tick();
    expect(sync.lastPass?.records, 'nothing queued again').to.equal(0);
  });

  it('turns the interval into a schedule', () => {
    expect(cronForInterval(5)).to.equal('*/5 * * * * *');
    expect(cronForInterval(60)).to.equal('0 */1 * * * *');
    expect(cronForInterval(300)).to.equal('0 */5 * * * *');
  });
});
