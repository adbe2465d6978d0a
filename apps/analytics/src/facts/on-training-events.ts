import { courseCompleted, trainingOverdue } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { FactRecording } from './fact-recording';

/** training's course completions and overdue trainings (T-5.1, A-5.2): the training-compliance figures. */
export function onTrainingEvents(facts: FactRecording): EventHandler[] {
  return [
    onEvent(courseCompleted, (event, m) => facts.courseCompleted(m, event.data)),
    onEvent(trainingOverdue, (event, m) => facts.trainingOverdue(m, event.data)),
  ];
}
