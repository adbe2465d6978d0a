import { databaseUrl, loadConfig, setting, type Environment } from '@carebridge/config';
import { z } from 'zod';
import { EmbeddedTransport } from './embedded-transport';
import { KafkaTransport } from './kafka-transport';
import type { MessagingLogger } from './logger';
import type { EventTransport } from './transport';

/** The messaging settings every service reads; see the README's configuration table. */
export function messagingSettings(env: Environment) {
  return loadConfig(
    {
      KAFKA_BROKERS: setting.list().optional(),
      KAFKA_CLIENT_ID: z.string().optional(),
      KAFKA_SSL: setting.boolean(false),
      KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512'], { message: 'must be plain, scram-sha-256 or scram-sha-512' }).optional(),
      KAFKA_SASL_USERNAME: z.string().optional(),
      KAFKA_SASL_PASSWORD: z.string().optional(),
      KAFKA_TOPIC_PARTITIONS: setting.positiveInt(4),
      // How long a member may go silent before its group gives its partitions to others; after a
      // crash, also how long the group holds the restarted member's rejoin (it serves meanwhile).
      KAFKA_SESSION_TIMEOUT_MS: setting.milliseconds(30_000),
      KAFKA_REBALANCE_TIMEOUT_MS: setting.milliseconds(60_000),
      KAFKA_REPLICATION_FACTOR: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').default(-1),
      EVENTS_DATABASE_URL: setting.url(['postgres', 'postgresql']).optional(),
      EVENTS_DATABASE_NAME: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case Postgres identifier').default('carebridge_events'),
      OUTBOX_POLL_INTERVAL_MS: setting.milliseconds(1000),
      OUTBOX_BATCH_SIZE: setting.positiveInt(100),
      OUTBOX_RETENTION_HOURS: setting.positiveInt(72),
      CONSUMER_MAX_ATTEMPTS: setting.positiveInt(5),
      CONSUMER_RETRY_BACKOFF_MS: setting.milliseconds(200),
    },
    env,
  );
}

export type MessagingSettings = ReturnType<typeof messagingSettings>;

/** Kafka when KAFKA_BROKERS is set; otherwise the embedded log on the Postgres server. */
export function createTransport(settings: MessagingSettings, context: { service: string; databaseServerUrl: string; logger: MessagingLogger }): EventTransport {
  if (settings.KAFKA_BROKERS?.length) {
    return new KafkaTransport({
      brokers: settings.KAFKA_BROKERS,
      clientId: settings.KAFKA_CLIENT_ID ?? `carebridge-${context.service}`,
      partitions: settings.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: settings.KAFKA_REPLICATION_FACTOR,
      ssl: settings.KAFKA_SSL,
      sasl:
        settings.KAFKA_SASL_MECHANISM && settings.KAFKA_SASL_USERNAME
          ? ({ mechanism: settings.KAFKA_SASL_MECHANISM, username: settings.KAFKA_SASL_USERNAME, password: settings.KAFKA_SASL_PASSWORD ?? '' } as never)
          : undefined,
      logger: context.logger,
      sessionTimeoutMs: settings.KAFKA_SESSION_TIMEOUT_MS,
      rebalanceTimeoutMs: settings.KAFKA_REBALANCE_TIMEOUT_MS,
    });
  }
  return new EmbeddedTransport({
    url: databaseUrl(settings.EVENTS_DATABASE_URL ?? context.databaseServerUrl, settings.EVENTS_DATABASE_NAME),
    partitions: settings.KAFKA_TOPIC_PARTITIONS,
    logger: context.logger,
  });
}
