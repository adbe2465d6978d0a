import { type Admin, type Consumer, type EachMessagePayload, Kafka, type KafkaConfig, logLevel, type Producer, type LogEntry } from 'kafkajs';
import { topicRetention } from '@carebridge/event-contracts';
import { type MessagingLogger, silentLogger } from './logger';
import type { EventTransport, PartitionLag, SubscribeOptions, Subscription, TransportMessage } from './transport';

export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  /** Partitions for topics this service provisions. */
  partitions?: number;
  /** -1: the broker's default. */
  replicationFactor?: number;
  ssl?: boolean;
  sasl?: KafkaConfig['sasl'];
  logger?: MessagingLogger;
  /** How long a consumer may go silent before the group moves its partitions elsewhere. */
  sessionTimeoutMs?: number;
  /** How long the group waits for its members to rejoin during a rebalance (kafkajs: 60 s). */
  rebalanceTimeoutMs?: number;
  /**
   * How long a fetch waits on the broker for new messages (kafkajs: 5 s). It also bounds how long
   * stopping a subscription takes, as the consumer leaves only after its fetch returns.
   */
  maxWaitTimeMs?: number;
  /** Client retries (connections, metadata, sends); by default up to 10 with a 30 s ceiling. */
  retry?: KafkaConfig['retry'];
}

/**
 * Kafka through kafkajs: every send waits for all in-sync replicas (acks -1) with one request in
 * flight so retries never reorder a partition; consumers commit an offset only after the
 * message's effect has committed, so a crash means redelivery (absorbed by the consumer), never loss.
 */
export class KafkaTransport implements EventTransport {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private producer?: Promise<Producer>;
  private readonly consumers = new Set<Consumer>();
  private readonly stopped = new Set<string>();
  /** Groups subscribed to that have no assignment yet: joining, rejoining after a rebalance, or restarting. */
  private readonly joining = new Set<string>();
  private readonly logger: MessagingLogger;
  private readonly provisioned = new Set<string>();
  private topicCreationRefused = false;
  /** One admin connection for the lag /metrics reads, opened on the first scrape. */
  private lagAdmin?: Promise<Admin>;

  constructor(private readonly options: KafkaTransportOptions) {
    this.logger = options.logger ?? silentLogger;
    const logger = this.logger;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      ssl: options.ssl,
      sasl: options.sasl,
      logLevel: logLevel.WARN,
      logCreator:
        () =>
        ({ level, log }: LogEntry) => {
          const { message, ...rest } = log;
          if (level <= logLevel.ERROR) logger.error({ kafka: rest }, message);
          else logger.warn({ kafka: rest }, message);
        },
      retry: options.retry ?? { initialRetryTime: 300, retries: 10, maxRetryTime: 30_000 },
    });
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({ allowAutoTopicCreation: true, idempotent: false, maxInFlightRequests: 1 });
      await producer.connect();
      return producer;
    })();
    this.producer.catch(() => (this.producer = undefined));
    return this.producer;
  }

  async ensureTopics(topics: string[]): Promise<void> {
    const missing = topics.filter((t) => !this.provisioned.has(t));
    if (!missing.length || this.topicCreationRefused) return;
    const admin: Admin = this.kafka.admin();
    try {
      await admin.connect();
      await admin.createTopics({
        waitForLeaders: true,
        // Retention as the catalogue states it (topicRetention in libs/event-contracts).
        topics: missing.map((topic) => ({
          topic,
          numPartitions: this.options.partitions ?? 4,
          replicationFactor: this.options.replicationFactor ?? -1,
          configEntries: [{ name: 'retention.ms', value: String(topicRetention(topic).ms) }],
        })),
      });
      for (const t of missing) this.provisioned.add(t);
    } catch (error) {
      // Managed clusters (and test brokers) may forbid CreateTopics; topics then come from the
      // cluster's own provisioning or auto-creation.
      this.topicCreationRefused = true;
      this.logger.warn({ err: (error as Error).message, topics: missing }, 'could not create topics; relying on the cluster to provide them');
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  async publish(messages: TransportMessage[]): Promise<void> {
    if (!messages.length) return;
    const producer = await this.connectedProducer();
    const byTopic = new Map<string, TransportMessage[]>();
    for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      })),
    });
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    await this.ensureTopics(options.topics);
    let stopping = false;
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: true,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: Math.max(Math.floor((this.options.sessionTimeoutMs ?? 30_000) / 10), 500),
      rebalanceTimeout: this.options.rebalanceTimeoutMs ?? 60_000,
      maxWaitTimeInMs: this.options.maxWaitTimeMs ?? 5000,
      // A subscription stopped while it was still joining must not come back by itself.
      retry: { ...(this.options.retry ?? { initialRetryTime: 300, retries: 10 }), restartOnFailure: async () => !stopping },
    });
    // kafkajs restarts a consumer after retriable failures only; anything else stops it for good.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart) {
        this.joining.add(options.groupId);
        return;
      }
      if (stopping) return;
      this.stopped.add(options.groupId);
      this.logger.error({ err: payload.error?.message, groupId: options.groupId }, 'Kafka consumer crashed and will not restart');
    });
    // Between joining (or a rebalance) and the group's assignment the member consumes nothing.
    consumer.on(consumer.events.REBALANCING, () => this.joining.add(options.groupId));
    consumer.on(consumer.events.GROUP_JOIN, () => this.joining.delete(options.groupId));
    await consumer.connect();
    await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning });
    // Messages being handled, with their commits: stop() waits for them, because kafkajs skips a
    // commit once the consumer is stopping (the message would then be delivered again).
    const inFlight = new Set<Promise<void>>();
    this.joining.add(options.groupId);
    // Joining is not awaited: after a member died, the group coordinator holds the rejoin until the
    // dead member's session times out (30 s by default), and the service serves meanwhile. The
    // group's state shows in joiningGroups() and the consumer catches up once it has its partitions.
    consumer
      .run({
        autoCommit: false,
        partitionsConsumedConcurrently: 4,
        eachMessage: async (payload) => {
          if (stopping) throw new Error('subscription is stopping; the message stays uncommitted');
          const work = this.handleAndCommit(consumer, options, payload);
          inFlight.add(work);
          try {
            await work;
          } finally {
            inFlight.delete(work);
          }
        },
      })
      .catch((error: Error) => {
        if (!stopping) this.logger.warn({ err: error.message, groupId: options.groupId }, 'Kafka consumer failed to start; kafkajs retries');
      });
    this.consumers.add(consumer);
    return {
      stop: async () => {
        stopping = true;
        this.joining.delete(options.groupId);
        try {
          consumer.pause(options.topics.map((topic) => ({ topic })));
        } catch {
          // not running (any more): nothing to pause
        }
        await Promise.allSettled([...inFlight]);
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  private async handleAndCommit(consumer: Consumer, options: SubscribeOptions, { topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(message.headers ?? {})) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? String(value[0]) : String(value);
    }
    await options.handle({
      topic,
      partition,
      offset: message.offset,
      key: message.key?.toString('utf8') ?? '',
      value: message.value ?? Buffer.alloc(0),
      headers,
      timestamp: new Date(Number(message.timestamp)).toISOString(),
    });
    try {
      await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
    } catch (error) {
      // A commit refused because the group is rebalancing reaches us wrapped in a
      // KafkaJSNonRetriableError, and kafkajs treats that as fatal: the consumer crashes and
      // never restarts. Unwrapped, kafkajs recognises the rebalance and rejoins; the message,
      // its offset uncommitted, is delivered again (and absorbed by the idempotent consumer).
      throw unwrapNonRetriable(error);
    }
    await heartbeat();
  }

  stoppedGroups(): string[] {
    return [...this.stopped];
  }

  joiningGroups(): string[] {
    return [...this.joining].filter((group) => !this.stopped.has(group));
  }

  async consumerLag(groupId: string, topics: string[]): Promise<PartitionLag[]> {
    this.lagAdmin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    this.lagAdmin.catch(() => (this.lagAdmin = undefined));
    const admin = await this.lagAdmin;
    const [ends, committed] = await Promise.all([Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic))), admin.fetchOffsets({ groupId, topics })]);
    const lags: PartitionLag[] = [];
    topics.forEach((topic, index) => {
      const committedOf = new Map((committed.find((c) => c.topic === topic)?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
      for (const end of ends[index]) {
        // -1: nothing committed yet, so the group would start from the oldest retained message.
        const from = committedOf.get(end.partition) ?? -1;
        lags.push({ topic, partition: end.partition, lag: Math.max(0, Number(end.high) - (from < 0 ? Number(end.low) : from)) });
      }
    });
    return lags;
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.disconnect().catch(() => undefined)));
    this.consumers.clear();
    const producer = await this.producer?.catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    const admin = await this.lagAdmin?.catch(() => undefined);
    await admin?.disconnect().catch(() => undefined);
  }
}

/** The error under kafkajs' KafkaJSNonRetriableError wrappers (its retrier adds one per level). */
function unwrapNonRetriable(error: unknown): unknown {
  let current = error as { name?: string; cause?: unknown };
  while (current?.name === 'KafkaJSNonRetriableError' && current.cause) current = current.cause as { name?: string; cause?: unknown };
  return current;
}
