import { inquiryClosed } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { SolvedCases } from './solved-cases';

/** An inquiry was closed (inquiry.closed): its exchange, personal data removed, may become an article. */
export function onInquiryClosed(cases: SolvedCases): EventHandler<typeof inquiryClosed> {
  return onEvent(inquiryClosed, async ({ data }, manager) => {
    await cases.inquiryClosed(manager, data);
  });
}
