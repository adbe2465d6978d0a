import { serviceRecoveryEscalated } from '@carebridge/event-contracts';
import { randomUUID } from 'node:crypto';
import { type ComplaintWorld, openComplaint } from '../complaint.fixture';
import { Complaint } from '../complaint/complaint.entity';

describe('complaints escalated from after-sales service recovery (service_recovery.escalated, real Postgres)', () => {
  let world: ComplaintWorld;
  let customerId: string;

  beforeAll(async () => {
    world = await openComplaint();
    customerId = await world.learnCustomer();
  });
  afterAll(() => world.close());

  const escalation = (overrides: Record<string, unknown> = {}) => ({
    taskId: randomUUID(),
    surveyId: randomUUID(),
    tripId: randomUUID(),
    customerId,
    bookingReference: 'X7K2PQ',
    escalatedBy: 'as-alex',
    escalatedAt: '2026-11-05T10:00:00.000Z',
    category: 'ACCOMMODATION' as const,
    urgency: 'HIGH' as const,
    description: 'Post-trip survey for booking X7K2PQ: NPS 2/10; ratings HOTEL 1/5.\nWhy: The room was dirty and nobody helped.',
    occurredAt: '2026-11-01T18:00:00.000Z',
    ...overrides,
  });

  it('registers one complaint in the customer’s words, however often the event is delivered', async () => {
    const data = escalation();
    const eventId = randomUUID();
    await world.deliver(serviceRecoveryEscalated, data, eventId);
    await world.deliver(serviceRecoveryEscalated, data, eventId);

    const complaints = await world.db.dataSource.getRepository(Complaint).findBy({ customerId, bookingReference: 'X7K2PQ' });
    expect(complaints).toHaveLength(1);
    expect(complaints[0]).toMatchObject({
      status: 'REGISTERED',
      channel: 'WEB_FORM',
      category: 'ACCOMMODATION',
      urgency: 'HIGH',
      registeredBy: 'as-alex',
      description: data.description,
      occurredAt: new Date(data.occurredAt),
      createdAt: new Date(data.escalatedAt),
    });
    const history = (await world.history.forComplaint(complaints[0].id, {})).edges.map((e) => e.node);
    expect(history[0].fieldChanges).toEqual(expect.arrayContaining([{ field: 'serviceRecoveryTaskId', from: null, to: data.taskId }]));
    const registered = (await world.db.outboxEvents()).filter((e) => e.type === 'complaint.registered' && e.key === complaints[0].id);
    expect(registered).toHaveLength(1);
    expect(world.deadLetters).toHaveLength(0);
  });

  it('registers an escalation for a customer crm has not announced here yet, and awaits the customer', async () => {
    const data = escalation({ customerId: randomUUID(), bookingReference: 'NOPE01' });
    await world.deliver(serviceRecoveryEscalated, data);
    const [complaint] = await world.db.dataSource.getRepository(Complaint).findBy({ bookingReference: 'NOPE01' });
    expect((await world.customers.awaited()).map((r) => [r.recordKind, r.recordId, r.customerId])).toContainEqual(['complaint', complaint.id, data.customerId]);
  });
});
