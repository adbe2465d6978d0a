import { inquiryCustomerWrote } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { InquiryContexts } from './inquiry-context';

/** The customer wrote again (inquiry.customer_wrote): the suggestions follow what they ask now. */
export function onInquiryCustomerWrote(contexts: InquiryContexts): EventHandler<typeof inquiryCustomerWrote> {
  return onEvent(inquiryCustomerWrote, async ({ data }, manager) => {
    await contexts.customerWrote(manager, data);
  });
}
