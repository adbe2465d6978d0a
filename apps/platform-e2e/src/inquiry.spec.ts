import { eventually, type GraphQLClient, type PlatformUnderTest, startPlatformUnderTest } from '@carebridge/testing';

const INQUIRY_FIELDS = `id status channel category subject contactName contactEmail contactPhone receivedAt firstResponseDueAt firstRespondedAt
  firstResponseSeconds firstResponseBreached rings replyDueAt assigneeId closedAt closedWithoutSatisfactionReason escalatedAt
  satisfaction { satisfied score reason }
  messages { direction authorId body citedArticles { id } attachments { kind reference title } savedReplyId }
  history { kind actorId detail }
  complaint { id }`;
const RECEIVE = `mutation($input: ReceiveInquiryInput!) { receiveInquiry(input: $input) { ${INQUIRY_FIELDS} } }`;
const REPLY = `mutation($input: ReplyToInquiryInput!) { replyToInquiry(input: $input) { ${INQUIRY_FIELDS} } }`;
const CLOSE = `mutation($input: CloseInquiryInput!) { closeInquiry(input: $input) { ${INQUIRY_FIELDS} } }`;
const INQUIRY = `query($id: ID!) { inquiry(id: $id) { ${INQUIRY_FIELDS} } }`;
const ESCALATE = `mutation($input: EscalateInquiryToComplaintInput!) { escalateInquiryToComplaint(input: $input) { id status escalatedAt complaint { id } } }`;

const T0 = new Date('2026-11-02T09:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000).toISOString();

describe('inquiries through the gateway (T-1.1–1.3, A-3.1)', () => {
  let platform: PlatformUnderTest;
  let agent: GraphQLClient;
  let analyst: GraphQLClient;
  let admin: GraphQLClient;

  beforeAll(async () => {
    platform = await startPlatformUnderTest();
    agent = platform.as('agent', 'agent-ana');
    analyst = platform.as('analyst', 'analyst-ali');
    admin = platform.as('admin', 'admin-ada');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  /** Every service's clock at `seconds` after T0 (time then runs on from there). */
  const setTime = (seconds: number) => platform.setTime(at(seconds));
  const sweep = () => platform.runJob('inquiry', 'sla-monitor');

  async function createCustomer(fullName: string): Promise<string> {
    const { createCustomer } = await agent.data(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { fullName, email: `${fullName.toLowerCase().replace(/\W+/g, '.')}@example.com` },
    });
    return createCustomer.id;
  }

  /** Retries while the inquiry service has not yet learned of a new customer from crm's customer.created. */
  async function onceCustomerKnown<T>(operation: () => Promise<{ data?: T | null; errors?: { extensions?: Record<string, any> }[] }>): Promise<T> {
    return eventually(async () => {
      const result = await operation();
      if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
      return result.data as T;
    });
  }

  async function receive(input: Record<string, unknown>) {
    return (await agent.data(RECEIVE, { input: { category: 'FLIGHT_INFO', subject: 'Question', ...input } })).receiveInquiry;
  }
  const written = (channel: string, extra: Record<string, unknown> = {}) =>
    receive({ channel, message: 'Is my flight to Lisbon on time?', contact: { name: 'Ines Costa', email: 'ines.costa@example.pt', phone: '+351 912 345 678' }, ...extra });
  const reply = async (inquiryId: string, extra: Record<string, unknown> = {}) => (await agent.data(REPLY, { input: { inquiryId, body: 'Yes, TP 1351 is on time.', ...extra } })).replyToInquiry;
  const breaches = (inquiry: { history: { kind: string }[] }) => inquiry.history.filter((h) => h.kind === 'SLA_BREACHED').length;

  /** A knowledge-base article written by a trainer and approved by a supervisor in training. */
  async function publishedArticle(title: string): Promise<string> {
    const trainer = platform.as('trainer', 'trainer-tess');
    const { createKnowledgeCategory } = await trainer.data(`mutation($input: CreateKnowledgeCategoryInput!) { createKnowledgeCategory(input: $input) { id } }`, {
      input: { slug: 'visa-guides', name: 'Visa guides', sections: ['Americas'] },
    });
    const { createKnowledgeArticle } = await trainer.data(`mutation($input: CreateKnowledgeArticleInput!) { createKnowledgeArticle(input: $input) { id } }`, {
      input: { kind: 'VISA_GUIDE', locale: 'EN', categoryId: createKnowledgeCategory.id, section: 'Americas', title, body: 'Apply online before travel.' },
    });
    await trainer.data(`mutation($id: ID!) { submitKnowledgeArticle(articleId: $id) { id } }`, { id: createKnowledgeArticle.id });
    await platform.as('supervisor', 'supervisor-sue').data(`mutation($id: ID!) { approveKnowledgeArticle(input: { articleId: $id }) { id } }`, { id: createKnowledgeArticle.id });
    return createKnowledgeArticle.id;
  }

  describe('first-response deadlines per channel (A-3.1.1)', () => {
    it.each(['EMAIL', 'CHAT', 'WEB_FORM'])('%s: a reply within 5 minutes meets the target', async (channel) => {
      await setTime(0);
      const inquiry = await written(channel);
      expect(inquiry).toMatchObject({ status: 'NEW', channel, firstResponseBreached: false, messages: [{ direction: 'INBOUND', authorId: null }] });
      expect(new Date(inquiry.firstResponseDueAt).getTime() - new Date(inquiry.receivedAt).getTime()).toBe(5 * 60_000);
      await setTime(240);
      const answered = await reply(inquiry.id);
      expect(answered).toMatchObject({ status: 'WAITING_ON_CUSTOMER', firstResponseBreached: false });
      expect(answered.firstResponseSeconds).toBeLessThan(300);
      await setTime(900);
      await sweep();
      expect(breaches((await agent.data(INQUIRY, { id: inquiry.id })).inquiry)).toBe(0);
    });

    it.each(['EMAIL', 'CHAT', 'WEB_FORM'])('%s: unanswered after 5 minutes breaches once, however often the monitor runs', async (channel) => {
      await setTime(0);
      const inquiry = await written(channel);
      await setTime(290);
      await sweep();
      expect(breaches((await agent.data(INQUIRY, { id: inquiry.id })).inquiry)).toBe(0);
      await setTime(310);
      await sweep();
      await sweep();
      await setTime(400);
      await reply(inquiry.id);
      await sweep();
      const { inquiry: after } = await agent.data(INQUIRY, { id: inquiry.id });
      expect(after.firstResponseBreached).toBe(true);
      expect(breaches(after)).toBe(1);
    });

    it('PHONE: answered on the second ring meets the target; after the fourth ring it breaches once', async () => {
      const customerId = await createCustomer('Pedro Alves');
      await setTime(0);
      const quick = (
        await onceCustomerKnown<any>(() =>
          agent.request(RECEIVE, { input: { channel: 'PHONE', category: 'FLIGHT_INFO', subject: 'Is TP 1351 on time?', customerId, call: { ringStartedAt: at(-10), answeredAt: at(-1) } } }),
        )
      ).receiveInquiry;
      expect(quick).toMatchObject({ status: 'OPEN', rings: 2, firstResponseSeconds: 9, firstResponseBreached: false });
      expect(new Date(quick.firstResponseDueAt).getTime() - new Date(quick.receivedAt).getTime()).toBe(18_000);

      const slow = await receive({ channel: 'PHONE', customerId, call: { ringStartedAt: at(-40) } });
      await sweep();
      const answered = await agent.data(`mutation($input: AnswerInquiryCallInput!) { answerInquiryCall(input: $input) { ${INQUIRY_FIELDS} } }`, {
        input: { inquiryId: slow.id, answeredAt: at(-20) },
      });
      await sweep();
      expect(answered.answerInquiryCall).toMatchObject({ rings: 4, firstResponseSeconds: 20, firstResponseBreached: true });
      expect(breaches((await agent.data(INQUIRY, { id: slow.id })).inquiry)).toBe(1);
    });

    it('an admin changes a channel’s target; agents may not', async () => {
      const UPDATE = `mutation($input: UpdateResponsePolicyInput!) { updateResponsePolicy(input: $input) { channel firstResponseSeconds rings changedByAdmin } }`;
      const refused = await agent.request(UPDATE, { input: { channel: 'EMAIL', firstResponseMinutes: 10 } });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await admin.data(UPDATE, { input: { channel: 'EMAIL', firstResponseMinutes: 10 } })).updateResponsePolicy).toMatchObject({ firstResponseSeconds: 600, changedByAdmin: true });
      await setTime(0);
      const inquiry = await written('EMAIL');
      expect(new Date(inquiry.firstResponseDueAt).getTime() - new Date(inquiry.receivedAt).getTime()).toBe(600_000);
      await admin.data(UPDATE, { input: { channel: 'EMAIL', firstResponseMinutes: 5 } });
      const { responsePolicies } = await analyst.data(`{ responsePolicies { channel firstResponseSeconds rings ringSeconds businessHoursOnly } }`);
      expect(responsePolicies).toContainEqual({ channel: 'PHONE', firstResponseSeconds: 18, rings: 3, ringSeconds: 6, businessHoursOnly: false });
      expect(responsePolicies).toContainEqual({ channel: 'CHAT', firstResponseSeconds: 300, rings: null, ringSeconds: null, businessHoursOnly: true });
    });
  });

  describe('the agents’ queue', () => {
    it('lists inquiries owed a response, the most urgent deadline first', async () => {
      await setTime(10_000);
      const later = await written('EMAIL', { receivedAt: at(10_000 - 30) });
      const overdue = await written('CHAT', { receivedAt: at(10_000 - 400) });
      const soon = await written('WEB_FORM', { receivedAt: at(10_000 - 200) });
      const answered = await written('EMAIL');
      await reply(answered.id);
      const { inquiryQueue } = await agent.data(`{ inquiryQueue(first: 100) { edges { node { id } } } }`);
      const ours = inquiryQueue.edges.map((e: any) => e.node.id).filter((id: string) => [later.id, overdue.id, soon.id, answered.id].includes(id));
      expect(ours).toEqual([overdue.id, soon.id, later.id]);
    });
  });

  describe('answering, closing and reopening (A-3.1.4, A-3.1.5)', () => {
    it('replies from a saved reply citing an article and attaching a visa guide', async () => {
      await setTime(20_000);
      const { createSavedReply } = await agent.data(`mutation($input: CreateSavedReplyInput!) { createSavedReply(input: $input) { id } }`, {
        input: { team: 'visa', title: 'Visa guide sent', body: 'Dear {{customerName}}, the visa guide is attached. Kind regards, {{agentName}}' },
      });
      const inquiry = await written('EMAIL', { category: 'VISA' });
      const articleId = await publishedArticle('Visa for Brazil');
      // A reply cites only what inquiry has learnt training published (knowledge_article.published).
      const answered = await eventually(() =>
        reply(inquiry.id, {
          body: null,
          savedReplyId: createSavedReply.id,
          citedArticleIds: [articleId],
          attachments: [{ kind: 'VISA_GUIDE', reference: 'doc:visa-br', title: 'Visa guide: Brazil' }],
        }),
      );
      expect(answered.messages[1]).toEqual({
        direction: 'OUTBOUND',
        authorId: 'agent-ana',
        body: 'Dear Ines Costa, the visa guide is attached. Kind regards, Test agent',
        citedArticles: [{ id: articleId }],
        attachments: [{ kind: 'VISA_GUIDE', reference: 'doc:visa-br', title: 'Visa guide: Brazil' }],
        savedReplyId: createSavedReply.id,
      });
    });

    it('needs the satisfaction (and why, when not satisfied) before closing; a closed inquiry can be reopened', async () => {
      const inquiry = await written('CHAT');
      const refused = await agent.request(CLOSE, { input: { inquiryId: inquiry.id } });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.satisfaction' });
      const noReason = await agent.request(CLOSE, { input: { inquiryId: inquiry.id, satisfaction: { satisfied: false, score: 2 } } });
      expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.satisfaction.reason' });
      const badScore = await agent.request(CLOSE, { input: { inquiryId: inquiry.id, satisfaction: { satisfied: true, score: 6 } } });
      expect(badScore.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.satisfaction.score' });
      expect((await agent.data(INQUIRY, { id: inquiry.id })).inquiry.status).toBe('NEW');

      const closed = (await agent.data(CLOSE, { input: { inquiryId: inquiry.id, satisfaction: { satisfied: false, score: 2, reason: 'The flight was late anyway' } } })).closeInquiry;
      expect(closed).toMatchObject({ status: 'CLOSED', satisfaction: { satisfied: false, score: 2, reason: 'The flight was late anyway' } });
      const reopened = await agent.data(`mutation($input: ReopenInquiryInput!) { reopenInquiry(input: $input) { status satisfaction { score } } }`, {
        input: { inquiryId: inquiry.id, reason: 'The customer wrote again' },
      });
      expect(reopened.reopenInquiry).toEqual({ status: 'OPEN', satisfaction: null });
      const again = (await agent.data(CLOSE, { input: { inquiryId: inquiry.id, closedWithoutSatisfactionReason: 'The chat was left' } })).closeInquiry;
      expect(again).toMatchObject({ status: 'CLOSED', closedWithoutSatisfactionReason: 'The chat was left', satisfaction: null });
      expect(again.history.map((h: any) => h.kind)).toEqual(expect.arrayContaining(['RECEIVED', 'CLOSED', 'REOPENED']));
    });
  });

  describe('order changes (T-1.2)', () => {
    it('lives REQUESTED → IN_PROGRESS → DONE, and shows on the inquiry and on the customer', async () => {
      const customerId = await createCustomer('Jonas Berg');
      const inquiry = (
        await onceCustomerKnown<any>(() =>
          agent.request(RECEIVE, { input: { channel: 'EMAIL', category: 'ORDER_CHANGE', subject: 'Rebooking', message: 'Please move PNR Q4ZT9B to Friday.', customerId } }),
        )
      ).receiveInquiry;
      const REQUEST = `mutation($input: RequestOrderChangeInput!) { requestOrderChange(input: $input) { id status bookingReference kind } }`;
      const { requestOrderChange } = await agent.data(REQUEST, { input: { inquiryId: inquiry.id, bookingReference: 'q4zt9b', kind: 'MODIFY', requestedChanges: 'Outbound on Friday' } });
      expect(requestOrderChange).toMatchObject({ status: 'REQUESTED', bookingReference: 'Q4ZT9B' });
      const START = `mutation($input: StartOrderChangeInput!) { startOrderChange(input: $input) { status handledBy } }`;
      expect((await platform.as('after_sales', 'sales-sam').data(START, { input: { orderChangeId: requestOrderChange.id } })).startOrderChange).toEqual({ status: 'IN_PROGRESS', handledBy: 'sales-sam' });
      const COMPLETE = `mutation($input: CompleteOrderChangeInput!) { completeOrderChange(input: $input) { status rejectionReason completedAt } }`;
      const rejectedWithoutReason = await agent.request(COMPLETE, { input: { orderChangeId: requestOrderChange.id, outcome: 'REJECTED' } });
      expect(rejectedWithoutReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
      expect((await agent.data(COMPLETE, { input: { orderChangeId: requestOrderChange.id, outcome: 'DONE' } })).completeOrderChange).toMatchObject({ status: 'DONE', rejectionReason: null });
      const twice = await agent.request(COMPLETE, { input: { orderChangeId: requestOrderChange.id, outcome: 'DONE' } });
      expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'DONE' });

      const { inquiry: onInquiry } = await agent.data(`query($id: ID!) { inquiry(id: $id) { orderChanges { id status } customer { fullName } } }`, { id: inquiry.id });
      expect(onInquiry).toEqual({ orderChanges: [{ id: requestOrderChange.id, status: 'DONE' }], customer: { fullName: 'Jonas Berg' } });
      const { customer } = await agent.data(`query($id: ID!) { customer(id: $id) { inquiries { totalCount } orderChanges { totalCount edges { node { id kind status } } } } }`, { id: customerId });
      expect(customer).toEqual({ inquiries: { totalCount: 1 }, orderChanges: { totalCount: 1, edges: [{ node: { id: requestOrderChange.id, kind: 'MODIFY', status: 'DONE' } }] } });
    });
  });

  describe('escalation to a complaint', () => {
    it('needs a known customer, publishes once (a second escalation is a conflict), and shows the complaint once registered', async () => {
      const customerId = await createCustomer('Olga Nowak');
      const inquiry = await written('EMAIL', { category: 'BAGGAGE', message: 'My suitcase did not arrive in Warsaw.' });
      const input = { inquiryId: inquiry.id, category: 'BAGGAGE', urgency: 'HIGH' };
      const unlinked = await agent.request(ESCALATE, { input });
      expect(unlinked.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.inquiryId' });
      await onceCustomerKnown(() => agent.request(`mutation($input: LinkInquiryCustomerInput!) { linkInquiryCustomer(input: $input) { id } }`, { input: { inquiryId: inquiry.id, customerId } }));
      const escalated = (await agent.data(ESCALATE, { input })).escalateInquiryToComplaint;
      // The complaint's id is assigned when escalating: the agent has it at once.
      expect(escalated).toMatchObject({ status: 'ESCALATED', complaint: { id: expect.any(String) } });
      const twice = await agent.request(ESCALATE, { input });
      expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');
      const { inquiry: after } = await agent.data(INQUIRY, { id: inquiry.id });
      expect(after.history.filter((h: any) => h.kind === 'ESCALATED')).toHaveLength(1);

      // The complaint service registers the complaint from inquiry.escalated and answers with
      // complaint.registered carrying the inquiry id; the inquiry then shows it.
      const COMPLAINTS = `query($id: ID!) { customer(id: $id) { complaints { totalCount edges { node { id inquiry { id } } } } } }`;
      const registered = await eventually(async () => {
        const { customer } = await agent.data(COMPLAINTS, { id: customerId });
        if (!customer.complaints.totalCount) throw new Error('no complaint yet');
        return customer.complaints.edges[0].node;
      });
      expect(registered.inquiry).toEqual({ id: inquiry.id });
      const linked = await eventually(async () => {
        const { inquiry: current } = await agent.data(`query($id: ID!) { inquiry(id: $id) { complaint { id } } }`, { id: inquiry.id });
        if (!current.complaint) throw new Error('not linked yet');
        return current.complaint.id;
      });
      expect(linked).toBe(registered.id);
      expect((await agent.data(COMPLAINTS, { id: customerId })).customer.complaints.totalCount).toBe(1);
    });
  });

  describe('bad input and roles', () => {
    it('answers typed errors naming the field and writes nothing', async () => {
      const count = async () => (await agent.data(`{ inquiries(filter: { channel: [PHONE] }) { totalCount } }`)).inquiries.totalCount;
      const before = await count();
      const cases: [Record<string, unknown>, string][] = [
        [{ channel: 'PHONE', category: 'OTHER', subject: 'Call', contact: { name: 'X' } }, 'input.call'],
        [{ channel: 'PHONE', category: 'OTHER', subject: 'Call', contact: { name: 'X' }, call: { ringStartedAt: at(0), answeredAt: at(-60) } }, 'input.call.answeredAt'],
        [{ channel: 'PHONE', category: 'OTHER', subject: '', contact: { name: 'X' }, call: { ringStartedAt: at(0) } }, 'input.subject'],
        [{ channel: 'PHONE', category: 'OTHER', subject: 'Call', contact: { email: 'not-an-email' }, call: { ringStartedAt: at(0) } }, 'input.contact.email'],
      ];
      await setTime(30_000);
      for (const [input, field] of cases) {
        const result = await agent.request(RECEIVE, { input });
        expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
        expect(result.errors?.[0].extensions?.stacktrace).toBeUndefined();
      }
      const badEnum = await agent.request(RECEIVE, { input: { channel: 'FAX', category: 'OTHER', subject: 'x', message: 'x', contact: { name: 'X' } } });
      expect(badEnum.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const missing = await agent.request(INQUIRY, { id: '00000000-0000-4000-8000-000000000000' });
      expect(missing.data?.inquiry).toBeNull();
      expect(await count()).toBe(before);
    });

    it('masks contact details for roles without need, and refuses intake to them', async () => {
      const inquiry = await written('CHAT');
      const query = `query($id: ID!) { inquiry(id: $id) { contactName contactEmail contactPhone } }`;
      expect((await agent.data(query, { id: inquiry.id })).inquiry).toEqual({ contactName: 'Ines Costa', contactEmail: 'ines.costa@example.pt', contactPhone: '+351912345678' });
      expect((await analyst.data(query, { id: inquiry.id })).inquiry).toEqual({ contactName: '***', contactEmail: 'i***@example.pt', contactPhone: '+*********678' });
      const refused = await analyst.request(RECEIVE, { input: { channel: 'CHAT', category: 'OTHER', subject: 'x', message: 'x', contact: { name: 'X' } } });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });
});
