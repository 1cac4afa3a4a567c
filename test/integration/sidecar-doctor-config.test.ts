// `forcebridge doctor`'s "Configured values" check against the emulated org: every scope's stages
// (the expired-cart one included), lead source and record owner, each named with its scope.
import { expect } from 'chai';
import { salesforceChecks, type Check } from '../../sidecar/cli/doctor.js';
import { insertWebsiteWithStore, setConfigRow } from '../support/magento-rows.js';
import { useSyncHarness } from '../support/sync-harness.js';

describe('forcebridge doctor: configured values', function () {
  this.timeout(60_000);
  const sidecar = useSyncHarness();

  before(async () => {
    await insertWebsiteWithStore(sidecar().pool, { websiteId: 2, groupId: 2, storeId: 2 });
  });

  beforeEach(async () => {
    await sidecar().pool.query("DELETE FROM core_config_data WHERE path LIKE 'forcebridge/%'");
  });

  async function configuredValues(): Promise<Check> {
    const checks = await salesforceChecks(sidecar().pool, sidecar().connection);
    const check = checks.find((candidate) => candidate.name === 'Configured values');
    if (!check) throw new Error(`no "Configured values" check among ${checks.map((c) => c.name).join(', ')}`);
    return check;
  }

  it('passes with the defaults and with an owner, lead source and expired stage the org has', async () => {
    expect(await configuredValues()).to.deep.include({ ok: true, detail: 'stages, contact roles, record types, lead sources and record owners exist in the org for 3 scopes' });
    await setConfigRow(sidecar().pool, 'websites', 2, 'forcebridge/general/default_owner', 'ADMIN@forcebridge.test');
    await setConfigRow(sidecar().pool, 'stores', 2, 'forcebridge/general/lead_source', 'Other');
    await setConfigRow(sidecar().pool, 'default', 0, 'forcebridge/abandoned_cart/expired_stage', 'Closed Won');
    expect((await configuredValues()).ok).to.equal(true);
  });

  it('names every expired stage, lead source and record owner the org lacks, with its scope and the fix', async () => {
    await setConfigRow(sidecar().pool, 'default', 0, 'forcebridge/abandoned_cart/expired_stage', 'Gone Cold');
    await setConfigRow(sidecar().pool, 'websites', 2, 'forcebridge/general/lead_source', 'Carrier Pigeon');
    await setConfigRow(sidecar().pool, 'stores', 2, 'forcebridge/general/default_owner', 'nobody@forcebridge.test');
    await setConfigRow(sidecar().pool, 'stores', 1, 'forcebridge/abandoned_cart/expire_after_days', '0');
    const check = await configuredValues();
    expect(check.ok).to.equal(false);
    for (const problem of [
      'stage "Gone Cold" (default scope)',
      'stage "Gone Cold" (store "Default Store View")',
      'stage "Gone Cold" (store "Store 2")',
      'lead source "Carrier Pigeon" (store "Store 2")',
      'record owner "nobody@forcebridge.test" (store "Store 2")',
      'forcebridge/abandoned_cart/expire_after_days (stores 1) must be a whole number, 1 or more; using the default "30"',
    ]) {
      expect(check.detail).to.contain(problem);
    }
    expect(check.detail).not.to.contain('lead source "Carrier Pigeon" (default scope)');
    expect(check.fix).to.contain('General Configuration');
  });
});
