import { agentPeriodClosed } from '@carebridge/event-contracts';
import { createTransport, encodeEvent, messagingSettings } from '@carebridge/messaging';
import { createLogger } from '@carebridge/service-kit';
import { eventually, type GraphQLClient, type PlatformUnderTest, sharedPlatformUnderTest } from '@carebridge/testing';

const QUIZ = [
  { prompt: 'Whom do you call first when a traveller is hurt abroad?', options: ['The insurer’s emergency line', 'The hotel'], correctOption: 0 },
  { prompt: 'May you give the traveller’s diagnosis to their employer?', options: ['Yes', 'No'], correctOption: 1 },
];
const SUBMIT = `mutation($input: SubmitQuizAttemptInput!) { submitQuizAttempt(input: $input) { attempt { score passed } certificate { id status expiresAt recertificationDueAt renewsCertificateId } } }`;
const MY_CERTIFICATES = `{ myCertificates { status course { title } } }`;
const EVALUATIONS = `query($agent: String!) { agentEvaluations(filter: { agentUserId: $agent }) { id status qaReviews overallScore excellent results { kpi actual score met } } }`;

describe('training through the gateway: courses, QA reviews and evaluations (T-5.1, T-5.4, A-5.2)', () => {
  let platform: PlatformUnderTest;
  let trainer: GraphQLClient;
  let supervisor: GraphQLClient;
  let agent: GraphQLClient;
  let analyst: GraphQLClient;

  beforeAll(async () => {
    platform = await sharedPlatformUnderTest();
    trainer = platform.as('trainer', 'trainer-tess');
    supervisor = platform.as('supervisor', 'supervisor-sue');
    agent = platform.as('agent', 'agent-ana');
    analyst = platform.as('analyst', 'analyst-al');
    await platform.setTime('2026-06-01T08:00:00.000Z');
    const register = `mutation($input: RegisterStaffMemberInput!) { registerStaffMember(input: $input) { id } }`;
    for (const input of [
      { userId: 'trainer-tess', displayName: 'Tess Trainer', role: 'trainer' },
      { userId: 'supervisor-sue', displayName: 'Sue Supervisor', role: 'supervisor' },
      { userId: 'agent-ana', displayName: 'Ana Agent', role: 'agent', team: 'hotline-shanghai', supervisorUserId: 'supervisor-sue' },
    ]) {
      await trainer.data(register, { input });
    }
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  /** analytics' closing of Ana's June, sent on the platform's event transport as analytics sends it. */
  async function publishJuneFigures(): Promise<void> {
    const env = platform.subgraphs.get('training')?.options.env ?? {};
    const transport = createTransport(messagingSettings(env), { service: 'platform-e2e', databaseServerUrl: String(env.DATABASE_URL), logger: createLogger({ service: 'platform-e2e', level: 'silent' }) });
    const figures = {
      agentId: 'agent-ana',
      period: { kind: 'MONTH' as const, start: '2026-06-01T00:00:00.000Z', end: '2026-07-01T00:00:00.000Z' },
      figures: { firstResponseWithinTargetRate: 0.96, resolutionRate: 0.9, csat: 4.7, firstContactResolutionRate: 0.82, averageHandlingSeconds: 290, counts: { handled: 140, resolved: 126, surveyed: 51 } },
      closedAt: '2026-07-01T01:00:00.000Z',
    };
    try {
      await transport.publish([encodeEvent(agentPeriodClosed, figures, { source: 'analytics', time: new Date('2026-07-01T01:00:00.000Z') })]);
    } finally {
      await transport.close();
    }
  }

  it('scores a real inquiry, takes the month’s figures from analytics, and the supervisor signs off the evaluation the agent acknowledges', async () => {
    await platform.setTime('2026-06-10T09:00:00.000Z');
    const { receiveInquiry: inquiry } = await agent.data(`mutation($input: ReceiveInquiryInput!) { receiveInquiry(input: $input) { id } }`, {
      input: { channel: 'EMAIL', category: 'FLIGHT_INFO', subject: 'Baggage allowance', message: 'How many bags may I take to Lisbon?', contact: { name: 'Ines Costa', email: 'ines.costa@example.pt' } },
    });
    const { createQaScorecard: scorecard } = await trainer.data(`mutation { createQaScorecard(input: { name: "Hotline 2026", autoFailItems: [{ key: "data_disclosed", label: "Disclosed personal data" }] }) { id categories { key weight } } }`);
    expect(scorecard.categories.map((c: { key: string }) => c.key)).toEqual(['greeting', 'understanding', 'correct_solution', 'tone', 'closing', 'documentation']);
    const scores = scorecard.categories.map((c: { key: string }) => ({ category: c.key, score: 92 }));
    const REVIEW = `mutation($input: ReviewCaseInput!) { reviewCase(input: $input) { id score countsTowardAgent } }`;
    const review = { input: { scorecardId: scorecard.id, caseKind: 'INQUIRY', caseId: inquiry.id, agentUserId: 'agent-ana', scores, comment: 'Friendly and complete.' } };
    // A case that does not exist is refused; so is one the agent has not handled yet.
    const unknown = await supervisor.request(REVIEW, { input: { ...review.input, caseId: '00000000-0000-4000-8000-000000000000' } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.caseId' });
    await eventually(async () => {
      const unanswered = await supervisor.request(REVIEW, review);
      expect(unanswered.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.agentUserId' });
    });
    await agent.data(`mutation($input: ReplyToInquiryInput!) { replyToInquiry(input: $input) { id } }`, { input: { inquiryId: inquiry.id, body: 'Economy fares include one bag of 23 kg.' } });
    const reviewCase = await eventually(async () => (await supervisor.data(REVIEW, review)).reviewCase);
    expect(reviewCase).toMatchObject({ score: 92, countsTowardAgent: true });
    // The reviewed inquiry resolves through the inquiry service.
    const { myQaReviews } = await agent.data(`{ myQaReviews { score comment inquiry { id subject } } }`);
    expect(myQaReviews).toEqual([{ score: 92, comment: 'Friendly and complete.', inquiry: { id: inquiry.id, subject: 'Baggage allowance' } }]);

    for (const [kpi, target, weight] of [
      ['FIRST_RESPONSE_WITHIN_TARGET', 0.9, 25],
      ['RESOLUTION_RATE', 0.85, 25],
      ['CSAT', 4.5, 25],
      ['QA_SCORE', 85, 25],
    ] as const) {
      await trainer.data(`mutation($input: SetKpiStandardInput!) { setKpiStandard(input: $input) { id } }`, { input: { role: 'agent', kpi, target, weight } });
    }

    await platform.setTime('2026-07-01T03:00:00.000Z');
    await publishJuneFigures();
    const [draft] = await eventually(async () => {
      const { agentEvaluations } = await supervisor.data(EVALUATIONS, { agent: 'agent-ana' });
      if (!agentEvaluations.length) throw new Error('not drafted yet');
      return agentEvaluations;
    });
    expect(draft).toMatchObject({ status: 'DRAFT', qaReviews: 1, excellent: true });
    expect(draft.results).toEqual([
      { kpi: 'CSAT', actual: 4.7, score: 104.4, met: true },
      { kpi: 'FIRST_RESPONSE_WITHIN_TARGET', actual: 0.96, score: 106.7, met: true },
      { kpi: 'QA_SCORE', actual: 92, score: 108.2, met: true },
      { kpi: 'RESOLUTION_RATE', actual: 0.9, score: 105.9, met: true },
    ]);

    const { signOffEvaluation } = await supervisor.data(`mutation($id: ID!) { signOffEvaluation(id: $id, comment: "Recognised at the team meeting.") { status signedOffBy excellent } }`, { id: draft.id });
    expect(signOffEvaluation).toEqual({ status: 'SIGNED_OFF', signedOffBy: 'supervisor-sue', excellent: true });
    const { acknowledgeEvaluation } = await agent.data(`mutation($id: ID!) { acknowledgeEvaluation(id: $id, comment: "Thanks, Sue.") { status agentComment supervisorComment } }`, { id: draft.id });
    expect(acknowledgeEvaluation).toEqual({ status: 'ACKNOWLEDGED', agentComment: 'Thanks, Sue.', supervisorComment: 'Recognised at the team meeting.' });
    expect((await agent.data(`{ myEvaluations { id status overallScore } }`)).myEvaluations).toEqual([{ id: draft.id, status: 'ACKNOWLEDGED', overallScore: draft.overallScore }]);

    // Analysts see figures, never a person's evaluation.
    const forbidden = await analyst.request(EVALUATIONS, { agent: 'agent-ana' });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { evaluationSummary } = await analyst.data(`{ evaluationSummary(periodStart: "2026-06-01T00:00:00.000Z") { evaluations signedOff averageScore } }`);
    expect(evaluationSummary).toEqual({ evaluations: 1, signedOff: 1, averageScore: null });
  });

  it('completes a course with a quiz, and its certificate falls due for recertification, expires into overdue training and is renewed', async () => {
    await platform.setTime('2026-07-05T09:00:00.000Z');
    const { createCourse: course } = await trainer.data(`mutation($input: CourseInput!) { createCourse(input: $input) { id } }`, {
      input: {
        title: 'Emergency assistance abroad',
        modules: [{ title: 'First call', articleIds: [] }],
        mandatoryForRoles: ['agent'],
        completionRule: 'QUIZ',
        quizPassMark: 100,
        quiz: QUIZ,
        certificateValidityDays: 30,
        recertificationNoticeDays: 7,
      },
    });
    const failed = (await agent.data(SUBMIT, { input: { courseId: course.id, answers: [0, 0] } })).submitQuizAttempt;
    expect(failed).toEqual({ attempt: { score: 50, passed: false }, certificate: null });
    const passed = (await agent.data(SUBMIT, { input: { courseId: course.id, answers: [0, 1] } })).submitQuizAttempt;
    // The platform's clock runs on from the time set: seconds later, a day is still the same day.
    expect(passed.certificate).toMatchObject({ status: 'VALID', expiresAt: expect.stringMatching(/^2026-08-04T09:0/), recertificationDueAt: expect.stringMatching(/^2026-07-28T09:0/) });

    await platform.setTime('2026-07-29T09:00:00.000Z');
    expect((await platform.runJob('training', 'certificate-expiry')).result).toEqual({ recertificationDue: 1, expired: 0 });
    expect((await agent.data(MY_CERTIFICATES)).myCertificates).toEqual([{ status: 'RECERTIFICATION_DUE', course: { title: 'Emergency assistance abroad' } }]);

    await platform.setTime('2026-08-05T09:00:00.000Z');
    expect((await platform.runJob('training', 'certificate-expiry')).result).toEqual({ recertificationDue: 0, expired: 1 });
    expect((await platform.runJob('training', 'training-overdue')).result).toEqual({ announced: 1 });
    expect((await platform.runJob('training', 'training-overdue')).result).toEqual({ announced: 0 });
    const { trainingCompliance } = await supervisor.data(`{ trainingCompliance(team: "hotline-shanghai") { staffCount overdueStaffCount overdue { staffUserId overdueReason dueAt } } }`);
    expect(trainingCompliance).toEqual([{ staffCount: 1, overdueStaffCount: 1, overdue: [{ staffUserId: 'agent-ana', overdueReason: 'CERTIFICATE_EXPIRED', dueAt: passed.certificate.expiresAt }] }]);

    const renewed = (await agent.data(SUBMIT, { input: { courseId: course.id, answers: [0, 1] } })).submitQuizAttempt;
    expect(renewed.certificate).toMatchObject({ status: 'VALID', renewsCertificateId: passed.certificate.id, expiresAt: expect.stringMatching(/^2026-09-04T09:0/) });
    expect((await agent.data(MY_CERTIFICATES)).myCertificates.map((c: { status: string }) => c.status)).toEqual(['VALID', 'RENEWED']);
    expect((await agent.data(`{ myMandatoryTraining { status } }`)).myMandatoryTraining).toEqual([{ status: 'COMPLIANT' }]);
  });
});
