import { CustomerExportPart } from '@carebridge/customer-export';
import { customerExportRequested } from '@carebridge/event-contracts';
import { encodeEvent } from '@carebridge/messaging';
import { InquiryChannel } from '../channel/channel.enums';
import { people, useInquiry } from '../inquiry.fixture';
import { InquiryCategory } from '../inquiry/inquiry.enums';
import { OrderChangeKind } from '../order-change/order-change.enums';

const { agent } = people;

describe('the inquiry service’s part of a customer data export (real Postgres)', () => {
  const customerId = '6c1d2e3f-0000-4000-8000-000000000001';
  const other = '6c1d2e3f-0000-4000-8000-000000000002';
  const s = useInquiry({ customers: [customerId, other] });

  const receive = (customer: string, subject: string, message: string) =>
    s.intake.receive({ channel: InquiryChannel.EMAIL, category: InquiryCategory.ORDER_CHANGE, subject, message, customerId: customer } as any, agent);
  const requestExport = (exportId: string, customer: string) =>
    s.consumer.deliver(
      encodeEvent(customerExportRequested, { exportId, customerId: customer, requestedAt: '2026-11-02T09:00:00.000Z', expiresAt: '2026-12-02T09:00:00.000Z' }, { source: 'crm', time: new Date() }),
    );
  const partOf = (exportId: string) => s.db.dataSource.getRepository(CustomerExportPart).findOneByOrFail({ exportId });

  it('holds the customer’s inquiries, their whole conversation, merged ones’ too, history and order changes, and nobody else’s', async () => {
    const first = await receive(customerId, 'Move my flight', 'Please move PNR X7K2QP to the 14th.');
    await s.handling.reply({ inquiryId: first.id, body: 'Done: you fly on the 14th.' } as any, agent);
    s.db.clock.advance(60_000);
    const second = await receive(customerId, 'Move my flight (again)', 'Did you get my e-mail about X7K2QP?');
    await s.merging.merge({ survivorId: first.id, mergedId: second.id } as any, agent);
    await s.orderChangeRequests.request({ inquiryId: first.id, bookingReference: 'X7K2QP', kind: OrderChangeKind.MODIFY, requestedChanges: 'Outbound on the 14th' }, agent);
    await receive(other, 'Another customer', 'Not to be exported with the first customer.');

    const exportId = '4e2d1c0b-0000-4000-8000-000000000001';
    await requestExport(exportId, customerId);

    const part = await partOf(exportId);
    const document = part.document as Record<string, any>;
    expect(document).toMatchObject({ format: 'carebridge.inquiry.customer-export/v1', service: 'inquiry', exportId, customerId });
    expect(document.inquiries.map((i: { id: string }) => i.id)).toEqual([first.id, second.id]);
    expect(document.messages.map((m: { body: string }) => m.body)).toEqual([
      'Please move PNR X7K2QP to the 14th.',
      'Done: you fly on the 14th.',
      'Did you get my e-mail about X7K2QP?',
    ]);
    expect(document.orderChanges).toEqual([expect.objectContaining({ bookingReference: 'X7K2QP', requestedChanges: 'Outbound on the 14th' })]);
    expect(document.orderChanges[0]).not.toHaveProperty('version');
    expect(document.history.length).toBeGreaterThan(0);
    expect(document).toHaveProperty('missedResponseTargets');
    expect(JSON.stringify(document)).not.toContain('Not to be exported');
    const sections = ['inquiries', 'messages', 'history', 'missedResponseTargets', 'orderChanges'];
    expect(part.recordCount).toBe(sections.reduce((sum, section) => sum + document[section].length, 0));

    const prepared = (await s.db.outboxEvents()).filter((e) => e.type === 'inquiry.customer_export_prepared');
    expect(prepared).toEqual([expect.objectContaining({ key: exportId, data: expect.objectContaining({ exportId, customerId, recordCount: part.recordCount }) })]);
    expect(s.deadLetters).toHaveLength(0);
  });

  it('serves the part to the gateway under the field `inquiry`', async () => {
    const { references } = s.customerExportGraph;
    const resolved = await references.CustomerDataExport.__resolveReference({ id: '4e2d1c0b-0000-4000-8000-000000000001' }, {});
    expect(resolved).toMatchObject({ inquiry: { service: 'inquiry', customerId } });
  });
});
