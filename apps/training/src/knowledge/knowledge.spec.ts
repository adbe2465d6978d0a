import { randomUUID } from 'node:crypto';
import { complaintClosed, inquiryClosed } from '@carebridge/event-contracts';
import { knowledgeCategory, people, publishedArticle, useTraining } from '../training.fixture';

describe('knowledge base: workflow, versions, feedback (real Postgres)', () => {
  const world = useTraining();
  const search = (text: string, extra: Record<string, unknown> = {}) => world.knowledge.search.search({ text, first: 10, offset: 0, complete: true, ...extra });

  it('goes draft → in review → published by a second person, found at once, and announced', async () => {
    const category = await knowledgeCategory(world);
    const draft = await world.knowledge.writing.create(
      { kind: 'POLICY', locale: 'EN', visibility: 'PUBLIC', categoryId: category.id, section: 'Rules', title: 'Cabin baggage allowance', body: 'One cabin bag of 7 kg.', tags: ['Cabin', 'cabin'] },
      people.trainer,
    );
    expect(draft).toMatchObject({ status: 'DRAFT', liveVersion: 0, tags: ['cabin'] });
    expect((await search('cabin baggage')).total).toBe(0);

    const inReview = await world.knowledge.writing.submit(draft.id, people.trainer);
    expect(inReview.status).toBe('IN_REVIEW');
    // The writer cannot approve their own text, whatever their roles.
    await expect(world.knowledge.review.approve({ articleId: draft.id }, { ...people.trainer, roles: ['trainer', 'supervisor'] })).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });

    const published = await world.knowledge.review.approve({ articleId: draft.id }, people.supervisor);
    expect(published).toMatchObject({ status: 'PUBLISHED', liveVersion: 1, approvedBy: people.supervisor.userId });
    expect((await search('cabin baggage')).hits.map((hit) => hit.articleId)).toEqual([draft.id]);
    const events = (await world.db.outboxEvents()).filter((event) => event.key === draft.id);
    expect(events.map((event) => event.type)).toEqual(['knowledge_article.published']);
    expect(events[0].data).toMatchObject({ articleId: draft.id, version: 1, title: 'Cabin baggage allowance', visibility: 'PUBLIC', publishedBy: people.supervisor.userId });
  });

  it('checks roles through the schema: a trainer cannot approve, an agent cannot write', async () => {
    const category = await knowledgeCategory(world);
    const create = `mutation($input: CreateKnowledgeArticleInput!) { createKnowledgeArticle(input: $input) { id status liveVersionNumber liveVersion { number } } }`;
    const input = { kind: 'FAQ', locale: 'EN', categoryId: category.id, section: 'General', title: 'Roles', body: 'Who writes.' };
    expect((await world.run(people.agent, create, { input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const created = await world.run(people.trainer, create, { input });
    expect(created.errors).toBeUndefined();
    expect(created.data.createKnowledgeArticle).toMatchObject({ status: 'DRAFT', liveVersionNumber: 0, liveVersion: null });
    const id = created.data.createKnowledgeArticle.id;
    await world.run(people.trainer, `mutation($id: ID!) { submitKnowledgeArticle(articleId: $id) { status } }`, { id });
    const approve = `mutation($id: ID!) { approveKnowledgeArticle(input: { articleId: $id }) { status liveVersion { number title } } }`;
    expect((await world.run(people.otherTrainer, approve, { id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const approved = await world.run(people.supervisor, approve, { id });
    expect(approved.data.approveKnowledgeArticle).toEqual({ status: 'PUBLISHED', liveVersion: { number: 1, title: 'Roles' } });
    const bad = await world.run(people.trainer, create, { input: { ...input, section: 'Nowhere' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.section' });
  });

  it('keeps the live version live while an edit is drafted and reviewed; compares and restores versions', async () => {
    const article = await publishedArticle(world, { title: 'Infant fares', body: 'Infants under two fly for 10 percent of the adult fare.\nA bassinet can be requested.' });
    const edited = await world.knowledge.writing.edit({ articleId: article.id, body: 'Infants under two fly for 15 percent of the adult fare.\nA bassinet can be requested.\nBring the birth certificate.' }, people.otherTrainer);
    expect(edited).toMatchObject({ status: 'DRAFT', liveVersion: 1 });
    expect((await world.knowledge.queries.liveVersion(edited))?.body).toContain('10 percent');
    expect((await search('birth certificate')).total).toBe(0);
    expect((await search('infant fares')).hits[0]).toMatchObject({ articleId: article.id, version: 1 });

    await world.knowledge.writing.submit(article.id, people.otherTrainer);
    const v2 = await world.knowledge.review.approve({ articleId: article.id }, people.supervisor);
    expect(v2).toMatchObject({ status: 'PUBLISHED', liveVersion: 2 });
    expect((await search('birth certificate')).hits[0]).toMatchObject({ articleId: article.id, version: 2 });

    const comparison = await world.knowledge.versions.compare(article.id, 1, 2);
    expect(comparison.body.filter((c) => c.change !== 'SAME')).toEqual([
      { change: 'REMOVED', text: '10' },
      { change: 'ADDED', text: '15' },
      { change: 'ADDED', text: 'Bring the birth certificate.\n' },
    ]);

    const restored = await world.knowledge.versions.restore(article.id, 1, people.supervisor);
    expect(restored).toMatchObject({ status: 'PUBLISHED', liveVersion: 3, versionCount: 3 });
    const versions = await world.knowledge.queries.versions(article.id);
    expect(versions.map((v) => [v.number, v.restoredFrom])).toEqual([[3, 1], [2, null], [1, null]]);
    expect(versions[0].body).toBe(versions[2].body);
    expect((await search('birth certificate')).total).toBe(0);
    // Versions never change: a version is immutable once written.
    expect(versions[1].body).toContain('Bring the birth certificate.');
  });

  it('publishes an approved article at its scheduled time, by the job', async () => {
    const category = await knowledgeCategory(world);
    const draft = await world.knowledge.writing.create({ kind: 'TRAVEL_NOTES', locale: 'EN', visibility: 'INTERNAL', categoryId: category.id, section: 'General', title: 'Carnival in Rio', body: 'Hotels fill early.', tags: [] }, people.trainer);
    await world.knowledge.writing.submit(draft.id, people.trainer);
    const publishAt = new Date(world.db.clock.now().getTime() + 3_600_000);
    const approved = await world.knowledge.review.approve({ articleId: draft.id, publishAt }, people.supervisor);
    expect(approved).toMatchObject({ status: 'APPROVED', publishAt, liveVersion: 0 });
    expect(await world.knowledge.review.publishDue(world.db.clock.now())).toBe(0);
    expect((await search('carnival')).total).toBe(0);
    expect(await world.knowledge.review.publishDue(publishAt)).toBe(1);
    expect(await world.knowledge.queries.get(draft.id)).toMatchObject({ status: 'PUBLISHED', liveVersion: 1 });
    expect((await search('carnival')).total).toBe(1);
  });

  it('archives: never found again, announced, and no step leads out of it', async () => {
    const article = await publishedArticle(world, { title: 'Old volcano advisory', body: 'Ash cloud over the airport.' });
    expect((await search('volcano')).total).toBe(1);
    await world.knowledge.review.archive(article.id, people.supervisor);
    expect((await search('volcano')).total).toBe(0);
    const events = (await world.db.outboxEvents()).filter((event) => event.key === article.id);
    expect(events.map((event) => event.type)).toEqual(['knowledge_article.published', 'knowledge_article.archived']);
    await expect(world.knowledge.writing.edit({ articleId: article.id, title: 'Back' }, people.trainer)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  });

  it('requires an owner for procedures and links translations, one per locale', async () => {
    const category = await knowledgeCategory(world);
    const base = { kind: 'PROCEDURE' as const, visibility: 'INTERNAL' as const, categoryId: category.id, section: 'Rules', tags: [] };
    await expect(world.knowledge.writing.create({ ...base, locale: 'EN', title: 'Lost bag', body: 'Open a PIR.' }, people.trainer)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.ownerId' },
    });
    const en = await world.knowledge.writing.create({ ...base, locale: 'EN', title: 'Lost bag', body: 'Open a PIR.', ownerId: 'lead-lena' }, people.trainer);
    const zh = await world.knowledge.writing.create({ ...base, locale: 'ZH_CN', title: '行李丢失', body: '填写行李事故报告。', ownerId: 'lead-lena', translationOfId: en.id }, people.trainer);
    expect(zh.translationGroupId).toBe(en.translationGroupId);
    expect((await world.knowledge.queries.translations(en)).map((a) => a.id)).toEqual([zh.id]);
    await expect(world.knowledge.writing.create({ ...base, locale: 'ZH_CN', title: '又一个', body: '重复', ownerId: 'x', translationOfId: en.id }, people.trainer)).rejects.toMatchObject({
      extensions: { field: 'input.translationOfId' },
    });
  });

  it('takes feedback on the live version and lists content gaps', async () => {
    const article = await publishedArticle(world, { title: 'Pet transport', body: 'Pets travel in the hold in an approved crate.' });
    await expect(world.knowledge.feedback.give({ articleId: article.id, helpful: false }, people.agent)).rejects.toMatchObject({ extensions: { field: 'input.reason' } });
    await world.knowledge.feedback.give({ articleId: article.id, helpful: true }, people.agent);
    await world.knowledge.feedback.give({ articleId: article.id, helpful: false, reason: 'Says nothing about cabin pets' }, people.agent);
    await world.knowledge.feedback.give({ articleId: article.id, helpful: false, reason: 'Crate size missing' }, people.trainer);
    await search('kangaroo quarantine rules');
    await search('kangaroo quarantine rules');
    await search('kangar', { complete: false });

    const gaps = await world.knowledge.contentGaps.list();
    expect(gaps.unansweredSearches.filter((gap) => gap.query.startsWith('kangar'))).toEqual([expect.objectContaining({ query: 'kangaroo quarantine rules', searches: 2 })]);
    // The agent's second vote replaced the first.
    expect(gaps.unhelpfulArticles).toEqual([expect.objectContaining({ articleId: article.id, title: 'Pet transport', version: 1, unhelpful: 2, helpful: 0 })]);
    expect([...gaps.unhelpfulArticles[0].reasons].sort()).toEqual(['Crate size missing', 'Says nothing about cabin pets']);
  });

  it('drafts an article from a solved inquiry, its personal data removed', async () => {
    const category = await knowledgeCategory(world);
    const inquiryId = randomUUID();
    await world.deliver(inquiryClosed, {
      inquiryId,
      customerId: null,
      channel: 'EMAIL',
      category: 'BAGGAGE',
      closedBy: 'agent-ana',
      closedAt: '2026-11-20T10:00:00.000Z',
      satisfied: true,
      satisfactionScore: 5,
      dissatisfactionReason: null,
      closedWithoutSatisfactionReason: null,
      handlingSeconds: 600,
      subject: 'Stroller at the gate',
      conversation: [
        { direction: 'INBOUND', body: 'Hello, I am Mei Chen (mei.chen@example.com, +86 138 1234 5678). Can I take the stroller to the gate on booking K7Q2XZ?' },
        { direction: 'OUTBOUND', body: 'Dear Mei Chen, yes: strollers are checked at the gate free of charge.' },
      ],
      contactName: 'Mei Chen',
    });
    const draft = await world.knowledge.solvedCases.draftArticle({ source: 'INQUIRY', caseId: inquiryId, kind: 'FAQ', locale: 'EN', categoryId: category.id, section: 'General' }, people.agent);
    expect(draft).toMatchObject({ status: 'DRAFT', title: 'Stroller at the gate', draftedFromCase: `INQUIRY:${inquiryId}` });
    expect(draft.body).toBe(
      'Hello, I am [name] ([e-mail], [phone]). Can I take the stroller to the gate on booking [booking reference]?\n\nDear [name], yes: strollers are checked at the gate free of charge.',
    );
    const [kept] = await world.db.dataSource.query(`SELECT * FROM knowledge_solved_case WHERE case_id = $1`, [inquiryId]);
    expect(JSON.stringify(kept)).not.toMatch(/Mei|Chen|example\.com|K7Q2XZ|1234/);
    await expect(
      world.knowledge.solvedCases.draftArticle({ source: 'INQUIRY', caseId: randomUUID(), kind: 'FAQ', locale: 'EN', categoryId: category.id, section: 'General' }, people.agent),
    ).rejects.toMatchObject({ extensions: { field: 'input.caseId' } });
  });

  it('drafts an article from a closed complaint: the description and the resolution, personal data removed', async () => {
    const category = await knowledgeCategory(world);
    const complaintId = randomUUID();
    await world.deliver(complaintClosed, {
      complaintId,
      registrationNumber: 'CMP-2026-000123',
      customerId: randomUUID(),
      closedBy: 'specialist-sam',
      closedAt: '2026-11-21T10:00:00.000Z',
      satisfactionScore: 4,
      satisfactionComment: null,
      closedWithoutSatisfactionReason: null,
      category: 'BAGGAGE',
      description: '我的行李在转机时丢失了。我是王小明，电话13812345678，订单号BK-20260301。',
      resolutionExplanation: '王先生，我们已按蒙特利尔公约赔偿，并退还了超重行李费。',
    });
    const draft = await world.knowledge.solvedCases.draftArticle({ source: 'COMPLAINT', caseId: complaintId, kind: 'FAQ', locale: 'ZH_CN', categoryId: category.id, section: 'General' }, people.trainer);
    expect(draft).toMatchObject({ status: 'DRAFT', title: '我的行李在转机时丢失了。', draftedFromCase: `COMPLAINT:${complaintId}` });
    expect(draft.body).toBe('我的行李在转机时丢失了。我是[name]，电话[phone]，订单号[booking reference]。\n\n[name]先生，我们已按蒙特利尔公约赔偿，并退还了超重行李费。');
  });
});
