// Builds admin-ui (TypeScript) into one bundle for the sidecar console.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default {
  context: root,
  entry: { 'forcebridge-admin': './admin-ui/index.ts' },
  output: { path: `${root}/dist/admin-ui`, filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
  module: {
    rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { configFile: 'tsconfig.json', onlyCompileBundledFiles: true, compilerOptions: { module: 'ES2022', moduleResolution: 'Bundler', noEmit: false } } }],
  },
  devtool: 'source-map',
};
