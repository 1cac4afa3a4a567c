import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadSettings, redactedSettings, redactUrl, SettingsError } from '../../sidecar/settings.js';

const VALID = {
  MYSQL_URL: 'mysql://sync:db-secret-1@127.0.0.1:3306/magento',
  FORCEBRIDGE_INSTANCE: 'prod',
  SF_CLIENT_ID: 'client-id',
  SF_CLIENT_SECRET: 'sf-secret-2',
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadSettings(env);
  } catch (error) {
    expect(error).to.be.instanceOf(SettingsError);
    return (error as SettingsError).problems;
  }
  throw new Error('expected the settings to be rejected');
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'fb-settings-')), name);
  writeFileSync(path, text);
  return path;
}

describe('sidecar settings', () => {
  it('applies the documented defaults', () => {
    const settings = loadSettings(VALID);
    expect(settings.salesforce.auth).to.equal('client_credentials');
    expect(settings.salesforce.apiVersion).to.equal('62.0');
    expect(settings.salesforce.loginUrl).to.equal('https://login.salesforce.com');
    expect(settings.pollIntervalSeconds).to.equal(60);
    expect(settings.bulkThreshold).to.equal(2000);
    expect(settings.http).to.deep.equal({ host: '127.0.0.1', port: 8787 });
    expect(settings.instance).to.equal('prod');
    expect(settings.api).to.deep.equal({ token: undefined, passwordSignIn: false, sessionMinutes: 30, salesforceRecordUrl: undefined });
  });

  it('reads the HTTP API token, password sign-in, session length and record link template', () => {
    const token = 'a'.repeat(40);
    const settings = loadSettings({
      ...VALID,
      FORCEBRIDGE_API_TOKEN: token,
      FORCEBRIDGE_PASSWORD_SIGN_IN: '1',
      FORCEBRIDGE_SESSION_MINUTES: '15',
      FORCEBRIDGE_SALESFORCE_RECORD_URL: 'https://acme.my.salesforce.com/{id}',
    });
    expect(settings.api).to.deep.equal({ token, passwordSignIn: true, sessionMinutes: 15, salesforceRecordUrl: 'https://acme.my.salesforce.com/{id}' });
    expect(loadSettings({ ...VALID, FORCEBRIDGE_PASSWORD_SIGN_IN: '0' }).api.passwordSignIn).to.equal(false);
    expect(JSON.stringify(redactedSettings(settings))).not.to.include(token);
  });

  it('refuses a short API token, a password sign-in other than 0 or 1, a bad session length and a link template without {id}', () => {
    const problems = problemsOf({
      ...VALID,
      FORCEBRIDGE_API_TOKEN: 'short-token-9',
      FORCEBRIDGE_PASSWORD_SIGN_IN: 'yes',
      FORCEBRIDGE_SESSION_MINUTES: '0',
      FORCEBRIDGE_SALESFORCE_RECORD_URL: 'https://acme.my.salesforce.com/',
    });
    expect(problems).to.have.length(4);
    expect(problems.find((p) => p.startsWith('FORCEBRIDGE_API_TOKEN:'))).to.include('32 to 512 characters');
    expect(problems.find((p) => p.startsWith('FORCEBRIDGE_PASSWORD_SIGN_IN:'))).to.include('must be 1');
    expect(problems.find((p) => p.startsWith('FORCEBRIDGE_SESSION_MINUTES:'))).to.include('at least 1');
    expect(problems.find((p) => p.startsWith('FORCEBRIDGE_SALESFORCE_RECORD_URL:'))).to.include('{id}');
    expect(problems.join()).not.to.include('short-token-9');
  });

  it('lists every problem together, one line each', () => {
    const problems = problemsOf({ FORCEBRIDGE_INSTANCE: 'Prod_Store', SF_AUTH: 'password', SF_USERNAME: 'u', SF_CLIENT_ID: 'id', SF_CLIENT_SECRET: 'secret', FORCEBRIDGE_POLL_INTERVAL_SECONDS: 'soon' });
    expect(problems).to.have.length(4);
    expect(problems.find((p) => p.startsWith('MYSQL_URL:'))).to.include('is required');
    expect(problems.find((p) => p.startsWith('FORCEBRIDGE_INSTANCE:'))).to.include('lower-case');
    expect(problems).to.include('SF_PASSWORD: is required when SF_AUTH=password');
    expect(problems.find((p) => p.startsWith('FORCEBRIDGE_POLL_INTERVAL_SECONDS:'))).to.include('whole number');
    for (const problem of problems) expect(problem).not.to.include('\n');
  });

  it('requires the SF_ variables of the chosen login flow', () => {
    expect(problemsOf({ ...VALID, SF_CLIENT_SECRET: undefined })).to.deep.equal(['SF_CLIENT_SECRET: is required when SF_AUTH=client_credentials']);
    expect(problemsOf({ ...VALID, SF_AUTH: 'jwt' }).sort()).to.deep.equal([
      'SF_PRIVATE_KEY_FILE: is required when SF_AUTH=jwt',
      'SF_USERNAME: is required when SF_AUTH=jwt',
    ]);
    expect(problemsOf({ ...VALID, SF_AUTH: 'jwt', SF_USERNAME: 'u@example.com', SF_PRIVATE_KEY_FILE: '/nonexistent/key.pem' })).to.deep.equal([
      'SF_PRIVATE_KEY_FILE: names a file that does not exist',
    ]);
    const keyFile = tempFile('key.pem', 'not really a key');
    const jwt = loadSettings({ ...VALID, SF_AUTH: 'jwt', SF_USERNAME: 'u@example.com', SF_PRIVATE_KEY_FILE: keyFile });
    expect(jwt.salesforce.privateKeyFile).to.equal(keyFile);
    expect(problemsOf({ ...VALID, SF_AUTH: 'password' }).sort()).to.deep.equal([
      'SF_PASSWORD: is required when SF_AUTH=password',
      'SF_USERNAME: is required when SF_AUTH=password',
    ]);
  });

  it('names the accepted login flows', () => {
    expect(problemsOf({ ...VALID, SF_AUTH: 'magic' })).to.deep.equal(['SF_AUTH: must be one of client_credentials, jwt, password']);
  });

  it('wants a database name in MYSQL_URL and never echoes its password', () => {
    const problems = problemsOf({ ...VALID, MYSQL_URL: 'mysql://sync:db-secret-1@127.0.0.1:3306' });
    expect(problems).to.have.length(1);
    expect(problems[0]).to.match(/^MYSQL_URL: must look like/);
    expect(problems.join()).not.to.include('db-secret-1');
  });

  it('reads a JSON file named by FORCEBRIDGE_CONFIG_FILE, the environment winning', () => {
    const file = tempFile('settings.json', JSON.stringify({ ...VALID, FORCEBRIDGE_INSTANCE: 'from-file', FORCEBRIDGE_BULK_THRESHOLD: 500 }));
    const settings = loadSettings({ FORCEBRIDGE_CONFIG_FILE: file, FORCEBRIDGE_INSTANCE: 'from-env' });
    expect(settings.instance).to.equal('from-env');
    expect(settings.bulkThreshold).to.equal(500);
    expect(settings.salesforce.clientSecret).to.equal('sf-secret-2');
  });

  it('reports a missing, broken or unknown-keyed settings file', () => {
    expect(problemsOf({ ...VALID, FORCEBRIDGE_CONFIG_FILE: '/nonexistent/fb.json' })).to.deep.equal([
      'FORCEBRIDGE_CONFIG_FILE: /nonexistent/fb.json does not exist',
    ]);
    const broken = tempFile('broken.json', '{ "MYSQL_URL": ');
    expect(problemsOf({ ...VALID, FORCEBRIDGE_CONFIG_FILE: broken })).to.deep.equal([`FORCEBRIDGE_CONFIG_FILE: ${broken} is not readable JSON`]);
    const unknown = tempFile('unknown.json', JSON.stringify({ MYSQL_PASSWORD: 'x' }));
    expect(problemsOf({ ...VALID, FORCEBRIDGE_CONFIG_FILE: unknown })).to.deep.equal(['FORCEBRIDGE_CONFIG_FILE: unknown setting "MYSQL_PASSWORD"']);
    // CORS is gone with the setting that configured it.
    const retired = tempFile('retired.json', JSON.stringify({ FORCEBRIDGE_ADMIN_ORIGIN: 'https://admin.example.com' }));
    expect(problemsOf({ ...VALID, FORCEBRIDGE_CONFIG_FILE: retired })).to.deep.equal(['FORCEBRIDGE_CONFIG_FILE: unknown setting "FORCEBRIDGE_ADMIN_ORIGIN"']);
  });

  it('describes the settings for logs without any secret', () => {
    const text = JSON.stringify(redactedSettings(loadSettings({ ...VALID, SF_AUTH: 'password', SF_USERNAME: 'u', SF_PASSWORD: 'sf-pass-3' })));
    for (const secret of ['db-secret-1', 'sf-secret-2', 'sf-pass-3']) expect(text).not.to.include(secret);
    expect(text).to.include('mysql://sync:%5Bredacted%5D@127.0.0.1:3306/magento');
    expect(text).to.include('"clientId":"client-id"');
  });

  it('masks only the password of a URL', () => {
    expect(redactUrl('mysql://root@localhost/magento')).to.equal('mysql://root@localhost/magento');
    expect(redactUrl('not a url')).to.equal('[redacted]');
  });
});
