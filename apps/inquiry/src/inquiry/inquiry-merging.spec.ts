import { InquiryChannel } from '../channel/channel.enums';
import { at, people, useInquiry } from '../inquiry.fixture';
import { InquiryStatus } from './inquiry.enums';

describe('Merging inquiries (real Postgres)', () => {
  const customerId = '5b7e3c1a-2f4d-4e6a-8b9c-0d1e2f3a4b5c';
  const { agent } = people;
  const s = useInquiry({ customers: [customerId] });

  describe('merging', () => {
    it('keeps both conversations and histories on the survivor; the merged one points to it', async () => {
      const survivor = await s.receiveEmail();
      s.db.clock.set(at(60));
      const duplicate = await s.receiveEmail({ channel: InquiryChannel.CHAT, message: 'Same question by chat', contact: { email: 'mei.tanaka@example.jp' } });
      const merged = await s.merging.merge({ survivorId: survivor.id, mergedId: duplicate.id }, agent);
      expect(merged.id).toBe(survivor.id);
      expect((await s.inquiries.messages(survivor.id)).map((m) => m.body)).toEqual(['How many bags may I check in on NH 204?', 'Same question by chat']);
      expect((await s.inquiries.history(survivor.id)).map((h) => h.kind)).toEqual(['RECEIVED', 'RECEIVED', 'MERGED']);
      const gone = await s.inquiries.findById(duplicate.id);
      expect(gone).toMatchObject({ status: InquiryStatus.MERGED, mergedIntoId: survivor.id, nextDueAt: null });
      await expect(s.reply(duplicate.id)).rejects.toMatchObject({ extensions: { code: 'CONFLICT', mergedIntoId: survivor.id } });
      const stranger = await s.receiveEmail({ contact: { name: 'Someone Else', email: 'else@example.com' } });
      await expect(s.merging.merge({ survivorId: survivor.id, mergedId: stranger.id }, agent)).rejects.toMatchObject({ extensions: { field: 'input.mergedId' } });
    });
  });
});
