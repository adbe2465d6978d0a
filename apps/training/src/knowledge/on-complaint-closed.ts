import { complaintClosed } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { SolvedCases } from './solved-cases';

/** A complaint was closed (complaint.closed): its description and resolution, personal data removed, may become an article. */
export function onComplaintClosed(cases: SolvedCases): EventHandler<typeof complaintClosed> {
  return onEvent(complaintClosed, async ({ data }, manager) => {
    await cases.complaintClosed(manager, data);
  });
}
