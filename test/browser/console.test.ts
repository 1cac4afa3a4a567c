// The sidecar's /admin console in real Chromium, against the sidecar's HTTP API with MariaDB and the
// org emulator behind it: what a merchant clicks in the user guide (seeds/004), screen by screen.
import { expect } from 'chai';
import type mysql from 'mysql2/promise';
import type { Page } from 'playwright-core';
import { insertCart, insertCustomer, placeOrder, saveShippingInformation, setConfigRow } from '../support/magento-rows.js';
import { screenshot, useChromium } from '../support/browser.js';
import { ADMIN, useConsoleSidecar } from '../support/browser-sidecar.js';
import { INSTANCE } from '../support/sync-harness.js';
import { EMULATOR_DEFAULTS } from '../../emulator/server.js';

interface OpportunityRow {
  Id: string;
  StageName: string;
  CloseDate: string;
  CreatedDate: string;
}

describe('browser: the /admin console', function () {
  this.timeout(90_000);
  const browser = useChromium();
  const sidecar = useConsoleSidecar();
  let page: Page;
  const carts = { registered: 0, jane: 0, li: 0, omar: 0 };
  let customerId = 0;
  const pageErrors: string[] = [];

  async function guestCart(email: string, firstname: string, lastname: string, price = 100): Promise<number> {
    const quoteId = await insertCart(sidecar().harness.pool, { items: [{ sku: 'MH01', name: 'Chaz Kangeroo Hoodie', qty: 2, price }] });
    await saveShippingInformation(sidecar().harness.pool, quoteId, { email, firstname, lastname });
    return quoteId;
  }

  async function opportunityOf(quoteId: number): Promise<OpportunityRow | undefined> {
    const rows = await sidecar().harness.query<OpportunityRow>(`SELECT Id, StageName, CloseDate, CreatedDate FROM Opportunity WHERE Magento_Key__c = '${INSTANCE}:quote:${quoteId}'`);
    return rows[0];
  }

  async function configRows(path: string): Promise<{ scope: string; scope_id: number; value: string }[]> {
    const [rows] = await sidecar().harness.pool.query<mysql.RowDataPacket[]>('SELECT scope, scope_id, value FROM core_config_data WHERE path = ? ORDER BY scope, scope_id', [path]);
    return rows.map((row) => ({ scope: String(row.scope), scope_id: Number(row.scope_id), value: String(row.value) }));
  }

  const gridRow = (id: number) => page.locator(`tr[data-record-id="${id}"]`);
  const field = (label: string) => page.locator('.fb-field', { has: page.getByText(label, { exact: true }) });

  before(async () => {
    const { pool } = sidecar().harness;
    customerId = await insertCustomer(pool, { email: 'reg@example.com', firstname: 'Reg', lastname: 'Ular' });
    carts.registered = await insertCart(pool, { customerId, customerEmail: 'reg@example.com' });
    await saveShippingInformation(pool, carts.registered, { email: 'reg@example.com', firstname: 'Reg', lastname: 'Ular' });
    carts.jane = await guestCart('jane@example.com', 'Jane', 'Doe');
    carts.li = await guestCart('li@example.com', 'Li', 'Wei', 45);
    carts.omar = await guestCart('omar@example.com', 'Omar', 'Haddad', 12.5);
    await placeOrder(pool, await guestCart('ola@example.com', 'Ola', 'Nordmann', 80), '000000101');
    page = await browser().newPage({ viewport: { width: 1360, height: 860 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterEach(() => {
    expect(pageErrors, 'errors thrown in the page').to.deep.equal([]);
  });

  after(async () => {
    await page?.close();
  });

  it('refuses every API call from a browser that has not signed in', async () => {
    const { url } = sidecar();
    const calls: [method: string, path: string][] = [
      ['GET', '/api/scopes'],
      ['GET', '/api/picklists/stages'],
      ['GET', '/api/config'],
      ['PUT', '/api/config'],
      ['GET', '/api/grids/carts'],
      ['GET', '/api/sync-status/carts?ids=1'],
      ['POST', '/api/sync'],
      ['GET', '/api/history/carts/1'],
    ];
    for (const [method, path] of calls) {
      const response = await fetch(`${url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
      expect(response.status, `${method} ${path}`).to.equal(401);
      expect(await response.json()).to.deep.equal({ error: 'Sign in first.' });
    }
  });

  it('signs in with a Magento admin account, refusing a wrong password with its reason', async () => {
    await page.goto(`${sidecar().url}/admin`);
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(await page.getByRole('alert').textContent()).to.contain('The username or password is wrong');
    await screenshot(page, '01-sign-in');

    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Abandoned Carts' }).waitFor();
    expect(await page.locator('.fb-user__toggle').textContent()).to.contain('Mia Merchant');
  });

  it('lists the abandoned carts, never synced yet, newest first', async () => {
    await gridRow(carts.registered).waitFor();
    const ids = await page.locator('tbody tr[data-record-id]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-record-id'))));
    expect(ids).to.deep.equal([carts.omar, carts.li, carts.jane, carts.registered]);
    expect(await gridRow(carts.li).locator('.fb-sync-status--waiting').getAttribute('title')).to.equal('Not synced with Salesforce yet');
    expect(await gridRow(carts.li).textContent()).to.contain('li@example.com');
    await screenshot(page, '02-abandoned-carts');
  });

  it('finds carts by keyword and pages through them', async () => {
    await page.getByRole('searchbox').fill('jane@');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr[data-record-id]').length === 1);
    expect(await gridRow(carts.jane).count()).to.equal(1);
    await page.getByRole('searchbox').fill('');
    await page.getByRole('button', { name: 'Search' }).click();
    await gridRow(carts.registered).waitFor();
    expect(await page.getByRole('button', { name: 'Next ›' }).isDisabled()).to.equal(true);
    expect(await page.getByRole('button', { name: '‹ Previous' }).isDisabled()).to.equal(true);
  });

  it('syncs the selected carts with the "Sync with Salesforce" mass action: green ticks and Salesforce ID links', async () => {
    await gridRow(carts.jane).getByRole('checkbox').check();
    await gridRow(carts.li).getByRole('checkbox').check();
    expect(await page.locator('.fb-grid-toolbar__summary').textContent()).to.equal('2 carts selected');
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Sync with Salesforce' }).click();
    await page.getByText('2 of 2 synced with Salesforce.').waitFor();

    for (const quoteId of [carts.jane, carts.li]) {
      const opportunity = await opportunityOf(quoteId);
      expect(opportunity, `cart ${quoteId} in Salesforce`).to.not.equal(undefined);
      expect(await gridRow(quoteId).locator('.fb-sync-status--synced').count()).to.equal(1);
      const link = gridRow(quoteId).locator('a.fb-salesforce-id');
      expect(await link.textContent()).to.equal(opportunity!.Id);
      expect(await link.getAttribute('href')).to.equal(`${sidecar().harness.emulator.url}/__emulator/records/${opportunity!.Id}`);
    }
    expect(await gridRow(carts.omar).locator('.fb-sync-status--waiting').count()).to.equal(1);
    await screenshot(page, '03-carts-synced');

    const opportunityId = (await opportunityOf(carts.jane))!.Id;
    const [recordPage] = await Promise.all([page.context().waitForEvent('page'), gridRow(carts.jane).locator('a.fb-salesforce-id').click()]);
    await recordPage.waitForLoadState();
    expect(await recordPage.textContent('body')).to.contain(opportunityId).and.to.contain('Jane');
    await screenshot(recordPage, '04-salesforce-record');
    await recordPage.close();
  });

  it('shows a red exclamation with Salesforce\'s reason when the org refuses a cart', async () => {
    // A stage the org does not have (set behind the admin's back: the form would refuse it).
    await setConfigRow(sidecar().harness.pool, 'default', 0, 'forcebridge/abandoned_cart/stage', 'Haggling');
    try {
      await gridRow(carts.omar).getByRole('button', { name: 'Sync with Salesforce' }).click();
      await page.getByText('0 of 1 synced with Salesforce, 1 failed').waitFor();
    } finally {
      await sidecar().harness.pool.query("DELETE FROM core_config_data WHERE path = 'forcebridge/abandoned_cart/stage'");
    }
    const mark = gridRow(carts.omar).locator('.fb-sync-status--failed');
    const reason = await mark.getAttribute('title');
    expect(reason).to.match(/^Not synced: .*Haggling/);
    expect(await mark.locator('.fb-visually-hidden').textContent()).to.equal(reason);
    expect(await gridRow(carts.omar).locator('a.fb-salesforce-id').count()).to.equal(0);
    expect(await opportunityOf(carts.omar)).to.equal(undefined);
    await mark.hover();
    await screenshot(page, '05-cart-refused');
  });

  it('refuses an invalid Sales Cycle Length next to the field and writes nothing', async () => {
    await page.getByRole('link', { name: 'Abandoned Cart Configuration' }).click();
    await page.getByRole('heading', { name: 'Abandoned Cart Configuration' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.fb-field select option').length > 5);
    const cycle = field('Sales Cycle Length');
    await cycle.getByLabel('Use system value').uncheck();
    await cycle.getByRole('textbox').fill('soon');
    await page.getByRole('button', { name: 'Save Config' }).click();
    await cycle.locator('.fb-field__problem').filter({ hasText: /./ }).waitFor();
    expect(await cycle.locator('.fb-field__problem').textContent()).to.equal('must be a whole number, 0 or more');
    expect(await page.locator('.fb-message--error').first().textContent()).to.contain('nothing was saved');
    expect(await configRows('forcebridge/abandoned_cart/sales_cycle_length')).to.deep.equal([]);
    await screenshot(page, '06-configuration-refused');
  });

  it('saves "Automatic Synchronization" and "Sales Cycle Length" into core_config_data', async () => {
    const automatic = field('Automatic Synchronization');
    await automatic.getByLabel('Use system value').uncheck();
    await automatic.getByRole('combobox').selectOption({ label: 'Yes' });
    await field('Sales Cycle Length').getByRole('textbox').fill('12');
    await page.getByRole('button', { name: 'Save Config' }).click();
    await page.getByText('You saved the configuration.').waitFor();
    expect(await configRows('forcebridge/abandoned_cart/automatic_sync')).to.deep.equal([{ scope: 'default', scope_id: 0, value: '1' }]);
    expect(await configRows('forcebridge/abandoned_cart/sales_cycle_length')).to.deep.equal([{ scope: 'default', scope_id: 0, value: '12' }]);
    expect(await field('Sales Cycle Length').locator('.fb-field__problem').isVisible()).to.equal(false);
    // The dropdowns hold the org's picklists.
    const stages = await field('Abandoned Cart Status').locator('option').allTextContents();
    expect(stages).to.include.members(['Prospecting', 'Closed Won']);
    expect(await field('Opportunity Customer Role').isVisible()).to.equal(false);
    await screenshot(page, '07-abandoned-cart-configuration');
  });

  it('closes the next synced cart Sales Cycle Length days after its creation', async () => {
    const quoteId = await guestCart('kim@example.com', 'Kim', 'Lee', 60);
    await page.getByRole('link', { name: 'Abandoned Carts', exact: true }).first().click();
    await gridRow(quoteId).getByRole('button', { name: 'Sync with Salesforce' }).click();
    await page.getByText('1 of 1 synced with Salesforce.').waitFor();
    const opportunity = (await opportunityOf(quoteId))!;
    const created = new Date(opportunity.CreatedDate);
    const expected = new Date(Date.UTC(created.getUTCFullYear(), created.getUTCMonth(), created.getUTCDate() + 12));
    // The creation day is taken in the store's timezone, which may be a day behind UTC.
    const dayBefore = new Date(expected.getTime() - 86_400_000);
    expect(opportunity.CloseDate).to.be.oneOf([expected.toISOString().slice(0, 10), dayBefore.toISOString().slice(0, 10)]);
  });

  it('overrides a setting for one website with "Use Default" unticked, as Magento does', async () => {
    await page.getByRole('link', { name: 'Abandoned Cart Configuration' }).click();
    await page.getByRole('heading', { name: 'Abandoned Cart Configuration' }).waitFor();
    const cycle = field('Sales Cycle Length');
    const scopeLabel = await page.getByLabel('Scope:').locator('option').filter({ hasText: 'Website:' }).first().textContent();
    await page.getByLabel('Scope:').selectOption({ label: scopeLabel! });
    await cycle.getByLabel('Use Default').waitFor();
    // the scope's values arrive a moment after its fields: wait until the field shows the default
    await cycle.getByRole('textbox').and(page.locator(':disabled')).waitFor();
    expect(await cycle.getByLabel('Use Default').isChecked()).to.equal(true);
    expect(await cycle.getByRole('textbox').isDisabled()).to.equal(true);
    expect(await cycle.getByRole('textbox').inputValue()).to.equal('12');
    await cycle.getByLabel('Use Default').uncheck();
    await cycle.getByRole('textbox').fill('20');
    await page.getByRole('button', { name: 'Save Config' }).click();
    await page.getByText('You saved the configuration.').waitFor();
    expect(await configRows('forcebridge/abandoned_cart/sales_cycle_length')).to.deep.equal([
      { scope: 'default', scope_id: 0, value: '12' },
      { scope: 'websites', scope_id: 1, value: '20' },
    ]);
    // Settings left on "Use Default" stay unwritten at the website.
    expect(await configRows('forcebridge/abandoned_cart/automatic_sync')).to.have.length(1);
    await screenshot(page, '08-configuration-website-scope');
  });

  it('refuses a cart expiry of 0 days, then saves "Expire Carts After (days)" and "Expired Cart Status"', async () => {
    // Still on the website scope the previous test chose.
    const expireAfter = field('Expire Carts After (days)');
    const expiredStage = field('Expired Cart Status');
    expect(await expiredStage.getByRole('combobox').inputValue()).to.equal('Closed Lost');
    expect(await expireAfter.getByRole('textbox').inputValue()).to.equal('30');
    await expireAfter.getByLabel('Use Default').uncheck();
    await expireAfter.getByRole('textbox').fill('0');
    await expiredStage.getByLabel('Use Default').uncheck();
    await expiredStage.getByRole('combobox').selectOption('Closed Won');
    await page.getByRole('button', { name: 'Save Config' }).click();
    await expireAfter.locator('.fb-field__problem').filter({ hasText: /./ }).waitFor();
    expect(await expireAfter.locator('.fb-field__problem').textContent()).to.equal('must be a whole number, 1 or more');
    expect(await configRows('forcebridge/abandoned_cart/expired_stage')).to.deep.equal([]);
    await expireAfter.getByRole('textbox').fill('14');
    await page.getByRole('button', { name: 'Save Config' }).click();
    await page.getByText('You saved the configuration.').waitFor();
    expect(await configRows('forcebridge/abandoned_cart/expire_after_days')).to.deep.equal([{ scope: 'websites', scope_id: 1, value: '14' }]);
    expect(await configRows('forcebridge/abandoned_cart/expired_stage')).to.deep.equal([{ scope: 'websites', scope_id: 1, value: 'Closed Won' }]);
    await page.getByLabel('Scope:').selectOption({ label: 'Default Config' });
    await expireAfter.getByLabel('Use system value').waitFor();
  });

  it('syncs a customer\'s cart from the "Shopping Cart" tab of the customer\'s page', async () => {
    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    await page.getByRole('link', { name: 'Reg Ular' }).click();
    const tab = page.locator('.fb-shopping-cart');
    await tab.getByText('Salesforce ID: is missing').waitFor();
    expect(await tab.locator('tbody tr').count()).to.equal(1);
    expect(await tab.locator('tbody tr').textContent()).to.contain(`#${carts.registered}`);
    await screenshot(page, '09-customer-shopping-cart');
    await tab.getByRole('button', { name: 'Sync with Salesforce' }).click();
    await tab.getByText('1 of 1 synced with Salesforce.').waitFor();
    const opportunity = (await opportunityOf(carts.registered))!;
    expect(await tab.locator('a.fb-salesforce-id').textContent()).to.equal(opportunity.Id);
    expect(await tab.getByText('Salesforce ID: is missing').count()).to.equal(0);
    await screenshot(page, '10-customer-shopping-cart-synced');
  });

  it('shows a cart\'s sync history: when, the result, the stage and what was sent', async () => {
    await page.goto(`${sidecar().url}/admin#/carts/${carts.jane}`);
    await page.getByRole('heading', { name: `Abandoned Cart #${carts.jane}` }).waitFor();
    const history = page.locator('.fb-history tbody tr');
    await history.first().waitFor();
    const firstLine = await history.first().textContent();
    expect(firstLine).to.contain((await opportunityOf(carts.jane))!.Id);
    expect(firstLine).to.contain('Prospecting');
    await history.first().getByText('Show fields').click();
    expect(await history.first().locator('pre').textContent()).to.contain('jane@example.com');
    await screenshot(page, '11-cart-history');
  });

  it('maps each Magento order status to an Opportunity stage on Field Mappings → Opportunity Status', async () => {
    await page.getByRole('link', { name: 'Field Mappings → Opportunity Status' }).click();
    await page.getByRole('heading', { name: 'Field Mappings → Opportunity Status' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.fb-field select option').length > 5);
    const pending = field('Pending');
    expect(await pending.getByRole('combobox').inputValue()).to.equal('Qualification');
    await pending.getByLabel('Use system value').uncheck();
    await pending.getByRole('combobox').selectOption('Needs Analysis');
    await page.getByRole('button', { name: 'Save Config' }).click();
    await page.getByText('You saved the configuration.').waitFor();
    expect(await configRows('forcebridge/order_status_map/pending')).to.deep.equal([{ scope: 'default', scope_id: 0, value: 'Needs Analysis' }]);
    await screenshot(page, '12-opportunity-status');
  });

  it('shows the orders grid and the Advanced tab with the guide\'s options', async () => {
    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    await page.getByRole('cell', { name: '000000101' }).waitFor();
    await screenshot(page, '13-orders');
    await page.getByRole('link', { name: 'Advanced' }).click();
    await page.getByRole('heading', { name: 'Advanced' }).waitFor();
    expect(await field('Create Opportunity').locator('option').allTextContents()).to.deep.equal(['No', 'For every order']);
    for (const label of ['Default Opportunity Draft Status', 'Convert Opportunity', 'Converted Opportunity Status', 'Use Invoice date as close date', 'Record type', 'Sales Cycle Length', 'Enable Contact Roles']) {
      expect(await field(label).count(), label).to.equal(1);
    }
    await screenshot(page, '14-order-advanced');
  });

  it('sets the lead source and refuses a record owner Salesforce does not have on General Configuration', async () => {
    await page.getByRole('link', { name: 'General Configuration' }).click();
    await page.getByRole('heading', { name: 'General Configuration' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.fb-field select option').length > 3);
    expect(await field('Share One Account per Company').getByRole('combobox').inputValue()).to.equal('1');
    const leadSource = field('Lead Source');
    expect(await leadSource.getByRole('combobox').inputValue()).to.equal('Web');
    expect(await leadSource.locator('option').allTextContents()).to.include.members(['None (leave empty)', 'Web', 'Partner Referral']);
    await leadSource.getByLabel('Use system value').uncheck();
    await leadSource.getByRole('combobox').selectOption({ label: 'Partner Referral' });
    const owner = field('Record Owner (Salesforce username)');
    expect(await owner.getByRole('textbox').inputValue()).to.equal('');
    await owner.getByLabel('Use system value').uncheck();
    await owner.getByRole('textbox').fill('nobody@example.com');
    await page.getByRole('button', { name: 'Save Config' }).click();
    await owner.locator('.fb-field__problem').filter({ hasText: /./ }).waitFor();
    expect(await owner.locator('.fb-field__problem').textContent()).to.equal('is not the username of an active Salesforce user');
    expect(await leadSource.locator('.fb-field__problem').isVisible()).to.equal(false);
    expect(await configRows('forcebridge/general/lead_source')).to.deep.equal([]);
    await screenshot(page, '15-general-configuration-refused');

    await owner.getByRole('textbox').fill(EMULATOR_DEFAULTS.username);
    await page.getByRole('button', { name: 'Save Config' }).click();
    await page.getByText('You saved the configuration.').waitFor();
    expect(await configRows('forcebridge/general/lead_source')).to.deep.equal([{ scope: 'default', scope_id: 0, value: 'Partner Referral' }]);
    expect(await configRows('forcebridge/general/default_owner')).to.deep.equal([{ scope: 'default', scope_id: 0, value: EMULATOR_DEFAULTS.username }]);
    await screenshot(page, '16-general-configuration');
  });

  it('signs out', async () => {
    await page.locator('.fb-user__toggle').click();
    await page.getByRole('menuitem', { name: 'Sign Out' }).click();
    await page.getByRole('heading', { name: 'Welcome, please sign in' }).waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/grids/carts')).status);
    expect(status).to.equal(401);
  });
});
