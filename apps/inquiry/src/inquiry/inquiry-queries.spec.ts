import { InquiryChannel } from '../channel/channel.enums';
import { at, useInquiry } from '../inquiry.fixture';
import { InquiryStatus } from './inquiry.enums';

describe('Reading inquiries (real Postgres)', () => {
  const customerId = '5b7e3c1a-2f4d-4e6a-8b9c-0d1e2f3a4b5c';
  const s = useInquiry({ customers: [customerId] });

  describe('the queue', () => {
    it('lists inquiries owed a response by the urgency of their deadline', async () => {
      await s.db.dataSource.query(`UPDATE inquiry SET next_due_at = NULL, status = 'CLOSED' WHERE status IN ('NEW', 'OPEN')`);
      const later = await s.receiveEmail({ receivedAt: at(-60) }); // due at +240
      const overdue = await s.receiveEmail({ receivedAt: at(-600) }); // due 5 minutes ago
      const answered = await s.receiveEmail();
      await s.reply(answered.id);
      const soon = await s.receiveEmail({ channel: InquiryChannel.CHAT, receivedAt: at(-200) }); // due at +100
      const queue = await s.inquiries.queue({});
      expect(queue.edges.map((e) => e.node.id)).toEqual([overdue.id, soon.id, later.id]);
      const page = await s.inquiries.queue({ first: 2 });
      const next = await s.inquiries.queue({ first: 2, after: page.pageInfo.endCursor ?? undefined });
      expect(next.edges.map((e) => e.node.id)).toEqual([later.id]);
      expect((await s.inquiries.list({ filter: { firstResponseBreached: true, status: [InquiryStatus.NEW] } })).edges.map((e) => e.node.id)).toEqual([overdue.id]);
    });
  });

  it("bounds each inquiry's messages and history to their first `first` in one statement, in the order they always had", async () => {
    const one = await s.receiveEmail();
    await s.reply(one.id, 'First answer');
    await s.reply(one.id, 'Second answer');
    const other = await s.receiveEmail();
    const messages = await s.inquiries.messagesOfEach([one.id, other.id], 2);
    expect(messages.get(one.id)?.map((m) => m.direction)).toEqual(['INBOUND', 'OUTBOUND']);
    expect(messages.get(one.id)?.[1].body).toBe('First answer');
    expect(messages.get(other.id)).toHaveLength(1);
    const history = await s.inquiries.historyOfEach([one.id], 1);
    expect(history.get(one.id)?.map((h) => h.id)).toEqual([(await s.inquiries.history(one.id))[0].id]);
  });
});
