import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { defineEvent } from '@carebridge/event-contracts';
import { EmbeddedTransport, type EventTransport, KafkaTransport, type SubscribeOptions, type Subscription, type TransportMessage } from '@carebridge/messaging';
import { kafkaTestBrokers, startKafkaTestCluster } from './kafka-test-broker';
import { createTestDatabase, type TestDatabase, withTestServer } from '@carebridge/local-platform';

export const randomSuffix = () => randomBytes(4).toString('hex');
export const freshTopic = (what: string) => `test.${what}.${randomSuffix()}`;
export const freshGroup = (what: string) => `test-${what}-${randomSuffix()}`;

/** Settings that keep kafkajs quick against the mock cluster (see tools/kafka-mock-broker/README.md). */
export const FAST_KAFKA = {
  sessionTimeoutMs: 3000,
  rebalanceTimeoutMs: 3000,
  maxWaitTimeMs: 100,
  retry: { initialRetryTime: 100, maxRetryTime: 1000, retries: 8 },
} as const;

/**
 * One event log (an embedded log database, or a Kafka cluster) and the transports connected to
 * it: each `transport()` is a separate client, as separate service processes would have.
 */
export interface TransportHarness {
  kind: 'embedded' | 'kafka';
  transport(name?: string): EventTransport;
  /**
   * The event log becomes unreachable (`down`) and comes back (`up`). Embedded: its database stops
   * accepting connections and every open one is terminated. Kafka: every broker of the cluster
   * goes down. Only with `{ dedicated: true }`, so no other test shares the outage.
   */
  outage: { down(): Promise<void>; up(): Promise<void> };
  /** How another process reaches the same event log. */
  connection: { kind: 'embedded'; url: string } | { kind: 'kafka'; brokers: string[] };
  close(): Promise<void>;
}

export type HarnessFactory = (options?: { dedicated?: boolean }) => Promise<TransportHarness>;

export const embeddedHarness: HarnessFactory = async (options) => {
  const database: TestDatabase = await createTestDatabase('event_log');
  const transports: EventTransport[] = [];
  return {
    kind: 'embedded',
    connection: { kind: 'embedded', url: database.url },
    transport: () => {
      const transport = new EmbeddedTransport({ url: database.url, partitions: 4, pollIntervalMs: 50, batchSize: 50 });
      transports.push(transport);
      return transport;
    },
    outage: {
      async down() {
        if (!options?.dedicated) throw new Error('outage needs a dedicated harness');
        await withTestServer(async (admin) => {
          await admin.query(`ALTER DATABASE "${database.database}" ALLOW_CONNECTIONS false`);
          await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database.database]);
        });
      },
      async up() {
        await withTestServer((admin) => admin.query(`ALTER DATABASE "${database.database}" ALLOW_CONNECTIONS true`));
      },
    },
    async close() {
      await Promise.allSettled(transports.map((t) => t.close()));
      await database.drop();
    },
  };
};

export const kafkaHarness: HarnessFactory = async (options) => {
  const cluster = options?.dedicated ? await startKafkaTestCluster(3) : undefined;
  const brokers = cluster?.brokers ?? kafkaTestBrokers();
  const transports: EventTransport[] = [];
  return {
    kind: 'kafka',
    connection: { kind: 'kafka', brokers },
    transport: (name = 'test') => {
      const transport = new KafkaTransport({ brokers, clientId: `${name}-${randomSuffix()}`, partitions: 4, ...FAST_KAFKA });
      transports.push(transport);
      return transport;
    },
    outage: {
      async down() {
        if (!cluster) throw new Error('outage needs a dedicated harness');
        for (const id of cluster.brokerIds) await cluster.brokerDown(id);
      },
      async up() {
        if (!cluster) throw new Error('outage needs a dedicated harness');
        for (const id of cluster.brokerIds) await cluster.brokerUp(id);
      },
    },
    async close() {
      await Promise.allSettled(transports.map((t) => t.close()));
      await cluster?.stop();
    },
  };
};

export const BOTH_TRANSPORTS: [string, HarnessFactory][] = [
  ['embedded', embeddedHarness],
  ['kafka', kafkaHarness],
];

/** A test message: `seq` counts per key; the value carries both, as JSON. */
export function testMessage(topic: string, key: string, seq: number, extra: Record<string, string> = {}): TransportMessage {
  return { topic, key, value: Buffer.from(JSON.stringify({ key, seq })), headers: { test_seq: String(seq), ...extra } };
}

export interface Received {
  key: string;
  seq: number;
  partition: number;
  offset: string;
  member: string;
  headers: Record<string, string>;
}

/** Records what a subscription handled, in order. */
export class Recorder {
  readonly received: Received[] = [];

  handler(member = 'member', onMessage?: (message: TransportMessage, recorded: Received) => void | Promise<void>): SubscribeOptions['handle'] {
    return async (message) => {
      // Test messages carry { key, seq }; test events (testContract) { ticketId, seq }.
      // (A dead-letter reader also sees values that are not JSON.)
      let data: { key?: string; ticketId?: string; seq?: number } = {};
      try {
        data = JSON.parse(message.value.toString('utf8'));
      } catch {
        // recorded by key only
      }
      const key = data.key ?? data.ticketId ?? message.key;
      const seq = data.seq ?? Number.NaN;
      const recorded = { key, seq, partition: message.partition ?? -1, offset: message.offset ?? '', member, headers: message.headers };
      this.received.push(recorded);
      await onMessage?.(message, recorded);
    };
  }

  get count(): number {
    return this.received.length;
  }

  ids(from = this.received): string[] {
    return from.map((m) => `${m.key}#${m.seq}`);
  }

  /** Each key's sequence numbers in arrival order. */
  byKey(): Map<string, number[]> {
    const map = new Map<string, number[]>();
    for (const m of this.received) map.set(m.key, [...(map.get(m.key) ?? []), m.seq]);
    return map;
  }

  duplicates(): string[] {
    const seen = new Set<string>();
    const dup: string[] = [];
    for (const id of this.ids()) {
      if (seen.has(id)) dup.push(id);
      seen.add(id);
    }
    return dup;
  }
}

/** Subscribes and remembers the subscription, so a test's cleanup can stop whatever is left. */
export class Subscriptions {
  private readonly active = new Set<Subscription>();

  async subscribe(transport: EventTransport, options: SubscribeOptions): Promise<Subscription> {
    const subscription = await transport.subscribe(options);
    this.active.add(subscription);
    return {
      stop: async () => {
        this.active.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async stopAll(): Promise<void> {
    const all = [...this.active];
    this.active.clear();
    await Promise.allSettled(all.map((s) => s.stop()));
  }
}

/** An event contract on a topic of the test's own. */
export function testContract(topic: string) {
  return defineEvent({
    type: 'ticket.noted',
    version: 1,
    producer: 'test',
    topic,
    description: 'A note on a ticket (test contract).',
    schema: z.object({ ticketId: z.string().min(1), seq: z.number().int().nonnegative(), note: z.string().optional() }),
    key: (data) => data.ticketId,
    personalData: 'none',
  });
}
