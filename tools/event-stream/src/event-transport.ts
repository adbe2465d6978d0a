import { type Environment, loadConfig, setting } from '@carebridge/config';
import { createTransport, type EventTransport, type MessagingLogger, type MessagingSettings, messagingSettings } from '@carebridge/messaging';
import { Kafka, logLevel } from 'kafkajs';
import type { StreamPositions } from './topic-reader';

export interface EventStreamConnection {
  transport: EventTransport;
  /** Kafka only: where groups stand and where the log ends, so that a reader knows when it has caught up. */
  positions?: StreamPositions;
  close(): Promise<void>;
}

/**
 * The transport the services use, from the same environment: Kafka when KAFKA_BROKERS is set,
 * otherwise the embedded event log on the Postgres server in DATABASE_URL (or EVENTS_DATABASE_URL).
 */
export function connectEventStream(env: Environment, logger: MessagingLogger): EventStreamConnection {
  const messaging = messagingSettings(env);
  const { DATABASE_URL } = loadConfig({ DATABASE_URL: setting.url(['postgres', 'postgresql']).optional() }, env);
  if (!messaging.KAFKA_BROKERS?.length && !DATABASE_URL && !messaging.EVENTS_DATABASE_URL) {
    throw Object.assign(
      new Error(
        'No event transport configured: set KAFKA_BROKERS (Kafka), or DATABASE_URL to the Postgres server of the embedded event log ' +
          '(for `npm start`: DATABASE_URL=postgres://postgres:carebridge@127.0.0.1:5433)',
      ),
      { name: 'ConfigurationError' },
    );
  }
  const transport = createTransport(messaging, { service: 'event-stream', databaseServerUrl: DATABASE_URL ?? '', logger });
  const positions = transport.kind === 'kafka' ? new KafkaPositions(messaging) : undefined;
  return {
    transport,
    positions,
    async close() {
      await transport.close();
      await positions?.close();
    },
  };
}

/** Offsets through Kafka's admin API, with the transport's connection settings. */
class KafkaPositions implements StreamPositions {
  private readonly kafka: Kafka;
  private admin?: Promise<ReturnType<Kafka['admin']>>;

  constructor(settings: MessagingSettings) {
    this.kafka = new Kafka({
      clientId: settings.KAFKA_CLIENT_ID ?? 'carebridge-event-stream',
      brokers: settings.KAFKA_BROKERS ?? [],
      ssl: settings.KAFKA_SSL,
      sasl:
        settings.KAFKA_SASL_MECHANISM && settings.KAFKA_SASL_USERNAME
          ? ({ mechanism: settings.KAFKA_SASL_MECHANISM, username: settings.KAFKA_SASL_USERNAME, password: settings.KAFKA_SASL_PASSWORD ?? '' } as never)
          : undefined,
      logLevel: logLevel.NOTHING,
      retry: { retries: 3 },
    });
  }

  private connected() {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    this.admin.catch(() => (this.admin = undefined));
    return this.admin;
  }

  async positions(topic: string, groupId: string | undefined) {
    try {
      const admin = await this.connected();
      const offsets = await admin.fetchTopicOffsets(topic);
      const committed = new Map<number, bigint>();
      if (groupId) {
        for (const entry of (await admin.fetchOffsets({ groupId, topics: [topic] }))[0]?.partitions ?? []) {
          if (BigInt(entry.offset) >= 0n) committed.set(entry.partition, BigInt(entry.offset));
        }
      }
      return new Map(
        offsets.map((p) => {
          const low = BigInt(p.low);
          const from = committed.get(p.partition) ?? low;
          return [p.partition, { from: from < low ? low : from, end: BigInt(p.high) }] as const;
        }),
      );
    } catch {
      return undefined; // not allowed to describe, or the topic is missing: the reader falls back to waiting
    }
  }

  async forget(groupId: string): Promise<void> {
    try {
      await (await this.connected()).deleteGroups([groupId]);
    } catch {
      // best effort: Kafka expires idle groups on its own (offsets.retention.minutes)
    }
  }

  async close(): Promise<void> {
    const admin = await this.admin?.catch(() => undefined);
    await admin?.disconnect().catch(() => undefined);
  }
}
