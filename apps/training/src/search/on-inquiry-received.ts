import { inquiryReceived } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { InquiryContexts } from './inquiry-context';

/** An inquiry arrived (inquiry.received): its category and words are kept to suggest articles from. */
export function onInquiryReceived(contexts: InquiryContexts): EventHandler<typeof inquiryReceived> {
  return onEvent(inquiryReceived, async ({ data }, manager) => {
    await contexts.received(manager, data);
  });
}
