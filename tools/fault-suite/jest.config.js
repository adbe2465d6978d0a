// The fault suite: real service processes killed (SIGKILL), frozen (SIGSTOP) and cut off from their
// event log, on both transports. Runs in the e2e step of `npm test` (nx.json), one file at a time.
const preset = require('../../jest.preset.js');

module.exports = { ...preset, ...preset.postgres, displayName: 'fault-suite', rootDir: __dirname, testTimeout: 120000 };
