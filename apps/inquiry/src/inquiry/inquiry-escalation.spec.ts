import { complaintRegistered } from '@carebridge/event-contracts';
import { encodeEvent } from '@carebridge/messaging';
import { at, people, useInquiry } from '../inquiry.fixture';
import { EscalationCategory, EscalationUrgency, InquiryCategory } from './inquiry.enums';

describe('Escalating an inquiry to a complaint (real Postgres)', () => {
  const customerId = '5b7e3c1a-2f4d-4e6a-8b9c-0d1e2f3a4b5c';
  const { agent } = people;
  const s = useInquiry({ customers: [customerId] });

  describe('escalation to a complaint', () => {
    it('needs a known customer, publishes inquiry.escalated once with the conversation, and links the complaint once', async () => {
      const inquiry = await s.receiveEmail({ category: InquiryCategory.BAGGAGE, subject: 'Bag lost', message: 'My bag did not arrive in Narita.' });
      await expect(s.escalation.escalate({ inquiryId: inquiry.id, category: EscalationCategory.BAGGAGE, urgency: EscalationUrgency.HIGH }, agent)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'input.inquiryId' },
      });
      await s.handling.addNote({ inquiryId: inquiry.id, body: 'Tracing file opened' }, agent);
      await s.handling.linkCustomer({ inquiryId: inquiry.id, customerId }, agent);
      s.db.clock.set(at(120));
      const escalated = await s.escalation.escalate({ inquiryId: inquiry.id, category: EscalationCategory.BAGGAGE, urgency: EscalationUrgency.HIGH }, agent);
      expect(escalated).toMatchObject({ status: 'ESCALATED', escalatedAt: at(120), nextDueAt: null });
      await expect(s.escalation.escalate({ inquiryId: inquiry.id, category: EscalationCategory.BAGGAGE, urgency: EscalationUrgency.HIGH }, agent)).rejects.toMatchObject({
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
});
