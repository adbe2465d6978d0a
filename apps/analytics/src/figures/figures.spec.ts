import { randomUUID } from 'node:crypto';
import {
  complaintClosed,
  courseCompleted,
  trainingOverdue,
  complaintRegistered,
  complaintReopened,
  complaintResolved,
  customerErased,
  customerMerged,
  inquiryClosed,
  inquiryFirstResponded,
  inquiryReceived,
  followUpSurveyAnswered,
  qaReviewCompleted,
} from '@carebridge/event-contracts';
import { people, useAnalytics } from '../analytics.fixture';

const NOVEMBER = { kind: 'MONTH', date: '2026-11-10' } as const;
const DECEMBER = { kind: 'MONTH', date: '2026-12-10' } as const;

describe('figures from the event streams (real Postgres)', () => {
  const world = useAnalytics({ ANALYTICS_BUSINESS_HOURS: 'Mon-Fri 09:00-17:00' });
  const figures = async (period: object, breakdowns: string[] = []) => world.figureQueries.table(period as never, breakdowns as never);

  const registered = (complaintId: string, customerId: string, at: string) =>
    world.deliver(complaintRegistered, { complaintId, registrationNumber: `C-${complaintId.slice(0, 6)}`, customerId, channel: 'EMAIL', category: 'BAGGAGE', urgency: 'HIGH', registeredBy: 'agent-1', registeredAt: at });
  const resolved = (complaintId: string, customerId: string, at: string, rootCause: string | null = 'BAGGAGE_HANDLING', compensation: object[] = []) =>
    world.deliver(complaintResolved, { complaintId, registrationNumber: 'C-1', customerId, resolvedBy: 'handler-1', resolvedAt: at, rootCause, compensation: compensation as never });

  it('counts a resolution in the period it happened, and a reopening does not erase it', async () => {
    const customerId = await world.learnCustomer();
    const complaintId = randomUUID();
    await registered(complaintId, customerId, '2026-11-03T10:00:00.000Z');
    await resolved(complaintId, customerId, '2026-11-20T10:00:00.000Z', 'BAGGAGE_HANDLING', [
      { itemId: randomUUID(), kind: 'VOUCHER', amount: '50.00', currency: 'EUR', quantity: null, description: null, reason: 'late bag' },
    ]);
    await world.deliver(complaintClosed, { complaintId, registrationNumber: 'C-1', customerId, closedBy: 'handler-1', closedAt: '2026-11-21T10:00:00.000Z', satisfactionScore: 2, satisfactionComment: null, closedWithoutSatisfactionReason: null });
    await world.deliver(complaintReopened, { complaintId, customerId, reopenedBy: 'agent-1', reopenedAt: '2026-12-02T10:00:00.000Z', reason: 'bag still missing' });
    await resolved(complaintId, customerId, '2026-12-05T10:00:00.000Z', 'SUPPLIER');

    const november = await figures(NOVEMBER);
    expect(november.figures).toMatchObject({ complaintVolume: 1, complaintsResolved: 1, complaintsDue: 1, resolutionRate: 1, reopened: 1, reopenRate: 1 });
    expect(november.figures.compensation).toEqual([{ kind: 'VOUCHER', currency: 'EUR', items: 1, amount: '50.00', quantity: null }]);
    expect(november.figures.csat).toEqual({ answered: 1, satisfied: 0, rate: 0, averageScore: 2 });
    const december = await figures(DECEMBER);
    expect(december.figures).toMatchObject({ complaintVolume: 0, complaintsResolved: 1, complaintsDue: 1, resolutionRate: 1 });
    // The Pareto counts a complaint under its root cause as last resolved.
    expect(december.figures.rootCauses).toEqual([{ rootCause: 'SUPPLIER', complaints: 1, share: 1, cumulativeShare: 1 }]);
  });

  it('puts a late event into the period it happened in, and applies a redelivered event once', async () => {
    const inquiryId = randomUUID();
    const before = (await figures({ kind: 'DAY', date: '2026-11-06' })).figures;
    // Friday 16:59:00 to Monday 09:01:00: 2 business minutes, three days of calendar time.
    const id = randomUUID();
    await world.deliver(inquiryReceived, { inquiryId, customerId: null, channel: 'EMAIL', category: 'GENERAL', receivedAt: '2026-11-06T16:59:00.000Z', firstResponseDueAt: '2026-11-06T17:04:00.000Z' }, id);
    await world.deliver(inquiryReceived, { inquiryId, customerId: null, channel: 'EMAIL', category: 'GENERAL', receivedAt: '2026-11-06T16:59:00.000Z', firstResponseDueAt: '2026-11-06T17:04:00.000Z' }, id);
    await world.deliver(inquiryFirstResponded, { inquiryId, customerId: null, channel: 'EMAIL', respondedBy: 'agent-7', respondedAt: '2026-11-09T09:01:00.000Z', firstResponseSeconds: 230_520, withinTarget: false });
    await world.deliver(inquiryClosed, {
      inquiryId, customerId: null, channel: 'EMAIL', category: 'GENERAL', closedBy: 'agent-7', closedAt: '2026-11-09T10:00:00.000Z',
      satisfied: true, satisfactionScore: 5, dissatisfactionReason: null, closedWithoutSatisfactionReason: null, handlingSeconds: 600,
    });

    const day = (await figures({ kind: 'DAY', date: '2026-11-06' })).figures;
    expect(day.inquiryVolume).toBe(before.inquiryVolume + 1);
    expect(day.firstResponseSeconds).toMatchObject({ count: 1, p50: 230_520 });
    expect(day.firstResponseBusinessSeconds).toMatchObject({ count: 1, p50: 120, p90: 120 });
    expect(day.sla.find((s) => s.target === 'FIVE_MINUTES')).toEqual({ target: 'FIVE_MINUTES', achieved: 0, breached: 1, rate: 0 });
    expect(day).toMatchObject({ oneTouchResolved: 1, oneTouchResolutionRate: 1, escalationRate: 0 });
    // The closing satisfaction counts on the day of the closing.
    expect((await figures({ kind: 'DAY', date: '2026-11-09' })).figures.csat).toMatchObject({ answered: 1, satisfied: 1 });
    // training's QA review counts for the reviewed agent, with the case's dimensions.
    for (const score of [92.5, 55]) {
      await world.deliver(qaReviewCompleted, { reviewId: randomUUID(), scorecardId: randomUUID(), agentId: 'agent-7', caseKind: 'INQUIRY', caseId: inquiryId, score, autoFailed: score < 60, completedAt: '2026-11-12T08:00:00.000Z' });
    }
    const reviewed = await figures({ kind: 'DAY', date: '2026-11-12' }, ['AGENT', 'CHANNEL']);
    expect(reviewed.breakdown).toContainEqual({
      values: [{ dimension: 'AGENT', value: 'agent-7' }, { dimension: 'CHANNEL', value: 'EMAIL' }],
      figures: expect.objectContaining({ qa: { reviews: 2, averageScore: 73.75, autoFailed: 1 } }),
    });
    expect(reviewed.figures.qa).toEqual({ reviews: 2, averageScore: 73.75, autoFailed: 1 });
  });

  it('follows crm: tiers for the breakdown, merges re-pointed, erased customers unlinked; NPS from surveys', async () => {
    const survivor = await world.learnCustomer();
    const merged = await world.learnCustomer();
    for (const [customerId, nps] of [[survivor, 10], [merged, 3]] as const) {
      const ratings = [{ component: 'FLIGHT' as const, score: nps >= 9 ? 5 : 2 }, { component: 'HOTEL' as const, score: 4 }];
      await world.deliver(followUpSurveyAnswered, { surveyId: randomUUID(), tripId: randomUUID(), customerId, nps, npsCategory: nps >= 9 ? 'PROMOTER' : 'DETRACTOR', ratings, answeredAt: '2026-11-25T10:00:00.000Z', serviceRecoveryOpened: nps <= 6 });
    }
    await world.deliver(customerMerged, { survivorId: survivor, mergedId: merged, mergedBy: 'crm-1', mergedAt: '2026-11-26T10:00:00.000Z' });
    const byTier = await figures({ from: '2026-11-25', to: '2026-11-25' }, ['CUSTOMER_TIER']);
    expect(byTier.figures.nps).toEqual({ answered: 2, promoters: 1, passives: 0, detractors: 1, score: 0 });
    expect(byTier.figures.tripCsat).toEqual({ answered: 4, satisfied: 3, rate: 0.75, averageScore: 3.75 });
    expect(byTier.breakdown).toEqual([expect.objectContaining({ values: [{ dimension: 'CUSTOMER_TIER', value: 'GOLD' }], figures: expect.objectContaining({ nps: expect.objectContaining({ answered: 2 }) }) })]);

    await world.deliver(customerErased, { customerId: survivor, erasedAt: '2026-11-27T10:00:00.000Z' });
    const afterErasure = await figures({ from: '2026-11-25', to: '2026-11-25' }, ['CUSTOMER_TIER']);
    expect(afterErasure.breakdown.map((row) => row.values[0].value)).toEqual([null]);
  });

  it('counts training: completions and renewals with their quiz scores, and overdue courses by reason, per staff member and team', async () => {
    const course = randomUUID();
    const completed = (staffUserId: string, at: string, quizScore: number | null, recertification = false) =>
      world.deliver(courseCompleted, { courseId: course, certificateId: randomUUID(), staffUserId, recertification, quizScore, completedAt: at, expiresAt: null });
    await completed('agent-1', '2026-11-03T09:00:00.000Z', 80);
    await completed('agent-2', '2026-11-04T09:00:00.000Z', 95.5, true);
    await completed('agent-2', '2026-11-05T09:00:00.000Z', null);
    await completed('agent-3', '2026-10-30T09:00:00.000Z', 70);
    const overdue = { courseId: course, staffUserId: 'agent-4', team: 'REFUNDS', reason: 'NEVER_COMPLETED' as const, dueAt: '2026-11-01T00:00:00.000Z', detectedAt: '2026-11-02T00:00:00.000Z' };
    const id = randomUUID();
    await world.deliver(trainingOverdue, overdue, id);
    await world.deliver(trainingOverdue, overdue, id);
    await world.deliver(trainingOverdue, { ...overdue, staffUserId: 'agent-1', team: null, reason: 'CERTIFICATE_EXPIRED' });

    const november = await figures(NOVEMBER, ['AGENT']);
    expect(november.figures.training).toEqual({ completions: 3, recertifications: 1, averageQuizScore: 87.75, overdue: 2, overdueNeverCompleted: 1, overdueCertificateExpired: 1 });
    const byAgent = Object.fromEntries(november.breakdown.map((row) => [row.values[0].value, row.figures.training]));
    expect(byAgent['agent-2']).toEqual({ completions: 2, recertifications: 1, averageQuizScore: 95.5, overdue: 0, overdueNeverCompleted: 0, overdueCertificateExpired: 0 });
    expect(byAgent['agent-4']).toMatchObject({ completions: 0, overdue: 1 });
    const refunds = await world.figureQueries.table(NOVEMBER as never, [], [{ dimension: 'TEAM', value: 'REFUNDS' }]);
    expect(refunds.figures.training).toMatchObject({ completions: 0, overdue: 1, overdueNeverCompleted: 1 });
  });

  it('answers a manager every metric of a month in one query, a trend and a drill-down; refuses other roles and bad periods', async () => {
    const query = `query($period: PeriodSelection!) {
      figures(period: $period, breakdowns: [CHANNEL, ROOT_CAUSE]) {
        period { kind from to } timeZone
        figures { inquiryVolume complaintVolume complaintsResolved complaintsDue resolutionRate firstResponseSeconds { p50 p90 } sla { target achieved breached rate } nps { score } csat { rate } rootCauses { rootCause share } compensation { kind amount } }
        breakdown { values { dimension value } figures { complaintVolume } }
      }
      figureSeries(kind: MONTH, from: "2026-10-01", to: "2026-12-31") { points { period { from } figures { complaintsResolved } previous { complaintsResolved } sameLastYearPeriod { from } } }
      figureCases(metric: COMPLAINTS_RESOLVED, period: $period) { total cases { kind caseId complaint { id } inquiry { id } } }
    }`;
    const answer = await world.run(people.supervisor, query, { period: NOVEMBER });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.figures.period).toEqual({ kind: 'MONTH', from: '2026-11-01', to: '2026-11-30' });
    expect(answer.data.figures.figures.sla).toHaveLength(5);
    expect(answer.data.figureSeries.points.map((p: any) => [p.period.from, p.figures.complaintsResolved, p.previous.complaintsResolved, p.sameLastYearPeriod.from])).toEqual([
      ['2026-10-01', 0, 0, '2025-10-01'],
      ['2026-11-01', 1, 0, '2025-11-01'],
      ['2026-12-01', 1, 1, '2025-12-01'],
    ]);
    expect(answer.data.figureCases.total).toBe(1);
    expect(answer.data.figureCases.cases[0]).toEqual({ kind: 'COMPLAINT', caseId: expect.any(String), complaint: { id: answer.data.figureCases.cases[0].caseId }, inquiry: null });

    expect((await world.run(people.agent, query, { period: NOVEMBER })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await world.run(people.analyst, query, { period: { kind: 'MONTH', date: '2026-02-30' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period.date' });
    const both = await world.run(people.analyst, query, { period: { kind: 'MONTH', date: '2026-11-01', from: '2026-11-01', to: '2026-11-02' } });
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
  });

  it("closes each agent's ended period once and publishes the figures through the outbox", async () => {
    const closed = await world.agentPeriodClosing.closeEnded(new Date('2026-12-03T01:00:00.000Z'));
    expect(closed.map((c) => `${c.kind} ${c.from}`)).toEqual(['WEEK 2026-11-23', 'MONTH 2026-11-01', 'QUARTER 2026-07-01']);
    const events = (await world.db.outboxEvents()).filter((e) => e.type === 'analytics.agent_period_closed');
    const november = events.find((e) => e.data.agentId === 'agent-7' && e.data.period.kind === 'MONTH');
    expect(november?.data).toMatchObject({
      period: { kind: 'MONTH', start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
      figures: { firstResponseWithinTargetRate: 0, csat: 5, firstContactResolutionRate: 1, averageHandlingSeconds: 600, counts: { handled: 1, resolved: 1, surveyed: 1 } },
    });
    expect(await world.agentPeriodClosing.closeEnded(new Date('2026-12-03T02:00:00.000Z'))).toEqual([]);
    expect((await world.db.outboxEvents()).filter((e) => e.type === 'analytics.agent_period_closed')).toHaveLength(events.length);
  });
});
