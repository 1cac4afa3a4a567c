// The console at /admin: the page and the webpack bundle are served to anyone (the page signs in
// through the API), with a clear 503 when the page has not been built.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { useHttpApi } from '../support/http-api-harness.js';

const folder = mkdtempSync(join(tmpdir(), 'fb-console-'));
const consoleDirectory = join(folder, 'console');
const assetsDirectory = join(folder, 'assets');

describe('sidecar HTTP API: console', function () {
  this.timeout(60_000);
  const http = useHttpApi({ consoleDirectory, assetsDirectory });

  before(() => {
    mkdirSync(assetsDirectory, { recursive: true });
    writeFileSync(join(assetsDirectory, 'forcebridge-console.js'), 'console.log("bundle");\n');
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  it('answers 503 with a sentence to run the build while the page is missing', async () => {
    const response = await http().request<{ error: string }>('GET', '/admin');
    expect(response.status).to.equal(503);
    expect(response.body.error).to.include('npm run build');
  });

  it('serves the page at /admin and the bundle under /admin/assets, with a CSP that allows only its own scripts', async () => {
    mkdirSync(consoleDirectory, { recursive: true });
    writeFileSync(join(consoleDirectory, 'index.html'), '<!doctype html><title>Forcebridge</title><script src="/admin/assets/forcebridge-console.js" defer></script>');
    const page = await http().request<string>('GET', '/admin');
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.include('text/html');
    expect(page.body).to.include('<title>Forcebridge</title>');
    expect(page.headers.get('content-security-policy')).to.include("script-src 'self' 'unsafe-eval'");
    const bundle = await http().request<string>('GET', '/admin/assets/forcebridge-console.js');
    expect(bundle.status).to.equal(200);
    expect(bundle.headers.get('content-type')).to.include('javascript');
    expect((await http().request('GET', '/admin/assets/missing.js')).status).to.equal(404);
    expect((await http().request('GET', '/admin/assets/..%2F..%2Fconsole%2Findex.html')).status).to.equal(404);
  });
});
