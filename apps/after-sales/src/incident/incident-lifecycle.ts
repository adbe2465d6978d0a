import { ConflictError } from '@carebridge/domain';
import { IncidentStatus } from './incident.enums';

const { OPEN, IN_PROGRESS, RESOLVED, CLOSED } = IncidentStatus;

/** A step of an incident case: from which statuses it may be taken, and where it leads (none: the status stays). */
export interface IncidentStep {
  name: string;
  from: readonly IncidentStatus[];
  to?: IncidentStatus;
}

/** The incident's status table. Work on a case (notes, tasks, baggage, entitlements) is done while it is open or in progress. */
export const INCIDENT_STEPS = {
  startWork: { name: 'start work on', from: [OPEN], to: IN_PROGRESS },
  work: { name: 'work on', from: [OPEN, IN_PROGRESS] },
  note: { name: 'add a note to', from: [OPEN, IN_PROGRESS, RESOLVED] },
  resolve: { name: 'resolve', from: [OPEN, IN_PROGRESS], to: RESOLVED },
  close: { name: 'close', from: [RESOLVED], to: CLOSED },
  reopen: { name: 'reopen', from: [RESOLVED], to: IN_PROGRESS },
  raiseComplaint: { name: 'raise a complaint for', from: [OPEN, IN_PROGRESS, RESOLVED] },
} satisfies Record<string, IncidentStep>;

/** Where each status may go next (for CONFLICT errors and the UI). */
export const INCIDENT_NEXT_STATUSES: Readonly<Record<IncidentStatus, IncidentStatus[]>> = Object.fromEntries(
  Object.values(IncidentStatus).map((status) => [
    status,
    [...new Set(Object.values(INCIDENT_STEPS).flatMap((step: IncidentStep) => (step.to && step.from.includes(status) ? [step.to] : [])))],
  ]),
) as Record<IncidentStatus, IncidentStatus[]>;

/** Refuses a step the status does not allow, naming the status and where it may go. */
export function ensureIncidentStep(step: IncidentStep, status: IncidentStatus, number: string): void {
  if (!step.from.includes(status)) {
    throw new ConflictError(`Cannot ${step.name} incident ${number}: it is ${status}`, { currentStatus: status, allowedNext: INCIDENT_NEXT_STATUSES[status] });
  }
}
