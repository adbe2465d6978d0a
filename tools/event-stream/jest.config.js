module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'event-stream',
  rootDir: __dirname,
  globalSetup: '../../libs/testing/src/postgres.global-setup.ts',
  globalTeardown: '../../libs/testing/src/postgres.global-teardown.ts',
};
