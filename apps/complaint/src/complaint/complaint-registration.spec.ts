import { customerErased } from '@carebridge/event-contracts';
import { countStatements } from '@carebridge/service-kit';
import { type ComplaintWorld, openComplaint, people } from '../complaint.fixture';
import { Urgency } from '../urgency/urgency.enums';
import { Complaint } from './complaint.entity';
import { ComplaintCategory, InvolvedPartyKind } from './complaint.enums';

describe('registering and finding complaints (real Postgres)', () => {
  let world: ComplaintWorld;
  let customerId: string;

  beforeAll(async () => {
    world = await openComplaint();
    customerId = await world.learnCustomer();
  });
  afterAll(() => world.close());

  it('registers the complaint as told, numbered per year, with its deadline, timeline and complaint.registered in the same transaction', async () => {
    const complaint = await world.register(customerId, {
      category: ComplaintCategory.ACCOMMODATION,
      description: 'The room faced a building site although we booked a quiet courtyard room.',
      location: ' Rome ',
      peopleInvolved: [{ kind: InvolvedPartyKind.HOTEL, name: ' Hotel Aurora ', detail: null }],
      bookingReference: 'xk7-99q',
      attachments: [{ name: 'view.jpg', contentType: 'image/jpeg', url: 'https://files.example.com/view.jpg' }],
    });
    expect(complaint).toMatchObject({
      status: 'REGISTERED',
      registeredBy: 'agent-ana',
      registeredByName: 'Ana Agent',
      location: 'Rome',
      description: 'The room faced a building site although we booked a quiet courtyard room.',
      peopleInvolved: [{ kind: 'HOTEL', name: 'Hotel Aurora', detail: null }],
      bookingReference: 'XK7-99Q',
      attachments: [{ name: 'view.jpg', contentType: 'image/jpeg', url: 'https://files.example.com/view.jpg' }],
      createdAt: new Date('2026-11-02T09:00:00.000Z'),
      // MEDIUM takes the default: 24 hours.
      feedbackDueAt: new Date('2026-11-03T09:00:00.000Z'),
    });
    expect(complaint.registrationNumber).toMatch(/^CMP-2026-\d{6}$/);
    const events = (await world.db.outboxEvents()).filter((e) => e.key === complaint.id);
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ complaintId: complaint.id, registrationNumber: complaint.registrationNumber, customerId, urgency: 'MEDIUM' });
    expect(events[0].data).not.toHaveProperty('inquiryId');
    expect(JSON.stringify(events[0].data)).not.toContain('building site');
    const history = await world.history.forComplaint(complaint.id, {});
    expect(history.edges.map((e) => [e.node.action, e.node.actorId, e.node.toStatus])).toEqual([['REGISTERED', 'agent-ana', 'REGISTERED']]);
  });

  it('registers in one transaction of 9 statements: customer, number, deadline policy, complaint, history, two events with their wake-up', async () => {
    // A guard on the write path's round trips (docs/performance.md, Write path): one more is a choice to make, not an accident.
    const { statements } = await countStatements(() => world.register(customerId));
    expect(statements).toBe(9);
  });

  it('numbers complaints without gaps or duplicates when agents register at the same moment', async () => {
    const registered = await Promise.all(Array.from({ length: 12 }, () => world.register(customerId)));
    const numbers = registered.map((c) => Number(c.registrationNumber.slice(-6))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(12);
    expect(numbers[11] - numbers[0]).toBe(11);
  });

  it('starts numbering again in a new year', async () => {
    world.db.clock.set('2027-01-01T00:00:05Z');
    const complaint = await world.register(customerId, { occurredAt: new Date('2026-12-31T23:00:00Z') });
    expect(complaint.registrationNumber).toBe('CMP-2027-000001');
    world.db.clock.set('2026-11-02T09:00:00Z');
  });

  it('refuses a future date, writing nothing', async () => {
    const before = await world.db.dataSource.getRepository(Complaint).count();
    const outboxBefore = (await world.db.outboxEvents()).length;
    await expect(world.register(customerId, { occurredAt: new Date('2026-12-24T00:00:00Z') })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.occurredAt' },
    });
    expect(await world.db.dataSource.getRepository(Complaint).count()).toBe(before);
    expect((await world.db.outboxEvents()).length).toBe(outboxBefore);
  });

  it('refuses complaints for an erased customer', async () => {
    const erased = await world.learnCustomer();
    await world.deliver(customerErased, { customerId: erased, erasedAt: '2026-11-01T00:00:00.000Z' });
    await expect(world.register(erased)).rejects.toMatchObject({ extensions: { field: 'input.customerId' } });
  });

  it('filters by status, category, urgency, customer, assignee, registration date and words of the description', async () => {
    await world.register(customerId, { category: ComplaintCategory.BAGGAGE, urgency: Urgency.CRITICAL, description: 'Wheelchair left behind at the gate in Lisbon' });
    const critical = await world.queries.list({ filter: { urgency: [Urgency.CRITICAL], category: [ComplaintCategory.BAGGAGE] } });
    expect(critical.totalCount).toBe(1);
    expect((await world.queries.list({ filter: { customerId, status: [] } })).totalCount).toBeGreaterThan(10);
    expect((await world.queries.list({ filter: { registeredFrom: new Date('2030-01-01') } })).totalCount).toBe(0);
    expect((await world.queries.list({ filter: { text: 'lisbon wheelchair' } })).edges.map((e) => e.node.urgency)).toEqual(['CRITICAL']);
    expect((await world.queries.list({ filter: { text: 'lisbon paris' } })).totalCount).toBe(0);
    const assigned = await world.complaintIn('ASSIGNED' as any, customerId);
    const mine = await world.queries.list({ filter: { assigneeId: people.specialist.userId, status: ['ASSIGNED' as any] } });
    expect(mine.edges.map((e) => e.node.id)).toEqual([assigned.id]);
    expect((await world.queries.list({ filter: { unassigned: false } })).totalCount).toBe(1);
  });

  it('pages through a list with cursors in every order', async () => {
    for (const orderBy of ['REGISTERED_AT_DESC', 'REGISTERED_AT_ASC', 'UPDATED_AT_DESC', 'FEEDBACK_DUE_AT_ASC'] as const) {
      const seen: string[] = [];
      let after: string | undefined;
      let total = 0;
      do {
        const page = await world.queries.list({ first: 4, after, orderBy: orderBy as any });
        total = page.totalCount;
        seen.push(...page.edges.map((e) => e.node.id));
        after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
      } while (after);
      expect(new Set(seen).size).toBe(total);
    }
  });
});
