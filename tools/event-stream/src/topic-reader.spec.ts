import { randomUUID } from 'node:crypto';
import { customerCreated } from '@carebridge/event-contracts';
import { EmbeddedTransport, encodeEvent, type TransportMessage } from '@carebridge/messaging';
import { databaseUrl } from '@carebridge/config';
import { createTestDatabase } from '@carebridge/testing';
import { Pool } from 'pg';
import { inPartitionOrder, readTopic, type StreamPositions } from './topic-reader';

const message = (partition: number, offset: number, timestamp: string): TransportMessage => ({
  topic: 't',
  key: 'k',
  value: Buffer.from('{}'),
  headers: {},
  partition,
  offset: String(offset),
  timestamp,
});

describe('inPartitionOrder', () => {
  it('keeps each partition in offset order, even when a later offset was appended with an earlier time', () => {
    const ordered = inPartitionOrder([
      message(0, 8, '2026-11-01T10:00:00.000Z'),
      message(1, 3, '2026-11-01T10:00:00.500Z'),
      message(0, 7, '2026-11-01T10:00:01.000Z'),
      message(0, 10, '2026-11-01T10:00:02.000Z'),
      message(1, 4, '2026-11-01T10:00:01.500Z'),
    ]);
    expect(ordered.map((m) => `${m.partition}/${m.offset}`)).toEqual(['1/3', '0/7', '0/8', '1/4', '0/10']);
  });
});

describe('readTopic through a committed consumer group', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let transport: EmbeddedTransport;
  let pool: Pool;
  const topic = 'carebridge.test.reader';

  /** What KafkaPositions answers on Kafka, read here from the embedded log's tables. */
  const positions: StreamPositions = {
    async positions(forTopic, groupId) {
      const ends = await pool.query<{ partition: number; next_offset: string }>('SELECT partition, next_offset FROM event_log_partition WHERE topic = $1', [forTopic]);
      const committed = await pool.query<{ partition: number; committed_offset: string }>(
        'SELECT partition, committed_offset FROM event_log_consumer_offset WHERE group_id = $1 AND topic = $2',
        [groupId ?? '', forTopic],
      );
      const from = new Map(committed.rows.map((r) => [r.partition, BigInt(r.committed_offset)]));
      return new Map(ends.rows.map((r) => [r.partition, { from: from.get(r.partition) ?? 0n, end: BigInt(r.next_offset) }]));
    },
    forget: async () => undefined,
  };
  const publish = (count: number) =>
    transport.publish(
      Array.from({ length: count }, () => ({
        ...encodeEvent(customerCreated, { customerId: randomUUID(), tier: 'GOLD', preferredLanguage: 'en', createdAt: new Date().toISOString() }, { source: 'crm', time: new Date() }),
        topic,
      })),
    );
  // Long timeouts: only knowing where the log ends can stop these reads within the test's time.
  const read = () => {
    const seen: string[] = [];
    return readTopic(transport, { topic, start: 'beginning', follow: false, groupId: 'carebridge.test.reader-group', positions, idleMs: 60_000, firstMessageTimeoutMs: 60_000 }, (m) => {
      seen.push(m.headers.ce_id);
    }).then((result) => ({ ...result, seen }));
  };

  beforeAll(async () => {
    database = await createTestDatabase('event_stream_reader');
    const url = databaseUrl(database.serverUrl, database.database);
    transport = new EmbeddedTransport({ url });
    pool = new Pool({ connectionString: url, max: 2 });
    await publish(5);
  });

  afterAll(async () => {
    await pool?.end();
    await transport?.close();
    await database?.drop();
  });

  it('stops as soon as it has handed over what was in the log, and the group remembers it', async () => {
    const first = await read();
    expect(first).toEqual(expect.objectContaining({ delivered: 5, stoppedBy: 'caught-up' }));

    const subscribe = jest.spyOn(transport, 'subscribe');
    const second = await read();
    expect(second).toEqual(expect.objectContaining({ delivered: 0, stoppedBy: 'caught-up' }));
    expect(subscribe).not.toHaveBeenCalled();
    subscribe.mockRestore();

    await publish(2);
    const third = await read();
    expect(third.delivered).toBe(2);
    expect(third.seen.some((id) => first.seen.includes(id))).toBe(false);
  }, 20_000);
});
