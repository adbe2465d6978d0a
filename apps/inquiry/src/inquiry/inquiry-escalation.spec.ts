import { complaintClosed, complaintRegistered, complaintReopened } from '@carebridge/event-contracts';
import { encodeEvent } from '@carebridge/messaging';
import { at, people, useInquiry } from '../inquiry.fixture';
import { ComplaintProgress, EscalationCategory, EscalationUrgency, InquiryCategory } from './inquiry.enums';

describe('Escalating an inquiry to a complaint (real Postgres)', () => {
  const customerId = '5b7e3c1a-2f4d-4e6a-8b9c-0d1e2f3a4b5c';
  const { agent } = people;
  const s = useInquiry({ customers: [customerId] });

  const registered = (complaintId: string, inquiryId: string | undefined, offset: number) =>
    encodeEvent(
      complaintRegistered,
      { complaintId, registrationNumber: 'CMP-2026-000001', customerId, channel: 'EMAIL', category: 'BAGGAGE', urgency: 'HIGH', registeredBy: 'agent-ana', registeredAt: at(offset).toISOString(), inquiryId },
      { source: 'complaint', time: at(offset) },
    );

  const escalatedInquiry = async () => {
    const inquiry = await s.receiveEmail({ category: InquiryCategory.BAGGAGE, subject: 'Bag lost', message: 'My bag did not arrive in Narita.', customerId });
    s.db.clock.set(at(120));
    return s.escalation.escalate({ inquiryId: inquiry.id, category: EscalationCategory.BAGGAGE, urgency: EscalationUrgency.HIGH }, agent);
  };

  it('needs a known customer, assigns the complaint id up front, publishes inquiry.escalated once with the conversation, flight, place and booking', async () => {
    const inquiry = await s.receiveEmail({ category: InquiryCategory.BAGGAGE, subject: 'Bag lost', message: 'My bag did not arrive in Narita.' });
    await expect(s.escalation.escalate({ inquiryId: inquiry.id, category: EscalationCategory.BAGGAGE, urgency: EscalationUrgency.HIGH }, agent)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.inquiryId' },
    });
    await s.handling.addNote({ inquiryId: inquiry.id, body: 'Tracing file opened' }, agent);
    await s.handling.linkCustomer({ inquiryId: inquiry.id, customerId }, agent);
    s.db.clock.set(at(120));
    const escalated = await s.escalation.escalate(
      { inquiryId: inquiry.id, category: EscalationCategory.BAGGAGE, urgency: EscalationUrgency.HIGH, flightNumber: 'nh 204', location: ' Narita T1 baggage claim ', bookingReference: 'x7k2qp' },
      agent,
    );
    expect(escalated).toMatchObject({ status: 'ESCALATED', escalatedAt: at(120), nextDueAt: null, complaintProgress: ComplaintProgress.REQUESTED, complaintRegistrationNumber: null });
    expect(escalated.complaintId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(s.escalation.escalate({ inquiryId: inquiry.id, category: EscalationCategory.BAGGAGE, urgency: EscalationUrgency.HIGH }, agent)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', complaintId: escalated.complaintId },
    });
    const events = (await s.eventsOf(inquiry.id)).filter((e) => e.type === 'inquiry.escalated');
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({
      customerId,
      complaintId: escalated.complaintId,
      category: 'BAGGAGE',
      urgency: 'HIGH',
      description: 'My bag did not arrive in Narita.',
      flightNumber: 'NH204',
      location: 'Narita T1 baggage claim',
      bookingReference: 'X7K2QP',
      conversation: [
        { direction: 'INBOUND', authorId: null, body: 'My bag did not arrive in Narita.' },
        { direction: 'NOTE', authorId: 'agent-ana', body: 'Tracing file opened' },
      ],
    });
  });

  it('is REGISTERED with its number once complaint.registered comes, once; other complaints change nothing', async () => {
    const escalated = await escalatedInquiry();
    const event = registered(escalated.complaintId!, escalated.id, 121);
    await s.consumer.deliver(event);
    await s.consumer.deliver(event);
    expect(await s.inquiries.findById(escalated.id)).toMatchObject({
      complaintId: escalated.complaintId,
      complaintProgress: ComplaintProgress.REGISTERED,
      complaintRegistrationNumber: 'CMP-2026-000001',
      complaintProgressAt: at(121),
    });
    expect((await s.inquiries.history(escalated.id)).filter((h) => h.kind === 'COMPLAINT_LINKED')).toHaveLength(1);
    // A complaint registered without an inquiry, or another complaint naming this inquiry, changes nothing.
    await s.consumer.deliver(registered('7a1b2c3d-0000-4000-8000-000000000002', undefined, 122));
    await s.consumer.deliver(registered('7a1b2c3d-0000-4000-8000-000000000003', escalated.id, 122));
    expect((await s.inquiries.findById(escalated.id))?.complaintId).toBe(escalated.complaintId);
  });

  it('closes the source inquiry when its complaint closes, and shows the complaint reopened', async () => {
    const escalated = await escalatedInquiry();
    const complaintId = escalated.complaintId!;
    await s.consumer.deliver(registered(complaintId, escalated.id, 121));
    const closed = encodeEvent(
      complaintClosed,
      { complaintId, registrationNumber: 'CMP-2026-000001', customerId, closedBy: 'spec-sam', closedAt: at(3600).toISOString(), satisfactionScore: 4, satisfactionComment: null, closedWithoutSatisfactionReason: null },
      { source: 'complaint', time: at(3600) },
    );
    await s.consumer.deliver(closed);
    await s.consumer.deliver(closed);
    expect(await s.inquiries.findById(escalated.id)).toMatchObject({
      status: 'CLOSED',
      closedAt: at(3600),
      closedBy: 'spec-sam',
      closedWithoutSatisfactionReason: 'Complaint CMP-2026-000001 was closed; satisfaction was asked on the complaint',
      complaintProgress: ComplaintProgress.CLOSED,
    });
    const inquiryClosed = (await s.eventsOf(escalated.id)).filter((e) => e.type === 'inquiry.closed');
    expect(inquiryClosed).toHaveLength(1);
    expect(inquiryClosed[0].data).toMatchObject({ closedBy: 'spec-sam', satisfied: null });

    await s.consumer.deliver(
      encodeEvent(complaintReopened, { complaintId, customerId, reopenedBy: 'agent-bo', reopenedAt: at(7200).toISOString(), reason: 'The bag arrived damaged' }, { source: 'complaint', time: at(7200) }),
    );
    expect(await s.inquiries.findById(escalated.id)).toMatchObject({ status: 'CLOSED', complaintProgress: ComplaintProgress.REOPENED, complaintProgressAt: at(7200) });
    const kinds = (await s.inquiries.history(escalated.id)).map((h) => [h.kind, h.detail]);
    expect(kinds.slice(-3)).toEqual([
      ['COMPLAINT_CLOSED', 'Complaint CMP-2026-000001 closed'],
      ['CLOSED', 'Closed with its complaint CMP-2026-000001'],
      ['COMPLAINT_REOPENED', 'Complaint CMP-2026-000001 reopened: The bag arrived damaged'],
    ]);
  });
});
