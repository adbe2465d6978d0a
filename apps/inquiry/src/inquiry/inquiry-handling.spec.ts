import { knowledgeArticlePublished } from '@carebridge/event-contracts';
import { at, people, useInquiry } from '../inquiry.fixture';
import { EscalationCategory, EscalationUrgency, MessageDirection, TravelMaterialKind } from './inquiry.enums';

describe('Handling inquiries (real Postgres)', () => {
  const customerId = '5b7e3c1a-2f4d-4e6a-8b9c-0d1e2f3a4b5c';
  const { agent, admin } = people;
  const s = useInquiry({ customers: [customerId] });

  describe('answering with saved replies, citations and travel material', () => {
    it('fills the placeholders of a saved reply and records which one was used', async () => {
      const saved = await s.savedReplies.create({ team: 'baggage', title: 'Allowance', body: 'Dear {{customerName}}, booking {{bookingReference}} includes two bags. {{agentName}}' }, agent);
      const inquiry = await s.receiveEmail();
      s.db.clock.set(at(60));
      await expect(s.handling.reply({ inquiryId: inquiry.id, savedReplyId: saved.id, citedArticleIds: [], attachments: [] } as any, agent)).rejects.toMatchObject({
        extensions: { field: 'input.placeholders.bookingReference' },
      });
      const articleId = '0b5f3c1e-1111-4aaa-8bbb-000000000001';
      await s.deliver(knowledgeArticlePublished, {
        articleId,
        versionId: '0b5f3c1e-1111-4aaa-8bbb-0000000000a1',
        version: 1,
        title: 'Baggage allowance',
        kind: 'POLICY',
        locale: 'EN',
        visibility: 'INTERNAL',
        publishedBy: 'supervisor-sue',
        publishedAt: '2026-11-01T08:00:00.000Z',
      });
      await s.handling.reply(
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
      await s.agents.setAvailability({ available: false, agentId: 'agent-bea', team: 'baggage' }, admin);
      const bea = { userId: 'agent-bea', roles: ['agent' as const] };
      expect((await s.savedReplies.list({}, bea)).edges.map((e) => e.node.title)).toEqual(['Allowance']);
      expect((await s.savedReplies.list({}, agent)).edges.map((e) => e.node.title)).toEqual(['Greeting']);
      expect((await s.savedReplies.list({ team: 'general' }, bea)).totalCount).toBe(1);
    });
  });

  describe('two agents at once', () => {
    it('only one reply is the first response, and only one escalation goes out', async () => {
      const inquiry = await s.receiveEmail({ customerId });
      s.db.clock.set(at(30));
      await Promise.all([s.reply(inquiry.id, 'First answer'), s.reply(inquiry.id, 'Second answer')]);
      const events = await s.eventsOf(inquiry.id);
      expect(events.filter((e) => e.type === 'inquiry.first_responded')).toHaveLength(1);
      const escalate = () => s.escalation.escalate({ inquiryId: inquiry.id, category: EscalationCategory.OTHER, urgency: EscalationUrgency.LOW }, agent);
      const outcomes = await Promise.allSettled([escalate(), escalate(), escalate()]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.extensions.code)).toEqual(['CONFLICT', 'CONFLICT']);
      expect((await s.eventsOf(inquiry.id)).filter((e) => e.type === 'inquiry.escalated')).toHaveLength(1);
    });
  });
});
