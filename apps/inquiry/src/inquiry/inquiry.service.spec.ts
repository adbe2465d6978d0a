import { complaintRegistered, customerErased, customerMerged } from '@carebridge/event-contracts';
import { encodeEvent } from '@carebridge/messaging';
import { InquiryCategory, InquiryChannel, InquiryStatus, MessageDirection, TravelMaterialKind } from './inquiry.entity';
import { EscalationCategory, EscalationUrgency } from './inquiry.inputs';
import { Inquiry, InquiryMessage } from './inquiry.entity';
import { openInquiryServices, type InquiryServices } from '../inquiry.fixture';

const agent = { userId: 'agent-ana', roles: ['agent' as const], name: 'Ana Agent' };
const admin = { userId: 'admin-ada', roles: ['admin' as const], name: 'Ada Admin' };
const START = '2026-11-02T09:00:00.000Z';
const at = (offsetSeconds: number) => new Date(new Date(START).getTime() + offsetSeconds * 1000);

describe('InquiryService (real Postgres)', () => {
  let s: InquiryServices;
  const customerId = '5b7e3c1a-2f4d-4e6a-8b9c-0d1e2f3a4b5c';

  beforeAll(async () => {
    s = await openInquiryServices();
    await s.learnCustomer(customerId);
  });
  afterAll(() => s.db.close());
  beforeEach(() => s.db.clock.set(START));
  afterEach(() => expect(s.deadLetters.map((m) => m.headers.dlq_error)).toEqual([]));

  const email = (overrides: Record<string, unknown> = {}) =>
    s.inquiries.receive(
      {
        channel: InquiryChannel.EMAIL,
        category: InquiryCategory.BAGGAGE,
        subject: 'Bag allowance to Tokyo',
        message: 'How many bags may I check in on NH 204?',
        contact: { name: 'Mei Tanaka', email: ' Mei.Tanaka@Example.jp ' },
        ...overrides,
      } as any,
      agent,
    );
  const call = (ringStartedAt: Date, answeredAt: Date | null = null) =>
    s.inquiries.receive({ channel: InquiryChannel.PHONE, category: InquiryCategory.FLIGHT_INFO, subject: 'Is LH 721 on time?', customerId, call: { ringStartedAt, answeredAt } } as any, agent);
  const reply = (inquiryId: string, body = 'You may check in two bags of 23 kg.') => s.inquiries.reply({ inquiryId, body, citedArticleIds: [], attachments: [] } as any, agent);
  const count = async () => ({ inquiries: await s.db.dataSource.getRepository(Inquiry).count(), messages: await s.db.dataSource.getRepository(InquiryMessage).count(), events: (await s.db.outboxEvents()).length });

  describe('written channels: first reply within 5 minutes (A-3.1.1)', () => {
    it('records the inquiry with its conversation and due time, and a reply in time meets the target', async () => {
      const inquiry = await email();
      expect(inquiry).toMatchObject({ status: 'NEW', contactEmail: 'mei.tanaka@example.jp', receivedAt: at(0), firstResponseDueAt: at(300), nextDueAt: at(300) });
      s.db.clock.set(at(240));
      const answered = await reply(inquiry.id);
      expect(answered).toMatchObject({ status: 'WAITING_ON_CUSTOMER', firstRespondedAt: at(240), firstRespondedBy: 'agent-ana', nextDueAt: null });
      const messages = await s.inquiries.messages(inquiry.id);
      expect(messages.map((m) => [m.direction, m.authorId, m.authorName])).toEqual([
        ['INBOUND', null, 'Mei Tanaka'],
        ['OUTBOUND', 'agent-ana', 'Ana Agent'],
      ]);
      const events = await s.eventsOf(inquiry.id);
      expect(events.map((e) => e.type)).toEqual(['inquiry.received', 'inquiry.first_responded']);
      expect(events[0].data).toMatchObject({ channel: 'EMAIL', firstResponseDueAt: at(300).toISOString(), customerId: null });
      expect(events[1].data).toMatchObject({ firstResponseSeconds: 240, withinTarget: true });
      expect(JSON.stringify(events)).not.toContain('Tanaka');
    });

    it('a late first reply records the breach once, and the monitor does not emit it again', async () => {
      const inquiry = await email({ channel: InquiryChannel.CHAT });
      s.db.clock.set(at(301));
      await reply(inquiry.id);
      s.db.clock.set(at(900));
      expect((await s.deadlines.run(s.db.clock.now())).breached).toBe(0);
      const events = await s.eventsOf(inquiry.id);
      expect(events.map((e) => e.type)).toEqual(['inquiry.received', 'inquiry.sla_breached', 'inquiry.first_responded']);
      expect(events[1].data).toMatchObject({ target: 'FIRST_RESPONSE', dueAt: at(300).toISOString(), channel: 'CHAT' });
      expect(events[2].data).toMatchObject({ withinTarget: false, firstResponseSeconds: 301 });
    });

    it('the monitor records an unanswered inquiry past its due time exactly once', async () => {
      const inquiry = await email({ channel: InquiryChannel.WEB_FORM });
      s.db.clock.set(at(299));
      await s.deadlines.run(s.db.clock.now());
      expect((await s.eventsOf(inquiry.id)).map((e) => e.type)).toEqual(['inquiry.received']);
      s.db.clock.set(at(301));
      await s.deadlines.run(s.db.clock.now());
      await s.deadlines.run(s.db.clock.now());
      await Promise.all([s.deadlines.run(s.db.clock.now()), s.deadlines.run(s.db.clock.now())]);
      s.db.clock.set(at(400));
      await reply(inquiry.id);
      expect((await s.eventsOf(inquiry.id)).filter((e) => e.type === 'inquiry.sla_breached')).toHaveLength(1);
      expect((await s.inquiries.history(inquiry.id)).filter((h) => h.kind === 'SLA_BREACHED')).toHaveLength(1);
    });

    it('a later reply is due from the customer’s message: time waiting on the customer does not count', async () => {
      const inquiry = await email();
      await reply(inquiry.id);
      // The customer takes three hours to answer; the reply target runs from their message.
      s.db.clock.set(at(3 * 3600));
      const open = await s.inquiries.recordCustomerMessage({ inquiryId: inquiry.id, body: 'And a folding bike?' } as any);
      expect(open).toMatchObject({ status: 'OPEN', replyDueAt: at(3 * 3600 + 3600), nextDueAt: at(3 * 3600 + 3600) });
      s.db.clock.set(at(3 * 3600 + 3599));
      await s.deadlines.run(s.db.clock.now());
      s.db.clock.set(at(3 * 3600 + 3601));
      await s.deadlines.run(s.db.clock.now());
      await s.deadlines.run(s.db.clock.now());
      const breaches = (await s.eventsOf(inquiry.id)).filter((e) => e.type === 'inquiry.sla_breached');
      expect(breaches.map((e) => e.data.target)).toEqual(['REPLY']);
      const answered = await reply(inquiry.id, 'A folded bike counts as one bag.');
      expect(answered).toMatchObject({ status: 'WAITING_ON_CUSTOMER', replyDueAt: null });
    });
  });

  describe('calls: answered within three rings of 6 s (A-3.1.1)', () => {
    it('a call answered after 12 s took two rings and met the target', async () => {
      const inquiry = await call(at(-12), at(0));
      expect(inquiry).toMatchObject({ status: 'OPEN', receivedAt: at(-12), firstResponseDueAt: at(6), firstRespondedAt: at(0), customerId });
      const events = await s.eventsOf(inquiry.id);
      expect(events.map((e) => e.type)).toEqual(['inquiry.received', 'inquiry.first_responded']);
      expect(events[1].data).toMatchObject({ firstResponseSeconds: 12, withinTarget: true, customerId });
    });

    it('a call answered after the fourth ring breached the target, emitted once', async () => {
      const inquiry = await call(at(-30));
      s.db.clock.set(at(-5));
      const answered = await s.inquiries.answerCall({ inquiryId: inquiry.id, answeredAt: at(-6) }, agent);
      expect(answered.firstRespondedAt).toEqual(at(-6));
      await s.deadlines.run(s.db.clock.now());
      const types = (await s.eventsOf(inquiry.id)).map((e) => e.type);
      expect(types).toEqual(['inquiry.received', 'inquiry.sla_breached', 'inquiry.first_responded']);
      await expect(s.inquiries.answerCall({ inquiryId: inquiry.id }, agent)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    });

    it('refuses a call without ring time, an answer before the ring and times in the future, writing nothing', async () => {
      const before = await count();
      const bad = [
        [{ channel: 'PHONE', category: 'OTHER', subject: 'x', customerId }, 'input.call'],
        [{ channel: 'PHONE', category: 'OTHER', subject: 'x', customerId, call: { ringStartedAt: at(0), answeredAt: at(-1) } }, 'input.call.answeredAt'],
        [{ channel: 'PHONE', category: 'OTHER', subject: 'x', customerId, call: { ringStartedAt: at(3600) } }, 'input.call.ringStartedAt'],
        [{ channel: 'EMAIL', category: 'OTHER', subject: 'x', customerId }, 'input.message'],
        [{ channel: 'CHAT', category: 'OTHER', subject: 'x', message: 'hi' }, 'input.contact'],
        [{ channel: 'CHAT', category: 'OTHER', subject: 'x', message: 'hi', customerId: '00000000-0000-4000-8000-00000000dead' }, 'input.customerId'],
      ] as const;
      for (const [input, field] of bad) {
        await expect(s.inquiries.receive(input as any, agent)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
      }
      expect(await count()).toEqual(before);
    });
  });

  describe('policy and queue', () => {
    it('an admin’s change of a channel’s target applies to inquiries received afterwards', async () => {
      const policy = await s.policies.update({ channel: InquiryChannel.EMAIL, firstResponseMinutes: 10 }, admin);
      expect(policy).toMatchObject({ firstResponseSeconds: 600, changedByAdmin: true, updatedBy: 'admin-ada', businessHoursOnly: true });
      expect((await email()).firstResponseDueAt).toEqual(at(600));
      const phone = await s.policies.update({ channel: InquiryChannel.PHONE, rings: 4 }, admin);
      expect(phone).toMatchObject({ rings: 4, ringSeconds: 6, firstResponseSeconds: 24 });
      await expect(s.policies.update({ channel: InquiryChannel.PHONE, firstResponseMinutes: 1 }, admin)).rejects.toMatchObject({ extensions: { field: 'input.firstResponseMinutes' } });
      await s.policies.update({ channel: InquiryChannel.EMAIL, firstResponseMinutes: 5 }, admin);
      await s.policies.update({ channel: InquiryChannel.PHONE, rings: 3 }, admin);
    });

    it('lists inquiries owed a response by the urgency of their deadline', async () => {
      await s.db.dataSource.query(`UPDATE inquiry SET next_due_at = NULL, status = 'CLOSED' WHERE status IN ('NEW', 'OPEN')`);
      const later = await email({ receivedAt: at(-60) }); // due at +240
      const overdue = await email({ receivedAt: at(-600) }); // due 5 minutes ago
      const answered = await email();
      await reply(answered.id);
      const soon = await email({ channel: InquiryChannel.CHAT, receivedAt: at(-200) }); // due at +100
      const queue = await s.inquiries.queue({});
      expect(queue.edges.map((e) => e.node.id)).toEqual([overdue.id, soon.id, later.id]);
      const page = await s.inquiries.queue({ first: 2 });
      const next = await s.inquiries.queue({ first: 2, after: page.pageInfo.endCursor ?? undefined });
      expect(next.edges.map((e) => e.node.id)).toEqual([later.id]);
      expect((await s.inquiries.list({ filter: { firstResponseBreached: true, status: [InquiryStatus.NEW] } })).edges.map((e) => e.node.id)).toEqual([overdue.id]);
    });
  });

  describe('satisfaction before closing (A-3.1.5)', () => {
    it('refuses to close without satisfaction or a reason, and a dissatisfied customer without why, writing nothing', async () => {
      const inquiry = await email();
      const before = await count();
      await expect(s.inquiries.close({ inquiryId: inquiry.id }, agent)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.satisfaction' } });
      await expect(s.inquiries.close({ inquiryId: inquiry.id, satisfaction: { satisfied: false, score: 2 } }, agent)).rejects.toMatchObject({
        extensions: { field: 'input.satisfaction.reason' },
      });
      await expect(
        s.inquiries.close({ inquiryId: inquiry.id, satisfaction: { satisfied: true, score: 5 }, closedWithoutSatisfactionReason: 'dropped' }, agent),
      ).rejects.toMatchObject({ extensions: { field: 'input.closedWithoutSatisfactionReason' } });
      expect(await count()).toEqual(before);
      expect((await s.inquiries.findById(inquiry.id))?.status).toBe('NEW');
    });

    it('closes with the satisfaction, reopens, and closes again without asking when the reason is given', async () => {
      const inquiry = await email();
      await reply(inquiry.id);
      s.db.clock.set(at(1800));
      const closed = await s.inquiries.close({ inquiryId: inquiry.id, satisfaction: { satisfied: false, score: 2, reason: ' Only one bag is free ' } }, agent);
      expect(closed).toMatchObject({ status: 'CLOSED', satisfied: false, satisfactionScore: 2, dissatisfactionReason: 'Only one bag is free', closedBy: 'agent-ana' });
      await expect(reply(inquiry.id)).rejects.toMatchObject({ extensions: { code: 'CONFLICT', currentStatus: 'CLOSED' } });
      const reopened = await s.inquiries.reopen({ inquiryId: inquiry.id, reason: 'Customer called back' }, agent);
      expect(reopened).toMatchObject({ status: 'OPEN', satisfied: null, closedAt: null, replyDueAt: at(1800 + 3600) });
      await expect(s.inquiries.reopen({ inquiryId: inquiry.id, reason: 'again' }, agent)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
      await s.inquiries.close({ inquiryId: inquiry.id, closedWithoutSatisfactionReason: 'The chat was left' }, agent);
      const events = (await s.eventsOf(inquiry.id)).filter((e) => ['inquiry.closed', 'inquiry.reopened'].includes(e.type));
      expect(events.map((e) => e.type)).toEqual(['inquiry.closed', 'inquiry.reopened', 'inquiry.closed']);
      expect(events[0].data).toMatchObject({ satisfied: false, satisfactionScore: 2, dissatisfactionReason: 'Only one bag is free', handlingSeconds: 1800 });
      expect(events[2].data).toMatchObject({ satisfied: null, closedWithoutSatisfactionReason: 'The chat was left' });
    });
  });

  describe('answering with saved replies, citations and travel material', () => {
    it('fills the placeholders of a saved reply and records which one was used', async () => {
      const saved = await s.savedReplies.create({ team: 'baggage', title: 'Allowance', body: 'Dear {{customerName}}, booking {{bookingReference}} includes two bags. {{agentName}}' }, agent);
      const inquiry = await email();
      s.db.clock.set(at(60));
      await expect(s.inquiries.reply({ inquiryId: inquiry.id, savedReplyId: saved.id, citedArticleIds: [], attachments: [] } as any, agent)).rejects.toMatchObject({
        extensions: { field: 'input.placeholders.bookingReference' },
      });
      const articleId = '0b5f3c1e-1111-4aaa-8bbb-000000000001';
      await s.inquiries.reply(
        {
          inquiryId: inquiry.id,
          savedReplyId: saved.id,
          placeholders: { bookingReference: 'X7K2QP' },
          citedArticleIds: [articleId, articleId],
          attachments: [{ kind: TravelMaterialKind.VISA_GUIDE, reference: 'doc:visa-jp', title: 'Visa guide: Japan' }],
        },
        agent,
      );
      const [, sent] = await s.inquiries.messages(inquiry.id);
      expect(sent).toMatchObject({
        direction: MessageDirection.OUTBOUND,
        body: 'Dear Mei Tanaka, booking X7K2QP includes two bags. Ana Agent',
        savedReplyId: saved.id,
        citedArticleIds: [articleId],
        attachments: [{ kind: 'VISA_GUIDE', reference: 'doc:visa-jp', title: 'Visa guide: Japan' }],
      });
      await expect(s.savedReplies.create({ team: 'baggage', title: 'Bad', body: 'Hello {{firstName}}' }, agent)).rejects.toMatchObject({ extensions: { field: 'input.body' } });
    });

    it("lists the caller's team's saved replies unless another team is asked for", async () => {
      await s.savedReplies.create({ team: 'general', title: 'Greeting', body: 'Hello {{customerName}}' }, agent);
      await s.assignment.setAvailability({ available: false, agentId: 'agent-bea', team: 'baggage' }, admin);
      const bea = { userId: 'agent-bea', roles: ['agent' as const] };
      expect((await s.savedReplies.list({}, bea)).edges.map((e) => e.node.title)).toEqual(['Allowance']);
      expect((await s.savedReplies.list({}, agent)).edges.map((e) => e.node.title)).toEqual(['Greeting']);
      expect((await s.savedReplies.list({ team: 'general' }, bea)).totalCount).toBe(1);
    });
  });

  describe('two agents at once', () => {
    it('only one reply is the first response, and only one escalation goes out', async () => {
      const inquiry = await email({ customerId });
      s.db.clock.set(at(30));
      await Promise.all([reply(inquiry.id, 'First answer'), reply(inquiry.id, 'Second answer')]);
      const events = await s.eventsOf(inquiry.id);
      expect(events.filter((e) => e.type === 'inquiry.first_responded')).toHaveLength(1);
      const escalate = () => s.inquiries.escalate({ inquiryId: inquiry.id, category: EscalationCategory.OTHER, urgency: EscalationUrgency.LOW }, agent);
      const outcomes = await Promise.allSettled([escalate(), escalate(), escalate()]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.extensions.code)).toEqual(['CONFLICT', 'CONFLICT']);
      expect((await s.eventsOf(inquiry.id)).filter((e) => e.type === 'inquiry.escalated')).toHaveLength(1);
    });
  });

  describe('merging', () => {
    it('keeps both conversations and histories on the survivor; the merged one points to it', async () => {
      const survivor = await email();
      s.db.clock.set(at(60));
      const duplicate = await email({ channel: InquiryChannel.CHAT, message: 'Same question by chat', contact: { email: 'mei.tanaka@example.jp' } });
      const merged = await s.inquiries.merge({ survivorId: survivor.id, mergedId: duplicate.id }, agent);
      expect(merged.id).toBe(survivor.id);
      expect((await s.inquiries.messages(survivor.id)).map((m) => m.body)).toEqual(['How many bags may I check in on NH 204?', 'Same question by chat']);
      expect((await s.inquiries.history(survivor.id)).map((h) => h.kind)).toEqual(['RECEIVED', 'RECEIVED', 'MERGED']);
      const gone = await s.inquiries.findById(duplicate.id);
      expect(gone).toMatchObject({ status: InquiryStatus.MERGED, mergedIntoId: survivor.id, nextDueAt: null });
      await expect(reply(duplicate.id)).rejects.toMatchObject({ extensions: { code: 'CONFLICT', mergedIntoId: survivor.id } });
      const stranger = await email({ contact: { name: 'Someone Else', email: 'else@example.com' } });
      await expect(s.inquiries.merge({ survivorId: survivor.id, mergedId: stranger.id }, agent)).rejects.toMatchObject({ extensions: { field: 'input.mergedId' } });
    });
  });

  describe('escalation to a complaint', () => {
    it('needs a known customer, publishes inquiry.escalated once with the conversation, and links the complaint once', async () => {
      const inquiry = await email({ category: InquiryCategory.BAGGAGE, subject: 'Bag lost', message: 'My bag did not arrive in Narita.' });
      await expect(s.inquiries.escalate({ inquiryId: inquiry.id, category: EscalationCategory.BAGGAGE, urgency: EscalationUrgency.HIGH }, agent)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'input.inquiryId' },
      });
      await s.inquiries.addNote({ inquiryId: inquiry.id, body: 'Tracing file opened' }, agent);
      await s.inquiries.linkCustomer({ inquiryId: inquiry.id, customerId }, agent);
      s.db.clock.set(at(120));
      const escalated = await s.inquiries.escalate({ inquiryId: inquiry.id, category: EscalationCategory.BAGGAGE, urgency: EscalationUrgency.HIGH }, agent);
      expect(escalated).toMatchObject({ status: 'ESCALATED', escalatedAt: at(120), nextDueAt: null });
      await expect(s.inquiries.escalate({ inquiryId: inquiry.id, category: EscalationCategory.BAGGAGE, urgency: EscalationUrgency.HIGH }, agent)).rejects.toMatchObject({
        extensions: { code: 'CONFLICT' },
      });
      const events = (await s.eventsOf(inquiry.id)).filter((e) => e.type === 'inquiry.escalated');
      expect(events).toHaveLength(1);
      expect(events[0].data).toMatchObject({
        customerId,
        category: 'BAGGAGE',
        urgency: 'HIGH',
        description: 'My bag did not arrive in Narita.',
        conversation: [
          { direction: 'INBOUND', authorId: null, body: 'My bag did not arrive in Narita.' },
          { direction: 'NOTE', authorId: 'agent-ana', body: 'Tracing file opened' },
        ],
      });

      const complaintId = '7a1b2c3d-0000-4000-8000-000000000001';
      const registered = encodeEvent(
        complaintRegistered,
        { complaintId, registrationNumber: 'CMP-2026-000001', customerId, channel: 'EMAIL', category: 'BAGGAGE', urgency: 'HIGH', registeredBy: 'agent-ana', registeredAt: at(121).toISOString(), inquiryId: inquiry.id },
        { source: 'complaint', time: at(121) },
      );
      await s.consumer.deliver(registered);
      await s.consumer.deliver(registered);
      expect((await s.inquiries.findById(inquiry.id))?.complaintId).toBe(complaintId);
      expect((await s.inquiries.history(inquiry.id)).filter((h) => h.kind === 'COMPLAINT_LINKED')).toHaveLength(1);
      // A complaint registered without an inquiry, or for an unknown one, changes nothing.
      await s.consumer.deliver(encodeEvent(complaintRegistered, { ...(JSON.parse(registered.value.toString()) as any), complaintId: '7a1b2c3d-0000-4000-8000-000000000002', inquiryId: undefined }, { source: 'complaint', time: at(122) }));
      expect((await s.inquiries.findById(inquiry.id))?.complaintId).toBe(complaintId);
    });
  });

  describe('assignment', () => {
    it('assigns round robin among available agents within their capacity, and an agent switching on takes waiting inquiries', async () => {
      await s.db.dataSource.query(`UPDATE inquiry SET status = 'CLOSED', next_due_at = NULL WHERE status IN ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER')`);
      await s.assignment.setAvailability({ available: true, agentId: 'agent-a', capacity: 1 }, admin);
      await s.assignment.setAvailability({ available: true, agentId: 'agent-b', capacity: 2 }, admin);
      const first = await email();
      s.db.clock.set(at(1));
      const second = await email();
      s.db.clock.set(at(2));
      const third = await email();
      s.db.clock.set(at(3));
      const fourth = await email();
      expect([first, second, third, fourth].map((i) => i.assigneeId)).toEqual(['agent-a', 'agent-b', 'agent-b', null]);
      expect(await s.assignment.openInquiries('agent-b')).toBe(2);
      s.db.clock.set(at(4));
      await s.assignment.setAvailability({ available: true, agentId: 'agent-c' }, admin);
      expect((await s.inquiries.findById(fourth.id))?.assigneeId).toBe('agent-c');
      await s.assignment.setAvailability({ available: false, agentId: 'agent-c' }, admin);
      await s.assignment.setAvailability({ available: false }, { ...agent, userId: 'agent-b' });
      await expect(s.inquiries.assign({ inquiryId: fourth.id }, agent)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
      const manual = await s.inquiries.assign({ inquiryId: fourth.id, agentId: 'agent-b' }, agent);
      expect(manual.assigneeId).toBe('agent-b');
      await expect(s.inquiries.assign({ inquiryId: fourth.id, agentId: 'nobody' }, agent)).rejects.toMatchObject({ extensions: { field: 'input.agentId' } });
      await expect(s.assignment.setAvailability({ available: true, agentId: 'agent-a' }, agent)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      await s.db.dataSource.query('UPDATE inquiry_agent SET available = false');
    });
  });

  describe("crm's customer events", () => {
    it('anonymises an erased customer’s inquiries and re-points a merged customer’s', async () => {
      const erased = '9c8b7a6f-5e4d-4c3b-8a29-1f0e0d0c0b0a';
      await s.learnCustomer(erased);
      const inquiry = await email({ customerId: erased });
      await s.consumer.deliver(encodeEvent(customerErased, { customerId: erased, erasedAt: at(10).toISOString() }, { source: 'crm', time: at(10) }));
      expect(await s.inquiries.findById(inquiry.id)).toMatchObject({ contactName: null, contactEmail: null, subject: '(erased)', anonymisedAt: at(10) });
      expect((await s.inquiries.messages(inquiry.id)).map((m) => [m.body, m.authorName])).toEqual([['(erased)', null]]);
      await expect(email({ customerId: erased })).rejects.toMatchObject({ extensions: { field: 'input.customerId' } });

      const duplicate = '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
      await s.learnCustomer(duplicate);
      const other = await email({ customerId: duplicate });
      await s.consumer.deliver(encodeEvent(customerMerged, { survivorId: customerId, mergedId: duplicate, mergedBy: 'crm-1', mergedAt: at(20).toISOString() }, { source: 'crm', time: at(20) }));
      expect((await s.inquiries.findById(other.id))?.customerId).toBe(customerId);
      await expect(s.inquiries.linkCustomer({ inquiryId: other.id, customerId: duplicate }, agent)).rejects.toMatchObject({ extensions: { field: 'input.customerId' } });
    });
  });
});
