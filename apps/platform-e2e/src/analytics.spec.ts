import { signDevelopmentToken } from '@carebridge/auth';
import { eventually, type GraphQLClient, type PlatformUnderTest, startPlatformUnderTest } from '@carebridge/testing';
import { PDFDocument } from 'pdf-lib';
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

  it('a manager generates last month’s report and reads it in GraphQL, as a PDF with charts and as CSV, through the gateway (A-3.3.3)', async () => {
    const generated = await supervisor.data(`mutation { generateMonthlyReport(month: "2026-11") { id month version generatedBy } }`);
    expect(generated.generateMonthlyReport).toMatchObject({ month: '2026-11', version: 1, generatedBy: 'sup-sue' });
    const { monthlyReport } = await supervisor.data(`query {
      monthlyReport(month: "2026-11") {
        id version period { from to } headline { name value previous sameLastYear }
        sla { target achieved breached rate } complaintsByRootCause { name value }
        findings { id kind } recommendations(locale: "zh-CN") { findingId text } downloads { file path expiresAt }
      }
    }`);
    expect(monthlyReport).toMatchObject({ id: generated.generateMonthlyReport.id, version: 1, period: { from: '2026-11-01', to: '2026-11-30' }, complaintsByRootCause: [{ name: 'OPERATIONS', value: 1 }] });
    expect(monthlyReport.headline).toContainEqual({ name: 'complaintVolume', value: 1, previous: 0, sameLastYear: 0 });
    expect(monthlyReport.sla.find((s: any) => s.target === 'COMPLAINT_FEEDBACK_24H')).toEqual({ target: 'COMPLAINT_FEEDBACK_24H', achieved: 1, breached: 0, rate: 1 });
    expect(monthlyReport.recommendations.map((r: any) => r.findingId)).toEqual(monthlyReport.findings.map((f: any) => f.id));

    const gateway = platform.gatewayUrl.replace(/\/graphql$/, '');
    const link = (file: string) => monthlyReport.downloads.find((d: any) => d.file === file).path;
    // A browser follows the signed link without a bearer token.
    const pdf = await fetch(`${gateway}${link('report-zh-CN.pdf')}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="carebridge-report-2026-11-v1-zh-CN.pdf"');
    const document = await PDFDocument.load(new Uint8Array(await pdf.arrayBuffer()));
    expect(document.getPageCount()).toBeGreaterThanOrEqual(3);
    expect(document.getTitle()).toBe('月度管理报告 2026-11');
    const csv = await fetch(`${gateway}${link('report.csv')}`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('headline,complaintVolume,complaintVolume,1,0,0,');
    const forged = await fetch(`${gateway}${link('report.csv').replace(/token=.*/, 'token=v1.forged')}`);
    expect(forged.status).toBe(400);
    expect((await forged.json()).error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });

    // The per-case export goes through the gateway too, for a signed-in reader only.
    const token = signDevelopmentToken({ sub: 'sup-sue', roles: ['supervisor'] }, { secret: String(platform.gateway.options.env.JWT_SECRET) });
    const cases = await fetch(`${gateway}/exports/cases.csv?kind=MONTH&date=2026-11-10&caseKind=COMPLAINT`, { headers: { authorization: `Bearer ${token}` } });
    expect(cases.status).toBe(200);
    // The header and the month's one complaint.
    expect((await cases.text()).trim().split('\n')).toHaveLength(2);
    expect((await fetch(`${gateway}/exports/cases.csv?kind=MONTH&date=2026-11-10`)).status).toBe(401);
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
