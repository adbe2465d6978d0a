import { inquiryEscalated } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { ComplaintRegistration } from '../complaint/complaint-registration';

/** An inquiry was escalated: its complaint is registered, once per inquiry. */
export function onInquiryEscalated(registration: ComplaintRegistration): EventHandler<typeof inquiryEscalated> {
  return onEvent(inquiryEscalated, async ({ data }, manager) => {
    await registration.registerFromInquiry(data, manager);
  });
}
