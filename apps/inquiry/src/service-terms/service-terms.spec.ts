import { customerMerged, customerServiceTermsChanged } from '@carebridge/event-contracts';
import { encodeEvent } from '@carebridge/messaging';
import { at, people, useInquiry } from '../inquiry.fixture';
import { InquiryCategory } from '../inquiry/inquiry.enums';

describe("a key account's agreed response time on its members' inquiries (customer.service_terms_changed, real Postgres)", () => {
  const member = '6c1d2e3f-0000-4000-8000-000000000001';
  const other = '6c1d2e3f-0000-4000-8000-000000000002';
  const duplicate = '6c1d2e3f-0000-4000-8000-000000000003';
  const keyAccountId = '9d0e1f2a-0000-4000-8000-000000000001';
  // Opening hours make the department's 5-minute target reach into the next morning.
  const s = useInquiry({ customers: [member, other, duplicate], env: { INQUIRY_BUSINESS_HOURS: 'Mon-Fri 08:00-18:00', INQUIRY_TIME_ZONE: 'UTC' } });

  const terms = (customerId: string, minutes: number | null, changedAt: string, validUntil: string | null = null) =>
    encodeEvent(
      customerServiceTermsChanged,
      {
        customerId,
        keyAccountId: minutes === null ? null : keyAccountId,
        terms: minutes === null ? null : { responseTargetMinutes: minutes, dedicatedContact: { userId: 'kam-kim', name: 'Kim Account' }, compensationRules: [], validUntil },
        changedAt,
      },
      { source: 'crm', time: new Date(changedAt) },
    );
  const evening = new Date('2026-11-02T17:58:00Z');
  const emailFrom = (customerId: string) => {
    s.db.clock.set(evening);
    return s.receiveEmail({ category: InquiryCategory.TICKETING, subject: 'Invoice for our travel', customerId, contact: undefined });
  };

  it('answers a member within the agreed time, even outside opening hours; others keep the department target', async () => {
    await s.consumer.deliver(terms(member, 120, '2026-11-01T10:00:00.000Z'));
    expect((await emailFrom(member)).firstResponseDueAt).toEqual(new Date('2026-11-02T19:58:00Z'));
    // Five business minutes: two before closing, three the next morning.
    expect((await emailFrom(other)).firstResponseDueAt).toEqual(new Date('2026-11-03T08:03:00Z'));
  });

  it('keeps the latest statement: an older or repeated one changes nothing, and "no terms" ends them', async () => {
    const latest = terms(member, 90, '2026-11-01T11:00:00.000Z');
    await s.consumer.deliver(latest);
    await s.consumer.deliver(latest);
    await s.consumer.deliver(terms(member, 600, '2026-11-01T10:30:00.000Z'));
    expect((await emailFrom(member)).firstResponseDueAt).toEqual(new Date('2026-11-02T19:28:00Z'));
    await s.consumer.deliver(terms(member, null, '2026-11-01T12:00:00.000Z'));
    expect((await emailFrom(member)).firstResponseDueAt).toEqual(new Date('2026-11-03T08:03:00Z'));
  });

  it('applies terms only while they are valid, and when the member is linked later', async () => {
    await s.consumer.deliver(terms(member, 120, '2026-11-01T13:00:00.000Z', '2026-11-02T12:00:00.000Z'));
    expect((await emailFrom(member)).firstResponseDueAt).toEqual(new Date('2026-11-03T08:03:00Z'));
    await s.consumer.deliver(terms(other, 60, '2026-11-01T13:00:00.000Z'));
    s.db.clock.set(evening);
    const anonymous = await s.receiveEmail({ category: InquiryCategory.TICKETING });
    expect(anonymous.firstResponseDueAt).toEqual(new Date('2026-11-03T08:03:00Z'));
    s.db.clock.set(at(9 * 3600));
    const linked = await s.handling.linkCustomer({ inquiryId: anonymous.id, customerId: other }, people.agent);
    expect(linked).toMatchObject({ firstResponseDueAt: new Date('2026-11-02T18:58:00Z'), nextDueAt: new Date('2026-11-02T18:58:00Z') });
  });

  it("follows a merge: the survivor keeps the latest statement crm made", async () => {
    await s.consumer.deliver(terms(duplicate, 30, '2026-11-01T14:00:00.000Z'));
    await s.consumer.deliver(encodeEvent(customerMerged, { survivorId: member, mergedId: duplicate, mergedBy: 'crm-mia', mergedAt: '2026-11-01T15:00:00.000Z' }, { source: 'crm', time: new Date('2026-11-01T15:00:00Z') }));
    expect((await emailFrom(member)).firstResponseDueAt).toEqual(new Date('2026-11-02T18:28:00Z'));
  });

  it('fills saved replies from what the inquiry knows: the dedicated contact, the agreed time and the complaint number', async () => {
    await s.consumer.deliver(terms(other, 120, '2026-11-01T16:00:00.000Z'));
    const saved = await s.savedReplies.create({ team: 'key-accounts', title: 'Ack', body: '{{dedicatedContact}} answers within {{responseTime}}; case {{complaintNumber}}.' }, people.agent);
    const inquiry = await emailFrom(other);
    await expect(s.handling.reply({ inquiryId: inquiry.id, savedReplyId: saved.id, citedArticleIds: [], attachments: [] } as any, people.agent)).rejects.toMatchObject({
      extensions: { field: 'input.placeholders.complaintNumber' },
    });
    await s.handling.reply({ inquiryId: inquiry.id, savedReplyId: saved.id, placeholders: { complaintNumber: 'CMP-2026-000042' }, citedArticleIds: [], attachments: [] } as any, people.agent);
    const [, sent] = await s.inquiries.messages(inquiry.id);
    expect(sent.body).toBe('Kim Account answers within 2 hours; case CMP-2026-000042.');
  });
});
