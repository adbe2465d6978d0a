// Records each Jest run's counts in .test-results/<project>.json, so `npm test` can print one
// closing line for the whole suite (and Nx can restore the counts of cached runs).
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(_contexts, results) {
    const project = process.env.NX_TASK_TARGET_PROJECT || (this.globalConfig.rootDir || 'jest').split('/').pop();
    const target = process.env.NX_TASK_TARGET_TARGET || 'test';
    const dir = join(__dirname, '..', '..', '..', '.test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `${project}.${target}.json`),
      JSON.stringify({ project, target, passed: results.numPassedTests, failed: results.numFailedTests + results.numRuntimeErrorTestSuites, skipped: results.numPendingTests }),
    );
  }
}

module.exports = SummaryReporter;
