import { procedureFeedbackGiven } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { FactRecording } from './fact-recording';

/** training's procedure feedback (A-6): agents' ratings of the procedures they work with, for the monthly report. */
export function onProcedureFeedbackGiven(facts: FactRecording): EventHandler {
  return onEvent(procedureFeedbackGiven, (event, m) => facts.procedureFeedbackGiven(m, event.data));
}
