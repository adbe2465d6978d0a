// An EventConsumer in a process of its own, so a test can kill it for real (SIGKILL) in the middle
// of a batch. Started by the outbox/consumer tests:
//   node tools/run.js libs/testing/src/messaging/consumer-process.ts   (settings: CONSUMER_PROCESS_CONFIG, JSON)
// Prints READY once subscribed.
import { DataSource } from 'typeorm';
import { EmbeddedTransport, EventConsumer, type EventTransport, KafkaTransport, onEvent } from '@carebridge/messaging';
import { recordEffect } from './test-database';
import { FAST_KAFKA, testContract } from './transports';

export interface ConsumerProcessConfig {
  service: string;
  databaseUrl: string;
  topic: string;
  transport: { kind: 'embedded'; url: string } | { kind: 'kafka'; brokers: string[] };
  handlerDelayMs: number;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.CONSUMER_PROCESS_CONFIG ?? '') as ConsumerProcessConfig;
  const dataSource = new DataSource({ type: 'postgres', url: config.databaseUrl, entities: [], extra: { max: 5 } });
  await dataSource.initialize();
  const transport: EventTransport =
    config.transport.kind === 'embedded'
      ? new EmbeddedTransport({ url: config.transport.url, partitions: 4, pollIntervalMs: 50, batchSize: 50 })
      : new KafkaTransport({ brokers: config.transport.brokers, clientId: `${config.service}-child`, partitions: 4, ...FAST_KAFKA });
  const consumer = new EventConsumer({
    service: config.service,
    dataSource,
    transport,
    handlers: [onEvent(testContract(config.topic), (event, manager) => recordEffect(manager, event, config.handlerDelayMs))],
  });
  await consumer.start();
  process.stdout.write('READY\n');
}

main().catch((error) => {
  process.stderr.write(`consumer process failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
