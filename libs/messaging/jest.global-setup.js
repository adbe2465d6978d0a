// Jest global setup of libs/messaging: the test Postgres (libs/testing) and a Kafka-protocol broker
// (tools/kafka-mock-broker, librdkafka's mock cluster) for the Kafka half of the transport tests.
//
// Test workers learn about them through the environment:
//   CAREBRIDGE_TEST_POSTGRES_URL  the Postgres server (see libs/testing/src/postgres.global-setup.ts)
//   KAFKA_TEST_BROKERS            bootstrap addresses of a shared 3-broker mock cluster, comma-separated
//   KAFKA_TEST_CONTROL_URL        a small HTTP endpoint in this process for tests that need a cluster of
//                                 their own (to take its brokers down); see libs/testing/src/messaging/kafka-test-broker.ts
//   KAFKA_TEST_BROKER_ERROR       set instead when the broker cannot run here: every Kafka test then
//                                 fails with this reason (they are never skipped; .ci/run installs
//                                 librdkafka-dev, so CI always has the broker).
//
// Jest loads this file, and what it requires, through the project's transform, so the TypeScript
// modules below are compiled by @swc/jest like the tests.
const http = require('node:http');
// Paths are joined at run time: these are fixtures of this Jest configuration, not dependencies of
// the library (tools/ in particular, which no library may import).
const { join } = require('node:path');
const postgresSetup = require(join(__dirname, '..', 'testing', 'src', 'postgres.global-setup.ts')).default;

/** Everything the teardown has to stop; global setup and teardown share this process's globalThis. */
const state = { clusters: new Map(), nextId: 1, server: undefined };

module.exports = async function globalSetup() {
  globalThis.__carebridgeMessagingTest = state;
  await postgresSetup();
  delete process.env.KAFKA_TEST_BROKER_ERROR;
  let broker;
  try {
    broker = require(join(__dirname, '..', '..', 'tools', 'kafka-mock-broker', 'src', 'index.ts'));
    const availability = broker.mockBrokerAvailability();
    if (!availability.available) throw new Error(availability.reason);
    const shared = await broker.startMockKafka({ brokers: 3 });
    state.clusters.set('shared', shared);
    process.env.KAFKA_TEST_BROKERS = shared.brokers.join(',');
  } catch (error) {
    delete process.env.KAFKA_TEST_BROKERS;
    process.env.KAFKA_TEST_BROKER_ERROR =
      `the Kafka test broker (tools/kafka-mock-broker) could not start: ${error && error.message ? error.message : String(error)}\n` +
      'Install its build dependencies with `bash tools/kafka-mock-broker/install.sh` (apt-get install librdkafka-dev pkg-config gcc).';
    process.stderr.write(`\n[messaging tests] ${process.env.KAFKA_TEST_BROKER_ERROR}\n`);
    return;
  }
  state.server = await startControlServer(broker);
  const { port } = state.server.address();
  process.env.KAFKA_TEST_CONTROL_URL = `http://127.0.0.1:${port}`;
};

/**
 * POST   /clusters               {"brokers":3}  -> {"id":"…","brokers":["127.0.0.1:…",…]}
 * POST   /clusters/<id>/command  "down 1"       -> 204, or 500 with the broker's message
 * DELETE /clusters/<id>                         -> 204 once the broker process has exited
 */
function startControlServer(broker) {
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      handle(broker, request.method, request.url, body).then(
        (result) => {
          if (result === undefined) {
            response.writeHead(204).end();
          } else {
            response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
          }
        },
        (error) => response.writeHead(error.status || 500, { 'content-type': 'text/plain' }).end(String(error.message || error)),
      );
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.unref(); // never what keeps Jest alive; the teardown closes it
      resolve(server);
    });
  });
}

async function handle(broker, method, url, body) {
  if (method === 'POST' && url === '/clusters') {
    const options = body ? JSON.parse(body) : {};
    const cluster = await broker.startMockKafka({ brokers: options.brokers ?? 3 });
    const id = String(state.nextId++);
    state.clusters.set(id, cluster);
    return { id, brokers: cluster.brokers };
  }
  const match = /^\/clusters\/([^/]+)(\/command)?$/.exec(url ?? '');
  const cluster = match && state.clusters.get(match[1]);
  if (!match || !cluster) throw Object.assign(new Error(`no such cluster: ${method} ${url}`), { status: 404 });
  if (method === 'POST' && match[2]) return void (await cluster.command(body));
  if (method === 'DELETE' && !match[2] && match[1] !== 'shared') {
    state.clusters.delete(match[1]);
    return void (await cluster.stop());
  }
  throw Object.assign(new Error(`not allowed: ${method} ${url}`), { status: 405 });
}
