// Loaded with --require by a test: prints the V8 heap limit of the process it is loaded into.
process.stdout.write(`heap limit ${Math.round(require('node:v8').getHeapStatistics().heap_size_limit / 1048576)}\n`);
