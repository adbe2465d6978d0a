// End-to-end: the real processes (gateway and subgraphs) on a real Postgres, called over HTTP like a client app.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'platform-e2e',
  rootDir: __dirname,
  testTimeout: 60000,
  globalSetup: '../../libs/testing/src/postgres.global-setup.ts',
  globalTeardown: '../../libs/testing/src/postgres.global-teardown.ts',
};
