import { agentPeriodClosed } from '@carebridge/event-contracts';
import { PersonalDataAccess } from '@carebridge/personal-data-access';
import { emergencyCourse } from '../course/course.fixture';
import { juneFigures } from '../evaluation/evaluation.fixture';
import { Evaluation } from '../evaluation/evaluation.entity';
import { QaReview } from '../quality/qa-review.entity';
import { handledCase, useTraining } from '../training.fixture';
import { onRoster, staff } from './staff.fixture';

describe('the staff roster and a staff member’s export and erasure (real Postgres)', () => {
  const world = useTraining();

  it('registers staff by user id, updates them in place, and refuses what it cannot use', async () => {
    const register = `mutation($input: RegisterStaffMemberInput!) { registerStaffMember(input: $input) { id userId role team active } }`;
    const input = { userId: 'agent-eve', displayName: 'Eve Agent', role: 'agent', team: 'hotline-shanghai', supervisorUserId: staff.sue.userId };
    const first = await world.run(staff.tess, register, { input });
    expect(first.data?.registerStaffMember).toMatchObject({ userId: 'agent-eve', role: 'agent', team: 'hotline-shanghai', active: true });
    const moved = await world.run(staff.sue, register, { input: { ...input, team: 'hotline-beijing', active: false } });
    expect(moved.data?.registerStaffMember).toMatchObject({ id: first.data?.registerStaffMember.id, team: 'hotline-beijing', active: false });
    expect((await world.run(staff.tess, register, { input: { ...input, role: 'integration' } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await world.run(staff.ana, register, { input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await world.run(staff.tess, `{ staffMembers(team: "hotline-beijing") { userId } }`)).data?.staffMembers).toEqual([]);
  });

  it('exports what training keeps about a person, on the access log, and erases it on request', async () => {
    world.db.clock.set('2026-06-20T09:00:00.000Z');
    await onRoster(world, [staff.ana, staff.sue, staff.tess]);
    const course = await world.courseCatalogue.create(emergencyCourse(), staff.tess);
    await world.quizTaking.submit({ courseId: course.id, answers: [0, 2, 1, 0] }, staff.ana);
    const card = await world.scorecards.create({ name: 'Hotline', categories: null, autoFailItems: [] }, staff.tess);
    const scores = ['greeting', 'understanding', 'correct_solution', 'tone', 'closing', 'documentation'].map((category) => ({ category, score: 90 }));
    await world.qaReviewing.review({ scorecardId: card.id, caseKind: 'COMPLAINT', caseId: await handledCase(world, 'COMPLAINT', staff.ana.userId), agentUserId: staff.ana.userId, scores, autoFailed: [], comment: 'Well handled.' }, staff.sue);
    await world.qaReviewing.review({ scorecardId: card.id, caseKind: 'COMPLAINT', caseId: await handledCase(world, 'COMPLAINT', staff.sue.userId), agentUserId: staff.sue.userId, scores, autoFailed: [] }, staff.ana);
    await world.kpiStandards.set({ role: 'agent', kpi: 'CSAT', target: 4.5, weight: 100, periodKind: 'MONTH' }, staff.tess);
    world.db.clock.set('2026-07-01T03:00:00.000Z');
    await world.deliver(agentPeriodClosed, juneFigures(staff.ana.userId));

    const exportQuery = `query($userId: String!) { staffDataExport(userId: $userId) { userId sections } }`;
    expect((await world.run(staff.sue, exportQuery, { userId: staff.ana.userId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const exported = await world.run(staff.ada, exportQuery, { userId: staff.ana.userId });
    expect(exported.errors).toBeUndefined();
    const sections = exported.data?.staffDataExport.sections;
    expect(Object.fromEntries(Object.entries(sections).map(([name, records]) => [name, (records as unknown[]).length]))).toEqual({
      staffMember: 1,
      enrolments: 0,
      quizAttempts: 1,
      certificates: 1,
      overdueTraining: 0,
      qaReviews: 1,
      handledCases: 1,
      procedureFeedback: 0,
      evaluations: 1,
      periodFigures: 1,
    });
    expect(sections.qaReviews[0].comment).toBe('Well handled.');
    const member = await world.staff.get(staff.ana.userId);
    const logged = await world.db.dataSource.getRepository(PersonalDataAccess).findBy({ customerId: member.id, purpose: 'EXPORT' });
    expect(logged.map((row) => row.accessedBy)).toEqual([staff.ada.userId]);

    const erase = `mutation($userId: String!) { eraseStaffMember(userId: $userId) { userId sections { section records } } }`;
    const erased = await world.run(staff.ada, erase, { userId: staff.ana.userId });
    expect(erased.errors).toBeUndefined();
    expect(erased.data?.eraseStaffMember.sections).toEqual(expect.arrayContaining([{ section: 'evaluations', records: 1 }, { section: 'qaReviews', records: 2 }, { section: 'certificates', records: 1 }]));
    expect(await world.db.dataSource.getRepository(Evaluation).countBy({ agentUserId: staff.ana.userId })).toBe(0);
    // The review Ana wrote of Sue stays, without her name.
    expect((await world.db.dataSource.getRepository(QaReview).findBy({ agentUserId: staff.sue.userId })).map((r) => r.reviewerUserId)).toEqual(['[erased]']);
    expect(await world.staff.get(staff.ana.userId)).toMatchObject({ displayName: '[erased]', active: false, erasedAt: world.db.clock.now() });
    expect((await world.run(staff.ada, erase, { userId: staff.ana.userId })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // Later figures for an erased person draft nothing.
    await world.deliver(agentPeriodClosed, { ...juneFigures(staff.ana.userId), closedAt: '2026-07-05T00:00:00.000Z' });
    expect(await world.db.dataSource.getRepository(Evaluation).countBy({ agentUserId: staff.ana.userId })).toBe(0);
  });
});
