import { emergencyCourse } from '../course/course.fixture';
import { onRoster, staff } from '../staff/staff.fixture';
import { useTraining } from '../training.fixture';

describe('training sessions: places, waiting list, attendance (real Postgres)', () => {
  const world = useTraining();
  beforeAll(async () => onRoster(world, [staff.ana, staff.ben, staff.cai, staff.sue, staff.tess]));

  const aSession = async (courseId: string, capacity = 2) =>
    world.sessionScheduling.schedule(
      { courseId, startsAt: new Date('2026-04-10T08:00:00.000Z'), endsAt: new Date('2026-04-10T12:00:00.000Z'), trainerUserId: staff.tess.userId, capacity, mode: 'ROOM', location: 'Room 4.12, Shanghai' },
      staff.tess,
    );

  it('checks the session: a trainer on the roster, an online session with a meeting link', async () => {
    world.db.clock.set('2026-04-01T09:00:00.000Z');
    const course = await world.courseCatalogue.create(emergencyCourse({ completionRule: 'ATTENDANCE' }), staff.tess);
    const schedule = `mutation($input: ScheduleTrainingSessionInput!) { scheduleTrainingSession(input: $input) { id seatsLeft mode } }`;
    const input = { courseId: course.id, startsAt: '2026-04-10T08:00:00.000Z', endsAt: '2026-04-10T09:00:00.000Z', trainerUserId: staff.tess.userId, capacity: 10, mode: 'ONLINE', location: 'https://meet.example.com/emergency' };
    expect((await world.run(staff.tess, schedule, { input })).data?.scheduleTrainingSession).toMatchObject({ seatsLeft: 10, mode: 'ONLINE' });
    expect((await world.run(staff.tess, schedule, { input: { ...input, location: 'Room 1' } })).errors?.[0].extensions).toMatchObject({ field: 'input.location' });
    expect((await world.run(staff.tess, schedule, { input: { ...input, trainerUserId: staff.ana.userId } })).errors?.[0].extensions).toMatchObject({ field: 'input.trainerUserId' });
    expect((await world.run(staff.tess, schedule, { input: { ...input, endsAt: input.startsAt } })).errors?.[0].extensions).toMatchObject({ field: 'input.endsAt' });
  });

  it('waitlists beyond capacity and promotes the first waiting when a seat frees', async () => {
    world.db.clock.set('2026-04-01T09:00:00.000Z');
    const course = await world.courseCatalogue.create(emergencyCourse({ completionRule: 'ATTENDANCE' }), staff.tess);
    const session = await aSession(course.id);
    expect((await world.sessionEnrolments.enrol(session.id, staff.ana.userId, staff.ana)).status).toBe('ENROLLED');
    expect((await world.sessionEnrolments.enrol(session.id, staff.ben.userId, staff.ben)).status).toBe('ENROLLED');
    world.db.clock.set('2026-04-01T09:01:00.000Z');
    const cai = await world.sessionEnrolments.enrol(session.id, staff.cai.userId, staff.cai);
    expect(cai.status).toBe('WAITLISTED');
    expect(await world.sessionEnrolments.waitingPosition(cai)).toBe(1);
    await expect(world.sessionEnrolments.enrol(session.id, staff.ana.userId, staff.ana)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(world.sessionEnrolments.enrol(session.id, staff.ana.userId, staff.ben)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });

    await world.sessionEnrolments.cancel(session.id, staff.ana.userId, staff.ana);
    const places = await world.sessionEnrolments.list(session.id);
    expect(places.map((p) => [p.staffUserId, p.status]).sort()).toEqual([
      [staff.ana.userId, 'CANCELLED'],
      [staff.ben.userId, 'ENROLLED'],
      [staff.cai.userId, 'ENROLLED'],
    ]);
  });

  it('records attendance once the session started, and an attendance course completes for those present', async () => {
    world.db.clock.set('2026-04-01T09:00:00.000Z');
    const course = await world.courseCatalogue.create(emergencyCourse({ completionRule: 'ATTENDANCE', certificateValidityDays: null }), staff.tess);
    const session = await aSession(course.id, 5);
    await world.sessionEnrolments.enrol(session.id, staff.ana.userId, staff.tess);
    await world.sessionEnrolments.enrol(session.id, staff.ben.userId, staff.tess);
    const record = `mutation($input: RecordAttendanceInput!) { recordTrainingAttendance(input: $input) { staffUserId status } }`;
    const early = await world.run(staff.tess, record, { input: { sessionId: session.id, presentUserIds: [staff.ana.userId] } });
    expect(early.errors?.[0].extensions?.code).toBe('CONFLICT');

    world.db.clock.set('2026-04-10T12:30:00.000Z');
    const stranger = await world.run(staff.tess, record, { input: { sessionId: session.id, presentUserIds: [staff.cai.userId] } });
    expect(stranger.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.presentUserIds' });
    const recorded = await world.run(staff.tess, record, { input: { sessionId: session.id, presentUserIds: [staff.ana.userId] } });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.recordTrainingAttendance).toEqual(expect.arrayContaining([{ staffUserId: staff.ana.userId, status: 'ATTENDED' }, { staffUserId: staff.ben.userId, status: 'ABSENT' }]));

    const [certificate] = await world.courseCatalogue.certificatesOf(staff.ana.userId, course.id);
    expect(certificate).toMatchObject({ status: 'VALID', expiresAt: null, quizScore: null });
    expect(await world.courseCatalogue.certificatesOf(staff.ben.userId, course.id)).toEqual([]);
    // Recording the same attendance again certifies nobody twice.
    await world.attendanceRecording.record({ sessionId: session.id, presentUserIds: [staff.ana.userId] }, staff.tess);
    expect((await world.db.outboxEvents()).filter((e) => e.type === 'course.completed' && e.data.courseId === course.id)).toHaveLength(1);
  });

  it('needs both the attendance and the quiz when the rule says so', async () => {
    world.db.clock.set('2026-04-01T09:00:00.000Z');
    const course = await world.courseCatalogue.create(emergencyCourse({ completionRule: 'ATTENDANCE_AND_QUIZ' }), staff.tess);
    const session = await aSession(course.id, 5);
    await world.sessionEnrolments.enrol(session.id, staff.cai.userId, staff.cai);
    expect((await world.quizTaking.submit({ courseId: course.id, answers: [0, 2, 1, 0] }, staff.cai)).certificate).toBeNull();
    world.db.clock.set('2026-04-10T12:30:00.000Z');
    await world.attendanceRecording.record({ sessionId: session.id, presentUserIds: [staff.cai.userId] }, staff.tess);
    expect(await world.courseCatalogue.certificatesOf(staff.cai.userId, course.id)).toEqual([expect.objectContaining({ status: 'VALID', quizScore: 100 })]);
  });
});
