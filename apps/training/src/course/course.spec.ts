import { useTraining } from '../training.fixture';
import { onRoster, staff } from '../staff/staff.fixture';
import { emergencyCourse, quiz } from './course.fixture';

describe('courses, quizzes and certificates (real Postgres)', () => {
  const world = useTraining();
  beforeAll(async () => onRoster(world, [staff.ana, staff.ben, staff.sue, staff.tess]));

  it('refuses incoherent completion criteria, naming the field', async () => {
    const create = `mutation($input: CourseInput!) { createCourse(input: $input) { id } }`;
    const noQuiz = await world.run(staff.tess, create, { input: { ...emergencyCourse(), quiz: [] } });
    expect(noQuiz.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.quiz' });
    const badOption = await world.run(staff.tess, create, { input: { ...emergencyCourse(), quiz: [{ prompt: 'Which?', options: ['a', 'b'], correctOption: 2 }] } });
    expect(badOption.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.quiz.0.correctOption' });
    const notice = await world.run(staff.tess, create, { input: { ...emergencyCourse(), certificateValidityDays: 30, recertificationNoticeDays: 30 } });
    expect(notice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.recertificationNoticeDays' });
    const asAgent = await world.run(staff.ana, create, { input: emergencyCourse() });
    expect(asAgent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('shows agents the questions but only trainers the answer key', async () => {
    const course = await world.courseCatalogue.create(emergencyCourse(), staff.tess);
    const query = `query($id: ID!) { course(id: $id) { title quiz { prompt options } completionRule quizPassMark modules { title articleIds } } }`;
    const read = await world.run(staff.ana, query, { id: course.id });
    expect(read.errors).toBeUndefined();
    expect(read.data?.course.quiz[0]).toEqual({ prompt: quiz[0].prompt, options: quiz[0].options });
    const key = `query($id: ID!) { course(id: $id) { quizAnswerKey } }`;
    expect((await world.run(staff.ana, key, { id: course.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await world.run(staff.tess, key, { id: course.id })).data?.course.quizAnswerKey).toEqual([0, 2, 1, 0]);
  });

  it('completes on the pass mark with a certificate and course.completed; then recertification falls due, the certificate expires, and a new pass renews it', async () => {
    world.db.clock.set('2026-03-01T09:00:00.000Z');
    const course = await world.courseCatalogue.create(emergencyCourse(), staff.tess);
    const failed = await world.quizTaking.submit({ courseId: course.id, answers: [0, 1, 0, 1] }, staff.ana);
    expect(failed).toMatchObject({ attempt: { score: 25, passed: false, attemptNumber: 1 }, certificate: null });

    const passed = await world.quizTaking.submit({ courseId: course.id, answers: [0, 2, 1, 1] }, staff.ana);
    expect(passed.attempt).toMatchObject({ score: 75, passed: true, attemptNumber: 2 });
    expect(passed.certificate).toMatchObject({
      status: 'VALID',
      issuedAt: new Date('2026-03-01T09:00:00.000Z'),
      expiresAt: new Date('2027-03-01T09:00:00.000Z'),
      recertificationDueAt: new Date('2027-01-30T09:00:00.000Z'),
      quizScore: 75,
    });
    const firstCertificate = passed.certificate?.id;
    const completed = (await world.db.outboxEvents()).filter((e) => e.type === 'course.completed' && e.data.courseId === course.id);
    expect(completed.map((e) => e.data)).toEqual([
      { courseId: course.id, certificateId: firstCertificate, staffUserId: staff.ana.userId, recertification: false, quizScore: 75, completedAt: '2026-03-01T09:00:00.000Z', expiresAt: '2027-03-01T09:00:00.000Z' },
    ]);
    // A further pass while the certificate is valid changes nothing.
    expect((await world.quizTaking.submit({ courseId: course.id, answers: [0, 2, 1, 0] }, staff.ana)).certificate).toBeNull();

    world.db.clock.set('2027-02-01T00:00:00.000Z');
    expect(await world.certificateExpiry.run(world.db.clock.now())).toMatchObject({ recertificationDue: expect.any(Number) });
    expect((await world.courseCatalogue.certificatesOf(staff.ana.userId, course.id))[0].status).toBe('RECERTIFICATION_DUE');
    world.db.clock.set('2027-03-02T00:00:00.000Z');
    await world.certificateExpiry.run(world.db.clock.now());
    expect((await world.courseCatalogue.certificatesOf(staff.ana.userId, course.id))[0].status).toBe('EXPIRED');
    const standing = await world.trainingCompliance.standing({ staffUserId: staff.ana.userId });
    expect(standing.find((s) => s.courseId === course.id)).toMatchObject({ status: 'OVERDUE', overdueReason: 'CERTIFICATE_EXPIRED' });

    // Attempts count afresh for the recertification: the earlier ones do not certify again.
    const renewed = await world.quizTaking.submit({ courseId: course.id, answers: [0, 2, 1, 0] }, staff.ana);
    expect(renewed.attempt.attemptNumber).toBe(1);
    expect(renewed.certificate).toMatchObject({ status: 'VALID', renewsCertificateId: firstCertificate, expiresAt: new Date('2028-03-01T00:00:00.000Z') });
    const history = await world.courseCatalogue.certificatesOf(staff.ana.userId, course.id);
    expect(history.map((c) => c.status)).toEqual(['VALID', 'RENEWED']);
    const last = (await world.db.outboxEvents()).filter((e) => e.type === 'course.completed' && e.data.courseId === course.id).at(-1);
    expect(last?.data).toMatchObject({ recertification: true, staffUserId: staff.ana.userId });
  });

  it('stops at the maximum number of attempts and checks the answers', async () => {
    const course = await world.courseCatalogue.create(emergencyCourse({ maxQuizAttempts: 1 }), staff.tess);
    const wrongLength = world.quizTaking.submit({ courseId: course.id, answers: [0] }, staff.ben);
    await expect(wrongLength).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.answers' } });
    const outOfRange = world.quizTaking.submit({ courseId: course.id, answers: [0, 2, 1, 5] }, staff.ben);
    await expect(outOfRange).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.answers.3' } });
    await world.quizTaking.submit({ courseId: course.id, answers: [1, 1, 1, 1] }, staff.ben);
    await expect(world.quizTaking.submit({ courseId: course.id, answers: [0, 2, 1, 0] }, staff.ben)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  });
});
