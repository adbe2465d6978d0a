import type { EventHandler } from '@carebridge/messaging';
import { onComplaintEvents } from './facts/on-complaint-events';
import { onCustomerEvents } from './facts/on-customer-events';
import { onInquiryEvents } from './facts/on-inquiry-events';
import { onProcedureFeedbackGiven } from './facts/on-procedure-feedback-given';
import { onQaReviewCompleted } from './facts/on-qa-review-completed';
import { onSurveyAnswered } from './facts/on-survey-answered';
import { onTrainingEvents } from './facts/on-training-events';
import type { FactRecording } from './facts/fact-recording';

/**
 * The streams analytics is fed by (its only input), each event applied once in the transaction that
 * records it as processed. The facts of a transaction's events are written together when it settles.
 */
export function analyticsEventHandlers(domain: { facts: FactRecording }): EventHandler<any>[] {
  const { facts } = domain;
  return [...onInquiryEvents(facts), ...onComplaintEvents(facts), ...onCustomerEvents(facts), onSurveyAnswered(facts), onQaReviewCompleted(facts), ...onTrainingEvents(facts), onProcedureFeedbackGiven(facts)].map((handler) => ({
    ...handler,
    settle: facts.settle,
  }));
}
