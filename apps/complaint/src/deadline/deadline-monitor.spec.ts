import { type ComplaintWorld, openComplaint, people } from '../complaint.fixture';
import { ContactChannel } from '../complaint/complaint.enums';
import { ComplaintStatus } from '../status/status.enums';
import { Urgency } from '../urgency/urgency.enums';
import { DeadlineState } from './deadline.enums';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = '2026-11-02T09:00:00.000Z';
const specialist = people.specialist;

describe('deadlines and the deadline monitor (real Postgres, controlled clock)', () => {
  let world: ComplaintWorld;
  let customerId: string;

  beforeAll(async () => {
    world = await openComplaint();
    customerId = await world.learnCustomer();
  });
  afterAll(() => world.close());

  const breachEvents = async (complaintId: string) => (await world.db.outboxEvents()).filter((e) => e.type === 'complaint.sla_breached' && e.key === complaintId);
  const reload = async (id: string) => {
    const complaint = await world.queries.findById(id);
    if (!complaint) throw new Error(`complaint ${id} is gone`);
    return complaint;
  };
  const state = async (id: string, now: Date) => world.deadlines.deadlines(await reload(id), now)[0].state;

  it('finds a complaint past its feedback deadline once and only once, and escalates it to the supervisors', async () => {
    world.db.clock.set(T0);
    const complaint = await world.complaintIn(ComplaintStatus.IN_PROGRESS, customerId);
    expect(complaint.feedbackDueAt).toEqual(new Date('2026-11-03T09:00:00Z'));

    await world.monitor.run(new Date(Date.parse(T0) + 23 * HOUR));
    expect(await breachEvents(complaint.id)).toHaveLength(0);
    expect(await state(complaint.id, new Date(Date.parse(T0) + 23 * HOUR))).toBe(DeadlineState.AT_RISK);

    const late = new Date(Date.parse(T0) + 25 * HOUR);
    // Two instances running the monitor at the same moment still report the breach once.
    await Promise.all([world.monitor.run(late), world.monitor.run(late)]);
    await world.monitor.run(new Date(late.getTime() + HOUR));
    const events = await breachEvents(complaint.id);
    expect(events).toHaveLength(1);
    expect(events[0].data).toEqual({
      complaintId: complaint.id,
      customerId,
      deadline: 'FEEDBACK',
      urgency: 'MEDIUM',
      dueAt: '2026-11-03T09:00:00.000Z',
      breachedAt: late.toISOString(),
      assigneeId: 'spec-sam',
    });
    const after = await reload(complaint.id);
    expect(after).toMatchObject({ escalatedAt: late, escalatedToRole: 'supervisor', feedbackBreachedAt: late });
    expect(world.deadlines.deadlines(after, late)[0]).toMatchObject({ kind: 'FEEDBACK', state: 'BREACHED', breachedAt: late });
    const actions = (await world.history.forComplaint(complaint.id, {})).edges.map((e) => e.node);
    expect(actions.filter((h) => h.action === 'DEADLINE_BREACHED')).toHaveLength(1);
    expect(actions.find((h) => h.action === 'ESCALATED')).toMatchObject({ actorId: 'system' });
    // The breach is kept under its key (complaint, deadline, due time), which is what makes it count once.
    // The at-risk warning before it is kept the same way, under FEEDBACK_AT_RISK.
    expect(await world.db.dataSource.query(`SELECT deadline, due_at, breached_at FROM complaint_deadline_breach WHERE complaint_id = $1 ORDER BY breached_at`, [complaint.id])).toEqual([
      { deadline: 'FEEDBACK_AT_RISK', due_at: new Date('2026-11-03T09:00:00Z'), breached_at: new Date(Date.parse(T0) + 23 * HOUR) },
      { deadline: 'FEEDBACK', due_at: new Date('2026-11-03T09:00:00Z'), breached_at: late },
    ]);
    const atRisk = (await world.db.outboxEvents()).filter((e) => e.type === 'complaint.sla_at_risk' && e.key === complaint.id);
    expect(atRisk.map((e) => e.data)).toEqual([
      { complaintId: complaint.id, customerId, deadline: 'FEEDBACK', urgency: 'MEDIUM', dueAt: '2026-11-03T09:00:00.000Z', detectedAt: new Date(Date.parse(T0) + 23 * HOUR).toISOString(), assigneeId: 'spec-sam' },
    ]);

    world.db.clock.set(late);
    expect((await world.queries.list({ filter: { breached: true, escalated: true } })).edges.map((e) => e.node.id)).toContain(complaint.id);
    // Feedback given late meets the deadline late.
    const answered = await world.feedback.giveFeedback({ complaintId: complaint.id, channel: ContactChannel.PHONE, actionsTaken: 'Called back.', nextSteps: 'Courier.' }, specialist);
    expect(world.deadlines.deadlines(answered, late)[0].state).toBe(DeadlineState.MET_LATE);
    expect((await world.db.outboxEvents()).filter((e) => e.type === 'complaint.feedback_given' && e.key === complaint.id).at(-1)?.data.withinDeadline).toBe(false);
  });

  it('pauses the clock while waiting on the customer and records the time paused', async () => {
    world.db.clock.set(T0);
    const complaint = await world.complaintIn(ComplaintStatus.IN_PROGRESS, customerId);
    world.db.clock.set(new Date(Date.parse(T0) + 2 * HOUR));
    const waiting = await world.work.setWaiting({ complaintId: complaint.id, waiting: true, note: 'Asked for the baggage tag number' }, specialist);
    expect(waiting.waitingSince).toEqual(new Date(Date.parse(T0) + 2 * HOUR));
    await expect(world.work.setWaiting({ complaintId: complaint.id, waiting: true }, specialist)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });

    // 30 hours later the deadline would have passed, but the clock stood still.
    const later = new Date(Date.parse(T0) + 32 * HOUR);
    await world.monitor.run(later);
    expect(await breachEvents(complaint.id)).toHaveLength(0);
    expect(await state(complaint.id, later)).toBe(DeadlineState.PAUSED);
    expect((await world.queries.list({ filter: { waitingOnCustomer: true } })).edges.map((e) => e.node.id)).toContain(complaint.id);

    world.db.clock.set(later);
    const resumed = await world.work.setWaiting({ complaintId: complaint.id, waiting: false, note: 'Customer sent the tag' }, specialist);
    expect(resumed).toMatchObject({ waitingSince: null, pausedMs: 30 * HOUR, feedbackDueAt: new Date(Date.parse(T0) + 54 * HOUR) });
    const ended = (await world.history.forComplaint(complaint.id, {})).edges.at(-1)?.node;
    expect(ended).toMatchObject({ action: 'WAIT_ENDED', reason: 'Customer sent the tag' });
    expect(ended?.fieldChanges).toEqual(expect.arrayContaining([{ field: 'pausedSeconds', from: null, to: String(30 * 3600) }]));

    await world.monitor.run(new Date(Date.parse(T0) + 53 * HOUR));
    expect(await breachEvents(complaint.id)).toHaveLength(0);
    await world.monitor.run(new Date(Date.parse(T0) + 55 * HOUR));
    expect(await breachEvents(complaint.id)).toHaveLength(1);
  });

  it('never reports a complaint that got its feedback in time', async () => {
    world.db.clock.set(T0);
    const complaint = await world.complaintIn(ComplaintStatus.FEEDBACK_GIVEN, customerId);
    await world.monitor.run(new Date(Date.parse(T0) + 10 * DAY));
    expect(await breachEvents(complaint.id)).toHaveLength(0);
    expect(await state(complaint.id, new Date(Date.parse(T0) + 10 * DAY))).toBe(DeadlineState.MET);
  });

  it('takes the target from the urgency policy, which admins change', async () => {
    world.db.clock.set(T0);
    const policies = await world.policies.list();
    expect(policies.map((p) => [p.urgency, p.feedbackTargetHours, p.usesDefault])).toEqual([
      ['CRITICAL', 4, false],
      ['HIGH', 12, false],
      ['MEDIUM', 24, true],
      ['LOW', 24, true],
    ]);
    expect((await world.register(customerId, { urgency: Urgency.CRITICAL })).feedbackDueAt).toEqual(new Date('2026-11-02T13:00:00Z'));
    const changed = await world.policies.set({ urgency: Urgency.CRITICAL, feedbackTargetHours: 2 }, { userId: 'admin-ada', roles: ['admin'] });
    expect(changed).toMatchObject({ feedbackTargetHours: 2, usesDefault: false, updatedBy: 'admin-ada' });
    expect((await world.register(customerId, { urgency: Urgency.CRITICAL })).feedbackDueAt).toEqual(new Date('2026-11-02T11:00:00Z'));
    await world.policies.set({ urgency: Urgency.CRITICAL, feedbackTargetHours: null }, { userId: 'admin-ada', roles: ['admin'] });
    expect((await world.register(customerId, { urgency: Urgency.CRITICAL })).feedbackDueAt).toEqual(new Date('2026-11-03T09:00:00Z'));
    await world.policies.set({ urgency: Urgency.CRITICAL, feedbackTargetHours: 4 }, { userId: 'admin-ada', roles: ['admin'] });
  });

  it('moves the open deadline when the urgency changes', async () => {
    world.db.clock.set(T0);
    const complaint = await world.register(customerId, { urgency: Urgency.LOW });
    world.db.clock.set(new Date(Date.parse(T0) + HOUR));
    const raised = await world.classification.classify({ complaintId: complaint.id, urgency: Urgency.CRITICAL }, specialist);
    expect(raised.feedbackDueAt).toEqual(new Date('2026-11-02T13:00:00Z'));
  });

  it('lists complaints at risk and breached', async () => {
    world.db.clock.set(T0);
    const fresh = await world.register(customerId);
    world.db.clock.set(new Date(Date.parse(T0) + 19 * HOUR));
    const atRisk = (await world.queries.list({ filter: { atRisk: true }, first: 100 })).edges.map((e) => e.node.id);
    expect(atRisk).toContain(fresh.id);
    expect((await world.queries.list({ filter: { breached: true }, first: 100 })).edges.map((e) => e.node.id)).not.toContain(fresh.id);
    world.db.clock.set(new Date(Date.parse(T0) + 25 * HOUR));
    expect((await world.queries.list({ filter: { breached: true }, first: 100 })).edges.map((e) => e.node.id)).toContain(fresh.id);
    expect((await world.queries.list({ filter: { breached: false }, first: 100 })).edges.map((e) => e.node.id)).not.toContain(fresh.id);
    const byDue = await world.queries.list({ orderBy: 'FEEDBACK_DUE_AT_ASC' as any, first: 100 });
    const dues = byDue.edges.map((e) => e.node.feedbackDueAt.getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(byDue.edges.every((e) => e.node.feedbackGivenAt === null)).toBe(true);
  });
});

describe('business hours and the US DOT rule (14 CFR 259.7)', () => {
  let world: ComplaintWorld;
  let customerId: string;

  beforeAll(async () => {
    world = await openComplaint({ COMPLAINT_DOT_RULE: 'true', COMPLAINT_BUSINESS_HOURS: 'Mon-Fri 09:00-18:00', COMPLAINT_HOLIDAYS: '2026-11-09' });
    customerId = await world.learnCustomer();
  });
  afterAll(() => world.close());

  it('counts the feedback target in business hours and tracks acknowledgment (30 days) and response (60 days) in calendar days', async () => {
    // Friday 17:00: 1 hour on Friday, Monday is a holiday, so 24 business hours end on Thursday at 14:00.
    world.db.clock.set('2026-11-06T17:00:00Z');
    const complaint = await world.complaintIn(ComplaintStatus.IN_PROGRESS, customerId);
    expect(complaint).toMatchObject({
      feedbackDueAt: new Date('2026-11-12T14:00:00Z'),
      dotAcknowledgmentDueAt: new Date('2026-12-06T17:00:00Z'),
      dotResponseDueAt: new Date('2027-01-05T17:00:00Z'),
    });
    expect(world.deadlines.deadlines(complaint, new Date('2026-11-06T17:00:00Z')).map((d) => d.kind)).toEqual(['FEEDBACK', 'DOT_ACKNOWLEDGMENT', 'DOT_RESPONSE']);

    // A wait over the weekend pauses only the business hours it covered.
    world.db.clock.set('2026-11-13T17:00:00Z');
    const other = await world.complaintIn(ComplaintStatus.IN_PROGRESS, customerId);
    await world.work.setWaiting({ complaintId: other.id, waiting: true }, people.specialist);
    world.db.clock.set('2026-11-16T10:00:00Z');
    const resumed = await world.work.setWaiting({ complaintId: other.id, waiting: false }, people.specialist);
    // Paused Friday 17:00 → Monday 10:00: 65 hours by the clock, 2 business hours.
    expect(resumed.pausedMs).toBe(65 * HOUR);
    expect(resumed.feedbackDueAt.getTime() - other.feedbackDueAt.getTime()).toBe(2 * HOUR);

    world.db.clock.set('2026-11-10T09:00:00Z');
    const acknowledged = await world.feedback.giveFeedback({ complaintId: complaint.id, channel: ContactChannel.EMAIL, actionsTaken: 'Opened a case.', nextSteps: 'Answer in writing.' }, people.specialist);
    expect(acknowledged.dotAcknowledgedAt).toEqual(new Date('2026-11-10T09:00:00Z'));

    await world.monitor.run(new Date('2027-01-06T00:00:00Z'));
    const breaches = (await world.db.outboxEvents()).filter((e) => e.type === 'complaint.sla_breached' && e.key === complaint.id);
    expect(breaches.map((e) => e.data.deadline)).toEqual(['DOT_RESPONSE']);
    expect(breaches[0].data.dueAt).toBe('2027-01-05T17:00:00.000Z');
  });
});
