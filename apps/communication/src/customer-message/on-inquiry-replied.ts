import { inquiryReplied } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import { ThreadKind } from '../delivery/delivery.enums';
import type { CustomerMessaging } from './customer-messaging';

/** inquiry.replied: the agent's reply goes to the customer, with a reply address that threads their answer back. */
export function onInquiryReplied(messaging: CustomerMessaging): EventHandler<typeof inquiryReplied> {
  return onEvent(inquiryReplied, async ({ id, data }, manager) => {
    await messaging.tell(manager, {
      causeEventId: id,
      templateKey: 'inquiry.reply',
      customerId: data.customerId,
      fallbackContact: { email: data.contactEmail, name: data.contactName },
      thread: { kind: ThreadKind.INQUIRY, id: data.inquiryId },
      values: () => ({ subject: data.subject, reply: data.body }),
    });
  });
}
