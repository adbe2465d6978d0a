// Integration tests run on a real Postgres started for this run (or TEST_DATABASE_URL) and, for the
// Kafka transport, on librdkafka's mock cluster (tools/kafka-mock-broker); see jest.global-setup.js.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'messaging',
  rootDir: __dirname,
  globalSetup: '<rootDir>/jest.global-setup.js',
  globalTeardown: '<rootDir>/jest.global-teardown.js',
  testTimeout: 60000,
};
