/**
 * The Kafka-protocol broker of the messaging tests, started by libs/messaging/jest.global-setup.js
 * (a library may not import tools/, so the tests reach tools/kafka-mock-broker through the setup).
 * When it could not start, every Kafka test fails with the reason: never a silent skip.
 */
function unavailable(): Error {
  return new Error(
    process.env.KAFKA_TEST_BROKER_ERROR ??
      'No Kafka test broker: run these tests through libs/messaging/jest.config.js (its global setup starts tools/kafka-mock-broker)',
  );
}

/** The shared mock cluster of this test run (3 brokers). */
export function kafkaTestBrokers(): string[] {
  const brokers = process.env.KAFKA_TEST_BROKERS;
  if (!brokers) throw unavailable();
  return brokers.split(',');
}

export interface KafkaTestCluster {
  brokers: string[];
  /** ids 1..N */
  brokerIds: number[];
  command(line: string): Promise<void>;
  brokerDown(id: number): Promise<void>;
  brokerUp(id: number): Promise<void>;
  stop(): Promise<void>;
}

async function call(method: string, path: string, body?: unknown): Promise<any> {
  const control = process.env.KAFKA_TEST_CONTROL_URL;
  if (!control) throw unavailable();
  const response = await fetch(`${control}${path}`, { method, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`Kafka test broker control ${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** A mock cluster of this test's own, for fault injection that must not disturb other tests. */
export async function startKafkaTestCluster(brokers = 3): Promise<KafkaTestCluster> {
  const { id, brokers: addresses } = (await call('POST', '/clusters', { brokers })) as { id: string; brokers: string[] };
  let stopped = false;
  const command = (line: string) => call('POST', `/clusters/${id}/command`, line).then(() => undefined);
  return {
    brokers: addresses,
    brokerIds: addresses.map((_, i) => i + 1),
    command,
    brokerDown: (broker) => command(`down ${broker}`),
    brokerUp: (broker) => command(`up ${broker}`),
    async stop() {
      if (stopped) return;
      stopped = true;
      await call('DELETE', `/clusters/${id}`);
    },
  };
}
