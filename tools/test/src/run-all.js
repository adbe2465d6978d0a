#!/usr/bin/env node
// `npm test`: the whole suite, in the order a reviewer would check it — types, lint (module
// boundaries included), unit and integration tests of every project, then end-to-end tests
// through the gateway — and one closing line with the counts.
// `npm run test:recovery` (`--recovery`): the recovery suites — the fault suite (kill -9, SIGSTOP,
// event log and brokers down, poison messages, on both transports) and `npm start`'s ordered
// shutdown — CI's second step.
const { spawnSync } = require('node:child_process');
const { readdirSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..', '..');
const results = join(root, '.test-results');
rmSync(results, { recursive: true, force: true });
const nx = join(root, 'node_modules', '.bin', 'nx');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', APOLLO_TELEMETRY_DISABLED: 'true' };

const recovery = process.argv.includes('--recovery');
const suite = [
  ['type check', process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit']],
  // The whole suite runs every time: Nx's cache (shared across checkouts of this workspace on a
  // machine) stays for `nx affected` and single projects.
  ['lint', nx, ['run-many', '-t', 'lint', '--outputStyle=stream', '--skip-nx-cache']],
  ['unit and integration tests', nx, ['run-many', '-t', 'test', '--parallel=2', '--outputStyle=stream', '--skip-nx-cache']],
  ['end-to-end tests', nx, ['run-many', '-t', 'e2e', '--parallel=1', '--outputStyle=stream', '--skip-nx-cache']],
];
const steps = recovery ? [['recovery suites', nx, ['run-many', '-t', 'recovery', '--parallel=1', '--outputStyle=stream', '--skip-nx-cache']]] : suite;

let failedSteps = 0;
for (const [name, command, args] of steps) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  const ok = run.status === 0;
  if (!ok) failedSteps += 1;
  process.stdout.write(`=== ${name}: ${ok ? 'ok' : 'FAILED'} (${Math.round((Date.now() - started) / 1000)} s) ===\n`);
}

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  for (const file of readdirSync(results)) {
    const counts = JSON.parse(readFileSync(join(results, file), 'utf8'));
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
  }
} catch {
  // no Jest run completed
}
if (failedSteps && failed === 0) failed = failedSteps;
process.stdout.write(`\nCarebridge${recovery ? ' recovery' : ''}: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failedSteps ? 1 : 0);
