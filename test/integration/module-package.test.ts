// `npm run package:module`: builds the AMD modules and writes the Magento module as a Composer
// artifact; the archive is read back with yauzl.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import yauzl from 'yauzl';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const AMD_MODULES = ['grid/columns/sync-status.js', 'grid/columns/salesforce-id.js', 'sync-button.js', 'config-form.js'].map((file) => `view/adminhtml/web/amd/${file}`);

/** Each entry's name and content. */
async function readZip(path: string): Promise<Map<string, Buffer>> {
  const zip = await promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open)(path, { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', reject);
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return entries;
}

describe('npm run package:module: the Magento module as a Composer artifact', function () {
  this.timeout(180_000);
  const outDir = mkdtempSync(`${tmpdir()}/forcebridge-package-`);
  let entries: Map<string, Buffer>;
  const { version } = JSON.parse(readFileSync(`${ROOT}module-config/composer.json`, 'utf8')) as { version: string };

  before(async () => {
    await promisify(execFile)('npm', ['run', '--silent', 'package:module', '--', '--out-dir', outDir], { cwd: ROOT });
    entries = await readZip(`${outDir}/forcebridge-module-connector-${version}.zip`);
  });

  after(() => rmSync(outDir, { recursive: true, force: true }));

  it('has composer.json at its root naming forcebridge/module-connector, a magento2-module, at the module\'s version', () => {
    const composer = JSON.parse(entries.get('composer.json')?.toString('utf8') ?? '{}') as Record<string, unknown>;
    expect(composer).to.include({ name: 'forcebridge/module-connector', type: 'magento2-module', version });
  });

  it('holds what Magento loads: registration.php, etc/, the controllers, the views and the built AMD modules', () => {
    for (const name of ['registration.php', 'etc/module.xml', 'etc/acl.xml', 'view/adminhtml/requirejs-config.js', 'view/adminhtml/web/template/grid/cells/sync-status.html', ...AMD_MODULES]) {
      expect(entries.has(name), name).to.equal(true);
    }
    expect([...entries.keys()].some((name) => name.startsWith('Controller/Adminhtml/'))).to.equal(true);
    for (const name of AMD_MODULES) expect(entries.get(name)?.equals(readFileSync(`${ROOT}module-config/${name}`)), name).to.equal(true);
  });

  it('leaves out tests, dot-files, sources and anything of node_modules', () => {
    const strays = [...entries.keys()].filter(
      (name) => name.startsWith('module-config/') || /(^|\/)(Test|test|node_modules)\//.test(name) || /(^|\/)\./.test(name) || /\.test\.|\.ts$|phpunit\.xml/.test(name),
    );
    expect(strays).to.deep.equal([]);
  });
});
