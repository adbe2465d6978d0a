import type { CustomerRecordSections } from '@carebridge/customer-export';
import { type EntityManager, In } from 'typeorm';
import { Inquiry, InquiryHistoryEntry, InquiryMessage } from '../inquiry/inquiry.entity';
import { OrderChange } from '../order-change/order-change.entity';
import { SlaBreach } from '../response-target/response-policy.entity';

/**
 * The inquiry service's part of a customer data export: every inquiry from the customer on every
 * channel (merged ones included), the whole conversation, the history, the response deadlines
 * missed and the order changes asked for.
 */
export async function collectInquiryRecords(manager: EntityManager, customerId: string): Promise<CustomerRecordSections> {
  const inquiries = await manager.find(Inquiry, { where: { customerId }, order: { receivedAt: 'ASC', id: 'ASC' } });
  const orderChanges = (await manager.find(OrderChange, { where: { customerId }, order: { requestedAt: 'ASC', id: 'ASC' } })).map(({ version: _version, ...change }) => change);
  const ids = inquiries.map((i) => i.id);
  if (!ids.length) return { inquiries: [], orderChanges };
  // A message moved by a merge keeps the inquiry it was written in, so both ways lead to the customer's words.
  const ofInquiries = [{ inquiryId: In(ids) }, { originalInquiryId: In(ids) }];
  return {
    inquiries,
    messages: (await manager.find(InquiryMessage, { where: ofInquiries, order: { sentAt: 'ASC', sequence: 'ASC' } })).map(({ sequence: _sequence, ...message }) => message),
    history: (await manager.find(InquiryHistoryEntry, { where: ofInquiries, order: { at: 'ASC', sequence: 'ASC' } })).map(({ sequence: _sequence, ...entry }) => entry),
    missedResponseTargets: await manager.find(SlaBreach, { where: { inquiryId: In(ids) }, order: { dueAt: 'ASC' } }),
    orderChanges,
  };
}
