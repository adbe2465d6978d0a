import { inquiryReceived } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { CustomerCases } from '../case/customer-cases';
import { ThreadKind } from '../delivery/delivery.enums';

/** inquiry.received: the inquiry is known, so that a customer's answer can be threaded onto it. */
export function onInquiryReceived(cases: CustomerCases): EventHandler<typeof inquiryReceived> {
  return onEvent(inquiryReceived, async ({ data }, manager) => {
    await cases.record(manager, { id: data.inquiryId, kind: ThreadKind.INQUIRY, customerId: data.customerId, reference: null, openedAt: new Date(data.receivedAt) });
  });
}
