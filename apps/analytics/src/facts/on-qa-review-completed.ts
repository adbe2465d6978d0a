import { qaReviewCompleted } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { FactRecording } from './fact-recording';

/** training's QA review of an agent's case (T-5.4): its score, for the QA figures. */
export function onQaReviewCompleted(facts: FactRecording): EventHandler {
  return onEvent(qaReviewCompleted, (event, m) => facts.qaReviewCompleted(m, event.data));
}
