// Real Chromium for the browser suite (Debian's /usr/bin/chromium, driven by playwright-core), the
// console bundle built once if `npm run build` has not made it, and screenshots of each screen.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Configuration, MultiStats } from 'webpack';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOT_FOLDER = `${PROJECT_ROOT}test-output/screenshots`;
const CONSOLE_BUNDLE = `${PROJECT_ROOT}dist/admin-ui/forcebridge-console.js`;
const AMD_MODULE = `${PROJECT_ROOT}module-config/view/adminhtml/web/amd/config-form.js`;

/** Builds admin-ui with the project's webpack.config.js when its output is missing (a fresh clone before `npm run build`). */
export async function ensureAdminUiBuilt(): Promise<void> {
  if (existsSync(CONSOLE_BUNDLE) && existsSync(AMD_MODULE)) return;
  const { default: webpack } = await import('webpack');
  const { default: configurations } = (await import(pathToFileURL(`${PROJECT_ROOT}webpack.config.js`).href)) as { default: Configuration[] };
  const stats = await new Promise<MultiStats | undefined>((resolve, reject) => {
    webpack(configurations.map((configuration) => ({ ...configuration, mode: 'production' as const }))).run((error, result) => (error ? reject(error) : resolve(result)));
  });
  if (!stats || stats.hasErrors()) throw new Error(`webpack could not build admin-ui:\n${stats?.toString('errors-only') ?? 'no stats'}`);
}

/**
 * Mocha hooks that start Chromium for the suite and close it after; the suite is skipped, saying
 * why, when Debian's Chromium is not installed.
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  before(async function () {
    if (!existsSync(CHROMIUM_PATH)) {
      console.log(`      (skipped: no Chromium at ${CHROMIUM_PATH}; apt-get install chromium to run the browser tests)`);
      this.skip();
    }
    this.timeout(180_000);
    await ensureAdminUiBuilt();
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  after(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium starts in a before() hook');
    return browser;
  };
}

/** Saves test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_FOLDER, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_FOLDER}/${name}.png`, fullPage: true });
}
