import { at, people, useInquiry } from '../inquiry.fixture';
import { EscalationCategory, EscalationUrgency, InquiryCategory } from '../inquiry/inquiry.enums';
import { OrderChangeKind, OrderChangeOutcome } from '../order-change/order-change.enums';

describe("The inquiry service's entries on a customer's timeline (real Postgres)", () => {
  const customerId = '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b';
  const { agent, afterSales } = people;
  const s = useInquiry({ customers: [customerId] });

  /** The entries published since `from` events were written, each with the id of the event published in the same step. */
  const entriesSince = async (from: number) => {
    const events = (await s.db.outboxEvents()).slice(from);
    return events
      .map((event, i) => ({ event, step: events[i - 1] }))
      .filter(({ event }) => event.type === 'inquiry.customer_timeline_entry')
      .map(({ event, step }) => ({ ...event.data, step: step.type, sameStep: event.data.entryId === step.headers.ce_id, key: event.key }));
  };

  it('puts received, closed and escalated on the known customer’s timeline, in the words crm shows', async () => {
    const from = (await s.db.outboxEvents()).length;
    const inquiry = await s.receiveEmail({ customerId });
    s.db.clock.set(at(60));
    await s.reply(inquiry.id);
    await s.closing.close({ inquiryId: inquiry.id, satisfaction: { satisfied: false, score: 2, reason: 'Only one bag is free' } }, agent);
    await s.closing.reopen({ inquiryId: inquiry.id, reason: 'Customer called back' }, agent);
    await s.closing.close({ inquiryId: inquiry.id, closedWithoutSatisfactionReason: 'The chat was left' }, agent);
    const escalated = await s.receiveEmail({ customerId, category: InquiryCategory.TICKETING });
    await s.escalation.escalate({ inquiryId: escalated.id, category: EscalationCategory.REFUND, urgency: EscalationUrgency.HIGH }, agent);

    const common = { customerId, key: customerId, referenceNumber: null, sameStep: true };
    expect(await entriesSince(from)).toEqual([
      { ...common, step: 'inquiry.received', entryId: expect.any(String), kind: 'INQUIRY', summary: 'Inquiry received via EMAIL (BAGGAGE)', referenceId: inquiry.id, category: 'BAGGAGE', occurredAt: at(0).toISOString() },
      { ...common, step: 'inquiry.closed', entryId: expect.any(String), kind: 'INQUIRY', summary: 'Inquiry (BAGGAGE) closed, not satisfied 2/5', referenceId: inquiry.id, category: 'BAGGAGE', occurredAt: at(60).toISOString() },
      { ...common, step: 'inquiry.closed', entryId: expect.any(String), kind: 'INQUIRY', summary: 'Inquiry (BAGGAGE) closed, satisfaction not asked', referenceId: inquiry.id, category: 'BAGGAGE', occurredAt: at(60).toISOString() },
      { ...common, step: 'inquiry.received', entryId: expect.any(String), kind: 'INQUIRY', summary: 'Inquiry received via EMAIL (TICKETING)', referenceId: escalated.id, category: 'TICKETING', occurredAt: at(60).toISOString() },
      { ...common, step: 'inquiry.escalated', entryId: expect.any(String), kind: 'INQUIRY', summary: 'Inquiry escalated to a complaint (REFUND, HIGH)', referenceId: escalated.id, category: 'REFUND', occurredAt: at(60).toISOString() },
    ]);
    // Summaries carry classifications only, never the customer's words.
    expect(JSON.stringify(await entriesSince(from))).not.toContain('Only one bag');
  });

  it('puts order changes requested and completed on it, with the booking as the reference number', async () => {
    const inquiry = await s.receiveEmail({ customerId, category: InquiryCategory.ORDER_CHANGE });
    const from = (await s.db.outboxEvents()).length;
    const change = await s.orderChangeRequests.request({ inquiryId: inquiry.id, bookingReference: 'x7k2qp', kind: OrderChangeKind.MODIFY, requestedChanges: 'Outbound on the 14th' }, agent);
    await s.orderChangeHandling.start({ orderChangeId: change.id }, afterSales);
    await s.orderChangeHandling.complete({ orderChangeId: change.id, outcome: OrderChangeOutcome.REJECTED, reason: 'Non-refundable fare' }, afterSales);

    const common = { customerId, key: customerId, kind: 'ORDER_CHANGE', referenceId: change.id, referenceNumber: 'X7K2QP', category: null, occurredAt: at(0).toISOString(), sameStep: true };
    expect(await entriesSince(from)).toEqual([
      { ...common, step: 'order_change.requested', entryId: expect.any(String), summary: 'Order change requested: MODIFY of booking X7K2QP' },
      { ...common, step: 'order_change.completed', entryId: expect.any(String), summary: 'Order change MODIFY of booking X7K2QP rejected' },
    ]);
  });

  it('leaves out what happens on an inquiry of a customer crm does not know (yet)', async () => {
    const from = (await s.db.outboxEvents()).length;
    const inquiry = await s.receiveEmail();
    const change = await s.orderChangeRequests.request({ inquiryId: inquiry.id, bookingReference: 'ABC123', kind: OrderChangeKind.CANCEL }, agent);
    await s.orderChangeHandling.complete({ orderChangeId: change.id, outcome: OrderChangeOutcome.REJECTED, reason: 'Non-refundable fare' }, agent);
    await s.closing.close({ inquiryId: inquiry.id, satisfaction: { satisfied: true, score: 5 } }, agent);
    expect(await entriesSince(from)).toEqual([]);
  });
});
