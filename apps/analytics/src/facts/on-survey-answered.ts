import { followUpSurveyAnswered } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { FactRecording } from './fact-recording';

/** after-sales' post-trip survey: the NPS answer. */
export function onSurveyAnswered(facts: FactRecording): EventHandler {
  return onEvent(followUpSurveyAnswered, (event, m) => facts.surveyAnswered(m, event.data));
}
