import { InquiryChannel } from '../channel/channel.enums';
import { people, useInquiry } from '../inquiry.fixture';
import { InquiryCategory } from '../inquiry/inquiry.enums';
import { OrderChange } from './order-change.entity';
import { OrderChangeKind, OrderChangeOutcome } from './order-change.enums';

const { agent, afterSales } = people;

describe('Order changes (real Postgres)', () => {
  const customerId = '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d';
  const s = useInquiry({ customers: [customerId] });

  const inquiry = (linked = true) =>
    s.intake.receive(
      {
        channel: InquiryChannel.CHAT,
        category: InquiryCategory.ORDER_CHANGE,
        subject: 'Move my flight',
        message: 'Please move PNR X7K2QP to the 14th.',
        customerId: linked ? customerId : null,
        contact: linked ? null : { name: 'Paul Weber' },
      } as any,
      agent,
    );

  it('goes REQUESTED → IN_PROGRESS → DONE with who handled it, on the inquiry and the customer', async () => {
    const { id: inquiryId } = await inquiry();
    const requested = await s.orderChangeRequests.request({ inquiryId, bookingReference: ' x7k2qp ', kind: OrderChangeKind.MODIFY, requestedChanges: 'Outbound on 14 Nov instead of 12 Nov' }, agent);
    expect(requested).toMatchObject({ status: 'REQUESTED', bookingReference: 'X7K2QP', customerId, requestedBy: 'agent-ana', handledBy: null });
    const started = await s.orderChangeHandling.start({ orderChangeId: requested.id }, afterSales);
    expect(started).toMatchObject({ status: 'IN_PROGRESS', handledBy: 'sales-sam', handledByName: 'Sam Sales' });
    s.db.clock.advance(600_000);
    const done = await s.orderChangeHandling.complete({ orderChangeId: requested.id, outcome: OrderChangeOutcome.DONE }, afterSales);
    expect(done).toMatchObject({ status: 'DONE', rejectionReason: null, completedAt: s.db.clock.now() });
    await expect(s.orderChangeHandling.complete({ orderChangeId: requested.id, outcome: OrderChangeOutcome.REJECTED, reason: 'late' }, afterSales)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', currentStatus: 'DONE', allowedNext: [] },
    });

    expect((await s.orderChanges.forInquiry(inquiryId)).map((c) => c.id)).toEqual([requested.id]);
    expect((await s.orderChanges.list({ filter: { customerId } })).totalCount).toBe(1);
    const events = (await s.eventsOf(inquiryId)).filter((e) => e.type.startsWith('order_change.'));
    expect(events.map((e) => e.type)).toEqual(['order_change.requested', 'order_change.completed']);
    expect(events[1].data).toMatchObject({ orderChangeId: requested.id, outcome: 'DONE', reason: null, completedBy: 'sales-sam', customerId, bookingReference: 'X7K2QP' });
    expect((await s.inquiries.history(inquiryId)).filter((h) => h.kind.startsWith('ORDER_CHANGE')).map((h) => h.detail)).toEqual([
      'MODIFY of booking X7K2QP requested',
      'MODIFY of booking X7K2QP in progress',
      'MODIFY of booking X7K2QP done',
    ]);
  });

  it('is rejected only with a reason; a cancellation needs no description; linking the customer later carries over', async () => {
    const { id: inquiryId } = await inquiry(false);
    const cancel = await s.orderChangeRequests.request({ inquiryId, bookingReference: 'ABC123', kind: OrderChangeKind.CANCEL }, agent);
    expect(cancel).toMatchObject({ requestedChanges: 'Cancel the booking', customerId: null });
    await expect(s.orderChangeHandling.complete({ orderChangeId: cancel.id, outcome: OrderChangeOutcome.REJECTED }, agent)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.reason' },
    });
    await s.handling.linkCustomer({ inquiryId, customerId }, agent);
    const rejected = await s.orderChangeHandling.complete({ orderChangeId: cancel.id, outcome: OrderChangeOutcome.REJECTED, reason: 'Non-refundable fare' }, agent);
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: 'Non-refundable fare', customerId });
    await expect(s.orderChangeHandling.start({ orderChangeId: cancel.id }, agent)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  });

  it('refuses a MODIFY without changes and a request on a closed inquiry, writing nothing', async () => {
    const { id: inquiryId } = await inquiry();
    const before = await s.db.dataSource.getRepository(OrderChange).count();
    await expect(s.orderChangeRequests.request({ inquiryId, bookingReference: 'ABC123', kind: OrderChangeKind.MODIFY }, agent)).rejects.toMatchObject({
      extensions: { field: 'input.requestedChanges' },
    });
    await s.closing.close({ inquiryId, satisfaction: { satisfied: true, score: 5 } }, agent);
    await expect(s.orderChangeRequests.request({ inquiryId, bookingReference: 'ABC123', kind: OrderChangeKind.CONFIRM }, agent)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', currentStatus: 'CLOSED' },
    });
    await expect(s.orderChangeHandling.start({ orderChangeId: '00000000-0000-4000-8000-000000000000' }, agent)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await s.db.dataSource.getRepository(OrderChange).count()).toBe(before);
  });
});
