// Stops what jest.global-setup.js started: the Kafka mock clusters, their control endpoint and the
// test Postgres.
// Joined at run time, like the setup: a test fixture, not a dependency of the library.
const postgresTeardown = require(require('node:path').join(__dirname, '..', 'testing', 'src', 'postgres.global-teardown.ts')).default;

module.exports = async function globalTeardown() {
  const state = globalThis.__carebridgeMessagingTest;
  try {
    if (state) {
      if (state.server) {
        state.server.closeAllConnections();
        await new Promise((resolve) => state.server.close(() => resolve()));
      }
      await Promise.allSettled([...state.clusters.values()].map((cluster) => cluster.stop()));
      state.clusters.clear();
    }
  } finally {
    await postgresTeardown();
  }
};
