import { randomUUID } from 'node:crypto';
import { complaintRegistered, customerCreated, customerUpdated, TOPICS } from '@carebridge/event-contracts';
import { EmbeddedTransport, encodeEvent } from '@carebridge/messaging';
import { databaseUrl } from '@carebridge/config';
import { createTestDatabase } from '@carebridge/testing';
import type { EventRecord } from './ndjson';
import { knownTopics, parseTailArguments, tailTopic, type TailOptions } from './topic-tail';

describe('events:tail on the embedded event log', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let transport: EmbeddedTransport;
  const ana = randomUUID();
  const ben = randomUUID();
  const created = [
    encodeEvent(customerCreated, { customerId: ana, tier: 'GOLD', preferredLanguage: 'en', createdAt: '2026-10-30T09:00:00.000Z' }, {
      source: 'crm',
      time: new Date('2026-10-30T09:00:00Z'),
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    }),
    encodeEvent(customerCreated, { customerId: ben, tier: 'STANDARD', preferredLanguage: 'de', createdAt: '2026-11-01T08:00:00.000Z' }, {
      source: 'crm',
      time: new Date('2026-11-01T08:00:00Z'),
    }),
  ];
  const updated = encodeEvent(
    customerUpdated,
    { customerId: ana, changedFields: ['tier'], tier: 'VIP', preferredLanguage: 'en', updatedAt: '2026-11-02T10:00:00.000Z' },
    { source: 'crm', time: new Date('2026-11-02T10:00:00Z') },
  );
  const complaint = encodeEvent(
    complaintRegistered,
    {
      complaintId: randomUUID(),
      registrationNumber: 'CMP-2026-000001',
      customerId: ana,
      channel: 'PHONE',
      category: 'BAGGAGE',
      urgency: 'HIGH',
      registeredBy: 'agent-1',
      registeredAt: '2026-11-02T11:00:00.000Z',
    },
    { source: 'complaint', time: new Date('2026-11-02T11:00:00Z') },
  );

  const tail = async (options: Partial<TailOptions>) => {
    const lines: string[] = [];
    const result = await tailTopic(transport, { topic: TOPICS.customer, fromBeginning: true, follow: false, ...options }, (line) => {
      lines.push(line);
    });
    expect(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
    return { records: lines.map((line) => JSON.parse(line) as EventRecord), result };
  };

  beforeAll(async () => {
    database = await createTestDatabase('event_stream_tail');
    transport = new EmbeddedTransport({ url: databaseUrl(database.serverUrl, database.database) });
    await transport.publish(created);
    await transport.publish([updated, complaint]);
  });

  afterAll(async () => {
    await transport?.close();
    await database?.drop();
  });

  it('prints every event of the topic from the beginning as NDJSON, with its attributes and data', async () => {
    const { records, result } = await tail({});
    expect(result.read.stoppedBy).toBe('caught-up');
    expect(records.map((r) => r.id).sort()).toEqual([...created, updated].map((m) => m.headers.ce_id).sort());
    const first = records.find((r) => r.id === created[0].headers.ce_id);
    expect(first).toEqual({
      topic: TOPICS.customer,
      partition: expect.any(Number),
      offset: expect.stringMatching(/^\d+$/),
      key: ana,
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      id: created[0].headers.ce_id,
      type: 'customer.created',
      source: '/carebridge/crm',
      time: '2026-10-30T09:00:00.000Z',
      subject: ana,
      dataschema: 'urn:carebridge:events:customer.created:v1',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      data: { customerId: ana, tier: 'GOLD', preferredLanguage: 'en', createdAt: '2026-10-30T09:00:00.000Z' },
    });
    expect(records.find((r) => r.id === created[1].headers.ce_id)?.traceparent).toBeNull();
  });

  it("keeps one aggregate's events in order", async () => {
    const { records } = await tail({});
    expect(records.filter((r) => r.key === ana).map((r) => r.type)).toEqual(['customer.created', 'customer.updated']);
  });

  it('filters by event type', async () => {
    const { records } = await tail({ types: ['customer.updated'] });
    expect(records.map((r) => r.id)).toEqual([updated.headers.ce_id]);
  });

  it('filters by the time the event happened', async () => {
    const { records } = await tail({ fromBeginning: false, from: new Date('2026-11-01T00:00:00Z') });
    expect(records.map((r) => r.time).sort()).toEqual(['2026-11-01T08:00:00.000Z', '2026-11-02T10:00:00.000Z']);
  });

  it('stops after --limit events', async () => {
    const { records, result } = await tail({ limit: 2 });
    expect(records).toHaveLength(2);
    expect(result.read.stoppedBy).toBe('handler');
  });

  it('follows new events until stopped, and without --from-beginning shows only those', async () => {
    const controller = new AbortController();
    const lines: string[] = [];
    const fresh = encodeEvent(customerCreated, { customerId: randomUUID(), tier: 'SILVER', preferredLanguage: 'fr', createdAt: new Date().toISOString() }, { source: 'crm', time: new Date() });
    const following = tailTopic(transport, { topic: TOPICS.customer, fromBeginning: false, follow: true, signal: controller.signal }, (line) => {
      lines.push(line);
      controller.abort();
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await transport.publish([fresh]);
    const { printed, read } = await following;
    expect(read.stoppedBy).toBe('signal');
    expect(printed).toBe(1);
    expect(JSON.parse(lines[0]).id).toBe(fresh.headers.ce_id);
  });

  it('resumes as a named group: a second run shows only what came since the first', async () => {
    const group = `analysts.tail-${randomUUID().slice(0, 8)}`;
    const first = await tail({ group, idleMs: 800 });
    expect(first.records.length).toBeGreaterThan(0);
    const fresh = encodeEvent(customerCreated, { customerId: randomUUID(), tier: 'GOLD', preferredLanguage: 'en', createdAt: new Date().toISOString() }, { source: 'crm', time: new Date() });
    await transport.publish([fresh]);
    const second = await tail({ group, idleMs: 800 });
    expect(second.records.map((r) => r.id)).toEqual([fresh.headers.ce_id]);
  });

  it('reads only its topic', async () => {
    const { records } = await tail({ topic: TOPICS.complaint });
    expect(records.map((r) => r.type)).toEqual(['complaint.registered']);
  });
});

describe('events:tail arguments', () => {
  it('reads the options', () => {
    expect(parseTailArguments(['--topic', TOPICS.complaint, '--from', '2026-11-01T00:00:00Z', '--type', 'complaint.registered', '--limit', '5'])).toEqual({
      topic: TOPICS.complaint,
      fromBeginning: false,
      from: new Date('2026-11-01T00:00:00Z'),
      types: ['complaint.registered'],
      follow: false,
      limit: 5,
      group: undefined,
    });
    expect(parseTailArguments(['--topic', TOPICS.customer, '--follow']).follow).toBe(true);
    expect(parseTailArguments(['--topic', TOPICS.customer, '--group', 'analysts.customers']).group).toBe('analysts.customers');
  });

  it.each([
    [[], /--topic is required/],
    [['--topic', 'carebridge.nope', '--from-beginning'], /Unknown topic "carebridge.nope"/],
    [['--topic', TOPICS.customer], /Nothing to show/],
    [['--topic', TOPICS.customer, '--from', 'yesterday'], /--from must be an ISO 8601 time/],
    [['--topic', TOPICS.customer, '--from-beginning', '--limit', '0'], /--limit must be a positive whole number/],
    [['--topic', TOPICS.customer, '--from-beginning', '--colour'], /Unknown option '--colour'/],
    [['--topic', TOPICS.customer, '--group', 'carebridge.crm'], /belong to the services/],
    [['--topic', TOPICS.customer, '--group', 'two words'], /--group: letters/],
  ])('refuses %j', (args, message) => {
    expect(() => parseTailArguments(args as string[])).toThrow(message);
  });

  it('knows the event topics and the dead-letter topics', () => {
    expect(knownTopics()).toEqual(expect.arrayContaining([TOPICS.customer, TOPICS.complaint, 'carebridge.dead-letter.complaint']));
  });
});
