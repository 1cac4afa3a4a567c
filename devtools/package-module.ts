// `npm run package:module`: the Magento module as a Composer artifact. npm builds the AMD modules
// first (webpack's magento build); this writes module-config/, with them inside, to
// dist/<vendor>-<package>-<version>.zip, composer.json at the archive's root, for
// `composer config repositories.forcebridge artifact <folder>` and `composer require`.
import { createWriteStream, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import yazl from 'yazl';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const MODULE_ROOT = `${PROJECT_ROOT}module-config/`;
const AMD_FOLDER = 'view/adminhtml/web/amd/';

/**
 * Not shipped: the module's PHPUnit tests with their stand-ins for Magento's interfaces (a store
 * runs none of it, and setup:di:compile would scan it), and dot-files such as .gitignore.
 */
const LEFT_OUT = [/^Test\//, /^phpunit\.xml(\.dist)?$/, /(^|\/)\./];

/** Every entry gets this time, so the same sources give the same bytes (and the same shasum in Composer's artifact repository). */
const ENTRY_TIME = new Date(2000, 0, 1);

interface ModuleComposerJson {
  name: string;
  version: string;
}

/** The files of the archive, as paths relative to module-config/, sorted. */
function moduleFiles(): string[] {
  return readdirSync(MODULE_ROOT, { recursive: true, encoding: 'utf8' })
    .map((path) => path.replaceAll('\\', '/'))
    .filter((path) => !LEFT_OUT.some((pattern) => pattern.test(path)) && statSync(`${MODULE_ROOT}${path}`).isFile())
    .sort();
}

/** Writes the archive into `outDir` and returns its path. */
async function packageModule(outDir: string): Promise<string> {
  const composer = JSON.parse(readFileSync(`${MODULE_ROOT}composer.json`, 'utf8')) as Partial<ModuleComposerJson>;
  if (!composer.name || !composer.version) throw new Error('module-config/composer.json needs a name and a version: Composer\'s artifact repository reads both from it.');
  const files = moduleFiles();
  if (!files.some((path) => path.startsWith(AMD_FOLDER))) {
    throw new Error(`module-config/${AMD_FOLDER} is empty: build the AMD modules first (npm run package:module does).`);
  }
  const zip = new yazl.ZipFile();
  for (const path of files) zip.addBuffer(readFileSync(`${MODULE_ROOT}${path}`), path, { mtime: ENTRY_TIME, mode: 0o100644 });
  zip.end();
  mkdirSync(outDir, { recursive: true });
  const target = resolve(outDir, `${composer.name.replace('/', '-')}-${composer.version}.zip`);
  await pipeline(zip.outputStream, createWriteStream(target));
  return target;
}

const program = new Command('package-module')
  .description('writes the Magento module, built AMD modules included, as a Composer artifact (zip)')
  .option('--out-dir <folder>', 'where the zip goes', `${PROJECT_ROOT}dist`);
program.parse(process.argv);
console.log(`Wrote ${await packageModule(program.opts<{ outDir: string }>().outDir)}`);
