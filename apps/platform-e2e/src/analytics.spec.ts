import { eventually, type GraphQLClient, type PlatformUnderTest, startPlatformUnderTest } from '@carebridge/testing';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');
const run = promisify(execFile);

const T0 = Date.parse('2026-11-10T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const complaintMutation = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { id status } }`;

const FIGURES = `query($period: PeriodSelection!) {
  figures(period: $period, breakdowns: [CHANNEL, ROOT_CAUSE]) {
    period { kind from to }
    timeZone
    figures {
      inquiryVolume complaintVolume complaintsResolved complaintsDue resolutionRate
      firstResponseSeconds { count p50 p90 } firstResponseBusinessSeconds { count p50 }
      complaintResolutionSeconds { count } handlingSeconds { count }
      sla { target achieved breached rate }
      csat { answered satisfied rate averageScore } nps { answered score }
      reopenRate oneTouchResolutionRate escalationRate
      compensation { kind currency items amount quantity }
      rootCauses { rootCause complaints share cumulativeShare }
    }
    breakdown { values { dimension value } figures { inquiryVolume complaintVolume complaintsResolved } }
  }
}`;
const TREND = `query { figureSeries(kind: MONTH, from: "2026-09-01", to: "2026-11-30") {
  points { period { from to } figures { complaintVolume complaintsResolved } previousPeriod { from } previous { complaintVolume } sameLastYearPeriod { from } sameLastYear { complaintVolume } }
} }`;
const DRILL = `query($period: PeriodSelection!) {
  figureCases(metric: COMPLAINTS_RESOLVED, period: $period) { total cases { kind caseId reference complaint { id registrationNumber status rootCause } inquiry { id } } }
}`;

describe('analytics through the gateway: a manager’s figures, trend and drill-down (T-1.8, A-3.3)', () => {
  let platform: PlatformUnderTest;
  let agent: GraphQLClient;
  let specialist: GraphQLClient;
  let supervisor: GraphQLClient;

  beforeAll(async () => {
    platform = await startPlatformUnderTest();
    agent = platform.as('agent', 'agent-ana');
    specialist = platform.as('complaint_specialist', 'spec-sam');
    supervisor = platform.as('supervisor', 'sup-sue');
    await platform.setTime(at(0));
    await supervisor.data(`mutation($input: SetComplaintHandlerInput!) { setComplaintHandler(input: $input) { userId } }`, {
      input: { userId: 'spec-sam', name: 'Sam Specialist', department: 'Customer Relations' },
    });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('shows this month’s figures in one query, a trend beside last year, and the complaints behind a figure', async () => {
    const { createCustomer } = await agent.data(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { fullName: 'Li Wei', email: 'li.wei@example.com' },
    });
    const inquiry = (
      await agent.data(`mutation($input: ReceiveInquiryInput!) { receiveInquiry(input: $input) { id } }`, {
        input: { channel: 'EMAIL', category: 'FLIGHT_INFO', subject: 'Question', message: 'Is my flight on time?', contact: { name: 'Li Wei', email: 'li.wei@example.com' } },
      })
    ).receiveInquiry;
    await platform.setTime(at(3));
    await agent.data(`mutation($input: ReplyToInquiryInput!) { replyToInquiry(input: $input) { id } }`, { input: { inquiryId: inquiry.id, body: 'Yes, it is.' } });

    const complaint = await eventually(
      async () =>
        (
          await agent.data(complaintMutation('registerComplaint', 'RegisterComplaintInput'), {
            input: { customerId: createCustomer.id, channel: 'PHONE', category: 'BAGGAGE', urgency: 'MEDIUM', description: 'My suitcase did not arrive.', occurredAt: at(-600), location: 'PVG' },
          })
        ).registerComplaint,
    );
    await specialist.data(complaintMutation('assignComplaint', 'AssignComplaintInput'), { input: { complaintId: complaint.id } });
    await specialist.data(complaintMutation('startComplaintWork', 'StartComplaintWorkInput'), { input: { complaintId: complaint.id } });
    await specialist.data(complaintMutation('planComplaintResolution', 'PlanComplaintResolutionInput'), {
      input: { complaintId: complaint.id, explanation: 'The bag went to Beijing; it is on its way.', rootCause: 'OPERATIONS', compensation: [{ kind: 'MILES', quantity: 3000, reason: 'For the wait' }] },
    });
    await platform.setTime(at(120));
    await specialist.data(complaintMutation('giveComplaintFeedback', 'GiveComplaintFeedbackInput'), {
      input: { complaintId: complaint.id, channel: 'EMAIL', sentTo: 'li.wei@example.com', actionsTaken: 'Found the bag.', nextSteps: 'Courier delivers tomorrow.' },
    });
    await specialist.data(complaintMutation('resolveComplaint', 'ResolveComplaintInput'), { input: { complaintId: complaint.id } });
    await specialist.data(complaintMutation('closeComplaint', 'CloseComplaintInput'), { input: { complaintId: complaint.id, satisfactionScore: 4 } });

    const thisMonth = { kind: 'MONTH', date: '2026-11-10' };
    // analytics learns all of it from the streams, a moment later.
    const { figures } = await eventually(async () => {
      const answer = await supervisor.data(FIGURES, { period: thisMonth });
      if (answer.figures.figures.csat.answered < 1 || answer.figures.figures.inquiryVolume < 1) throw new Error('analytics has not caught up yet');
      return answer;
    });
    expect(figures.period).toEqual({ kind: 'MONTH', from: '2026-11-01', to: '2026-11-30' });
    expect(figures.figures).toMatchObject({
      inquiryVolume: 1,
      complaintVolume: 1,
      complaintsResolved: 1,
      complaintsDue: 1,
      resolutionRate: 1,
      firstResponseSeconds: { count: 1 },
      csat: { answered: 1, satisfied: 1, rate: 1, averageScore: 4 },
      compensation: [{ kind: 'MILES', currency: null, items: 1, amount: null, quantity: 3000 }],
      rootCauses: [{ rootCause: 'OPERATIONS', complaints: 1, share: 1, cumulativeShare: 1 }],
    });
    expect(figures.figures.sla.find((s: any) => s.target === 'COMPLAINT_FEEDBACK_24H')).toEqual({ target: 'COMPLAINT_FEEDBACK_24H', achieved: 1, breached: 0, rate: 1 });
    expect(figures.breakdown).toContainEqual({
      values: [
        { dimension: 'CHANNEL', value: 'PHONE' },
        { dimension: 'ROOT_CAUSE', value: 'OPERATIONS' },
      ],
      figures: { inquiryVolume: 0, complaintVolume: 1, complaintsResolved: 1 },
    });

    const { figureSeries } = await supervisor.data(TREND);
    expect(figureSeries.points.map((p: any) => [p.period.from, p.figures.complaintVolume, p.previousPeriod.from, p.sameLastYearPeriod.from, p.sameLastYear.complaintVolume])).toEqual([
      ['2026-09-01', 0, '2026-08-01', '2025-09-01', 0],
      ['2026-10-01', 0, '2026-09-01', '2025-10-01', 0],
      ['2026-11-01', 1, '2026-10-01', '2025-11-01', 0],
    ]);

    const { figureCases } = await supervisor.data(DRILL, { period: thisMonth });
    expect(figureCases).toMatchObject({ total: 1, cases: [{ kind: 'COMPLAINT', caseId: complaint.id, complaint: { id: complaint.id, status: 'CLOSED', rootCause: 'OPERATIONS' }, inquiry: null }] });
    expect(figureCases.cases[0].complaint.registrationNumber).toBe(figureCases.cases[0].reference);

    const refused = await agent.request(FIGURES, { period: thisMonth });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('npm run analytics:rebuild replays the streams into fresh tables beside the running service; the figures stay the same', async () => {
    const thisMonth = { kind: 'MONTH', date: '2026-11-10' };
    const before = await supervisor.data(FIGURES, { period: thisMonth });
    const service = platform.subgraphs.get('analytics');
    if (!service) throw new Error('analytics is not part of the platform');
    const { stdout } = await run(process.execPath, [join(REPOSITORY_ROOT, 'tools', 'run.js'), join(REPOSITORY_ROOT, 'apps/analytics/src/rebuild/rebuild-main.ts')], {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, ...service.options.env, LOG_LEVEL: 'warn' },
    });
    expect(stdout).toMatch(/^rebuilt \d+ events in/);
    expect(await supervisor.data(FIGURES, { period: thisMonth })).toEqual(before);
  });
});
