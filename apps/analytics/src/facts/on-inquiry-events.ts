import { inquiryClosed, inquiryEscalated, inquiryFirstResponded, inquiryReceived, inquiryReopened, inquirySlaBreached } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { FactRecording } from './fact-recording';

/** The inquiry stream: arrival, first response, breach of the first-response target, closing, reopening, escalation. */
export function onInquiryEvents(facts: FactRecording): EventHandler<any>[] {
  return [
    onEvent(inquiryReceived, (event, m) => facts.inquiryReceived(m, event.data)),
    onEvent(inquiryFirstResponded, (event, m) => facts.inquiryFirstResponded(m, event.data)),
    onEvent(inquirySlaBreached, (event, m) => facts.inquirySlaBreached(m, event.data)),
    onEvent(inquiryClosed, (event, m) => facts.inquiryClosed(m, event.data, event.id)),
    onEvent(inquiryReopened, (event, m) => facts.inquiryReopened(m, event.data)),
    onEvent(inquiryEscalated, (event, m) => facts.inquiryEscalated(m, event.data)),
  ];
}
