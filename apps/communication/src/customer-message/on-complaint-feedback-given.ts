import { complaintFeedbackGiven } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { CustomerCases } from '../case/customer-cases';
import { ThreadKind } from '../delivery/delivery.enums';
import type { CustomerMessaging } from './customer-messaging';

/** complaint.feedback_given: the customer is told that feedback was given (the 24-hour feedback, A-3.2.4). */
export function onComplaintFeedbackGiven(cases: CustomerCases, messaging: CustomerMessaging): EventHandler<typeof complaintFeedbackGiven> {
  return onEvent(complaintFeedbackGiven, async ({ id, data }, manager) => {
    const known = await cases.find(manager, data.complaintId);
    await messaging.tell(manager, {
      causeEventId: id,
      templateKey: 'complaint.feedback',
      customerId: data.customerId,
      thread: { kind: ThreadKind.COMPLAINT, id: data.complaintId },
      values: () => ({ registrationNumber: known?.reference ?? data.complaintId }),
    });
  });
}
