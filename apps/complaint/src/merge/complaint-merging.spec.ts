import { type ComplaintWorld, openComplaint, people, refusal } from '../complaint.fixture';
import { ComplaintCategory } from '../complaint/complaint.enums';
import { ComplaintStatus } from '../status/status.enums';

const REGISTER = `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id registrationNumber possibleDuplicates { id } } }`;
const MERGE = `mutation($input: MergeComplaintsInput!) { mergeComplaints(input: $input) { id mergedComplaints { id status mergedIntoId history { edges { node { action reason } } } } history { edges { node { action changes { field to } } } } } }`;

describe('merging duplicate complaints (real Postgres)', () => {
  let world: ComplaintWorld;

  beforeAll(async () => {
    world = await openComplaint();
  });
  afterAll(() => world.close());

  it('shows an open complaint of the same customer about the same booking or category as a possible duplicate on registration', async () => {
    const customerId = await world.learnCustomer();
    const first = await world.register(customerId, { bookingReference: 'ABC123', category: ComplaintCategory.BAGGAGE });
    await world.register(await world.learnCustomer(), { bookingReference: 'ABC123' }); // another customer
    const input = { customerId, channel: 'PHONE', category: 'FLIGHT_DELAY_CANCELLATION', urgency: 'MEDIUM', description: 'Where is my bag?', occurredAt: '2026-11-01T10:00:00.000Z', bookingReference: 'abc123' };
    const second = await world.run(people.agent, REGISTER, { input });
    expect(second.data?.registerComplaint.possibleDuplicates).toEqual([{ id: first.id }]);
    const unrelated = await world.run(people.agent, REGISTER, { input: { ...input, category: 'TICKETING', bookingReference: 'ZZZ999' } });
    expect(unrelated.data?.registerComplaint.possibleDuplicates).toEqual([]);
  });

  it('merges the duplicate into the other, closing it without a survey, stopping its deadlines, keeping both histories', async () => {
    const customerId = await world.learnCustomer();
    world.db.clock.set('2026-11-02T09:00:00.000Z');
    const kept = await world.register(customerId);
    const duplicate = await world.register(customerId);
    const eventsBefore = (await world.db.outboxEvents()).length;
    const merged = await world.run(people.specialist, MERGE, { input: { complaintId: duplicate.id, intoComplaintId: kept.id, reason: 'Same bag, called twice.' } });
    expect(merged.errors).toBeUndefined();
    const result = merged.data?.mergeComplaints;
    expect(result.id).toBe(kept.id);
    expect(result.mergedComplaints).toMatchObject([{ id: duplicate.id, status: 'CLOSED', mergedIntoId: kept.id }]);
    expect(result.mergedComplaints[0].history.edges.map((e: any) => e.node.action)).toEqual(['REGISTERED', 'MERGED_INTO']);
    expect(result.history.edges.map((e: any) => e.node)).toContainEqual({ action: 'MERGED_FROM', changes: [{ field: 'mergedFrom', to: duplicate.registrationNumber }] });
    const events = (await world.db.outboxEvents()).slice(eventsBefore);
    expect(events.map((e) => e.type)).toEqual(['complaint.merged']);

    // The duplicate's feedback deadline passes without a breach; the kept one's is breached.
    world.db.clock.advance(48 * 3_600_000);
    await world.monitor.run(world.db.clock.now());
    const breached = (await world.db.dataSource.query(`SELECT complaint_id FROM complaint_deadline_breach`)).map((r: { complaint_id: string }) => r.complaint_id);
    expect(breached).toContain(kept.id);
    expect(breached).not.toContain(duplicate.id);
  });

  it('refuses another customer’s complaint, itself, a closed duplicate and a second merge', async () => {
    const customerId = await world.learnCustomer();
    const a = await world.register(customerId);
    const b = await world.register(customerId);
    const stranger = await world.register(await world.learnCustomer());
    const merge = (complaintId: string, intoComplaintId: string) => world.run(people.specialist, MERGE, { input: { complaintId, intoComplaintId, reason: 'dup' } });
    expect(refusal(await merge(a.id, stranger.id))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.intoComplaintId' });
    expect(refusal(await merge(a.id, a.id))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.intoComplaintId' });
    const closed = await world.complaintIn(ComplaintStatus.CLOSED, customerId);
    expect(refusal(await merge(closed.id, a.id))?.code).toBe('CONFLICT');
    await merge(b.id, a.id);
    expect(refusal(await merge(b.id, a.id))?.code).toBe('CONFLICT');
    expect(refusal(await merge(a.id, b.id))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.intoComplaintId' });
    expect(refusal(await world.run(people.agent, MERGE, { input: { complaintId: a.id, intoComplaintId: b.id, reason: 'x' } }))?.code).toBe('FORBIDDEN');
  });
});
