// End-to-end: the real processes (gateway and subgraphs) on a real Postgres, called over HTTP like a client app.
const preset = require('../../jest.preset.js');

module.exports = { ...preset, ...preset.postgres, displayName: 'platform-e2e', rootDir: __dirname, testTimeout: 60000 };
