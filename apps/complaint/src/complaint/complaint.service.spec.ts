import { customerCreated, customerErased } from '@carebridge/event-contracts';
import { encodeEvent, EventConsumer, type EventTransport, onEvent } from '@carebridge/messaging';
import { BadUserInputError } from '@carebridge/service-kit';
import { openServiceDatabase, type ServiceDatabase } from '@carebridge/testing';
import { complaintSubgraph } from '../complaint.subgraph';
import { CustomerDirectory } from '../customer/customer-directory';
import { Complaint, ComplaintCategory, ContactChannel, InvolvedPartyKind, Urgency } from './complaint.entity';
import { ComplaintService } from './complaint.service';

const noTransport: EventTransport = {
  kind: 'embedded',
  ensureTopics: async () => undefined,
  publish: async () => undefined,
  subscribe: async () => ({ stop: async () => undefined }),
  close: async () => undefined,
};

describe('ComplaintService (real Postgres)', () => {
  let db: ServiceDatabase;
  let complaints: ComplaintService;
  let consumer: EventConsumer;
  const agent = { userId: 'agent-ana', roles: ['agent' as const], name: 'Ana Agent' };
  const customerId = '5b7e3c1a-2f4d-4e6a-8b9c-0d1e2f3a4b5c';

  const learnCustomer = (id: string) =>
    consumer.deliver(encodeEvent(customerCreated, { customerId: id, tier: 'GOLD', preferredLanguage: 'en', createdAt: '2026-10-01T08:00:00.000Z' }, { source: 'crm', time: new Date() }));

  beforeAll(async () => {
    db = await openServiceDatabase(complaintSubgraph);
    const directory = new CustomerDirectory();
    complaints = new ComplaintService(db.dataSource, directory, db.outbox, db.clock);
    consumer = new EventConsumer({
      service: 'complaint',
      dataSource: db.dataSource,
      transport: noTransport,
      handlers: [onEvent(customerCreated, (e, m) => directory.recordCreated(e, m)), onEvent(customerErased, (e, m) => directory.recordErased(e, m))],
    });
    await learnCustomer(customerId);
  });
  afterAll(() => db.close());

  const input = (overrides: Record<string, unknown> = {}) =>
    ({
      customerId,
      channel: ContactChannel.EMAIL,
      category: ComplaintCategory.ACCOMMODATION,
      urgency: Urgency.MEDIUM,
      description: 'The room faced a building site although we booked a quiet courtyard room.',
      occurredAt: new Date('2026-10-30T22:00:00Z'),
      location: ' Rome ',
      peopleInvolved: [{ kind: InvolvedPartyKind.HOTEL, name: ' Hotel Aurora ', detail: null }],
      ...overrides,
    }) as any;

  it('registers the complaint as told, numbered per year, and publishes complaint.registered in the same transaction', async () => {
    const complaint = await complaints.register(input(), agent);
    expect(complaint).toMatchObject({
      status: 'REGISTERED',
      registeredBy: 'agent-ana',
      registeredByName: 'Ana Agent',
      location: 'Rome',
      description: 'The room faced a building site although we booked a quiet courtyard room.',
      peopleInvolved: [{ kind: 'HOTEL', name: 'Hotel Aurora', detail: null }],
    });
    expect(complaint.registrationNumber).toMatch(/^CMP-2026-\d{6}$/);
    const events = (await db.outboxEvents()).filter((e) => e.key === complaint.id);
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ complaintId: complaint.id, registrationNumber: complaint.registrationNumber, customerId, urgency: 'MEDIUM' });
    expect(JSON.stringify(events[0].data)).not.toContain('building site');
  });

  it('numbers complaints without gaps or duplicates when agents register at the same moment', async () => {
    const registered = await Promise.all(Array.from({ length: 12 }, () => complaints.register(input(), agent)));
    const numbers = registered.map((c) => Number(c.registrationNumber.slice(-6))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(12);
    expect(numbers[11] - numbers[0]).toBe(11);
  });

  it('starts numbering again in a new year', async () => {
    db.clock.set('2027-01-01T00:00:05Z');
    const complaint = await complaints.register(input({ occurredAt: new Date('2026-12-31T23:00:00Z') }), agent);
    expect(complaint.registrationNumber).toBe('CMP-2027-000001');
    db.clock.set('2026-11-02T09:00:00Z');
  });

  it('refuses an unknown customer and a future date, writing nothing', async () => {
    const before = await db.dataSource.getRepository(Complaint).count();
    const outboxBefore = (await db.outboxEvents()).length;
    await expect(complaints.register(input({ customerId: '00000000-0000-4000-8000-00000000dead' }), agent)).rejects.toThrow(BadUserInputError);
    await expect(complaints.register(input({ occurredAt: new Date('2026-12-24T00:00:00Z') }), agent)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.occurredAt' },
    });
    expect(await db.dataSource.getRepository(Complaint).count()).toBe(before);
    expect((await db.outboxEvents()).length).toBe(outboxBefore);
  });

  it('refuses complaints for an erased customer', async () => {
    const erased = '9c8b7a6f-5e4d-4c3b-8a29-1f0e0d0c0b0a';
    await learnCustomer(erased);
    await consumer.deliver(encodeEvent(customerErased, { customerId: erased, erasedAt: '2026-11-01T00:00:00.000Z' }, { source: 'crm', time: new Date() }));
    await expect(complaints.register(input({ customerId: erased }), agent)).rejects.toMatchObject({ extensions: { field: 'input.customerId' } });
  });

  it('filters by status, category, urgency, customer and registration date', async () => {
    await complaints.register(input({ category: ComplaintCategory.BAGGAGE, urgency: Urgency.CRITICAL }), agent);
    const critical = await complaints.list({ filter: { urgency: [Urgency.CRITICAL], category: [ComplaintCategory.BAGGAGE] } });
    expect(critical.totalCount).toBe(1);
    expect((await complaints.list({ filter: { customerId, status: [] } })).totalCount).toBeGreaterThan(10);
    expect((await complaints.list({ filter: { registeredFrom: new Date('2030-01-01') } })).totalCount).toBe(0);
  });
});
