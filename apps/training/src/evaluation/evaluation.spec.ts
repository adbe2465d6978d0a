import { agentPeriodClosed } from '@carebridge/event-contracts';
import { PersonalDataAccess } from '@carebridge/personal-data-access';
import { randomUUID } from 'node:crypto';
import { onRoster, staff } from '../staff/staff.fixture';
import { handledCase, useTraining } from '../training.fixture';
import { june, juneFigures } from './evaluation.fixture';

describe('KPI standards and periodic evaluations (real Postgres)', () => {
  const world = useTraining();
  beforeAll(async () => {
    await onRoster(world, [staff.ana, staff.ben, staff.cai, staff.sue, staff.tess]);
    for (const [kpi, target, weight] of [
      ['FIRST_RESPONSE_WITHIN_TARGET', 0.9, 20],
      ['RESOLUTION_RATE', 0.85, 20],
      ['CSAT', 4.5, 20],
      ['FIRST_CONTACT_RESOLUTION', 0.75, 10],
      ['AVERAGE_HANDLING_TIME', 360, 10],
      ['QA_SCORE', 85, 20],
    ] as const) {
      await world.kpiStandards.set({ role: 'agent', kpi, target, weight, periodKind: 'MONTH' }, staff.tess);
    }
    const card = await world.scorecards.create({ name: 'Hotline', categories: null, autoFailItems: [] }, staff.tess);
    world.db.clock.set('2026-06-15T10:00:00.000Z');
    const scores = ['greeting', 'understanding', 'correct_solution', 'tone', 'closing', 'documentation'].map((category) => ({ category, score: 95 }));
    await world.qaReviewing.review({ scorecardId: card.id, caseKind: 'INQUIRY', caseId: await handledCase(world, 'INQUIRY', staff.ana.userId), agentUserId: staff.ana.userId, scores, autoFailed: [] }, staff.sue);
  });

  it('refuses a target outside the KPI’s unit', async () => {
    const set = `mutation($input: SetKpiStandardInput!) { setKpiStandard(input: $input) { id } }`;
    const refused = await world.run(staff.tess, set, { input: { role: 'agent', kpi: 'RESOLUTION_RATE', target: 85, weight: 10 } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.target' });
  });

  it('drafts the evaluation from analytics’ figures and the QA results, signs it off with evaluation.signed_off, and takes the agent’s acknowledgement', async () => {
    world.db.clock.set('2026-07-01T03:00:00.000Z');
    await world.deliver(agentPeriodClosed, juneFigures(staff.ana.userId));
    const [draft] = await world.evaluationQueries.list({ agentUserId: staff.ana.userId });
    expect(draft).toMatchObject({ status: 'DRAFT', role: 'agent', team: 'hotline-shanghai', qaReviews: 1, excellent: true });
    expect(Object.fromEntries(draft.results.map((r) => [r.kpi, [r.actual, r.score, r.met]]))).toEqual({
      FIRST_RESPONSE_WITHIN_TARGET: [0.95, 105.6, true],
      RESOLUTION_RATE: [0.9, 105.9, true],
      CSAT: [4.6, 102.2, true],
      FIRST_CONTACT_RESOLUTION: [0.8, 106.7, true],
      AVERAGE_HANDLING_TIME: [300, 120, true],
      QA_SCORE: [95, 111.8, true],
    });
    expect(draft.overallScore).toBe(107.77);

    const signOff = `mutation($id: ID!, $comment: String) { signOffEvaluation(id: $id, comment: $comment) { status excellent overallScore supervisorComment signedOffBy } }`;
    expect((await world.run(staff.tess, signOff, { id: draft.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const signed = await world.run(staff.sue, signOff, { id: draft.id, comment: 'An excellent month.' });
    expect(signed.errors).toBeUndefined();
    expect(signed.data?.signOffEvaluation).toEqual({ status: 'SIGNED_OFF', excellent: true, overallScore: 107.77, supervisorComment: 'An excellent month.', signedOffBy: staff.sue.userId });
    const [event] = (await world.db.outboxEvents()).filter((e) => e.type === 'evaluation.signed_off' && e.data.evaluationId === draft.id);
    expect(event.data).toEqual({ evaluationId: draft.id, agentId: staff.ana.userId, period: june, overallScore: 107.77, excellent: true, signedOffBy: staff.sue.userId, signedOffAt: '2026-07-01T03:00:00.000Z' });
    expect((await world.run(staff.sue, signOff, { id: draft.id })).errors?.[0].extensions?.code).toBe('CONFLICT');

    // Late figures change nothing once it is signed off.
    await world.deliver(agentPeriodClosed, { ...juneFigures(staff.ana.userId, { csat: 3.1 }), closedAt: '2026-07-02T02:00:00.000Z' });
    expect((await world.evaluationQueries.list({ agentUserId: staff.ana.userId }))[0]).toMatchObject({ status: 'SIGNED_OFF', overallScore: 107.77 });

    const acknowledge = `mutation($id: ID!) { acknowledgeEvaluation(id: $id, comment: "Thank you!") { status agentComment } }`;
    expect((await world.run(staff.ben, acknowledge, { id: draft.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await world.run(staff.ana, acknowledge, { id: draft.id })).data?.acknowledgeEvaluation).toEqual({ status: 'ACKNOWLEDGED', agentComment: 'Thank you!' });
  });

  it('keeps a period’s figures once per event, replaces them by a later close, and leaves out what was not measured', async () => {
    world.db.clock.set('2026-07-01T03:00:00.000Z');
    const id = randomUUID();
    await world.deliver(agentPeriodClosed, juneFigures(staff.ben.userId, { csat: null, resolutionRate: 0.7 }), id);
    await world.deliver(agentPeriodClosed, juneFigures(staff.ben.userId, { csat: null, resolutionRate: 0.7 }), id);
    const [draft] = await world.evaluationQueries.list({ agentUserId: staff.ben.userId });
    expect(draft.results.find((r) => r.kpi === 'CSAT')).toMatchObject({ actual: null, score: null, met: null });
    expect(draft.results.find((r) => r.kpi === 'QA_SCORE')).toMatchObject({ actual: null });
    expect(draft.results.find((r) => r.kpi === 'RESOLUTION_RATE')).toMatchObject({ actual: 0.7, met: false });
    expect(draft.excellent).toBe(false);

    await world.deliver(agentPeriodClosed, { ...juneFigures(staff.ben.userId, { resolutionRate: 0.88 }), closedAt: '2026-07-03T00:00:00.000Z' });
    await world.deliver(agentPeriodClosed, { ...juneFigures(staff.ben.userId, { resolutionRate: 0.1 }), closedAt: '2026-07-02T00:00:00.000Z' });
    const [refreshed] = await world.evaluationQueries.list({ agentUserId: staff.ben.userId });
    expect(refreshed.id).toBe(draft.id);
    expect(refreshed.results.find((r) => r.kpi === 'RESOLUTION_RATE')).toMatchObject({ actual: 0.88, met: true });

    // Figures of someone not on the roster are kept; the draft follows once they are registered.
    await world.deliver(agentPeriodClosed, juneFigures('agent-dan'));
    expect(await world.evaluationQueries.list({ agentUserId: 'agent-dan' })).toEqual([]);
    await world.staff.register({ userId: 'agent-dan', displayName: 'Dan Agent', role: 'agent', team: 'hotline-shanghai', supervisorUserId: staff.sue.userId, active: true }, staff.tess);
    const prepared = await world.run(staff.sue, `mutation { prepareEvaluation(input: { agentUserId: "agent-dan", periodStart: "2026-06-01T00:00:00.000Z" }) { status agentUserId } }`);
    expect(prepared.data?.prepareEvaluation).toEqual({ status: 'DRAFT', agentUserId: 'agent-dan' });
  });

  it('shows agents their own evaluations only, masks comments for trainers, records every read of someone else’s, and gives analysts figures, not people', async () => {
    world.db.clock.set('2026-07-01T03:00:00.000Z');
    await world.deliver(agentPeriodClosed, juneFigures(staff.cai.userId));
    const [ana] = await world.evaluationQueries.list({ agentUserId: staff.ana.userId });
    const one = `query($id: ID!) { agentEvaluation(id: $id) { agentUserId overallScore supervisorComment results { kpi score } } }`;
    expect((await world.run(staff.ben, one, { id: ana.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await world.run(staff.ben, `{ agentEvaluations { id } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await world.run(staff.ben, `{ myEvaluations { agentUserId } }`)).data?.myEvaluations).toEqual([{ agentUserId: staff.ben.userId }]);

    await world.db.dataSource.query('DELETE FROM personal_data_access');
    const own = await world.run(staff.ana, one, { id: ana.id });
    expect(own.data?.agentEvaluation).toMatchObject({ supervisorComment: 'An excellent month.', overallScore: 107.77 });
    const byTrainer = await world.run(staff.tess, one, { id: ana.id });
    expect(byTrainer.data?.agentEvaluation).toMatchObject({ supervisorComment: '***', overallScore: 107.77 });
    const bySupervisor = await world.run(staff.sue, one, { id: ana.id });
    expect(bySupervisor.data?.agentEvaluation.supervisorComment).toBe('An excellent month.');
    const reads = await world.db.dataSource.getRepository(PersonalDataAccess).find({ order: { accessedBy: 'ASC' } });
    expect(reads.map((r) => [r.accessedBy, r.customerId, r.fields, r.purpose])).toEqual([
      [staff.sue.userId, ana.staffMemberId, ['evaluation.overallScore', 'evaluation.results', 'evaluation.supervisorComment'], 'READ'],
      [staff.tess.userId, ana.staffMemberId, ['evaluation.overallScore', 'evaluation.results'], 'READ'],
    ]);

    const summary = `{ evaluationSummary(periodStart: "2026-06-01T00:00:00.000Z", team: "hotline-shanghai") { evaluations signedOff averageScore excellent kpis { kpi metShare } } }`;
    const figures = await world.run(staff.al, summary);
    expect(figures.errors).toBeUndefined();
    expect(figures.data?.evaluationSummary).toMatchObject({ evaluations: 4, signedOff: 1, excellent: 1 });
    expect(figures.data?.evaluationSummary.kpis.find((k: { kpi: string }) => k.kpi === 'CSAT').metShare).toBeGreaterThan(0);
    const small = await world.run(staff.al, `{ evaluationSummary(periodStart: "2026-06-01T00:00:00.000Z", team: "nobody-else") { evaluations averageScore kpis { kpi } } }`);
    expect(small.data?.evaluationSummary).toEqual({ evaluations: 0, averageScore: null, kpis: [] });
    expect((await world.run(staff.al, `{ agentEvaluations { id } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
