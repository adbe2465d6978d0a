import { randomUUID } from 'node:crypto';
import { inquiryCustomerWrote, inquiryReceived } from '@carebridge/event-contracts';
import { knowledgeCategory, people, publishedArticle, useTraining } from '../training.fixture';

describe('knowledge search (real Postgres)', () => {
  const world = useTraining();
  const search = (text: string, extra: Record<string, unknown> = {}) => world.knowledge.search.search({ text, first: 10, offset: 0, complete: true, ...extra });
  const titles = async (text: string, extra: Record<string, unknown> = {}) => (await search(text, extra)).hits.map((hit) => hit.title);
  let articles: Record<string, string> = {};

  beforeAll(async () => {
    const visa = await knowledgeCategory(world, 'visa', ['VISA']);
    const baggage = await publishedArticle(world, {
      title: 'Checked baggage allowance',
      body: 'Economy passengers may check one bag of 23 kg. Excess baggage costs 50 EUR per piece.',
      tags: ['baggage', 'economy'],
      visibility: 'PUBLIC',
    });
    const baggageZh = await publishedArticle(world, {
      title: '托运行李额度',
      body: '经济舱旅客可免费托运一件23公斤的行李，超重行李按件收费。',
      locale: 'ZH_CN',
      translationOfId: baggage.id,
      tags: ['baggage'],
    });
    const visaJapan = await publishedArticle(world, {
      title: 'Japan tourist visa',
      body: 'Apply at the consulate with your passport, a photo and the flight itinerary. Processing takes five working days.',
      kind: 'VISA_GUIDE',
      category: 'visa',
      visibility: 'PUBLIC',
    });
    const visaZh = await publishedArticle(world, { title: '日本旅游签证办理', body: '签证办理需要护照、照片和行程单，一般五个工作日出签。', kind: 'VISA_GUIDE', category: 'visa', locale: 'ZH_CN' });
    const delay = await publishedArticle(world, {
      title: 'Flight delay compensation',
      body: 'When a flight is delayed by more than three hours, passengers may claim compensation under EU 261. <script>alert(1)</script>',
      kind: 'POLICY',
    });
    const delayZh = await publishedArticle(world, { title: '航班延误赔偿标准', body: '航班延误超过三小时的，旅客可申请赔偿。', kind: 'POLICY', locale: 'ZH_CN' });
    articles = { baggage: baggage.id, baggageZh: baggageZh.id, visaJapan: visaJapan.id, visaZh: visaZh.id, delay: delay.id, delayZh: delayZh.id };
    expect(visa.inquiryCategories).toEqual(['VISA']);
  });

  it('finds English and Chinese articles, the title weighing more than the text', async () => {
    expect(await titles('baggage allowance')).toEqual(['Checked baggage allowance']);
    // The Chinese translation is tagged "baggage": found too, below the English title match.
    expect(await titles('baggage')).toEqual(['Checked baggage allowance', '托运行李额度']);
    expect((await titles('行李托运'))[0]).toBe('托运行李额度');
    expect((await titles('航班延误了怎么赔偿'))[0]).toBe('航班延误赔偿标准');
    expect((await titles('签证需要什么材料'))[0]).toBe('日本旅游签证办理');
    // "passport" is only in the visa article's text, "flight" in one title and another text: the title wins.
    expect((await titles('flight'))[0]).toBe('Flight delay compensation');
  });

  it('tolerates typos in Latin script and matches as the reader types', async () => {
    const typo = await search('bagage alowance');
    expect(typo.hits[0].title).toBe('Checked baggage allowance');
    expect(typo.corrections).toEqual(expect.arrayContaining([{ searched: 'bagage', correctedTo: 'baggage' }]));
    expect((await titles('compens', { complete: false }))[0]).toBe('Flight delay compensation');
    expect((await titles('日本旅', { complete: false }))[0]).toBe('日本旅游签证办理');
    expect((await titles('签', { complete: false }))[0]).toBe('日本旅游签证办理');
  });

  it('filters by kind, category, locale, tag and visibility', async () => {
    const visa = await knowledgeCategory(world, 'visa');
    expect(await titles('visa 签证', { kind: 'VISA_GUIDE', locale: 'EN' })).toEqual(['Japan tourist visa']);
    expect((await titles('签证 visa baggage 行李', { categoryId: visa.id })).sort()).toEqual(['Japan tourist visa', '日本旅游签证办理']);
    expect(await titles('baggage 行李', { tag: 'economy' })).toEqual(['Checked baggage allowance']);
    expect((await titles('baggage visa delay', { visibility: 'PUBLIC' })).sort()).toEqual(['Checked baggage allowance', 'Japan tourist visa']);
  });

  it('highlights matches in a snippet that is safe to show as HTML', async () => {
    const [hit] = (await search('delayed compensation')).hits;
    expect(hit.titleHighlighted).toBe('Flight delay <mark>compensation</mark>'.replace('delay', '<mark>delay</mark>'));
    expect(hit.snippet).toContain('<mark>delayed</mark>');
    expect(hit.snippet).toContain('&lt;script&gt;');
    expect(hit.snippet).not.toContain('<script>');
    const [zh] = (await search('赔偿')).hits;
    expect(zh.snippet).toContain('<mark>赔偿</mark>');
  });

  it('pages through the matches and says how many there are', async () => {
    // No article has all three words, none two of them: the articles with any of them, ranked.
    const all = await search('baggage visa delay', { first: 3 });
    expect(all.total).toBe(4);
    expect(all.hits).toHaveLength(3);
    const rest = await search('baggage visa delay', { first: 3, offset: 3 });
    expect(rest.hits).toHaveLength(1);
    expect(new Set([...all.hits, ...rest.hits].map((hit) => hit.articleId)).size).toBe(4);
    expect((await search('baggage visa delay', { first: 3, offset: 10 })).total).toBe(4);
    expect(all.totalCapped).toBe(false);
    // An article with every word is all that is found when there is one.
    expect(await titles('tourist visa passport')).toEqual(['Japan tourist visa']);
  });

  it("widens a search by the trainers' synonyms, per language, each change on record", async () => {
    world.db.clock.set('2026-11-03T08:00:00.000Z');
    const save = `mutation($input: SaveKnowledgeSynonymsInput!) { saveKnowledgeSynonyms(input: $input) { id locale terms updatedBy } }`;
    expect(await titles('luggage')).toEqual([]);
    expect(await titles('索赔')).toEqual([]);
    const luggage = await world.run(people.trainer, save, { input: { locale: 'EN', terms: ['Luggage', ' baggage '] } });
    expect(luggage.data?.saveKnowledgeSynonyms).toMatchObject({ locale: 'EN', terms: ['luggage', 'baggage'], updatedBy: people.trainer.userId });
    const claim = await world.run(people.trainer, save, { input: { locale: 'ZH_CN', terms: ['索赔', '赔偿'] } });
    expect(claim.errors).toBeUndefined();
    expect(await titles('luggage')).toEqual(['Checked baggage allowance', '托运行李额度']);
    const [hit] = (await search('luggage allowance')).hits;
    expect(hit.titleHighlighted).toBe('Checked <mark>baggage</mark> <mark>allowance</mark>');
    expect((await titles('航班延误索赔'))[0]).toBe('航班延误赔偿标准');
    // A misspelt synonym is corrected to it, then widened.
    expect((await search('lugage')).corrections).toEqual([{ searched: 'lugage', correctedTo: 'luggage' }]);
    expect((await titles('lugage'))[0]).toBe('Checked baggage allowance');

    // A term is in one group of its language; terms are in the language's script; trainers only.
    const taken = await world.run(people.trainer, save, { input: { locale: 'EN', terms: ['suitcase', 'luggage'] } });
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.terms' });
    const script = await world.run(people.trainer, save, { input: { locale: 'ZH_CN', terms: ['行李', 'bag'] } });
    expect(script.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.terms' });
    expect((await world.run(people.agent, save, { input: { locale: 'EN', terms: ['bike', 'bicycle'] } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const id = luggage.data?.saveKnowledgeSynonyms.id;
    world.db.clock.set('2026-11-03T09:00:00.000Z');
    const changed = await world.run(people.otherTrainer, save, { input: { id, locale: 'EN', terms: ['luggage', 'baggage', 'suitcase'] } });
    expect(changed.data?.saveKnowledgeSynonyms).toMatchObject({ terms: ['luggage', 'baggage', 'suitcase'], updatedBy: people.otherTrainer.userId });
    world.db.clock.set('2026-11-03T10:00:00.000Z');
    const removed = await world.run(people.trainer, `mutation($id: ID!) { removeKnowledgeSynonyms(id: $id) { id } }`, { id });
    expect(removed.errors).toBeUndefined();
    expect(await titles('luggage')).toEqual([]);
    const history = await world.run(people.supervisor, `query($id: ID) { knowledgeSynonymChanges(groupId: $id) { change termsBefore termsAfter changedBy } }`, { id });
    expect(history.data?.knowledgeSynonymChanges).toEqual([
      { change: 'REMOVED', termsBefore: ['luggage', 'baggage', 'suitcase'], termsAfter: null, changedBy: people.trainer.userId },
      { change: 'CHANGED', termsBefore: ['luggage', 'baggage'], termsAfter: ['luggage', 'baggage', 'suitcase'], changedBy: people.otherTrainer.userId },
      { change: 'CREATED', termsBefore: null, termsAfter: ['luggage', 'baggage'], changedBy: people.trainer.userId },
    ]);
    const list = await world.run(people.supervisor, `{ knowledgeSynonyms(locale: ZH_CN) { terms } }`);
    expect(list.data?.knowledgeSynonyms).toEqual([{ terms: ['索赔', '赔偿'] }]);
    await world.run(people.trainer, `mutation($id: ID!) { removeKnowledgeSynonyms(id: $id) { id } }`, { id: claim.data?.saveKnowledgeSynonyms.id });
  });

  it('lets customer apps search and read public articles only, without a token', async () => {
    const anonymous = { ...world.context(people.agent), identity: undefined };
    const searched = await world.run(people.agent, `query { publicKnowledgeSearch(input: { text: "baggage 行李 delay" }) { total hits { title visibility } } }`, {}, anonymous);
    expect(searched.errors).toBeUndefined();
    expect(searched.data.publicKnowledgeSearch).toEqual({ total: 1, hits: [{ title: 'Checked baggage allowance', visibility: 'PUBLIC' }] });
    const read = `query($id: ID!) { publicKnowledgeArticle(id: $id) { title version body } }`;
    expect((await world.run(people.agent, read, { id: articles.baggage }, anonymous)).data.publicKnowledgeArticle).toMatchObject({ title: 'Checked baggage allowance', version: 1 });
    expect((await world.run(people.agent, read, { id: articles.delay }, anonymous)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const staffOnly = await world.run(people.agent, `query { knowledgeSearch(input: { text: "baggage" }) { total } }`, {}, anonymous);
    expect(staffOnly.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("suggests articles on an inquiry from its category and words, and follows the customer's newest message", async () => {
    const inquiryId = randomUUID();
    await world.deliver(inquiryReceived, {
      inquiryId,
      customerId: null,
      channel: 'EMAIL',
      category: 'VISA',
      receivedAt: '2026-11-02T08:00:00.000Z',
      firstResponseDueAt: '2026-11-02T08:05:00.000Z',
      subject: 'Trip to Tokyo',
      message: 'Hello, I am Mei (mei@example.com). Which documents do I need for the visa?',
    });
    const suggested = `query($id: ID!) { _entities(representations: [{ __typename: "Inquiry", id: $id }]) { ... on Inquiry { suggestedArticles(first: 3) { articleId title article { id status } } } } }`;
    const first = await world.run(people.agent, suggested, { id: inquiryId });
    expect(first.errors).toBeUndefined();
    expect(first.data._entities[0].suggestedArticles[0]).toEqual({ articleId: articles.visaJapan, title: 'Japan tourist visa', article: { id: articles.visaJapan, status: 'PUBLISHED' } });
    const [kept] = await world.db.dataSource.query(`SELECT text FROM knowledge_inquiry_context WHERE inquiry_id = $1`, [inquiryId]);
    expect(kept.text).not.toContain('mei@example.com');

    await world.deliver(inquiryCustomerWrote, { inquiryId, category: 'VISA', body: '另外，我的航班延误了，可以申请赔偿吗？', receivedAt: '2026-11-02T09:00:00.000Z' });
    const refreshed = await world.run(people.agent, suggested, { id: inquiryId });
    expect(refreshed.data._entities[0].suggestedArticles.map((a: any) => a.articleId)).toContain(articles.delayZh);
    expect((await world.run(people.analyst, suggested, { id: inquiryId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
