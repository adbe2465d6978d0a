import { complaintClosed } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { SourceInquiry } from './source-inquiry';

/** complaint.closed: the inquiry it was escalated from closes with it. */
export function onComplaintClosed(source: SourceInquiry): EventHandler<typeof complaintClosed> {
  return onEvent(complaintClosed, async ({ data }, manager) => {
    await source.complaintClosed(manager, data);
  });
}
