import { at, people, useInquiry } from '../inquiry.fixture';

describe('Closing and reopening inquiries (real Postgres)', () => {
  const customerId = '5b7e3c1a-2f4d-4e6a-8b9c-0d1e2f3a4b5c';
  const { agent } = people;
  const s = useInquiry({ customers: [customerId] });

  describe('satisfaction before closing (A-3.1.5)', () => {
    it('refuses to close without satisfaction or a reason, and a dissatisfied customer without why, writing nothing', async () => {
      const inquiry = await s.receiveEmail();
      const before = await s.counts();
      await expect(s.closing.close({ inquiryId: inquiry.id }, agent)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.satisfaction' } });
      await expect(s.closing.close({ inquiryId: inquiry.id, satisfaction: { satisfied: false, score: 2 } }, agent)).rejects.toMatchObject({
        extensions: { field: 'input.satisfaction.reason' },
      });
      await expect(
        s.closing.close({ inquiryId: inquiry.id, satisfaction: { satisfied: true, score: 5 }, closedWithoutSatisfactionReason: 'dropped' }, agent),
      ).rejects.toMatchObject({ extensions: { field: 'input.closedWithoutSatisfactionReason' } });
      expect(await s.counts()).toEqual(before);
      expect((await s.inquiries.findById(inquiry.id))?.status).toBe('NEW');
    });

    it('closes with the satisfaction, reopens, and closes again without asking when the reason is given', async () => {
      const inquiry = await s.receiveEmail();
      await s.reply(inquiry.id);
      s.db.clock.set(at(1800));
      const closed = await s.closing.close({ inquiryId: inquiry.id, satisfaction: { satisfied: false, score: 2, reason: ' Only one bag is free ' } }, agent);
      expect(closed).toMatchObject({ status: 'CLOSED', satisfied: false, satisfactionScore: 2, dissatisfactionReason: 'Only one bag is free', closedBy: 'agent-ana' });
      await expect(s.reply(inquiry.id)).rejects.toMatchObject({ extensions: { code: 'CONFLICT', currentStatus: 'CLOSED' } });
      const reopened = await s.closing.reopen({ inquiryId: inquiry.id, reason: 'Customer called back' }, agent);
      expect(reopened).toMatchObject({ status: 'OPEN', satisfied: null, closedAt: null, replyDueAt: at(1800 + 3600) });
      await expect(s.closing.reopen({ inquiryId: inquiry.id, reason: 'again' }, agent)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
      await s.closing.close({ inquiryId: inquiry.id, closedWithoutSatisfactionReason: 'The chat was left' }, agent);
      const events = (await s.eventsOf(inquiry.id)).filter((e) => ['inquiry.closed', 'inquiry.reopened'].includes(e.type));
      expect(events.map((e) => e.type)).toEqual(['inquiry.closed', 'inquiry.reopened', 'inquiry.closed']);
      expect(events[0].data).toMatchObject({ satisfied: false, satisfactionScore: 2, dissatisfactionReason: 'Only one bag is free', handlingSeconds: 1800 });
      expect(events[2].data).toMatchObject({ satisfied: null, closedWithoutSatisfactionReason: 'The chat was left' });
    });
  });
});
