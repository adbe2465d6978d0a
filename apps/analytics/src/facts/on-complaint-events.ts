import {
  complaintAssigned,
  complaintClosed,
  complaintFeedbackGiven,
  complaintRegistered,
  complaintReopened,
  complaintResolved,
  complaintSlaBreached,
} from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { FactRecording } from './fact-recording';

/** The complaint stream: registration, assignment, feedback, deadlines, resolution with compensation, closing, reopening. */
export function onComplaintEvents(facts: FactRecording): EventHandler<any>[] {
  return [
    onEvent(complaintRegistered, (event, m) => facts.complaintRegistered(m, event.data, event.id)),
    onEvent(complaintAssigned, (event, m) => facts.complaintAssigned(m, event.data)),
    onEvent(complaintFeedbackGiven, (event, m) => facts.complaintFeedbackGiven(m, event.data)),
    onEvent(complaintSlaBreached, (event, m) => facts.complaintSlaBreached(m, event.data)),
    onEvent(complaintResolved, (event, m) => facts.complaintResolved(m, event.data, event.id)),
    onEvent(complaintClosed, (event, m) => facts.complaintClosed(m, event.data, event.id)),
    onEvent(complaintReopened, (event, m) => facts.complaintReopened(m, event.data, event.id)),
  ];
}
