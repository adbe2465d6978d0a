import { type ComplaintWorld, openComplaint, people, refusal } from '../complaint.fixture';
import { ComplaintStatus } from '../status/status.enums';
import { ComplaintCategory, ContactChannel } from './complaint.enums';

const REOPEN = `mutation($input: ReopenComplaintInput!) { reopenComplaint(input: $input) { status reopenedCount history { edges { node { action actorId reason changes { field to } } } } } }`;
const DAY = 86_400_000;

describe('reopening on the customer’s callback, and who registers what (real Postgres)', () => {
  let world: ComplaintWorld;

  beforeAll(async () => {
    world = await openComplaint({ COMPLAINT_AGENT_REOPEN_DAYS: '30' });
  });
  afterAll(() => world.close());

  it('lets the agent who takes the callback reopen a closed complaint within the window, saying how the customer came back', async () => {
    world.db.clock.set('2026-11-02T09:00:00.000Z');
    const closed = await world.complaintIn(ComplaintStatus.CLOSED, await world.learnCustomer());
    world.db.clock.advance(10 * DAY);

    const withoutContact = await world.run(people.agent, REOPEN, { input: { complaintId: closed.id, reason: 'The bag arrived damaged.' } });
    expect(refusal(withoutContact)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.customerContact' });

    const reopened = await world.run(people.agent, REOPEN, { input: { complaintId: closed.id, reason: 'The bag arrived damaged.', customerContact: ContactChannel.PHONE } });
    expect(reopened.errors).toBeUndefined();
    expect(reopened.data?.reopenComplaint).toMatchObject({ status: 'REOPENED', reopenedCount: 1 });
    const line = reopened.data?.reopenComplaint.history.edges.map((e: any) => e.node).find((n: any) => n.action === 'REOPENED');
    expect(line).toMatchObject({ actorId: 'agent-ana', reason: 'The bag arrived damaged.' });
    expect(line.changes).toContainEqual({ field: 'customerContact', to: 'PHONE' });
  });

  it('leaves a complaint that ended longer ago to the specialists, and never lets an analyst reopen', async () => {
    world.db.clock.set('2026-11-02T09:00:00.000Z');
    const closed = await world.complaintIn(ComplaintStatus.CLOSED, await world.learnCustomer());
    world.db.clock.advance(31 * DAY);
    const late = await world.run(people.agent, REOPEN, { input: { complaintId: closed.id, reason: 'Still broken.', customerContact: ContactChannel.PHONE } });
    expect(refusal(late)?.code).toBe('FORBIDDEN');
    expect(refusal(await world.run(people.analyst, REOPEN, { input: { complaintId: closed.id, reason: 'x', customerContact: ContactChannel.PHONE } }))?.code).toBe('FORBIDDEN');
    const bySpecialist = await world.run(people.specialist, REOPEN, { input: { complaintId: closed.id, reason: 'Still broken.' } });
    expect(bySpecialist.data?.reopenComplaint.status).toBe('REOPENED');
  });

  it('lets after-sales register complaints about problems during a trip, and only those', async () => {
    const afterSales = { userId: 'as-alex', roles: ['after_sales' as const], name: 'Alex After-Sales' };
    const customerId = await world.learnCustomer();
    const register = `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { category registeredBy } }`;
    const input = (category: ComplaintCategory) => ({ customerId, channel: 'PHONE', category, urgency: 'HIGH', description: 'The hotel was closed on arrival.', occurredAt: '2026-11-01T10:00:00.000Z' });
    const inTrip = await world.run(afterSales, register, { input: input(ComplaintCategory.ACCOMMODATION) });
    expect(inTrip.data?.registerComplaint).toEqual({ category: 'ACCOMMODATION', registeredBy: 'as-alex' });
    const ticketing = await world.run(afterSales, register, { input: input(ComplaintCategory.TICKETING) });
    expect(refusal(ticketing)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.category' });
    expect((await world.run(people.agent, register, { input: input(ComplaintCategory.TICKETING) })).errors).toBeUndefined();
  });
});
