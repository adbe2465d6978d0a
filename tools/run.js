#!/usr/bin/env node
// Runs a TypeScript entry point of this repository without a build step. swc transpiles each file
// as it loads (with the decorator metadata type-graphql and TypeORM read) and resolves the
// @carebridge/* paths of tsconfig.base.json.
//   node tools/run.js <entry.ts> [args…]
require('./register');
const path = require('node:path');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node tools/run.js <entry.ts> [args…]\n');
  process.exit(2);
}
const file = path.resolve(entry);
process.argv = [process.argv[0], file, ...args];
// A service (apps/<name>/src/main.ts) starts tracing before its first import, so its modules load instrumented.
if (/apps[\\/][^\\/]+[\\/]src[\\/]main\.ts$/.test(file)) require('../libs/service-kit/src/telemetry-preload.ts');
require(file);
