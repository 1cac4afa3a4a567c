#!/usr/bin/env node
// The `forcebridge` command; the TypeScript is compiled by `npm run build` (npm install runs it).
import { existsSync } from 'node:fs';

const main = new URL('../dist/sidecar/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('forcebridge is not built yet: run "npm run build" in the forcebridge folder.');
  process.exit(1);
}
await import(main.href);
