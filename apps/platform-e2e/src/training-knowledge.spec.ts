import { eventually, type GraphQLClient, type PlatformUnderTest, sharedPlatformUnderTest } from '@carebridge/testing';

const ARTICLE = `id status liveVersionNumber title liveVersion { number title body } translations { id locale }`;
const CREATE = `mutation($input: CreateKnowledgeArticleInput!) { createKnowledgeArticle(input: $input) { ${ARTICLE} } }`;
const EDIT = `mutation($input: EditKnowledgeArticleInput!) { editKnowledgeArticle(input: $input) { ${ARTICLE} } }`;
const SUBMIT = `mutation($id: ID!) { submitKnowledgeArticle(articleId: $id) { ${ARTICLE} } }`;
const APPROVE = `mutation($id: ID!) { approveKnowledgeArticle(input: { articleId: $id }) { ${ARTICLE} } }`;
const SEARCH = `query($input: KnowledgeSearchInput!) { knowledgeSearch(input: $input) { total hits { articleId version title titleHighlighted snippet } } }`;
const INQUIRY = `query($id: ID!) { inquiry(id: $id) {
  suggestedArticles(first: 3) { articleId title }
  messages { direction citations { article { id title liveVersionNumber } citedVersion citedTitle state currentVersion } }
} }`;

describe('knowledge base through the gateway (T-5.2, A-3.1.4)', () => {
  let platform: PlatformUnderTest;
  let trainer: GraphQLClient;
  let supervisor: GraphQLClient;
  let agent: GraphQLClient;

  beforeAll(async () => {
    platform = await sharedPlatformUnderTest();
    trainer = platform.as('trainer', 'trainer-tess');
    supervisor = platform.as('supervisor', 'supervisor-sue');
    agent = platform.as('agent', 'agent-ana');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('publishes, finds, suggests and cites an article; an edit leaves the live version live until approved', async () => {
    const { createKnowledgeCategory: category } = await trainer.data(
      `mutation($input: CreateKnowledgeCategoryInput!) { createKnowledgeCategory(input: $input) { id } }`,
      { input: { slug: 'visa', name: 'Visa', sections: ['Asia', 'Europe'], inquiryCategories: ['VISA'] } },
    );
    const common = { kind: 'VISA_GUIDE', categoryId: category.id, section: 'Asia', visibility: 'PUBLIC' };
    const { createKnowledgeArticle: english } = await trainer.data(CREATE, {
      input: { ...common, locale: 'EN', title: 'Japan tourist visa', body: 'Apply through an authorised travel agency with your passport, a photo and the itinerary. Processing takes five working days.' },
    });
    const { createKnowledgeArticle: chinese } = await trainer.data(CREATE, {
      input: { ...common, locale: 'ZH_CN', title: '日本旅游签证办理', body: '通过指定旅行社递交申请，需要护照、照片和行程单，一般五个工作日出签。', translationOfId: english.id },
    });
    expect(chinese.translations).toEqual([{ id: english.id, locale: 'EN' }]);

    // draft → in review → published; the supervisor approves, the trainer cannot.
    expect((await trainer.data(SUBMIT, { id: english.id })).submitKnowledgeArticle.status).toBe('IN_REVIEW');
    expect((await trainer.request(APPROVE, { id: english.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const published = (await supervisor.data(APPROVE, { id: english.id })).approveKnowledgeArticle;
    expect(published).toMatchObject({ status: 'PUBLISHED', liveVersionNumber: 1, liveVersion: { number: 1, title: 'Japan tourist visa' } });
    await trainer.data(SUBMIT, { id: chinese.id });
    await supervisor.data(APPROVE, { id: chinese.id });

    // Found at once, in English (with a typo) and in Chinese, on the next request.
    const inEnglish = (await agent.data(SEARCH, { input: { text: 'japan visa procesing' } })).knowledgeSearch;
    expect(inEnglish.hits[0]).toMatchObject({ articleId: english.id, version: 1, title: 'Japan tourist visa' });
    const inChinese = (await agent.data(SEARCH, { input: { text: '日本签证需要什么材料' } })).knowledgeSearch;
    expect(inChinese.hits[0]).toMatchObject({ articleId: chinese.id, title: '日本旅游签证办理' });
    expect(inChinese.hits[0].titleHighlighted).toBe('<mark>日本</mark>旅游<mark>签证</mark>办理');
    // The customer app reads public articles without a token.
    const customer = platform.anonymous();
    const publicSearch = await customer.data(`query { publicKnowledgeSearch(input: { text: "japan visa" }) { hits { articleId title } } }`);
    expect(publicSearch.publicKnowledgeSearch.hits[0]).toEqual({ articleId: english.id, title: 'Japan tourist visa' });

    // Suggested on a matching inquiry, once training has learnt of it from inquiry.received.
    const { receiveInquiry: inquiry } = await agent.data(`mutation($input: ReceiveInquiryInput!) { receiveInquiry(input: $input) { id } }`, {
      input: {
        channel: 'EMAIL',
        category: 'VISA',
        subject: 'Tokyo in April',
        message: 'Which documents do I need for a tourist visa to Japan?',
        contact: { name: 'Mei Chen', email: 'mei.chen@example.com' },
      },
    });
    const suggested = await eventually(async () => {
      const { inquiry: found } = await agent.data(INQUIRY, { id: inquiry.id });
      if (!found.suggestedArticles.length) throw new Error('no suggestion yet');
      return found.suggestedArticles;
    });
    expect(suggested[0]).toEqual({ articleId: english.id, title: 'Japan tourist visa' });

    // Cited in a reply with its version, once inquiry has learnt of the publication.
    const REPLY = `mutation($input: ReplyToInquiryInput!) { replyToInquiry(input: $input) { id } }`;
    await eventually(async () => {
      const result = await agent.request(REPLY, { input: { inquiryId: inquiry.id, body: 'Please see our visa guide.', citedArticleIds: [english.id] } });
      if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    });
    const citations = async () => (await agent.data(INQUIRY, { id: inquiry.id })).inquiry.messages.find((m: any) => m.direction === 'OUTBOUND').citations;
    expect(await citations()).toEqual([
      { article: { id: english.id, title: 'Japan tourist visa', liveVersionNumber: 1 }, citedVersion: 1, citedTitle: 'Japan tourist visa', state: 'CURRENT', currentVersion: 1 },
    ]);

    // An edit is a draft: the live version stays live and found until the supervisor approves it.
    const edited = (await trainer.data(EDIT, { input: { articleId: english.id, body: 'Apply through an authorised travel agency with your passport, a photo, the itinerary and proof of income.' } })).editKnowledgeArticle;
    expect(edited).toMatchObject({ status: 'DRAFT', liveVersionNumber: 1, liveVersion: { number: 1 } });
    expect((await agent.data(SEARCH, { input: { text: 'proof of income' } })).knowledgeSearch.total).toBe(0);
    expect((await customer.data(`query($id: ID!) { publicKnowledgeArticle(id: $id) { version body } }`, { id: english.id })).publicKnowledgeArticle.body).toContain('five working days');
    await trainer.data(SUBMIT, { id: english.id });
    expect((await supervisor.data(APPROVE, { id: english.id })).approveKnowledgeArticle).toMatchObject({ status: 'PUBLISHED', liveVersionNumber: 2 });
    expect((await agent.data(SEARCH, { input: { text: 'proof of income' } })).knowledgeSearch.hits[0]).toMatchObject({ articleId: english.id, version: 2 });

    // The reply still shows the version it cited, and that the article has changed since.
    await eventually(async () => {
      const [citation] = await citations();
      if (citation.state !== 'CHANGED') throw new Error(`still ${citation.state}`);
      expect(citation).toMatchObject({ citedVersion: 1, currentVersion: 2 });
    });
  });

  it("finds an article by a trainer's synonym, in English and Chinese, from the next request on", async () => {
    const { createKnowledgeCategory: category } = await trainer.data(`mutation { createKnowledgeCategory(input: { slug: "baggage", name: "Baggage", sections: ["Rules"] }) { id } }`);
    const publish = async (input: Record<string, unknown>) => {
      const { createKnowledgeArticle: created } = await trainer.data(CREATE, { input: { kind: 'POLICY', visibility: 'INTERNAL', section: 'Rules', tags: [], categoryId: category.id, ...input } });
      await trainer.data(SUBMIT, { id: created.id });
      await supervisor.data(APPROVE, { id: created.id });
      return created.id as string;
    };
    const english = await publish({ locale: 'EN', title: 'Checked baggage allowance', body: 'Economy fares include one checked bag of up to 23 kg.' });
    const chinese = await publish({ locale: 'ZH_CN', title: '托运行李额度', body: '经济舱客票含一件不超过23公斤的免费托运行李。', translationOfId: english });
    expect((await agent.data(SEARCH, { input: { text: 'luggage' } })).knowledgeSearch.total).toBe(0);

    const SAVE = `mutation($input: SaveKnowledgeSynonymsInput!) { saveKnowledgeSynonyms(input: $input) { id terms } }`;
    await trainer.data(SAVE, { input: { locale: 'EN', terms: ['luggage', 'baggage'] } });
    await trainer.data(SAVE, { input: { locale: 'ZH_CN', terms: ['箱子', '托运行李'] } });
    const luggage = (await agent.data(SEARCH, { input: { text: 'luggage allowance' } })).knowledgeSearch;
    expect(luggage.hits[0]).toMatchObject({ articleId: english, titleHighlighted: 'Checked <mark>baggage</mark> <mark>allowance</mark>' });
    expect((await agent.data(SEARCH, { input: { text: '箱子额度' } })).knowledgeSearch.hits[0]).toMatchObject({ articleId: chinese });

    const refused = await agent.request(SAVE, { input: { locale: 'EN', terms: ['bike', 'bicycle'] } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { knowledgeSynonymChanges } = await supervisor.data(`{ knowledgeSynonymChanges { change locale termsAfter changedBy } }`);
    expect(knowledgeSynonymChanges).toEqual([
      expect.objectContaining({ change: 'CREATED', locale: 'ZH_CN', changedBy: 'trainer-tess' }),
      expect.objectContaining({ change: 'CREATED', locale: 'EN', termsAfter: ['luggage', 'baggage'], changedBy: 'trainer-tess' }),
    ]);
  });
});
