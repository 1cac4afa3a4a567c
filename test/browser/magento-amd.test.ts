// The AMD build Magento's RequireJS loads (module-config/view/adminhtml/web/amd), in Chromium on a
// stand-in admin page: the modules are mounted the way data-mage-init mounts them and talk to the
// real sidecar API with the admin's session. (The grid column classes extend Magento_Ui's column,
// which only a Magento install has; the store they read from is exercised here.)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type mysql from 'mysql2/promise';
import type { Page } from 'playwright-core';
import { insertCart, saveShippingInformation } from '../support/magento-rows.js';
import { screenshot, useChromium } from '../support/browser.js';
import { ADMIN, useConsoleSidecar } from '../support/browser-sidecar.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const AMD_FOLDER = `${ROOT}module-config/view/adminhtml/web/amd`;

// Enough of RequireJS for these modules: one anonymous define() per script, 'exports' and 'require'
// dependencies (Knockout's UMD asks for them), names mapped to files the test serves.
const AMD_LOADER = `
  const modules = {};
  const definitions = new Map();
  window.define = (dependencies, factory) => { definitions.set(document.currentScript, { dependencies, factory }); };
  window.define.amd = {};
  const fileOf = (name) => name === 'knockout' ? '/magento-stand-in/knockout.js' : '/magento-stand-in/amd/' + name.replace('Forcebridge_Connector/js/', '') + '.js';
  window.requireModule = (name) => modules[name] ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = fileOf(name);
    script.onerror = () => reject(new Error('cannot load ' + name));
    script.onload = async () => {
      const { dependencies, factory } = definitions.get(script);
      const exports = {};
      const values = await Promise.all(dependencies.map((dependency) =>
        dependency === 'exports' ? exports : dependency === 'require' ? window.requireModule : window.requireModule(dependency)));
      const result = factory(...values);
      resolve(result === undefined ? exports : result);
    };
    document.head.append(script);
  });`;

describe('browser: the AMD modules Magento loads', function () {
  this.timeout(90_000);
  const browser = useChromium();
  const sidecar = useConsoleSidecar();
  let page: Page;
  let cartId = 0;

  before(async () => {
    const { pool } = sidecar().harness;
    cartId = await insertCart(pool, { items: [{ sku: 'MH01', name: 'Hoodie', qty: 1, price: 30 }] });
    await saveShippingInformation(pool, cartId, { email: 'amd@example.com', firstname: 'Amy', lastname: 'Dee' });
    page = await browser().newPage({ viewport: { width: 1200, height: 900 } });
    const { url } = sidecar();
    // The stand-in admin page is served on the sidecar's origin, as a same-site Magento admin would reach it.
    await page.route(`${url}/magento-stand-in/**`, async (route) => {
      const path = new URL(route.request().url()).pathname.replace('/magento-stand-in/', '');
      if (path === 'page') {
        await route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html><head><meta charset="utf-8"><script>${AMD_LOADER}</script></head><body>
            <div id="forcebridge-sidecar" data-sidecar-url="${url}" hidden></div>
            <div id="config-form"></div><div id="shopping-cart"></div></body></html>`,
        });
      } else if (path === 'knockout.js') {
        await route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: readFileSync(`${ROOT}node_modules/knockout/build/output/knockout-latest.js`) });
      } else {
        await route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: readFileSync(`${AMD_FOLDER}/${path.replace(/^amd\//, '')}`) });
      }
    });
    // The admin signs in once (the console's sign-in); the AMD modules then use that session.
    await page.goto(`${url}/magento-stand-in/page`);
    const status = await page.evaluate(async (account) => {
      const response = await fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(account) });
      return response.status;
    }, { username: ADMIN.username, password: ADMIN.password });
    expect(status).to.equal(200);
  });

  after(async () => {
    await page?.close();
  });

  it('Forcebridge_Connector/js/config-form mounts the tabs it is given and saves through the session, CSRF token included', async () => {
    await page.evaluate(async () => {
      const requireModule = (window as unknown as { requireModule(name: string): Promise<(config: object, element: HTMLElement) => void> }).requireModule;
      const mount = await requireModule('Forcebridge_Connector/js/config-form');
      mount({ sidecarUrl: document.getElementById('forcebridge-sidecar')!.dataset.sidecarUrl, tabs: ['order', 'order_advanced'] }, document.getElementById('config-form')!);
    });
    await page.getByRole('tab', { name: 'Order Configuration' }).waitFor();
    await page.getByRole('tab', { name: 'Advanced' }).click();
    const convert = page.locator('.fb-field', { has: page.getByText('Convert Opportunity', { exact: true }) });
    await convert.getByLabel('Use system value').uncheck();
    await convert.getByRole('combobox').selectOption({ label: 'No' });
    // Magento's <depends>: the converted stage only shows while Convert Opportunity is Yes.
    expect(await page.getByText('Converted Opportunity Status', { exact: true }).isVisible()).to.equal(false);
    await page.getByRole('button', { name: 'Save Config' }).click();
    await page.getByText('You saved the configuration.').waitFor();
    const [rows] = await sidecar().harness.pool.query<mysql.RowDataPacket[]>("SELECT value FROM core_config_data WHERE path = 'forcebridge/order/convert_opportunity'");
    expect(rows.map((row) => String(row.value))).to.deep.equal(['0']);
    await screenshot(page, '20-magento-amd-config-form');
  });

  it('Forcebridge_Connector/js/grid/sync-status-store reads the rows\' Salesforce state for the grid columns', async () => {
    const before = await page.evaluate(async (id) => {
      type Store = { load(ids: number[]): Promise<void>; syncOf(id: number): { status: string } | null; problem: string };
      const requireModule = (window as unknown as { requireModule(name: string): Promise<{ storeForListing(ns: string): Store }> }).requireModule;
      const { storeForListing } = await requireModule('Forcebridge_Connector/js/grid/sync-status-store');
      const store = storeForListing('forcebridge_abandoned_cart_listing');
      await store.load([id]);
      return { sync: store.syncOf(id), problem: store.problem, same: storeForListing('forcebridge_abandoned_cart_listing') === store };
    }, cartId);
    expect(before).to.deep.include({ problem: '', same: true });
    expect(before.sync).to.include({ status: 'never' });
  });

  it('Forcebridge_Connector/js/sync-button syncs the customer\'s carts from the Shopping Cart tab', async () => {
    const { pool } = sidecar().harness;
    const [customer] = await pool.query<mysql.ResultSetHeader>("INSERT INTO customer_entity (website_id, store_id, email, group_id, firstname, lastname) VALUES (1, 1, 'amd@example.com', 1, 'Amy', 'Dee')");
    // The tab lists the customer's own carts, as Magento's Shopping Cart tab does.
    const ownCart = await insertCart(pool, { customerId: customer.insertId, customerEmail: 'amd@example.com', items: [{ sku: 'MH02', name: 'Tee', qty: 1, price: 20 }] });
    await saveShippingInformation(pool, ownCart, { email: 'amd@example.com', firstname: 'Amy', lastname: 'Dee' });
    await page.evaluate(async (customerId) => {
      const requireModule = (window as unknown as { requireModule(name: string): Promise<(config: object, element: HTMLElement) => void> }).requireModule;
      const mount = await requireModule('Forcebridge_Connector/js/sync-button');
      mount({ sidecarUrl: document.getElementById('forcebridge-sidecar')!.dataset.sidecarUrl, entityType: 'customer', entityId: customerId }, document.getElementById('shopping-cart')!);
    }, customer.insertId);
    const tab = page.locator('.fb-shopping-cart');
    await tab.getByText('Salesforce ID: is missing').waitFor();
    await tab.getByRole('button', { name: 'Sync with Salesforce' }).click();
    await tab.getByText('1 of 1 synced with Salesforce.').waitFor();
    expect(await tab.locator('.fb-sync-status--synced').count()).to.equal(1);
    expect(await tab.locator('a.fb-salesforce-id').textContent()).to.match(/^006/);
    await screenshot(page, '21-magento-amd-shopping-cart');
  });
});
