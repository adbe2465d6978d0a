import { ConflictError } from '@carebridge/domain';
import { type ComplaintWorld, openComplaint, people } from '../complaint.fixture';
import { ComplaintStatus } from '../status/status.enums';
import { Urgency } from '../urgency/urgency.enums';
import { ComplaintClosure } from './complaint-closure.entity';
import { NEXT_STATUSES } from './complaint-lifecycle';
import { Complaint } from './complaint.entity';
import { ContactChannel, RootCauseCategory } from './complaint.enums';

const HOUR = 3_600_000;

describe('the complaint procedure, step by step (real Postgres)', () => {
  let world: ComplaintWorld;
  let customerId: string;
  const specialist = people.specialist;

  beforeAll(async () => {
    world = await openComplaint();
    customerId = await world.learnCustomer();
  });
  afterAll(() => world.close());

  const eventsOf = async (complaintId: string) => (await world.db.outboxEvents()).filter((e) => e.key === complaintId);

  it('goes REGISTERED → ASSIGNED → IN_PROGRESS → FEEDBACK_GIVEN → RESOLVED → CLOSED → REOPENED with an event and a timeline line per step', async () => {
    world.db.clock.set('2026-11-02T09:00:00Z');
    const { classification, assignment, work, resolutionPlanning, feedback: feedbackToCustomer, resolution, closing, reopening } = world;
    const registered = await world.register(customerId);
    const id = registered.id;
    world.db.clock.advance(HOUR);
    const classified = await classification.classify({ complaintId: id, urgency: Urgency.HIGH, category: registered.category }, specialist);
    // HIGH: 12 hours from registration by the seeded policy.
    expect(classified).toMatchObject({ urgency: 'HIGH', feedbackDueAt: new Date('2026-11-02T21:00:00Z') });
    const assigned = await assignment.assign({ complaintId: id, assigneeId: specialist.userId, department: 'Baggage Services' }, specialist);
    expect(assigned).toMatchObject({ status: 'ASSIGNED', assigneeId: 'spec-sam', assigneeName: 'Sam Specialist', department: 'Baggage Services' });
    expect((await work.startWork({ complaintId: id }, specialist)).status).toBe('IN_PROGRESS');
    await resolutionPlanning.planResolution(
      { complaintId: id, explanation: 'Your bag was sent to Munich by mistake.', rootCause: RootCauseCategory.OPERATIONS, compensation: [{ kind: 'MILES' as any, quantity: 5000, reason: 'For the wait' }] },
      specialist,
    );
    world.db.clock.advance(HOUR);
    const feedback = await feedbackToCustomer.giveFeedback(
      { complaintId: id, channel: ContactChannel.EMAIL, sentTo: 'li.wei@example.com', actionsTaken: 'Found the bag in Munich.', nextSteps: 'Courier tomorrow morning.' },
      specialist,
    );
    expect(feedback).toMatchObject({ status: 'FEEDBACK_GIVEN', feedbackGivenAt: new Date('2026-11-02T11:00:00Z') });
    const resolved = await resolution.resolve({ complaintId: id }, specialist);
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolvedBy: 'spec-sam', rootCause: 'OPERATIONS' });
    const closed = await closing.close({ complaintId: id, satisfactionScore: 4, satisfactionComment: 'Quick once someone cared.' }, specialist);
    expect(closed).toMatchObject({ status: 'CLOSED', closedAt: new Date('2026-11-02T11:00:00Z') });
    world.db.clock.advance(24 * HOUR);
    const reopened = await reopening.reopen({ complaintId: id, reason: 'The bag arrived damaged.' }, specialist);
    expect(reopened).toMatchObject({ status: 'REOPENED', reopenedCount: 1, feedbackGivenAt: null, feedbackDueAt: new Date('2026-11-03T23:00:00Z') });
    expect(reopened.version).toBeGreaterThan(registered.version);

    const events = await eventsOf(id);
    expect(events.map((e) => e.type)).toEqual([
      'complaint.registered',
      'complaint.assigned',
      'complaint.feedback_given',
      'complaint.resolved',
      'complaint.closed',
      'complaint.reopened',
    ]);
    expect(events.every((e) => e.headers.ce_subject === id)).toBe(true);
    expect(events[1].data).toMatchObject({ assigneeId: 'spec-sam', department: 'Baggage Services', assignedBy: 'spec-sam', automatic: false, reason: null });
    expect(events[2].data).toMatchObject({ givenBy: 'spec-sam', withinDeadline: true, feedbackDueAt: '2026-11-02T21:00:00.000Z' });
    expect(events[3].data).toMatchObject({ rootCause: 'OPERATIONS', compensation: [{ kind: 'MILES', quantity: 5000, amount: null, currency: null, reason: 'For the wait' }] });
    expect(events[4].data).toMatchObject({ satisfactionScore: 4, satisfactionComment: 'Quick once someone cared.', closedWithoutSatisfactionReason: null });
    expect(events[5].data).toMatchObject({ reopenedBy: 'spec-sam', reason: 'The bag arrived damaged.' });
    expect(JSON.stringify(events)).not.toContain('li.wei@example.com');

    const history = (await world.history.forComplaint(id, {})).edges.map((e) => e.node);
    expect(history.map((h) => h.action)).toEqual([
      'REGISTERED',
      'CLASSIFIED',
      'ASSIGNED',
      'WORK_STARTED',
      'RESOLUTION_PLANNED',
      'FEEDBACK_GIVEN',
      'RESOLVED',
      'CLOSED',
      'REOPENED',
    ]);
    expect(history.find((h) => h.action === 'CLASSIFIED')?.fieldChanges).toEqual(
      expect.arrayContaining([{ field: 'urgency', from: 'MEDIUM', to: 'HIGH' }]),
    );
    expect(history.find((h) => h.action === 'CLOSED')).toMatchObject({ fromStatus: 'RESOLVED', toStatus: 'CLOSED', actorId: 'spec-sam' });
    expect(history.find((h) => h.action === 'REOPENED')?.reason).toBe('The bag arrived damaged.');

    // Reopening keeps everything: the earlier closing, the feedback, the timeline.
    expect(await world.queries.closuresOf(id)).toHaveLength(1);
    expect(await world.queries.feedbackOf(id)).toHaveLength(1);
  });

  describe('every step the status does not allow is a CONFLICT naming the status and what may follow, and writes nothing', () => {
    const attempts: Record<string, (w: ComplaintWorld, c: Complaint) => Promise<unknown>> = {
      assign: (w, c) => w.assignment.assign({ complaintId: c.id, assigneeId: people.otherSpecialist.userId, reason: 'Holiday cover' }, specialist),
      startWork: (w, c) => w.work.startWork({ complaintId: c.id }, specialist),
      wait: (w, c) => w.work.setWaiting({ complaintId: c.id, waiting: true }, specialist),
      giveFeedback: (w, c) => w.feedback.giveFeedback({ complaintId: c.id, channel: ContactChannel.PHONE, actionsTaken: 'Called.', nextSteps: 'None.' }, specialist),
      planResolution: (w, c) => w.resolutionPlanning.planResolution({ complaintId: c.id, explanation: 'Sorry.', compensation: [] }, specialist),
      resolve: (w, c) => w.resolution.resolve({ complaintId: c.id }, specialist),
      close: (w, c) => w.closing.close({ complaintId: c.id, satisfactionScore: 3 }, specialist),
      reopen: (w, c) => w.reopening.reopen({ complaintId: c.id, reason: 'Customer called again.' }, specialist),
      classify: (w, c) => w.classification.classify({ complaintId: c.id, urgency: c.urgency === Urgency.LOW ? Urgency.HIGH : Urgency.LOW }, specialist),
    };
    const allowed: Record<ComplaintStatus, string[]> = {
      REGISTERED: ['assign', 'classify'],
      ASSIGNED: ['assign', 'startWork', 'classify'],
      IN_PROGRESS: ['assign', 'wait', 'giveFeedback', 'planResolution', 'classify'],
      FEEDBACK_GIVEN: ['assign', 'giveFeedback', 'planResolution', 'resolve', 'classify'],
      RESOLVED: ['close', 'reopen', 'classify'],
      CLOSED: ['reopen'],
      REOPENED: ['assign', 'startWork', 'classify'],
    };

    it.each(Object.values(ComplaintStatus))('from %s', async (status) => {
      const complaint = await world.complaintIn(status, customerId);
      const forbidden = Object.keys(attempts).filter((a) => !allowed[status].includes(a));
      const outboxBefore = (await world.db.outboxEvents()).length;
      const historyBefore = (await world.history.forComplaint(complaint.id, {})).totalCount;
      for (const attempt of forbidden) {
        const error = await attempts[attempt](world, complaint).then(
          () => new Error(`${attempt} succeeded from ${status}`),
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ConflictError);
        expect((error as ConflictError).extensions).toMatchObject({ code: 'CONFLICT', currentStatus: status, allowedNext: [...NEXT_STATUSES[status]] });
      }
      const after = await world.db.dataSource.getRepository(Complaint).findOneByOrFail({ id: complaint.id });
      expect(after).toMatchObject({ status, version: complaint.version });
      expect((await world.db.outboxEvents()).length).toBe(outboxBefore);
      expect((await world.history.forComplaint(complaint.id, {})).totalCount).toBe(historyBefore);
    });
  });

  describe('two people acting on one complaint at once', () => {
    it('lets one of two simultaneous starts win; the other gets CONFLICT', async () => {
      const complaint = await world.complaintIn(ComplaintStatus.ASSIGNED, customerId);
      const results = await Promise.allSettled([
        world.work.startWork({ complaintId: complaint.id }, specialist),
        world.work.startWork({ complaintId: complaint.id }, people.otherSpecialist),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason.extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'IN_PROGRESS' });
      expect((await world.history.forComplaint(complaint.id, {})).edges.filter((e) => e.node.action === 'WORK_STARTED')).toHaveLength(1);
    });

    it('refuses an action on a version the caller no longer sees, so two reassignments from the same view cannot both win', async () => {
      const complaint = await world.complaintIn(ComplaintStatus.IN_PROGRESS, customerId);
      const seen = complaint.version;
      const results = await Promise.allSettled([
        world.assignment.assign({ complaintId: complaint.id, assigneeId: people.otherSpecialist.userId, reason: 'Speaks Mandarin', expectedVersion: seen }, people.supervisor),
        world.classification.classify({ complaintId: complaint.id, urgency: Urgency.CRITICAL, expectedVersion: seen }, specialist),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: seen + 1, currentStatus: 'IN_PROGRESS' });
    });

    it('closes once when two specialists close at the same moment', async () => {
      const complaint = await world.complaintIn(ComplaintStatus.RESOLVED, customerId);
      const results = await Promise.allSettled([
        world.closing.close({ complaintId: complaint.id, satisfactionScore: 5 }, specialist),
        world.closing.close({ complaintId: complaint.id, withoutSatisfactionReason: 'customer unreachable' }, people.otherSpecialist),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await world.db.dataSource.getRepository(ComplaintClosure).countBy({ complaintId: complaint.id })).toBe(1);
      expect((await eventsOf(complaint.id)).filter((e) => e.type === 'complaint.closed')).toHaveLength(1);
    });
  });

  describe('assignment (A-3.2.3)', () => {
    it('assigns automatically to the handler with the fewest open complaints, round robin on a tie', async () => {
      const other = await world.learnCustomer();
      const regulars = [people.specialist, people.otherSpecialist];
      for (const h of regulars) await world.handlers.set({ userId: h.userId, name: h.name, department: 'Customer Relations', active: false });
      await world.handlers.set({ userId: 'spec-new-1', name: 'New One', department: 'Refunds', active: true });
      await world.handlers.set({ userId: 'spec-new-2', name: 'New Two', department: 'Refunds', active: true });
      // One of them already has an open complaint: the other gets the next one, then they alternate.
      const busy = await world.register(other);
      await world.assignment.assign({ complaintId: busy.id, assigneeId: 'spec-new-1' }, people.supervisor);
      const auto = async () => {
        const c = await world.register(other);
        return (await world.assignment.assign({ complaintId: c.id }, people.supervisor)).assigneeId;
      };
      expect(await auto()).toBe('spec-new-2');
      // A tie (1 each): spec-new-1 got one longest ago.
      expect(await auto()).toBe('spec-new-1');
      expect(await auto()).toBe('spec-new-2');
      expect(await auto()).toBe('spec-new-1');
      expect((await world.handlers.list()).filter((h) => h.handler.userId.startsWith('spec-new')).map((h) => h.openComplaints)).toEqual([3, 2]);
      const events = (await world.db.outboxEvents()).filter((e) => e.type === 'complaint.assigned' && e.data.automatic);
      expect(events.at(-1)?.data).toMatchObject({ department: 'Refunds', assignedBy: 'sup-sue', automatic: true });
      await world.handlers.set({ userId: 'spec-new-1', name: 'New One', department: 'Refunds', active: false });
      await world.handlers.set({ userId: 'spec-new-2', name: 'New Two', department: 'Refunds', active: false });
      for (const h of regulars) await world.handlers.set({ userId: h.userId, name: h.name, department: 'Customer Relations', active: true });
    });

    it('spreads simultaneous automatic assignments instead of giving them all to one person', async () => {
      await world.handlers.set({ userId: 'spec-a', name: 'A', department: null, active: true });
      await world.handlers.set({ userId: 'spec-b', name: 'B', department: null, active: true });
      for (const h of [people.specialist, people.otherSpecialist]) await world.handlers.set({ userId: h.userId, name: h.name, department: 'Customer Relations', active: false });
      const registered = await Promise.all([1, 2, 3, 4].map(() => world.register(customerId)));
      const assigned = await Promise.all(registered.map((c) => world.assignment.assign({ complaintId: c.id }, people.supervisor)));
      expect(assigned.filter((c) => c.assigneeId === 'spec-a')).toHaveLength(2);
      expect(assigned.filter((c) => c.assigneeId === 'spec-b')).toHaveLength(2);
      for (const h of ['spec-a', 'spec-b']) await world.handlers.set({ userId: h, name: h, department: null, active: false });
      for (const h of [people.specialist, people.otherSpecialist]) await world.handlers.set({ userId: h.userId, name: h.name, department: 'Customer Relations', active: true });
    });

    it('reassigns only with a reason, and only to an active handler', async () => {
      const complaint = await world.complaintIn(ComplaintStatus.IN_PROGRESS, customerId);
      await expect(world.assignment.assign({ complaintId: complaint.id, assigneeId: people.otherSpecialist.userId }, specialist)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'input.reason' },
      });
      await expect(world.assignment.assign({ complaintId: complaint.id, assigneeId: 'nobody', reason: 'x' }, specialist)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'input.assigneeId' },
      });
      const reassigned = await world.assignment.assign({ complaintId: complaint.id, reason: 'Sam is on leave' }, people.supervisor);
      expect(reassigned).toMatchObject({ status: 'IN_PROGRESS', assigneeId: 'spec-kim' });
      const last = (await world.history.forComplaint(complaint.id, {})).edges.at(-1)?.node;
      expect(last).toMatchObject({ action: 'REASSIGNED', reason: 'Sam is on leave', actorId: 'sup-sue' });
      expect(last?.fieldChanges).toEqual(expect.arrayContaining([{ field: 'assigneeId', from: 'spec-sam', to: 'spec-kim' }]));
    });
  });

  describe('closing (A-3.2.5)', () => {
    it('needs the satisfaction score or a reason it could not be asked', async () => {
      const complaint = await world.complaintIn(ComplaintStatus.RESOLVED, customerId);
      await expect(world.closing.close({ complaintId: complaint.id }, specialist)).rejects.toMatchObject({ extensions: { field: 'input.satisfactionScore' } });
      await expect(world.closing.close({ complaintId: complaint.id, satisfactionComment: 'ok' }, specialist)).rejects.toMatchObject({ extensions: { field: 'input.satisfactionScore' } });
      const closed = await world.closing.close({ complaintId: complaint.id, withoutSatisfactionReason: 'Customer unreachable after three calls' }, specialist);
      expect(closed.status).toBe('CLOSED');
      expect((await eventsOf(complaint.id)).at(-1)?.data).toMatchObject({ satisfactionScore: null, closedWithoutSatisfactionReason: 'Customer unreachable after three calls' });
    });
  });

  describe('nothing is ever deleted (A-4)', () => {
    it('refuses to change or delete the timeline, and to delete a complaint', async () => {
      const complaint = await world.register(customerId);
      await expect(world.db.dataSource.query(`UPDATE complaint_history SET actor_id = 'someone' WHERE complaint_id = $1`, [complaint.id])).rejects.toThrow(/append-only/);
      await expect(world.db.dataSource.query(`DELETE FROM complaint_history WHERE complaint_id = $1`, [complaint.id])).rejects.toThrow(/append-only/);
      await expect(world.db.dataSource.query(`DELETE FROM complaint WHERE id = $1`, [complaint.id])).rejects.toThrow(/never removed/);
    });
  });

  describe("the customer's timeline in crm (T-1.7)", () => {
    it("puts the steps crm shows on the customer's timeline in the steps' transactions, each entry named by its step's event", async () => {
      const customer = await world.learnCustomer();
      const complaint = await world.complaintIn(ComplaintStatus.REOPENED, customer);
      await world.assignment.assign({ complaintId: complaint.id, reason: 'Back from leave' }, people.supervisor);
      const number = complaint.registrationNumber;
      const outbox = await world.db.outboxEvents();
      const entries = outbox.filter((e) => e.type === 'complaint.customer_timeline_entry' && e.key === customer);
      expect(entries.map((e) => e.data.summary)).toEqual([
        `Complaint ${number} registered (BAGGAGE, MEDIUM) via EMAIL`,
        `Complaint ${number} assigned to Customer Relations`,
        `Complaint ${number} resolved`,
        `Complaint ${number} closed (satisfaction 4/5)`,
        `Complaint ${number} reopened`,
        `Complaint ${number} assigned automatically to Customer Relations`,
      ]);
      expect(entries[0].data).toMatchObject({ customerId: customer, kind: 'COMPLAINT', referenceId: complaint.id, referenceNumber: number, category: 'BAGGAGE' });
      expect(entries.slice(1).every((e) => e.data.category === null && e.data.referenceNumber === number)).toBe(true);
      const steps = outbox.filter((e) => e.key === complaint.id && e.type !== 'complaint.feedback_given');
      expect(entries.map((e) => e.data.entryId)).toEqual(steps.map((e) => e.headers.ce_id));
      expect(entries.map((e) => e.data.occurredAt)).toEqual(steps.map((e) => e.data.registeredAt ?? e.data.assignedAt ?? e.data.resolvedAt ?? e.data.closedAt ?? e.data.reopenedAt));
      expect(JSON.stringify(entries)).not.toContain('The bag arrived damaged.');
    });
  });
});
