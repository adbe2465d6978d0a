import { connect } from 'node:net';
import { Kafka, logLevel, Partitioners, type Consumer, type KafkaMessage, type Producer } from 'kafkajs';
import { startMockKafka, type MockKafka } from './index';

// Client settings that keep kafkajs fast against the mock (see README.md, "Limits ... and kafkajs settings").
const consumerSettings = {
  sessionTimeout: 3000, // the mock holds a re-forming group for sessionTimeout - 1 s
  heartbeatInterval: 500,
  rebalanceTimeout: 3000,
  maxWaitTimeInMs: 100, // the mock honours Fetch MaxWait: a long one delays disconnect()
};

interface Received {
  partition: number;
  offset: string;
  key: string;
  value: string;
}

function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 25);
    };
    tick();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('kafka-mock-broker with kafkajs', () => {
  const topic = 'orders';
  let mock: MockKafka;
  let kafka: Kafka;
  let producer: Producer;
  const consumers: Consumer[] = [];

  const newConsumer = (groupId: string) => {
    const consumer = kafka.consumer({ groupId, ...consumerSettings });
    consumers.push(consumer);
    return consumer;
  };

  /** Runs a consumer that commits each message's offset explicitly; resolves once it has joined. */
  async function runCommittingConsumer(consumer: Consumer, into: Received[]): Promise<void> {
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic: t, partition, message }: { topic: string; partition: number; message: KafkaMessage }) => {
        into.push({ partition, offset: message.offset, key: String(message.key), value: String(message.value) });
        await consumer.commitOffsets([{ topic: t, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
      },
    });
    await joined;
  }

  beforeAll(async () => {
    mock = await startMockKafka({ topics: [topic] });
    kafka = new Kafka({
      clientId: 'kafka-mock-broker-spec',
      brokers: mock.brokers,
      logLevel: logLevel.NOTHING,
      retry: { initialRetryTime: 100, maxRetryTime: 1000, retries: 10 },
    });
    producer = kafka.producer({ idempotent: false, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterAll(async () => {
    for (const consumer of consumers) await consumer.disconnect().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    await mock?.stop();
  });

  it('reports one bootstrap address per broker', async () => {
    expect(mock.brokers).toHaveLength(3);
    for (const address of mock.brokers) expect(address).toMatch(/^127\.0\.0\.1:\d+$/);
    await expect(mock.command('ping')).resolves.toBeUndefined();
  });

  it('produces with acks -1, consumes in a group, commits, and resumes from the committed offsets', async () => {
    const keys = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];
    const messages = Array.from({ length: 20 }, (_, i) => ({
      key: keys[i % keys.length],
      value: `${keys[i % keys.length]}:${Math.floor(i / keys.length)}`,
    }));
    const sent = await producer.send({ topic, acks: -1, messages });
    expect(sent.every((r) => r.errorCode === 0)).toBe(true);

    const first: Received[] = [];
    await runCommittingConsumer(newConsumer('g1'), first);
    await waitFor(() => first.length >= 20, '20 messages');
    await consumers[0].disconnect();

    expect(first).toHaveLength(20);
    // Per-key order: each key's sequence numbers arrive in the order they were sent.
    for (const key of keys) {
      const sequence = first.filter((m) => m.key === key).map((m) => Number(m.value.split(':')[1]));
      expect(sequence).toEqual([0, 1, 2, 3]);
      expect(new Set(first.filter((m) => m.key === key).map((m) => m.partition)).size).toBe(1);
    }

    const admin = kafka.admin();
    await admin.connect();
    try {
      const [committed] = await admin.fetchOffsets({ groupId: 'g1', topics: [topic] });
      expect(committed.partitions).toHaveLength(4);
      expect(committed.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0)).toBe(20);
    } finally {
      await admin.disconnect();
    }

    const second: Received[] = [];
    await runCommittingConsumer(newConsumer('g1'), second);
    await producer.send({ topic, acks: -1, messages: [{ key: 'alpha', value: 'alpha:new' }] });
    await waitFor(() => second.length >= 1, 'the new message');
    await sleep(300); // room for any old message that should not come
    expect(second.map((m) => m.value)).toEqual(['alpha:new']);
  });

  it('auto-creates unknown topics with 4 partitions', async () => {
    await producer.send({ topic: 'auto-created', acks: -1, messages: [{ key: 'k', value: 'v' }] });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: ['auto-created'] });
      expect(topics[0].partitions).toHaveLength(4);
    } finally {
      await admin.disconnect();
    }
  });

  it('creates topics on command', async () => {
    await mock.command('topic made-by-command 2');
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: ['made-by-command'] });
      expect(topics[0].partitions).toHaveLength(2);
    } finally {
      await admin.disconnect();
    }
    await expect(mock.command('topic made-by-command 2')).rejects.toThrow(/already exists/i);
  });

  it('injects request errors that the producer retries through', async () => {
    await mock.command('error 0 6 2'); // the next 2 Produce requests: NOT_LEADER_OR_FOLLOWER
    const sent = await producer.send({ topic, acks: -1, messages: [{ key: 'bravo', value: 'after-errors' }] });
    expect(sent[0].errorCode).toBe(0);
  });

  it('takes a broker down and back up', async () => {
    // The mock spreads partition leaders over the brokers at random: take partition 0's leader down.
    const admin = kafka.admin();
    await admin.connect();
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] }).finally(() => admin.disconnect());
    const partition0 = topics[0].partitions.find((p) => p.partitionId === 0);
    if (!partition0) throw new Error(`${topic} has no partition 0`);
    const { leader } = partition0;

    await mock.brokerDown(leader);
    let outcome = 'pending';
    const sending = producer.send({ topic, acks: -1, messages: [{ partition: 0, key: 'down', value: 'while-down' }] });
    sending.then(
      () => (outcome = 'sent'),
      (error: Error) => (outcome = `failed: ${error.message}`),
    );
    await sleep(500);
    expect(outcome).toBe('pending'); // kafkajs retries while the leader refuses connections
    await mock.brokerUp(leader);
    const sent = await sending;
    expect(sent[0]).toMatchObject({ partition: 0, errorCode: 0 });
  });

  it('rejects bad commands with the broker message', async () => {
    await expect(mock.command('bogus')).rejects.toThrow(/unknown command/);
    await expect(mock.brokerDown(99)).rejects.toThrow(/failed/);
    await expect(mock.command('ping')).resolves.toBeUndefined();
  });

  it('stops the broker process', async () => {
    const other = await startMockKafka({ brokers: 1 });
    const [host, port] = other.brokers[0].split(':');
    await other.stop();
    await other.stop(); // idempotent
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(Number(port), host);
      socket.once('connect', () => (socket.destroy(), resolve(false)));
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
    await expect(other.command('ping')).rejects.toThrow(/stopped/);
  });
});
