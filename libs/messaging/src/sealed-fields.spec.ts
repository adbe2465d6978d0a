import { randomUUID } from 'node:crypto';
import { DEVELOPMENT_MASTER_KEY, EventFieldEncryption, PostgresCustomerKeyStore, UNREADABLE_TEXT } from '@carebridge/customer-keys';
import { type EventData, customerErased, inquiryEscalated } from '@carebridge/event-contracts';
import { embeddedHarness, openServiceTestDatabase, type ServiceTestDatabase, type TransportHarness, waitFor } from '@carebridge/testing';
import { Client } from 'pg';
import { EventConsumer, onEvent } from './consumer';
import { encodeEvent, type ReceivedEvent } from './envelope';
import { EmbeddedTransport } from './embedded-transport';
import { Outbox, OutboxRelay } from './outbox';
import { readableHandlers, sealedFieldScrubbing } from './sealed-fields';

/** Personal data marked so that any stored copy of it is found in the bytes. */
function escalation(customerId: string, mark: string): EventData<typeof inquiryEscalated> {
  return {
    inquiryId: randomUUID(),
    customerId,
    escalatedBy: 'agent-1',
    escalatedAt: '2026-11-02T09:00:00.000Z',
    channel: 'EMAIL',
    category: 'ACCOMMODATION',
    urgency: 'HIGH',
    description: `Hanako Yamada-${mark} (hanako.${mark}@example.com, +81 90 ${mark}) says the transfer never came`,
    occurredAt: null,
    location: `Narita ${mark}`,
    conversation: [{ direction: 'INBOUND', authorId: null, at: '2026-11-02T08:00:00.000Z', body: `It is me, Hanako Yamada-${mark}, call +81 90 ${mark}` }],
  } as EventData<typeof inquiryEscalated>;
}

/**
 * Crypto-shredding on the embedded transport: inquiry's outbox seals the personal data of
 * inquiry.escalated, complaint's consumer opens it; after the customer's erasure neither the
 * outbox nor the event log holds a byte of it, a consumer reading the log again gets placeholders,
 * and another customer's events still open.
 */
describe('sealed personal-data fields through outbox, embedded log and consumer', () => {
  let harness: TransportHarness;
  let producer: ServiceTestDatabase;
  let consumerDb: ServiceTestDatabase;
  let transport: EmbeddedTransport;
  let personalFields: EventFieldEncryption;
  let relay: OutboxRelay;

  beforeAll(async () => {
    harness = await embeddedHarness();
    producer = await openServiceTestDatabase('inquiry');
    consumerDb = await openServiceTestDatabase('complaint');
    transport = harness.transport() as EmbeddedTransport;
    // One key store for both, as every service reaches the same one.
    personalFields = new EventFieldEncryption(new PostgresCustomerKeyStore(producer.dataSource, DEVELOPMENT_MASTER_KEY));
    relay = new OutboxRelay({ dataSource: producer.dataSource, transport, pollIntervalMs: 50 });
  });
  afterAll(async () => {
    await relay?.stop();
    await producer?.close();
    await consumerDb?.close();
    await harness?.close();
  });

  async function consume(group: string, fields: EventFieldEncryption | undefined, expected: number): Promise<ReceivedEvent<typeof inquiryEscalated>[]> {
    const received: ReceivedEvent<typeof inquiryEscalated>[] = [];
    // Each reading is another service's first: nothing recorded as processed yet.
    await consumerDb.dataSource.query('DELETE FROM processed_event');
    const consumer = new EventConsumer({
      service: group,
      dataSource: consumerDb.dataSource,
      transport,
      handlers: readableHandlers([onEvent(inquiryEscalated, async (event) => void received.push(event))], fields),
    });
    await consumer.start();
    try {
      await waitFor(() => received.length >= expected, `${expected} escalations consumed by ${group}`);
    } finally {
      await consumer.stop();
    }
    return received;
  }

  async function storedBytes(): Promise<string> {
    const outbox: { payload: string }[] = await producer.dataSource.query('SELECT payload FROM outbox_event');
    const client = new Client({ connectionString: harness.connection.kind === 'embedded' ? harness.connection.url : '' });
    await client.connect();
    try {
      const { rows } = await client.query<{ value: Buffer }>('SELECT value FROM event_log');
      return [...outbox.map((r) => r.payload), ...rows.map((r) => r.value.toString('latin1'))].join('\n');
    } finally {
      await client.end();
    }
  }

  it('publishes sealed, delivers opened, and after erasure leaves nothing readable of that customer only', async () => {
    const erased = randomUUID();
    const kept = randomUUID();
    const outbox = new Outbox('inquiry', () => new Date(), personalFields);
    await producer.dataSource.transaction(async (m) => {
      await outbox.publish(m, inquiryEscalated, escalation(erased, 'ERASED7391'));
      await outbox.publish(m, inquiryEscalated, escalation(kept, 'KEPT5523'));
    });
    await relay.start();
    await waitFor(async () => (await relay.lag()).published === 2, 'both events relayed');

    // Sealed in every stored copy from the start; opened for the consumer.
    let bytes = await storedBytes();
    for (const mark of ['ERASED7391', 'KEPT5523', 'Hanako', 'Narita']) expect(bytes).not.toContain(mark);
    expect(bytes).toContain(`"cbenc1.${erased}.`);
    const before = await consume(`complaint-before-${randomUUID()}`, personalFields, 2);
    expect(before.find((e) => e.data.customerId === erased)?.data.description).toContain('ERASED7391');
    expect(before.find((e) => e.data.customerId === kept)?.data.conversation[0].body).toContain('KEPT5523');

    // crm's erasure destroys the key and scrubs its own outbox; each producer scrubs its outbox and topics on customer.erased.
    await producer.dataSource.transaction((m) => outbox.eraseSealedFields(m, erased));
    const scrubbing = sealedFieldScrubbing({ transport, topics: [inquiryEscalated.topic], personalFields });
    const erasure = { id: randomUUID(), type: customerErased.type, version: 1, source: '/carebridge/crm', time: new Date(), subject: erased, topic: customerErased.topic, data: { customerId: erased, erasedAt: new Date().toISOString() } };
    await producer.dataSource.transaction((m) => scrubbing.handle(erasure, m));

    bytes = await storedBytes();
    expect(bytes).toContain(`"cbenc1.${erased}.erased"`);
    expect(bytes.match(new RegExp(`cbenc1\\.${erased}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+`))).toBeNull();
    expect(bytes).toMatch(new RegExp(`cbenc1\\.${kept}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+`));

    // A consumer reading the log again, with a fresh process's cache: placeholders for the erased customer, text for the other.
    const fresh = new EventFieldEncryption(new PostgresCustomerKeyStore(producer.dataSource, DEVELOPMENT_MASTER_KEY));
    const after = await consume(`complaint-after-${randomUUID()}`, fresh, 2);
    const ofErased = after.find((e) => e.data.customerId === erased);
    expect(ofErased?.unreadable).toEqual(['description', 'location', 'conversation']);
    expect(ofErased?.data).toMatchObject({ description: UNREADABLE_TEXT, conversation: [] });
    expect(ofErased?.data.location ?? null).toBeNull();
    expect(JSON.stringify(ofErased?.data)).not.toMatch(/ERASED7391|Hanako|Narita/);
    const ofKept = after.find((e) => e.data.customerId === kept);
    expect(ofKept?.unreadable).toBeUndefined();
    expect(ofKept?.data.description).toContain('Hanako Yamada-KEPT5523');

    // A consumer without need of the personal data (analytics) never opens it.
    const withheld = await consume(`analytics-${randomUUID()}`, undefined, 2);
    expect(withheld.find((e) => e.data.customerId === kept)?.data.description).toBe(UNREADABLE_TEXT);

    // Events about the erased customer published later carry no personal data either.
    const late = await fresh.seal(inquiryEscalated, escalation(erased, 'LATE1188'));
    expect(JSON.stringify(late)).not.toContain('LATE1188');
    expect(late.description).toBe(`cbenc1.${erased}.erased`);
  });

  it('takes fields published in the clear before encryption as they are', async () => {
    const data = escalation(randomUUID(), 'CLEAR4410');
    const consumer = new EventConsumer({
      service: `complaint-${randomUUID()}`,
      dataSource: consumerDb.dataSource,
      transport,
      handlers: readableHandlers([onEvent(inquiryEscalated, async (event) => void received.push(event))], personalFields),
    });
    const received: ReceivedEvent<typeof inquiryEscalated>[] = [];
    await consumer.deliver(encodeEvent(inquiryEscalated, data, { source: 'inquiry', time: new Date() }));
    expect(received[0].data.description).toBe(data.description);
    expect(received[0].unreadable).toBeUndefined();
  });
});
