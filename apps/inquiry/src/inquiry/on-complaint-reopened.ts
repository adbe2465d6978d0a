import { complaintReopened } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { SourceInquiry } from './source-inquiry';

/** complaint.reopened: the inquiry it was escalated from shows the complaint reopened. */
export function onComplaintReopened(source: SourceInquiry): EventHandler<typeof complaintReopened> {
  return onEvent(complaintReopened, async ({ data }, manager) => {
    await source.complaintReopened(manager, data);
  });
}
