import type { EventHandler } from '@carebridge/messaging';
import { onAgentPeriodClosed } from './evaluation/on-agent-period-closed';
import { onComplaintClosed } from './knowledge/on-complaint-closed';
import { onInquiryClosed } from './knowledge/on-inquiry-closed';
import { onInquiryCustomerWrote } from './search/on-inquiry-customer-wrote';
import { reviewableCaseEvents } from './quality/reviewable-case-events';
import { onInquiryReceived } from './search/on-inquiry-received';
import type { TrainingDomain } from './training.domain';

/**
 * What training does with other services' events, each in the transaction that records the event
 * as processed. A reaction goes into `<aggregate>/on-<event-name>.ts`
 * (`export function on<EventName>(…): EventHandler`) and is listed here.
 */
export function trainingEventHandlers(domain: TrainingDomain): EventHandler<any>[] {
  return [
    onInquiryReceived(domain.knowledge.inquiryContexts),
    onInquiryCustomerWrote(domain.knowledge.inquiryContexts),
    onInquiryClosed(domain.knowledge.solvedCases),
    onComplaintClosed(domain.knowledge.solvedCases),
    // analytics' per-agent period figures: kept, and the agent's evaluation drafted.
    onAgentPeriodClosed(domain.evaluationDrafting),
    // Which inquiries and complaints exist and who handled them, for QA reviews.
    ...reviewableCaseEvents(domain.reviewableCases),
  ];
}
