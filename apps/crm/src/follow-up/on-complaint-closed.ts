import { complaintClosed } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { ComplaintFollowUps } from './complaint-follow-ups';

/** complaint.closed → a follow-up call with the customer. */
export function onComplaintClosed(followUps: ComplaintFollowUps): EventHandler<typeof complaintClosed> {
  return onEvent(complaintClosed, (event, manager) => followUps.afterClosing(event.data, manager));
}
