// API versions, content type, the Sforce-Limit-Info header, /limits and the daily allocation.
import { expect } from 'chai';
import jsforce from 'jsforce';
import { EMULATOR_DEFAULTS } from '../../emulator/server.js';
import { rejectionOf, useEmulator } from '../support/emulator-harness.js';

describe('emulator API versions and limits', () => {
  const harness = useEmulator();

  it('lists API versions and serves any vNN.N, including jsforce\'s default 50.0', async () => {
    const conn = await harness.connect();
    const versions = await conn.request<Array<{ version: string; url: string; label: string }>>('/services/data/');
    expect(versions.find((entry) => entry.version === '62.0')).to.deep.equal({ version: '62.0', url: '/services/data/v62.0', label: "Winter '25" });
    const old = new jsforce.Connection({ instanceUrl: conn.instanceUrl, accessToken: conn.accessToken ?? '', version: '50.0' });
    expect((await old.sobject('Account').create({ Name: 'v50' })).success).to.equal(true);
    expect((await rejectionOf(conn.request('/services/data/latest/sobjects'))).errorCode).to.equal('NOT_FOUND');
  });

  it('answers JSON with Salesforce\'s content type and the limit header', async () => {
    const conn = await harness.connect();
    // jsforce hides response headers, so this one check looks at the raw answer.
    const response = await fetch(`${harness.emulator.url}/services/data/v62.0/sobjects`, { headers: { authorization: `Bearer ${conn.accessToken ?? ''}` } });
    expect(response.headers.get('content-type')).to.equal('application/json;charset=UTF-8');
    expect(response.headers.get('sforce-limit-info')).to.match(/^api-usage=\d+\/15000$/);
  });

  it('counts calls into conn.limitInfo and /limits, a composite call counting once', async () => {
    const conn = await harness.connect();
    await conn.sobject('Account').create({ Name: 'one' });
    expect(conn.limitInfo.apiUsage).to.deep.equal({ used: 1, limit: EMULATOR_DEFAULTS.dailyApiLimit });
    await conn.requestPost('/composite', {
      compositeRequest: [1, 2, 3].map((index) => ({ method: 'POST', url: '/services/data/v62.0/sobjects/Account', referenceId: `a${index}`, body: { Name: `A${index}` } })),
    });
    expect(conn.limitInfo.apiUsage?.used).to.equal(2);
    const limits = await conn.limits();
    expect(limits.DailyApiRequests).to.deep.equal({ Max: EMULATOR_DEFAULTS.dailyApiLimit, Remaining: EMULATOR_DEFAULTS.dailyApiLimit - 3 });
    const calls = (await (await harness.admin('GET', '/calls')).json()) as { used: number; byEndpoint: Record<string, number> };
    expect(calls.used).to.equal(3);
    expect(calls.byEndpoint).to.deep.equal({ 'POST /sobjects/Account': 1, 'POST /composite': 1, 'GET /limits': 1 });
  });

  it('refuses calls with 403 REQUEST_LIMIT_EXCEEDED once the daily allocation is spent, until usage is reset', async () => {
    const conn = await harness.connect();
    await harness.admin('PATCH', '/settings', { dailyApiLimit: 3 });
    try {
      await conn.sobject('Account').create({ Name: 'a' });
      await harness.admin('PATCH', '/settings', { apiUsage: 3 });
      const error = await rejectionOf(conn.sobject('Account').create({ Name: 'b' }));
      expect(error.errorCode).to.equal('REQUEST_LIMIT_EXCEEDED');
      expect(error.message).to.equal('TotalRequests Limit exceeded.');
      expect(conn.limitInfo.apiUsage).to.deep.equal({ used: 3, limit: 3 });

      await harness.admin('PATCH', '/settings', { apiUsage: 0 });
      expect((await conn.sobject('Account').create({ Name: 'c' })).success).to.equal(true);
    } finally {
      await harness.admin('PATCH', '/settings', { dailyApiLimit: EMULATOR_DEFAULTS.dailyApiLimit });
    }
  });
});
