// End-to-end: the real processes (gateway and subgraphs) on a real Postgres, called over HTTP like a client app.
const path = require('node:path');
const preset = require('../../jest.preset.js');

const testing = path.join(__dirname, '../../libs/testing/src');

module.exports = {
  ...preset,
  // The run's Postgres, and the folder of the platform that files using sharedPlatformUnderTest() share.
  globalSetup: path.join(testing, 'shared-platform.global-setup.ts'),
  globalTeardown: path.join(testing, 'shared-platform.global-teardown.ts'),
  displayName: 'platform-e2e',
  rootDir: __dirname,
  testTimeout: 60000,
};
