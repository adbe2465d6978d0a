import { inquiryEscalated } from '@carebridge/event-contracts';
import { randomUUID } from 'node:crypto';
import { type ComplaintWorld, openComplaint } from '../complaint.fixture';
import { Complaint } from '../complaint/complaint.entity';

describe('complaints escalated from inquiries (inquiry.escalated, real Postgres)', () => {
  let world: ComplaintWorld;
  let customerId: string;

  beforeAll(async () => {
    world = await openComplaint();
    customerId = await world.learnCustomer();
  });
  afterAll(() => world.close());

  const escalation = (overrides: Record<string, unknown> = {}) => ({
    inquiryId: randomUUID(),
    customerId,
    escalatedBy: 'agent-ana',
    escalatedAt: '2026-11-02T08:30:00.000Z',
    channel: 'CHAT' as const,
    category: 'REFUND' as const,
    urgency: 'HIGH' as const,
    description: 'I was promised a refund three weeks ago and nothing arrived.',
    occurredAt: null,
    conversation: [
      { direction: 'INBOUND' as const, authorId: null, at: '2026-11-02T08:00:00.000Z', body: 'Where is my refund?' },
      { direction: 'OUTBOUND' as const, authorId: 'agent-ana', at: '2026-11-02T08:02:00.000Z', body: 'Let me check that for you.' },
      { direction: 'NOTE' as const, authorId: 'agent-ana', at: '2026-11-02T08:29:00.000Z', body: 'Refund never triggered; escalating.' },
    ],
    ...overrides,
  });

  it('registers exactly one complaint per inquiry, linked to it and carrying its conversation', async () => {
    const data = escalation();
    const eventId = randomUUID();
    await world.deliver(inquiryEscalated, data, eventId);
    await world.deliver(inquiryEscalated, data, eventId);
    // Even a second, different event about the same inquiry registers nothing more.
    await world.deliver(inquiryEscalated, { ...data, escalatedAt: '2026-11-02T08:40:00.000Z' });

    const complaints = await world.db.dataSource.getRepository(Complaint).findBy({ inquiryId: data.inquiryId });
    expect(complaints).toHaveLength(1);
    const [complaint] = complaints;
    expect(complaint).toMatchObject({
      customerId,
      status: 'REGISTERED',
      channel: 'CHAT',
      category: 'REFUND',
      urgency: 'HIGH',
      registeredBy: 'agent-ana',
      description: data.description,
      occurredAt: null,
      createdAt: new Date('2026-11-02T08:30:00Z'),
      // HIGH: 12 hours from the escalation.
      feedbackDueAt: new Date('2026-11-02T20:30:00Z'),
    });
    const conversation = await world.queries.conversationOf(complaint.id);
    expect(conversation.map((m) => [m.position, m.direction, m.authorId, m.body])).toEqual([
      [0, 'INBOUND', null, 'Where is my refund?'],
      [1, 'OUTBOUND', 'agent-ana', 'Let me check that for you.'],
      [2, 'NOTE', 'agent-ana', 'Refund never triggered; escalating.'],
    ]);
    const history = (await world.history.forComplaint(complaint.id, {})).edges.map((e) => e.node);
    expect(history.map((h) => [h.action, h.actorId])).toEqual([['ESCALATED_FROM_INQUIRY', 'agent-ana']]);
    expect(history[0].fieldChanges).toEqual(expect.arrayContaining([{ field: 'inquiryId', from: null, to: data.inquiryId }]));

    const registered = (await world.db.outboxEvents()).filter((e) => e.type === 'complaint.registered' && e.key === complaint.id);
    expect(registered).toHaveLength(1);
    expect(registered[0].data).toMatchObject({ inquiryId: data.inquiryId, registeredBy: 'agent-ana', customerId });
    const entries = (await world.db.outboxEvents()).filter((e) => e.type === 'complaint.customer_timeline_entry' && e.data.referenceId === complaint.id);
    expect(entries.map((e) => [e.data.summary, e.data.entryId, e.data.occurredAt])).toEqual([
      [`Complaint ${complaint.registrationNumber} registered (REFUND, HIGH) via CHAT, escalated from an inquiry`, registered[0].headers.ce_id, '2026-11-02T08:30:00.000Z'],
    ]);
    expect((await world.queries.list({ filter: { inquiryId: data.inquiryId } })).totalCount).toBe(1);
    expect(world.deadLetters).toHaveLength(0);
  });

  it('registers an escalation for a customer crm has not announced here yet, and awaits the customer', async () => {
    const data = escalation({ customerId: randomUUID() });
    await world.deliver(inquiryEscalated, data);
    const [complaint] = await world.db.dataSource.getRepository(Complaint).findBy({ inquiryId: data.inquiryId });
    expect(complaint.customerId).toBe(data.customerId);
    expect((await world.customers.awaited()).map((r) => [r.recordKind, r.recordId, r.customerId])).toContainEqual(['complaint', complaint.id, data.customerId]);
    expect(world.deadLetters).toHaveLength(0);
  });

  it('registers the complaint under the id the inquiry assigned, with flight, place and booking reference, once', async () => {
    const complaintId = randomUUID();
    const data = escalation({ complaintId, flightNumber: 'NH204', location: 'Narita T1 baggage claim', bookingReference: 'X7K2QP' });
    await world.deliver(inquiryEscalated, data);
    await world.deliver(inquiryEscalated, { ...data, escalatedAt: '2026-11-02T08:45:00.000Z' });
    const complaints = await world.db.dataSource.getRepository(Complaint).findBy({ inquiryId: data.inquiryId });
    expect(complaints).toHaveLength(1);
    expect(complaints[0]).toMatchObject({ id: complaintId, flightNumber: 'NH204', location: 'Narita T1 baggage claim', bookingReference: 'X7K2QP' });
    const registered = (await world.db.outboxEvents()).filter((e) => e.type === 'complaint.registered' && e.key === complaintId);
    expect(registered.map((e) => e.data.inquiryId)).toEqual([data.inquiryId]);
  });
});
