// Builds admin-ui twice from the same components:
//  - the console bundle the sidecar serves at /admin (dist/admin-ui: forcebridge-console.js and
//    forcebridge-console.css), with Knockout inside;
//  - AMD modules for Magento's RequireJS, one per component the module's layout and ui_component XML
//    name (module-config/view/adminhtml/web/amd, git-ignored), using Magento's own Knockout,
//    knockout-es5 and Magento_Ui's column class.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

const typescriptRule = {
  test: /\.ts$/,
  loader: 'ts-loader',
  // Types are checked by `npm run typecheck`; the build only strips them.
  options: { configFile: 'tsconfig.json', onlyCompileBundledFiles: true, transpileOnly: true, compilerOptions: { module: 'ES2022', moduleResolution: 'Bundler', noEmit: false } },
};
// Knockout templates and component styles become strings in the bundle.
const textRule = { test: /\.(html|css)$/, exclude: /console\.css$/, type: 'asset/source' };

const shared = {
  context: root,
  resolve: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
  performance: { hints: false },
};

const consoleBuild = {
  ...shared,
  name: 'console',
  entry: { 'forcebridge-console': './admin-ui/console/main.ts' },
  output: { path: `${root}/dist/admin-ui`, filename: '[name].js', clean: true },
  module: {
    rules: [typescriptRule, textRule, { test: /console\.css$/, type: 'asset/resource', generator: { filename: 'forcebridge-console.css' } }],
  },
  devtool: 'source-map',
};

const magentoEntry = (file) => ({ import: `./admin-ui/magento/${file}`, library: { type: 'amd', export: 'default' } });

const magentoBuild = {
  ...shared,
  name: 'magento',
  // Entry names are the RequireJS names after Forcebridge_Connector/js/ (requirejs-config.js maps js -> amd).
  entry: {
    'grid/columns/sync-status': magentoEntry('sync-status-column.ts'),
    'grid/columns/salesforce-id': magentoEntry('salesforce-id-column.ts'),
    'sync-button': magentoEntry('sync-button.ts'),
    'config-form': magentoEntry('config-form.ts'),
  },
  output: { path: `${root}/module-config/view/adminhtml/web/amd`, filename: '[name].js', clean: true },
  // One Knockout on the page: Magento's. Its knockoutjs/knockout-es5 module has already attached
  // ko.track and friends (with the WeakMap holding every tracked property) to knockoutjs/knockout and
  // returns that ko; a bundled copy would attach them again and orphan what Magento's grids track.
  externalsType: 'amd',
  externals: {
    knockout: 'knockoutjs/knockout',
    'knockout-es5': 'knockoutjs/knockout-es5',
    'Magento_Ui/js/grid/columns/column': 'Magento_Ui/js/grid/columns/column',
  },
  module: { rules: [typescriptRule, { ...textRule, exclude: undefined }] },
};

export default [consoleBuild, magentoBuild];
