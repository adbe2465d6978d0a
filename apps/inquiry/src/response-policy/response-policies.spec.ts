import { InquiryChannel } from '../channel/channel.enums';
import { at, openInquiry, people, useInquiry } from '../inquiry.fixture';

describe('Response policies (real Postgres)', () => {
  const customerId = '5b7e3c1a-2f4d-4e6a-8b9c-0d1e2f3a4b5c';
  const { admin } = people;
  const s = useInquiry({ customers: [customerId] });

  describe('policy', () => {
    it('an admin’s change of a channel’s target applies to inquiries received afterwards', async () => {
      const policy = await s.policies.update({ channel: InquiryChannel.EMAIL, firstResponseMinutes: 10 }, admin);
      expect(policy).toMatchObject({ firstResponseSeconds: 600, changedByAdmin: true, updatedBy: 'admin-ada', businessHoursOnly: true });
      expect((await s.receiveEmail()).firstResponseDueAt).toEqual(at(600));
      const phone = await s.policies.update({ channel: InquiryChannel.PHONE, rings: 4 }, admin);
      expect(phone).toMatchObject({ rings: 4, ringSeconds: 6, firstResponseSeconds: 24 });
      await expect(s.policies.update({ channel: InquiryChannel.PHONE, firstResponseMinutes: 1 }, admin)).rejects.toMatchObject({ extensions: { field: 'input.firstResponseMinutes' } });
      await s.policies.update({ channel: InquiryChannel.EMAIL, firstResponseMinutes: 5 }, admin);
      await s.policies.update({ channel: InquiryChannel.PHONE, rings: 3 }, admin);
    });
  });

  describe('business hours', () => {
    it('counts written channels’ targets in the hours of INQUIRY_BUSINESS_HOURS, and a call’s in real time', async () => {
      const open = await openInquiry({ INQUIRY_BUSINESS_HOURS: 'Mon-Fri 08:00-18:00', INQUIRY_TIME_ZONE: 'UTC' });
      try {
        await open.learnCustomer(customerId);
        // Friday 17:58 + 5 minutes: 2 minutes on Friday, 3 on Monday morning.
        open.db.clock.set('2026-11-06T17:58:00.000Z');
        expect((await open.receiveEmail()).firstResponseDueAt).toEqual(new Date('2026-11-09T08:03:00.000Z'));
        expect((await open.receiveCall(customerId, new Date('2026-11-06T17:57:55.000Z'))).firstResponseDueAt).toEqual(new Date('2026-11-06T17:58:13.000Z'));
      } finally {
        await open.close();
      }
    });
  });
});
