import type { Identity } from '@carebridge/auth';
import { ConflictError } from '@carebridge/domain';
import { ComplaintAction } from '../history/complaint-history.enums';
import type { DeadlineClock } from './complaint-deadlines';
import { NEXT_STATUSES, STEPS } from './complaint-lifecycle';
import type { ComplaintSteps } from './complaint-steps';
import type { Complaint } from './complaint.entity';
import type { SetComplaintWaitingInput, StartComplaintWorkInput } from './complaint.inputs';
import { endWait } from './waiting-on-customer';

/** Working on a complaint: the responsible person starts, and may wait on the customer meanwhile. */
export class ComplaintWork {
  constructor(
    private readonly steps: ComplaintSteps,
    private readonly deadlines: DeadlineClock,
  ) {}

  startWork(input: StartComplaintWorkInput, actor: Identity): Promise<Complaint> {
    return this.steps.take(input, STEPS.startWork, actor, async () => ({ action: ComplaintAction.WORK_STARTED }));
  }

  /** Waiting on the customer pauses the feedback clock; the paused time is recorded. */
  setWaiting(input: SetComplaintWaitingInput, actor: Identity): Promise<Complaint> {
    return this.steps.take(input, STEPS.wait, actor, async (complaint, _manager, now) => {
      if (input.waiting) {
        if (complaint.waitingSince) {
          throw new ConflictError(`Complaint ${complaint.registrationNumber} has been waiting on the customer since ${complaint.waitingSince.toISOString()}`, {
            currentStatus: complaint.status,
            allowedNext: NEXT_STATUSES[complaint.status],
          });
        }
        this.deadlines.pause(complaint, now);
        return { action: ComplaintAction.WAITING_ON_CUSTOMER, changes: { waitingSince: { to: now.toISOString() } }, reason: input.note?.trim() || null };
      }
      if (!complaint.waitingSince) {
        throw new ConflictError(`Complaint ${complaint.registrationNumber} is not waiting on the customer`, {
          currentStatus: complaint.status,
          allowedNext: NEXT_STATUSES[complaint.status],
        });
      }
      return { ...endWait(this.deadlines, complaint, now), reason: input.note?.trim() || null };
    });
  }
}
