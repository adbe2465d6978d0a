import { randomUUID } from 'node:crypto';
import { inquiryClosed, inquiryReceived } from '@carebridge/event-contracts';
import { onRoster, staff } from '../staff/staff.fixture';
import { handledCase, publishedArticle, useTraining } from '../training.fixture';

const allCategories = (score: number) => ['greeting', 'understanding', 'correct_solution', 'tone', 'closing', 'documentation'].map((category) => ({ category, score }));

describe('QA scorecards, reviews and calibration (real Postgres)', () => {
  const world = useTraining();
  beforeAll(async () => onRoster(world, [staff.ana, staff.ben, staff.sue, staff.tess]));

  const scorecard = () => world.scorecards.create({ name: 'Hotline 2026', categories: null, autoFailItems: [{ key: 'data_disclosed', label: 'Disclosed personal data to the wrong person' }] }, staff.tess);

  it('takes the usual six weighted categories by default and refuses weights that do not add up to 100', async () => {
    const card = await scorecard();
    expect(card.categories.map((c) => [c.key, c.weight])).toEqual([
      ['greeting', 10],
      ['understanding', 20],
      ['correct_solution', 30],
      ['tone', 15],
      ['closing', 10],
      ['documentation', 15],
    ]);
    const create = `mutation($input: CreateScorecardInput!) { createQaScorecard(input: $input) { id } }`;
    const refused = await world.run(staff.tess, create, { input: { name: 'Odd', categories: [{ key: 'greeting', label: 'Greeting', weight: 40 }], autoFailItems: [] } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.categories' });
  });

  it('scores a case with weights, fails it on an auto-fail item, publishes qa_review.completed, and takes one counted review per case', async () => {
    world.db.clock.set('2026-06-03T10:00:00.000Z');
    const card = await scorecard();
    const inquiryId = await handledCase(world, 'INQUIRY', staff.ana.userId);
    const scores = allCategories(80).map((s) => (s.category === 'correct_solution' ? { ...s, score: 100 } : s));
    const review = await world.qaReviewing.review({ scorecardId: card.id, caseKind: 'INQUIRY', caseId: inquiryId, agentUserId: staff.ana.userId, scores, autoFailed: [], comment: 'Clear and kind.' }, staff.sue);
    expect(review).toMatchObject({ score: 86, countsTowardAgent: true, autoFailed: [] });
    const [event] = (await world.db.outboxEvents()).filter((e) => e.type === 'qa_review.completed' && e.data.reviewId === review.id);
    expect(event.data).toEqual({ reviewId: review.id, scorecardId: card.id, agentId: staff.ana.userId, caseKind: 'INQUIRY', caseId: inquiryId, score: 86, autoFailed: false, completedAt: '2026-06-03T10:00:00.000Z' });
    expect(JSON.stringify(event.data)).not.toContain('Clear and kind');

    await expect(world.qaReviewing.review({ scorecardId: card.id, caseKind: 'INQUIRY', caseId: inquiryId, agentUserId: staff.ana.userId, scores, autoFailed: [] }, staff.tess)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    const failed = await world.qaReviewing.review({ scorecardId: card.id, caseKind: 'COMPLAINT', caseId: await handledCase(world, 'COMPLAINT', staff.ana.userId), agentUserId: staff.ana.userId, scores, autoFailed: ['data_disclosed'] }, staff.sue);
    expect(failed.score).toBe(0);

    await expect(world.qaReviewing.review({ scorecardId: card.id, caseKind: 'INQUIRY', caseId: await handledCase(world, 'INQUIRY', staff.ana.userId), agentUserId: staff.ana.userId, scores: scores.slice(1), autoFailed: [] }, staff.sue)).rejects.toMatchObject({ extensions: { field: 'input.scores' } });
    await expect(world.qaReviewing.review({ scorecardId: card.id, caseKind: 'INQUIRY', caseId: randomUUID(), agentUserId: staff.sue.userId, scores, autoFailed: [] }, staff.sue)).rejects.toMatchObject({ extensions: { field: 'input.agentUserId' } });
    await expect(world.qaReviewing.review({ scorecardId: card.id, caseKind: 'INQUIRY', caseId: randomUUID(), agentUserId: 'agent-unknown', scores, autoFailed: [] }, staff.sue)).rejects.toMatchObject({ extensions: { field: 'input.agentUserId' } });

    // The case must be one training heard of (from inquiry's and complaint's events), handled by the agent named.
    const reviewCase = `mutation($input: ReviewCaseInput!) { reviewCase(input: $input) { id } }`;
    const asAna = (caseKind: string, caseId: string) => ({ input: { scorecardId: card.id, caseKind, caseId, agentUserId: staff.ana.userId, scores, autoFailed: [] } });
    const unheard = await world.run(staff.sue, reviewCase, asAna('INQUIRY', randomUUID()));
    expect(unheard.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.caseId' });
    const bensComplaint = await handledCase(world, 'COMPLAINT', staff.ben.userId);
    const notHers = await world.run(staff.sue, reviewCase, asAna('COMPLAINT', bensComplaint));
    expect(notHers.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.agentUserId' });
    expect(notHers.errors?.[0].message).toMatch(/did not reply to, resolve or close/);
    const received = randomUUID();
    await world.deliver(inquiryReceived, { inquiryId: received, customerId: null, channel: 'EMAIL', category: 'BAGGAGE', receivedAt: '2026-06-03T08:00:00.000Z', firstResponseDueAt: '2026-06-03T12:00:00.000Z' });
    expect((await world.run(staff.sue, reviewCase, asAna('INQUIRY', received))).errors?.[0].extensions).toMatchObject({ field: 'input.agentUserId' });
    const closed = {
      inquiryId: received, customerId: null, channel: 'EMAIL' as const, category: 'BAGGAGE', closedBy: staff.ana.userId, closedAt: '2026-06-03T09:00:00.000Z',
      satisfied: true, satisfactionScore: 5, dissatisfactionReason: null, closedWithoutSatisfactionReason: null, handlingSeconds: 600,
    };
    const eventId = randomUUID();
    await world.deliver(inquiryClosed, closed, eventId);
    await world.deliver(inquiryClosed, closed, eventId);
    expect((await world.run(staff.sue, reviewCase, asAna('INQUIRY', received))).data?.reviewCase.id).toEqual(expect.any(String));
    expect(await world.db.dataSource.query(`SELECT user_id FROM qa_case_handler WHERE case_id = $1`, [received])).toEqual([{ user_id: staff.ana.userId }]);

    // The agent sees their own reviews with the comment; nobody else's.
    const mine = await world.run(staff.ana, `{ myQaReviews { score comment inquiry { id } complaint { id } } }`);
    expect(mine.data?.myQaReviews).toEqual(expect.arrayContaining([{ score: 86, comment: 'Clear and kind.', inquiry: { id: inquiryId }, complaint: null }]));
    expect((await world.run(staff.ben, `{ qaReviews(agentUserId: "agent-ana") { id } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await world.run(staff.ben, `{ myQaReviews { id } }`)).data?.myQaReviews).toEqual([]);
  });

  it('shows the spread of a calibration and does not count it toward the agent', async () => {
    world.db.clock.set('2026-06-10T10:00:00.000Z');
    const card = await scorecard();
    const session = await world.calibration.open({ scorecardId: card.id, caseKind: 'COMPLAINT', caseId: await handledCase(world, 'COMPLAINT', staff.ben.userId), agentUserId: staff.ben.userId }, staff.tess);
    await world.calibration.score({ calibrationSessionId: session.id, scores: allCategories(60), autoFailed: [] }, staff.tess);
    world.db.clock.set('2026-06-10T10:05:00.000Z');
    await world.calibration.score({ calibrationSessionId: session.id, scores: allCategories(90), autoFailed: [] }, staff.sue);
    await expect(world.calibration.score({ calibrationSessionId: session.id, scores: allCategories(90), autoFailed: [] }, staff.sue)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });

    const read = await world.run(staff.sue, `query($id: ID!) { calibrationSession(id: $id) { status reviews { score countsTowardAgent } spread { category min max range standardDeviation } } }`, { id: session.id });
    expect(read.errors).toBeUndefined();
    expect(read.data?.calibrationSession.reviews).toEqual([{ score: 60, countsTowardAgent: false }, { score: 90, countsTowardAgent: false }]);
    expect(read.data?.calibrationSession.spread.at(-1)).toEqual({ category: 'total', min: 60, max: 90, range: 30, standardDeviation: 15 });
    expect(read.data?.calibrationSession.spread).toHaveLength(7);

    const results = await world.qaReviewing.resultsFor(world.db.dataSource.manager, staff.ben.userId, new Date('2026-06-01T00:00:00.000Z'), new Date('2026-07-01T00:00:00.000Z'));
    expect(results).toEqual({ reviews: 0, averageScore: null });
    expect((await world.db.outboxEvents()).filter((e) => e.type === 'qa_review.completed' && e.data.agentId === staff.ben.userId)).toEqual([]);
    await world.calibration.close(session.id);
    await expect(world.calibration.score({ calibrationSessionId: session.id, scores: allCategories(70), autoFailed: [] }, staff.ada)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  });

  it('takes agents’ ratings of a procedure only, and publishes procedure_feedback.given without who or what they wrote', async () => {
    const notAnArticle = world.procedureFeedback.give({ articleId: randomUUID(), rating: 4, comment: null }, staff.ana);
    await expect(notAnArticle).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.articleId' } });
    const procedure = await publishedArticle(world, { kind: 'PROCEDURE', ownerId: staff.tess.userId, title: 'Rebooking after a cancellation', body: 'Step 1: check the fare rules. Step 2: offer the next flight. Step 3: fill in the airline’s form.' });
    const faq = await publishedArticle(world, { kind: 'FAQ', title: 'Can I take a power bank?', body: 'In the cabin only.' });
    await expect(world.procedureFeedback.give({ articleId: faq.id, rating: 4, comment: null }, staff.ana)).rejects.toMatchObject({ extensions: { field: 'input.articleId' } });
    const articleId = procedure.id;
    const feedback = await world.procedureFeedback.give({ articleId, rating: 2, comment: 'Step 3 no longer matches the airline’s form.' }, staff.ana);
    const [event] = (await world.db.outboxEvents()).filter((e) => e.type === 'procedure_feedback.given' && e.data.feedbackId === feedback.id);
    expect(event.data).toEqual({ feedbackId: feedback.id, articleId, rating: 2, commented: true, givenAt: world.db.clock.now().toISOString() });
    expect(await world.procedureFeedback.rating(articleId)).toEqual({ articleId, ratings: 1, averageRating: 2, comments: 1 });
  });
});
