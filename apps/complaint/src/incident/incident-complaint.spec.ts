import { incidentComplaintRaised } from '@carebridge/event-contracts';
import { randomUUID } from 'node:crypto';
import { type ComplaintWorld, openComplaint } from '../complaint.fixture';
import { Complaint } from '../complaint/complaint.entity';

describe('complaints after-sales raises for in-trip incidents (incident.complaint_raised, real Postgres)', () => {
  let world: ComplaintWorld;
  let customerId: string;

  beforeAll(async () => {
    world = await openComplaint();
    customerId = await world.learnCustomer();
  });
  afterAll(() => world.close());

  const raised = (overrides: Record<string, unknown> = {}) => ({
    incidentId: randomUUID(),
    incidentNumber: 'INC-2026-000007',
    customerId,
    tripId: randomUUID(),
    segmentId: randomUUID(),
    type: 'FLIGHT_CANCELLATION' as const,
    category: 'FLIGHT_DISRUPTION' as const,
    severity: 'HIGH' as const,
    complaintCategory: 'FLIGHT_DELAY_CANCELLATION' as const,
    urgency: 'HIGH' as const,
    channel: 'PHONE' as const,
    bookingReference: 'KLB250',
    segmentLabel: 'KL 1675 AMS–BCN on 2026-11-20',
    occurredAt: '2026-11-17T09:00:00.000Z',
    raisedBy: 'as-asa',
    raisedAt: '2026-11-21T10:00:00.000Z',
    proposedCompensation: [
      {
        entitlementId: randomUUID(),
        kind: 'REFUND' as const,
        amount: '250.00',
        currency: 'EUR',
        quantity: null,
        regime: 'EU261',
        legalBasis: 'Regulation (EC) No 261/2004, Art. 5(1)(c) and 7(1)(a)',
        ruleVersion: '2004-02-17',
      },
    ],
    ...overrides,
  });

  it('registers one complaint carrying the computed compensation and its article, however often the event is delivered', async () => {
    const data = raised();
    const eventId = randomUUID();
    await world.deliver(incidentComplaintRaised, data, eventId);
    await world.deliver(incidentComplaintRaised, data, eventId);

    const complaints = await world.db.dataSource.getRepository(Complaint).findBy({ customerId, bookingReference: 'KLB250' });
    expect(complaints).toHaveLength(1);
    expect(complaints[0]).toMatchObject({
      status: 'REGISTERED',
      channel: 'PHONE',
      category: 'FLIGHT_DELAY_CANCELLATION',
      urgency: 'HIGH',
      registeredBy: 'as-asa',
      occurredAt: new Date(data.occurredAt),
      createdAt: new Date(data.raisedAt),
      peopleInvolved: [{ kind: 'FLIGHT', name: 'KL 1675 AMS–BCN on 2026-11-20', detail: null }],
    });
    expect(complaints[0].description).toContain('In-trip incident INC-2026-000007 (flight cancellation, high severity) on KL 1675 AMS–BCN on 2026-11-20');
    expect(complaints[0].description).toContain('REFUND EUR 250.00 (EU261): Regulation (EC) No 261/2004, Art. 5(1)(c) and 7(1)(a); rules of 2004-02-17.');
    const history = (await world.history.forComplaint(complaints[0].id, {})).edges.map((e) => e.node);
    expect(history[0].fieldChanges).toEqual(expect.arrayContaining([{ field: 'incidentId', from: null, to: data.incidentId }]));
    expect((await world.db.outboxEvents()).filter((e) => e.type === 'complaint.registered' && e.key === complaints[0].id)).toHaveLength(1);
    expect(world.deadLetters).toHaveLength(0);
  });

  it('registers a complaint for a customer crm has not announced here yet, and awaits the customer', async () => {
    const data = raised({ customerId: randomUUID(), bookingReference: 'NOPE02' });
    await world.deliver(incidentComplaintRaised, data);
    const [complaint] = await world.db.dataSource.getRepository(Complaint).findBy({ bookingReference: 'NOPE02' });
    expect((await world.customers.awaited()).map((r) => [r.recordKind, r.recordId, r.customerId])).toContainEqual(['complaint', complaint.id, data.customerId]);
  });
});
