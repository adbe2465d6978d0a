import { randomUUID } from 'node:crypto';
import { customerCreated, TOPICS } from '@carebridge/event-contracts';
import { EmbeddedTransport, encodeEvent, EventConsumer, onEvent, REPLAYED_FOR_GROUP_HEADER, type TransportMessage } from '@carebridge/messaging';
import { databaseUrl } from '@carebridge/config';
import { createTestDatabase } from '@carebridge/testing';
import type { DataSource } from 'typeorm';
import { deadLetterTopicOf, listDeadLetters, parseDeadLetterArguments, replayDeadLetters, replayGroupOf } from './dead-letter-queue';
import type { DeadLetterRecord } from './ndjson';

describe('events:dead-letters on the embedded event log', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let transport: EmbeddedTransport;
  let consumer: EventConsumer;
  const bad: TransportMessage[] = [];

  /** A customer.created the complaint service refuses (its data breaks the contract): the real consumer dead-letters it. */
  const deadLetterOne = async () => {
    const message = encodeEvent(customerCreated, { customerId: randomUUID(), tier: 'GOLD', preferredLanguage: 'en', createdAt: 'not a time' } as never, {
      source: 'crm',
      time: new Date(),
    });
    await transport.publish([message]);
    const stored = (await transport.read(TOPICS.customer, new Map(), 1000)).find((m) => m.headers.ce_id === message.headers.ce_id);
    if (!stored) throw new Error('published event not found');
    await consumer.deliver(stored);
    bad.push(stored);
    return stored;
  };

  const collect = () => {
    const lines: string[] = [];
    return { lines, write: (line: string) => void lines.push(line), records: () => lines.map((l) => JSON.parse(l) as DeadLetterRecord & { replayedTo?: string }) };
  };
  const replayAll = async () => {
    const out = collect();
    const result = await replayDeadLetters(transport, { service: 'complaint', all: true, idleMs: 800 }, out.write);
    return { result, records: out.records() };
  };
  const replayedOnTopic = async () => (await transport.read(TOPICS.customer, new Map(), 1000)).filter((m) => !m.headers.dlq_original_topic);

  beforeAll(async () => {
    database = await createTestDatabase('event_stream_dlq');
    transport = new EmbeddedTransport({ url: databaseUrl(database.serverUrl, database.database) });
    // Refused data is dead-lettered before the handler runs, so the consumer needs no database of its own here.
    consumer = new EventConsumer({ service: 'complaint', dataSource: {} as DataSource, transport, handlers: [onEvent(customerCreated, async () => undefined)] });
    await deadLetterOne();
    await deadLetterOne();
  });

  afterAll(async () => {
    await transport?.close();
    await database?.drop();
  });

  it('lists the dead letters with why and where they failed, and the event', async () => {
    const out = collect();
    expect(await listDeadLetters(transport, { service: 'complaint' }, out.write)).toBe(2);
    const records = out.records();
    expect(records.map((r) => r.id).sort()).toEqual(bad.map((m) => m.headers.ce_id).sort());
    records.sort((a, b) => bad.findIndex((m) => m.headers.ce_id === a.id) - bad.findIndex((m) => m.headers.ce_id === b.id));
    expect(records[0]).toEqual(
      expect.objectContaining({
        topic: 'carebridge.dead-letter.complaint',
        key: bad[0].key,
        originalTopic: TOPICS.customer,
        originalPartition: bad[0].partition,
        originalOffset: bad[0].offset,
        consumerGroup: 'carebridge.complaint',
        error: expect.stringContaining('data does not match customer.created v1'),
        attempts: 1,
        failedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        type: 'customer.created',
        source: '/carebridge/crm',
        dataschema: 'urn:carebridge:events:customer.created:v1',
        data: expect.objectContaining({ createdAt: 'not a time' }),
      }),
    );
  });

  it('replays each dead letter once to its original topic, with its key, value and headers but no dlq_* ones', async () => {
    const first = await replayAll();
    expect(first.result).toEqual({ replayed: 2, missing: [], skipped: 0 });
    // Partitions are consumed side by side: the order across them is not fixed.
    expect(first.records.map((r) => [r.id, r.replayedTo]).sort()).toEqual(bad.map((m) => [m.headers.ce_id, TOPICS.customer]).sort());

    const replayed = await replayedOnTopic();
    for (const original of bad) {
      const copies = replayed.filter((m) => m.headers.ce_id === original.headers.ce_id);
      expect(copies).toHaveLength(2); // the original and its replay
      const copy = copies.find((m) => m.offset !== original.offset || m.partition !== original.partition);
      expect(copy?.key).toBe(original.key);
      expect(copy?.value.equals(original.value)).toBe(true);
      expect(copy?.headers).toEqual({ ...original.headers, [REPLAYED_FOR_GROUP_HEADER]: 'carebridge.complaint' });
    }

    const second = await replayAll();
    expect(second.result.replayed).toBe(0);

    const third = await deadLetterOne();
    const after = await replayAll();
    expect(after.records.map((r) => r.id)).toEqual([third.headers.ce_id]);
  });

  it('replays chosen dead letters by id, and reports ids it does not know', async () => {
    const out = collect();
    const unknown = randomUUID();
    const result = await replayDeadLetters(transport, { service: 'complaint', ids: [bad[0].headers.ce_id, unknown] }, out.write);
    expect(result).toEqual({ replayed: 1, missing: [unknown], skipped: 0 });
    expect(out.records().map((r) => r.id)).toEqual([bad[0].headers.ce_id]);
  });

  it('still lists every dead letter after replays', async () => {
    const out = collect();
    expect(await listDeadLetters(transport, { service: 'complaint' }, out.write)).toBe(3);
  });

  it('hands a replayed event to the group whose dead letter it was, and to no other group', async () => {
    const seen: string[] = [];
    const inquiry = new EventConsumer({
      service: 'inquiry',
      dataSource: {} as DataSource,
      transport,
      handlers: [onEvent(customerCreated, async (event) => void seen.push(event.id))],
    });
    const [replayed] = (await replayedOnTopic()).filter((m) => m.headers[REPLAYED_FOR_GROUP_HEADER]);
    // Refused at once by complaint's consumer (it is that group's replay), skipped by inquiry's: no new dead letter there.
    await inquiry.deliver(replayed);
    expect(seen).toEqual([]);
    const out = collect();
    expect(await listDeadLetters(transport, { service: 'inquiry' }, out.write)).toBe(0);
  });

  it('still lists and replays dead letters left under the legacy topic name', async () => {
    const legacy = { ...bad[0], topic: 'carebridge.dead-letter.carebridge.complaint', headers: { ...bad[0].headers, dlq_original_topic: TOPICS.customer, dlq_consumer_group: 'carebridge.complaint' } };
    await transport.publish([{ topic: legacy.topic, key: legacy.key, value: legacy.value, headers: legacy.headers }]);
    const listed = collect();
    expect(await listDeadLetters(transport, { service: 'complaint' }, listed.write)).toBe(4);
    expect(listed.records()[0].topic).toBe('carebridge.dead-letter.carebridge.complaint');
    const replay = await replayAll();
    expect(replay.result.replayed).toBe(1);
  });

  it('names the topics and groups after the service', () => {
    expect(deadLetterTopicOf('complaint')).toBe('carebridge.dead-letter.complaint');
    expect(replayGroupOf('complaint')).toBe('carebridge.complaint.dead-letter-replay');
  });
});

describe('events:dead-letters arguments', () => {
  it('reads list and replay', () => {
    expect(parseDeadLetterArguments(['list', '--service', 'complaint'])).toEqual({ command: 'list', service: 'complaint', limit: undefined });
    expect(parseDeadLetterArguments(['replay', '--service', 'crm', '--all'])).toEqual({ command: 'replay', service: 'crm', ids: [], all: true });
    expect(parseDeadLetterArguments(['replay', '--service', 'crm', '--id', 'a', '--id', 'b,c'])).toEqual({ command: 'replay', service: 'crm', ids: ['a', 'b', 'c'], all: false });
  });

  it.each([
    [['--service', 'complaint'], /Say list or replay/],
    [['purge', '--service', 'complaint'], /Unknown command "purge"/],
    [['list'], /--service is required/],
    [['list', '--service', 'billing'], /Unknown service "billing"/],
    [['replay', '--service', 'complaint'], /--id <ce_id> \(repeatable\) or --all/],
    [['replay', '--service', 'complaint', '--all', '--id', 'x'], /not both/],
  ])('refuses %j', (args, message) => {
    expect(() => parseDeadLetterArguments(args as string[])).toThrow(message);
  });
});
