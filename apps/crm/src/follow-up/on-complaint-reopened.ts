import { complaintReopened } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { ComplaintFollowUps } from './complaint-follow-ups';

/** complaint.reopened → the pending follow-up of its closing is cancelled. */
export function onComplaintReopened(followUps: ComplaintFollowUps): EventHandler<typeof complaintReopened> {
  return onEvent(complaintReopened, (event, manager) => followUps.afterReopening(event.data, manager));
}
