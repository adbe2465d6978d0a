import { ConflictError } from '@carebridge/domain';
import type { Changes, ComplaintAction } from '../history/complaint-history.enums';
import { ComplaintStatus } from '../status/status.enums';
import type { Complaint } from './complaint.entity';

const { REGISTERED, ASSIGNED, IN_PROGRESS, FEEDBACK_GIVEN, RESOLVED, CLOSED, REOPENED } = ComplaintStatus;

/** The complaint procedure: which status may follow which. */
export const NEXT_STATUSES: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  [REGISTERED]: [ASSIGNED],
  [ASSIGNED]: [IN_PROGRESS],
  [IN_PROGRESS]: [FEEDBACK_GIVEN],
  [FEEDBACK_GIVEN]: [RESOLVED],
  [RESOLVED]: [CLOSED, REOPENED],
  [CLOSED]: [REOPENED],
  [REOPENED]: [IN_PROGRESS],
};

/** An action on a complaint: the statuses it may start from and the status it leads to (none: unchanged). */
export interface ComplaintStep {
  name: string;
  from: readonly ComplaintStatus[];
  to?: ComplaintStatus;
}

/** What a step records in the timeline; the step's status change is added when the step is taken. */
export interface StepRecord {
  action: ComplaintAction;
  changes?: Changes;
  reason?: string | null;
}

export const STEPS = {
  assign: { name: 'assign', from: [REGISTERED], to: ASSIGNED },
  reassign: { name: 'reassign', from: [ASSIGNED, IN_PROGRESS, FEEDBACK_GIVEN, REOPENED] },
  updateDetails: { name: 'update the details of', from: [REGISTERED, ASSIGNED, IN_PROGRESS, FEEDBACK_GIVEN, RESOLVED, REOPENED] },
  classify: { name: 'classify', from: [REGISTERED, ASSIGNED, IN_PROGRESS, FEEDBACK_GIVEN, RESOLVED, REOPENED] },
  startWork: { name: 'start work on', from: [ASSIGNED, REOPENED], to: IN_PROGRESS },
  wait: { name: 'wait on the customer for', from: [IN_PROGRESS] },
  giveFeedback: { name: 'give feedback on', from: [IN_PROGRESS, FEEDBACK_GIVEN], to: FEEDBACK_GIVEN },
  planResolution: { name: 'plan the resolution of', from: [IN_PROGRESS, FEEDBACK_GIVEN] },
  decideCompensation: { name: 'decide on compensation for', from: [IN_PROGRESS, FEEDBACK_GIVEN] },
  resolve: { name: 'resolve', from: [FEEDBACK_GIVEN], to: RESOLVED },
  close: { name: 'close', from: [RESOLVED], to: CLOSED },
  reopen: { name: 'reopen', from: [RESOLVED, CLOSED], to: REOPENED },
} satisfies Record<string, ComplaintStep>;

/** Refuses a step the complaint's status does not allow, naming the status and what may come next. */
export function ensureStepAllowed(complaint: Complaint, step: ComplaintStep): void {
  if (step.from.includes(complaint.status)) return;
  const allowedNext = NEXT_STATUSES[complaint.status];
  throw new ConflictError(
    `Cannot ${step.name} complaint ${complaint.registrationNumber}: it is ${complaint.status}; from there it can go to ${allowedNext.join(' or ')}`,
    { currentStatus: complaint.status, allowedNext },
  );
}
