import type { EventHandler } from '@carebridge/messaging';
import { onComplaintEvents } from './facts/on-complaint-events';
import { onCustomerEvents } from './facts/on-customer-events';
import { onInquiryEvents } from './facts/on-inquiry-events';
import { onQaReviewCompleted } from './facts/on-qa-review-completed';
import { onSurveyAnswered } from './facts/on-survey-answered';
import { onTrainingEvents } from './facts/on-training-events';
import type { FactRecording } from './facts/fact-recording';

/** The streams analytics is fed by (its only input), each event applied once in the transaction that records it as processed. */
export function analyticsEventHandlers(domain: { facts: FactRecording }): EventHandler<any>[] {
  return [...onInquiryEvents(domain.facts), ...onComplaintEvents(domain.facts), ...onCustomerEvents(domain.facts), onSurveyAnswered(domain.facts), onQaReviewCompleted(domain.facts), ...onTrainingEvents(domain.facts)];
}
