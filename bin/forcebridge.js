#!/usr/bin/env -S node --max-old-space-size=160 --max-semi-space-size=8
// The `forcebridge` command; the TypeScript is compiled by `npm run build` (npm install runs it).
// The heap limits keep the service's memory flat: V8 otherwise lets garbage pile up to a large
// share of the machine's memory before collecting it, although the live heap in a Bulk round is
// about 70 MB (a round keeps its records as bytes outside the heap).
import { existsSync } from 'node:fs';

const main = new URL('../dist/sidecar/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('forcebridge is not built yet: run "npm run build" in the forcebridge folder.');
  process.exit(1);
}
await import(main.href);
