import { inquiryEscalated } from '@carebridge/event-contracts';
import { randomUUID } from 'node:crypto';
import { type ComplaintWorld, openComplaint, people, refusal } from '../complaint.fixture';
import { ComplaintStatus } from '../status/status.enums';
import { Urgency } from '../urgency/urgency.enums';

const UPDATE = `mutation($input: UpdateComplaintInput!) { updateComplaint(input: $input) {
  id version occurredAt location flightNumber bookingReference peopleInvolved { kind name detail }
  history { edges { node { action actorId changes { field from to } } } } } }`;

describe('completing a complaint file after registration (real Postgres)', () => {
  let world: ComplaintWorld;

  beforeAll(async () => {
    world = await openComplaint();
  });
  afterAll(() => world.close());

  it('adds the place, time, people, flight and booking of an escalated complaint that arrived without them, each change on the history', async () => {
    const customerId = await world.learnCustomer();
    const inquiryId = randomUUID();
    world.db.clock.set('2026-11-03T09:00:00.000Z');
    await world.deliver(inquiryEscalated, {
      inquiryId,
      customerId,
      escalatedBy: 'agent-ana',
      escalatedAt: '2026-11-03T08:00:00.000Z',
      channel: 'PHONE',
      category: 'BAGGAGE',
      urgency: 'HIGH',
      description: 'My bag is lost.',
      occurredAt: null,
      conversation: [],
    });
    const complaint = (await world.queries.list({ filter: { inquiryId } } as any)).edges[0].node;
    expect(complaint).toMatchObject({ location: null, flightNumber: null, bookingReference: null, peopleInvolved: [] });

    const updated = await world.run(people.agent, UPDATE, {
      input: {
        complaintId: complaint.id,
        expectedVersion: complaint.version,
        occurredAt: '2026-11-02T18:30:00.000Z',
        location: ' Munich airport, belt 7 ',
        flightNumber: 'lh 2471',
        bookingReference: 'x7k2pq',
        peopleInvolved: [{ kind: 'STAFF', name: 'Baggage desk MUC' }],
      },
    });
    expect(updated.errors).toBeUndefined();
    const after = updated.data?.updateComplaint;
    expect(after).toMatchObject({
      version: complaint.version + 1,
      occurredAt: new Date('2026-11-02T18:30:00.000Z'),
      location: 'Munich airport, belt 7',
      flightNumber: 'LH2471',
      bookingReference: 'X7K2PQ',
      peopleInvolved: [{ kind: 'STAFF', name: 'Baggage desk MUC', detail: null }],
    });
    const line = after.history.edges.map((e: any) => e.node).find((n: any) => n.action === 'DETAILS_UPDATED');
    expect(line.actorId).toBe('agent-ana');
    // Time and flight are shown from/to; what an erasure blanks is named, its value kept only on the complaint.
    expect(line.changes).toEqual(
      expect.arrayContaining([
        { field: 'occurredAt', from: null, to: '2026-11-02T18:30:00.000Z' },
        { field: 'flightNumber', from: null, to: 'LH2471' },
        { field: 'location', from: null, to: null },
        { field: 'bookingReference', from: null, to: null },
        { field: 'peopleInvolved', from: null, to: null },
      ]),
    );
    expect(JSON.stringify(line)).not.toContain('belt 7');

    // Nothing changed: no new version, no new line; null clears one field and leaves the others.
    const again = await world.details.update({ complaintId: complaint.id, location: 'Munich airport, belt 7' }, people.agent);
    expect(again.version).toBe(after.version);
    const cleared = await world.details.update({ complaintId: complaint.id, flightNumber: null }, people.specialist);
    expect(cleared).toMatchObject({ flightNumber: null, bookingReference: 'X7K2PQ', location: 'Munich airport, belt 7' });
  });

  it('refuses bad input with the field named, a stale version with CONFLICT, and a closed file', async () => {
    const customerId = await world.learnCustomer();
    const complaint = await world.register(customerId);
    const bad = await world.run(people.agent, UPDATE, { input: { complaintId: complaint.id, flightNumber: 'not a flight' } });
    expect(refusal(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.flightNumber' });
    const future = await world.run(people.agent, UPDATE, { input: { complaintId: complaint.id, occurredAt: '2099-01-01T00:00:00.000Z' } });
    expect(refusal(future)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.occurredAt' });
    const stale = await world.run(people.agent, UPDATE, { input: { complaintId: complaint.id, expectedVersion: complaint.version + 5, location: 'FRA' } });
    expect(refusal(stale)?.code).toBe('CONFLICT');
    const analyst = await world.run(people.analyst, UPDATE, { input: { complaintId: complaint.id, location: 'FRA' } });
    expect(refusal(analyst)?.code).toBe('FORBIDDEN');

    const closed = await world.complaintIn(ComplaintStatus.CLOSED, customerId);
    const refused = await world.run(people.specialist, UPDATE, { input: { complaintId: closed.id, location: 'FRA' } });
    expect(refusal(refused)).toMatchObject({ code: 'CONFLICT', currentStatus: 'CLOSED' });
  });

  it('registers the flight given at registration, normalised', async () => {
    const customerId = await world.learnCustomer();
    const complaint = await world.register(customerId, { flightNumber: 'nh 204' });
    expect(complaint.flightNumber).toBe('NH204');
  });

  it('refuses a feedback target that rounds to no minutes as BAD_USER_INPUT, not a database error', async () => {
    const admin = { userId: 'admin-ada', roles: ['admin' as const], name: 'Ada Admin' };
    const set = `mutation($input: SetComplaintDeadlinePolicyInput!) { setComplaintDeadlinePolicy(input: $input) { urgency feedbackTargetHours } }`;
    const tiny = await world.run(admin, set, { input: { urgency: Urgency.LOW, feedbackTargetHours: 0.001 } });
    expect(refusal(tiny)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.feedbackTargetHours' });
    const zero = await world.run(admin, set, { input: { urgency: Urgency.LOW, feedbackTargetHours: 0 } });
    expect(refusal(zero)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.feedbackTargetHours' });
    const fine = await world.run(admin, set, { input: { urgency: Urgency.LOW, feedbackTargetHours: 0.5 } });
    expect(fine.data?.setComplaintDeadlinePolicy).toEqual({ urgency: 'LOW', feedbackTargetHours: 0.5 });
  });
});
