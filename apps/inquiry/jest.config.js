// Integration tests run on a real Postgres started for this run (or TEST_DATABASE_URL).
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'inquiry',
  rootDir: __dirname,
  globalSetup: '../../libs/testing/src/postgres.global-setup.ts',
  globalTeardown: '../../libs/testing/src/postgres.global-teardown.ts',
};
