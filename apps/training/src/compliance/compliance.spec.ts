import { emergencyCourse } from '../course/course.fixture';
import { onRoster, staff } from '../staff/staff.fixture';
import { useTraining } from '../training.fixture';

describe('compliance: who is overdue on mandatory training (real Postgres)', () => {
  const world = useTraining();

  it('shows per team who is overdue, and announces training.overdue once per person, course and due date', async () => {
    world.db.clock.set('2026-05-01T09:00:00.000Z');
    await onRoster(world, [staff.ana, staff.ben, staff.sue, staff.tess]);
    await onRoster(world, [staff.cai], 'hotline-beijing');
    const course = await world.courseCatalogue.create(emergencyCourse({ completionDueDays: 14 }), staff.tess);
    await world.courseCatalogue.create(emergencyCourse({ title: 'For supervisors only', mandatoryForRoles: ['supervisor'] }), staff.tess);
    await world.quizTaking.submit({ courseId: course.id, answers: [0, 2, 1, 0] }, staff.ana);

    world.db.clock.set('2026-05-10T09:00:00.000Z');
    expect(await world.overdueDetection.run(world.db.clock.now())).toEqual({ announced: 0 });
    expect((await world.trainingCompliance.standing({ staffUserId: staff.ben.userId })).map((s) => s.status)).toEqual(['PENDING']);

    world.db.clock.set('2026-05-16T09:00:00.000Z');
    const query = `{ trainingCompliance { team staffCount overdueStaffCount overdue { staffUserId courseTitle status overdueReason dueAt } } }`;
    const answer = await world.run(staff.sue, query);
    expect(answer.errors).toBeUndefined();
    const shanghai = answer.data?.trainingCompliance.find((t: { team: string }) => t.team === 'hotline-shanghai');
    expect(shanghai).toMatchObject({ staffCount: 2, overdueStaffCount: 1 });
    expect(shanghai.overdue).toEqual([{ staffUserId: staff.ben.userId, courseTitle: 'Emergency assistance abroad', status: 'OVERDUE', overdueReason: 'NEVER_COMPLETED', dueAt: new Date('2026-05-15T09:00:00.000Z') }]);
    expect(answer.data?.trainingCompliance.find((t: { team: string }) => t.team === 'hotline-beijing')).toMatchObject({ staffCount: 1, overdueStaffCount: 1 });
    expect((await world.run(staff.ana, query)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    expect(await world.overdueDetection.run(world.db.clock.now())).toEqual({ announced: 2 }); // Ben and Cai; Sue's course is due later
    expect(await world.overdueDetection.run(world.db.clock.now())).toEqual({ announced: 0 });
    const overdue = (await world.db.outboxEvents()).filter((e) => e.type === 'training.overdue' && e.data.courseId === course.id);
    expect(overdue.map((e) => e.data).sort((a, b) => a.staffUserId.localeCompare(b.staffUserId))).toEqual([
      { courseId: course.id, staffUserId: staff.ben.userId, team: 'hotline-shanghai', reason: 'NEVER_COMPLETED', dueAt: '2026-05-15T09:00:00.000Z', detectedAt: '2026-05-16T09:00:00.000Z' },
      { courseId: course.id, staffUserId: staff.cai.userId, team: 'hotline-beijing', reason: 'NEVER_COMPLETED', dueAt: '2026-05-15T09:00:00.000Z', detectedAt: '2026-05-16T09:00:00.000Z' },
    ]);

    // A course made mandatory for supervisors later gives them the full time from then.
    const later = await world.courseCatalogue.create(emergencyCourse({ title: 'Agents first', mandatoryForRoles: ['agent'] }), staff.tess);
    world.db.clock.set('2026-07-01T09:00:00.000Z');
    await world.courseCatalogue.update(later.id, emergencyCourse({ title: 'Agents first', mandatoryForRoles: ['agent', 'supervisor'] }));
    const sue = await world.trainingCompliance.standing({ staffUserId: staff.sue.userId });
    expect(sue.find((s) => s.courseId === later.id)).toMatchObject({ status: 'PENDING', dueAt: new Date('2026-07-31T09:00:00.000Z') });

    const mine = await world.run(staff.ana, `{ myMandatoryTraining { courseTitle status } }`);
    expect(mine.data?.myMandatoryTraining).toEqual([
      { courseTitle: 'Agents first', status: 'OVERDUE' },
      { courseTitle: 'Emergency assistance abroad', status: 'COMPLIANT' },
    ]);
  });
});
