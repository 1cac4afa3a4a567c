// The AMD build (module-config/view/adminhtml/web/amd) in Chromium, loaded by RequireJS on a stand-in
// Magento admin page the way a store serves it: Magento's own knockoutjs/knockout and
// knockoutjs/knockout-es5, Magento_Ui's column, the module's requirejs-config.js. The columns render
// listing rows with the contract's forcebridge_* fields; the sync button and the configuration form
// talk to stand-in admin controllers only.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import type { ConfigSnapshot, Option, RecordSync, SyncJob } from '../../admin-ui/api/contract.js';
import { screenshot, useChromium } from '../support/browser.js';
import { FORM_KEY, PAGE_PATH, STATIC_PATH, startMagentoStandIn, type ControllerAnswer, type ControllerRequest, type MagentoStandIn } from '../support/magento-stand-in.js';

const AMD_FOLDER = fileURLToPath(new URL('../../module-config/view/adminhtml/web/amd/', import.meta.url));

/** Each module of the build and what it asks RequireJS for. */
const AMD_MODULES: Record<string, string[]> = {
  'grid/columns/sync-status.js': ['Magento_Ui/js/grid/columns/column', 'knockoutjs/knockout-es5'],
  'grid/columns/salesforce-id.js': ['Magento_Ui/js/grid/columns/column', 'knockoutjs/knockout-es5'],
  'sync-button.js': ['knockoutjs/knockout-es5'],
  'config-form.js': ['knockoutjs/knockout-es5'],
};

// Admin URLs as Magento's URL builder writes them, secret key included.
const SYNC_PATH = '/admin/forcebridge/sync/row/key/5ec2e7a1/';
const JOB_PATH = '/admin/forcebridge/sync/job/key/5ec2e7a2/';
const VALUES_PATH = '/admin/forcebridge/config/values/key/5ec2e7a3/';
const SAVE_PATH = '/admin/forcebridge/config/save/key/5ec2e7a4/';
const PICKLIST_PATH = '/admin/forcebridge/picklist/index/key/5ec2e7a5/';

const OPPORTUNITY_URL = (id: string) => `https://example.my.salesforce.com/lightning/r/Opportunity/${id}/view`;

/** A page of the Abandoned Carts listing's data provider: Magento's columns and the joined forcebridge_* fields, values as text. */
const CART_LISTING = {
  data: {
    totalRecords: 4,
    items: [
      { entity_id: '101', customer_email: 'amy@example.com', forcebridge_sync_status: 'synced', forcebridge_sync_changed: '0', forcebridge_error: null, forcebridge_salesforce_id: '006000000000101AAA', forcebridge_salesforce_url: OPPORTUNITY_URL('006000000000101AAA') },
      { entity_id: '102', customer_email: 'amy@example.com', forcebridge_sync_status: 'error', forcebridge_sync_changed: '0', forcebridge_error: 'Close Date: Required fields are missing', forcebridge_salesforce_id: null, forcebridge_salesforce_url: null },
      { entity_id: '103', customer_email: 'amy@example.com', forcebridge_sync_status: null, forcebridge_sync_changed: '0', forcebridge_error: null, forcebridge_salesforce_id: null, forcebridge_salesforce_url: null },
      { entity_id: '104', customer_email: 'amy@example.com', forcebridge_sync_status: 'synced', forcebridge_sync_changed: '1', forcebridge_error: null, forcebridge_salesforce_id: '006000000000104AAA', forcebridge_salesforce_url: OPPORTUNITY_URL('006000000000104AAA') },
    ],
  },
};
const CART_IDS = CART_LISTING.data.items.map((row) => row.entity_id);

const listingColumn = (component: string, name: string, label: string) => ({
  component: `Forcebridge_Connector/js/grid/columns/${component}`,
  config: { name, label, provider: 'forcebridge_abandoned_cart_listing.forcebridge_abandoned_cart_listing_data_source', ns: 'forcebridge_abandoned_cart_listing' },
});

interface StandInPage {
  standIn: {
    ready: Promise<void>;
    load(names: string[]): Promise<unknown[]>;
    renderListing(element: HTMLElement, plainFields: { field: string; label: string }[], columns: ReturnType<typeof listingColumn>[], dataSource: typeof CART_LISTING): Promise<void>;
    mageInit(): Promise<void>;
  };
}

/** Adds a section with data-mage-init to the page and lets the stand-in mount it, as mage/apply does. */
async function mageInit(page: Page, id: string, heading: string, components: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    async ({ id, heading, mageInit }) => {
      const element = document.createElement('section');
      element.id = id;
      element.append(Object.assign(document.createElement('h2'), { textContent: heading }));
      element.setAttribute('data-mage-init', mageInit);
      document.getElementById('content')!.append(element);
      await (window as unknown as StandInPage).standIn.mageInit();
    },
    { id, heading, mageInit: JSON.stringify(components) },
  );
}

const linkToCart = (status: RecordSync['status'], id: string): RecordSync => ({
  status,
  salesforceId: status === 'synced' ? id : null,
  salesforceUrl: status === 'synced' ? OPPORTUNITY_URL(id) : null,
  error: status === 'error' ? 'Close Date: Required fields are missing' : null,
  lastSyncedAt: null,
  lastAttemptAt: null,
});

describe('browser: the AMD modules in Magento\'s admin (RequireJS, Magento\'s Knockout)', function () {
  this.timeout(90_000);
  const browser = useChromium();
  let magento: MagentoStandIn;
  let page: Page;
  const requested: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    magento = await startMagentoStandIn();
    page = await browser().newPage({ viewport: { width: 1100, height: 700 } });
    page.on('request', (request) => requested.push(request.url()));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(magento.pageUrl);
    await page.evaluate(() => (window as unknown as StandInPage).standIn.ready);
  });

  afterEach(() => {
    expect(pageErrors, 'errors thrown in the page').to.deep.equal([]);
  });

  after(async () => {
    await page?.close();
    await magento?.close();
  });

  it('builds one module per component, none with Knockout, knockout-es5 or the sidecar client inside: each asks RequireJS for Magento\'s Knockout', () => {
    const built = readdirSync(AMD_FOLDER, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
    expect(built.sort()).to.deep.equal(Object.keys(AMD_MODULES).sort());
    for (const [file, dependencies] of Object.entries(AMD_MODULES)) {
      const source = readFileSync(`${AMD_FOLDER}${file}`, 'utf8');
      const asked = /^define\((\[[^\]]*\])/.exec(source)?.[1];
      expect(asked, `${file} starts ${source.slice(0, 60)}`).to.be.a('string');
      expect((JSON.parse(asked!) as string[]).sort(), file).to.deep.equal([...dependencies].sort());
      // Sentences of Knockout's own source and names only knockout-es5's attach step uses.
      expect(source, file).not.to.contain('You cannot apply bindings multiple times to the same element');
      expect(source, file).not.to.contain('getAllObservablesForObject');
      // Nor the console's sidecar client: in Magento the browser talks to Magento alone.
      expect(source, file).not.to.contain('X-CSRF-Token');
    }
  });

  it('renders "Salesforce Sync" and "Salesforce ID" from the listing rows\' forcebridge_* fields with the shared cells', async () => {
    await page.evaluate(
      async ({ plainFields, columns, dataSource }) => {
        const element = document.createElement('div');
        element.id = 'carts-grid';
        document.getElementById('content')!.append(element);
        await (window as unknown as StandInPage).standIn.renderListing(element, plainFields, columns, dataSource);
      },
      {
        plainFields: [
          { field: 'entity_id', label: 'Quote ID' },
          { field: 'customer_email', label: 'Email' },
        ],
        columns: [listingColumn('sync-status', 'forcebridge_sync_status', 'Salesforce Sync'), listingColumn('salesforce-id', 'forcebridge_salesforce_id', 'Salesforce ID')],
        dataSource: CART_LISTING,
      },
    );
    const rows = page.locator('#carts-grid tbody tr');
    await rows.nth(3).locator('.fb-sync-status').waitFor();

    const synced = rows.nth(0);
    expect(await synced.locator('.fb-sync-status--synced').getAttribute('title')).to.equal('Synced with Salesforce');
    expect(await synced.locator('.fb-sync-status__changed').count()).to.equal(0);
    expect(await synced.locator('a.fb-salesforce-id').textContent()).to.equal('006000000000101AAA');
    expect(await synced.locator('a.fb-salesforce-id').getAttribute('href')).to.equal(OPPORTUNITY_URL('006000000000101AAA'));

    const refused = rows.nth(1);
    expect(await refused.locator('.fb-sync-status--failed .fb-sync-status__icon').textContent()).to.equal('!');
    expect(await refused.locator('.fb-sync-status--failed').getAttribute('title')).to.equal('Not synced: Close Date: Required fields are missing');
    expect(await refused.locator('.fb-salesforce-id').count()).to.equal(0);

    expect(await rows.nth(2).locator('.fb-sync-status--waiting').getAttribute('title')).to.equal('Not synced with Salesforce yet');

    const changed = rows.nth(3);
    expect(await changed.locator('.fb-sync-status--synced .fb-sync-status__changed').count()).to.equal(1);
    expect(await changed.locator('.fb-visually-hidden').textContent()).to.equal('Synced with Salesforce — changed in Magento since it was last sent');
    await refused.locator('.fb-sync-status').hover();
    await screenshot(page, '20-magento-amd-grid-columns');
  });

  it('"Sync with Salesforce" posts the form key, area and ids to Magento\'s forcebridge/sync/row and follows the job to its outcome', async () => {
    const posts: ControllerRequest[] = [];
    const polls: ControllerRequest[] = [];
    let syncAnswer: ControllerAnswer = { json: { jobId: 'job-7' } };
    const progress = (done: number, finished: boolean): SyncJob => ({
      jobId: 'job-7',
      total: 4,
      done,
      synced: Math.min(done, 3),
      failed: done === 4 ? 1 : 0,
      skipped: 0,
      finished,
      results: Object.fromEntries(CART_IDS.map((id, index) => [id, linkToCart(index >= done ? 'pending' : id === '102' ? 'error' : 'synced', `006000000000${id}AAA`)])),
    });
    // Two answers while the job runs, so the progress stays on screen for a moment.
    const jobAnswers = [progress(2, false), progress(2, false), progress(4, true)];
    magento.answer(SYNC_PATH, (request) => {
      posts.push(request);
      return syncAnswer;
    });
    magento.answer(JOB_PATH, (request) => {
      polls.push(request);
      return { json: jobAnswers.length > 1 ? jobAnswers.shift() : jobAnswers[0] };
    });

    await mageInit(page, 'shopping-cart-tab', 'Shopping Cart', {
      'Forcebridge_Connector/js/sync-button': { syncUrl: `${magento.origin}${SYNC_PATH}`, jobUrl: `${magento.origin}${JOB_PATH}`, area: 'carts', ids: CART_IDS },
    });
    const tab = page.locator('#shopping-cart-tab');
    await tab.getByRole('button', { name: 'Sync with Salesforce' }).click();
    await tab.getByText('Syncing 2 of 4…').waitFor();
    await screenshot(page, '21-magento-amd-sync-progress');
    await tab.getByText('3 of 4 synced with Salesforce, 1 failed (hover the red mark for the reason).').waitFor();
    await screenshot(page, '22-magento-amd-sync-outcome');

    expect(posts).to.have.length(1);
    const [post] = posts;
    expect(post!.method).to.equal('POST');
    expect(post!.headers['content-type']).to.match(/^application\/x-www-form-urlencoded/);
    expect(post!.headers['x-requested-with']).to.equal('XMLHttpRequest');
    expect(post!.form.get('form_key')).to.equal(FORM_KEY);
    expect(post!.form.get('area')).to.equal('carts');
    expect(post!.form.getAll('ids[]')).to.deep.equal(CART_IDS);
    expect(polls.map((poll) => `${poll.method} ${poll.query.get('id')}`)).to.deep.equal(['GET job-7', 'GET job-7', 'GET job-7']);

    // Magento's 503 when the sidecar does not answer reaches the admin as its sentence.
    const sidecarDown = "Forcebridge's sidecar did not answer (connection refused); try again shortly.";
    syncAnswer = { status: 503, json: { error: sidecarDown } };
    await tab.getByRole('button', { name: 'Sync with Salesforce' }).click();
    await tab.locator('.fb-message--error').getByText(sidecarDown).waitFor();
  });

  it('the configuration form reads and saves through Magento\'s config and picklist controllers, refusals next to their field', async () => {
    const picklistNames: string[] = [];
    const valueScopes: string[] = [];
    const saves: URLSearchParams[] = [];
    const STAGES: Option[] = [
      { value: 'Prospecting', label: 'Prospecting' },
      { value: 'Closed Won', label: 'Closed Won' },
    ];
    const snapshot = (scope: string, scopeId: number): ConfigSnapshot => ({
      scope: scope as ConfigSnapshot['scope'],
      scopeId,
      values: {
        'forcebridge/order/automatic_sync': { value: '1', inherited: true, default: '1' },
        'forcebridge/order/convert_opportunity': { value: '1', inherited: true, default: '1' },
      },
      statuses: [],
    });
    magento.answer(PICKLIST_PATH, ({ query }) => {
      picklistNames.push(query.get('name') ?? '');
      return { json: query.get('name') === 'stages' ? STAGES : [] };
    });
    magento.answer(VALUES_PATH, ({ query }) => {
      valueScopes.push(`${query.get('scope')}:${query.get('scopeId')}`);
      return { json: snapshot(query.get('scope') ?? '', Number(query.get('scopeId'))) };
    });
    magento.answer(SAVE_PATH, ({ form }) => {
      saves.push(form);
      // The first save is refused as the sidecar refuses it, its body passed through with the status.
      if (saves.length === 1) return { status: 400, json: { error: 'One value was refused.', details: [{ field: 'forcebridge/order/draft_stage', problem: 'Pick a stage Salesforce offers.' }] } };
      return { json: snapshot(form.get('scope') ?? '', Number(form.get('scopeId'))) };
    });

    await mageInit(page, 'order-configuration', 'Order Configuration', {
      'Forcebridge_Connector/js/config-form': {
        valuesUrl: `${magento.origin}${VALUES_PATH}`,
        saveUrl: `${magento.origin}${SAVE_PATH}`,
        picklistUrl: `${magento.origin}${PICKLIST_PATH}`,
        scopes: [{ id: 1, name: 'Main Website', stores: [{ id: 1, name: 'Default Store View' }] }],
        tabs: ['order', 'order_advanced'],
      },
    });
    const form = page.locator('#order-configuration');
    await form.getByRole('tab', { name: 'Advanced' }).click();
    const convert = form.locator('.fb-field', { has: page.getByText('Convert Opportunity', { exact: true }) });
    await convert.getByLabel('Use system value').uncheck();
    await convert.getByRole('combobox').selectOption({ label: 'No' });
    await form.getByRole('button', { name: 'Save Config' }).click();
    await form.getByText('Pick a stage Salesforce offers.').waitFor();
    await form.getByRole('button', { name: 'Save Config' }).click();
    await form.getByText('You saved the configuration.').waitFor();
    await screenshot(page, '23-magento-amd-config-form');

    expect(picklistNames.sort()).to.deep.equal(['contact-roles', 'lead-sources', 'record-types', 'stages']);
    expect(saves).to.have.length(2);
    const saved = saves[1]!;
    expect([saved.get('form_key'), saved.get('scope'), saved.get('scopeId')]).to.deep.equal([FORM_KEY, 'default', '0']);
    const values = JSON.parse(saved.get('values') ?? '{}') as Record<string, string | null>;
    // JSON keeps "use the parent scope" (null) apart from a value.
    expect(values).to.include({ 'forcebridge/order/convert_opportunity': '0', 'forcebridge/order/automatic_sync': null });

    await form.getByLabel('Scope:').selectOption({ label: 'Website: Main Website' });
    await form.getByRole('button', { name: 'Save Config' }).and(page.locator(':enabled')).waitFor();
    expect(valueScopes).to.deep.equal(['default:0', 'websites:1']);
  });

  it('leaves ko.track and ko.es5 as Magento\'s knockout-es5 installed them, loads one Knockout, and asks nothing of anyone but Magento', async () => {
    const state = await page.evaluate(async () => {
      type Ko = { track: unknown; es5: unknown; getObservable(target: object, property: string): unknown; components: { isRegistered(name: string): boolean } };
      const page = window as unknown as StandInPage & {
        installedByKnockoutEs5: { track: unknown; es5: unknown; getObservable: unknown };
        trackedByMagento: object;
        require: { s: { contexts: { _: { defined: Record<string, unknown> } } } };
      };
      const [ko] = (await page.standIn.load(['knockoutjs/knockout'])) as [Ko];
      return {
        track: ko.track === page.installedByKnockoutEs5.track,
        es5: ko.es5 === page.installedByKnockoutEs5.es5,
        getObservable: ko.getObservable === page.installedByKnockoutEs5.getObservable,
        magentoModelStillObservable: ko.getObservable(page.trackedByMagento, 'visible') !== null,
        cellsOnMagentosKo: ko.components.isRegistered('forcebridge-sync-status') && ko.components.isRegistered('forcebridge-sync-button'),
        modules: Object.keys(page.require.s.contexts._.defined).sort(),
      };
    });
    expect(state).to.deep.include({ track: true, es5: true, getObservable: true, magentoModelStillObservable: true, cellsOnMagentosKo: true });
    expect(state.modules).to.deep.equal(
      [
        'Forcebridge_Connector/js/config-form',
        'Forcebridge_Connector/js/grid/columns/salesforce-id',
        'Forcebridge_Connector/js/grid/columns/sync-status',
        'Forcebridge_Connector/js/sync-button',
        'Magento_Ui/js/grid/columns/column',
        'knockoutjs/knockout',
        'knockoutjs/knockout-es5',
      ].sort(),
    );

    const controllers = [SYNC_PATH, JOB_PATH, VALUES_PATH, SAVE_PATH, PICKLIST_PATH];
    const elsewhere = requested.filter((address) => {
      const url = new URL(address);
      return url.origin !== magento.origin || !(url.pathname === PAGE_PATH || url.pathname.startsWith(STATIC_PATH) || controllers.includes(url.pathname));
    });
    expect(elsewhere).to.deep.equal([]);
    expect(magento.unanswered).to.deep.equal([]);
    expect(requested.filter((address) => controllers.includes(new URL(address).pathname))).to.have.length.greaterThan(0);
  });
});
