import { complaintRegistered } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { CustomerCases } from '../case/customer-cases';
import { ThreadKind } from '../delivery/delivery.enums';
import type { CustomerMessaging } from './customer-messaging';

/** complaint.registered: the customer learns the registration number and when feedback is due. */
export function onComplaintRegistered(cases: CustomerCases, messaging: CustomerMessaging): EventHandler<typeof complaintRegistered> {
  return onEvent(complaintRegistered, async ({ id, data }, manager) => {
    await cases.record(manager, { id: data.complaintId, kind: ThreadKind.COMPLAINT, customerId: data.customerId, reference: data.registrationNumber, openedAt: new Date(data.registeredAt) });
    // Published before the deadline travelled with the event: the customer hears of it with the feedback.
    const feedbackDueAt = data.feedbackDueAt;
    if (!feedbackDueAt) return;
    await messaging.tell(manager, {
      causeEventId: id,
      templateKey: 'complaint.registered',
      customerId: data.customerId,
      thread: { kind: ThreadKind.COMPLAINT, id: data.complaintId },
      values: ({ time }) => ({ registrationNumber: data.registrationNumber, feedbackDue: time(feedbackDueAt) }),
    });
  });
}
