import type { Identity } from '@carebridge/auth';
import { complaintReopened } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import { ComplaintAction } from '../history/complaint-history.enums';
import type { DeadlineClock } from './complaint-deadlines';
import { STEPS } from './complaint-lifecycle';
import type { ComplaintSteps } from './complaint-steps';
import type { Complaint } from './complaint.entity';
import type { ReopenComplaintInput } from './complaint.inputs';
import type { CustomerTimeline } from './customer-timeline';

/** Reopening a resolved or closed complaint: back to work, with a new feedback deadline; the history of the earlier rounds stays. */
export class ComplaintReopening {
  constructor(
    private readonly steps: ComplaintSteps,
    private readonly deadlines: DeadlineClock,
    private readonly outbox: Outbox,
    private readonly timeline: CustomerTimeline,
  ) {}

  reopen(input: ReopenComplaintInput, actor: Identity): Promise<Complaint> {
    return this.steps.take(input, STEPS.reopen, actor, async (complaint, manager, now) => {
      const reason = input.reason.trim();
      complaint.reopenedCount += 1;
      complaint.closedAt = null;
      complaint.resolvedAt = null;
      complaint.resolvedBy = null;
      this.deadlines.startFeedback(complaint, now, await this.deadlines.feedbackTarget(manager, complaint.urgency));
      const reopened = {
        complaintId: complaint.id,
        customerId: complaint.customerId,
        reopenedBy: actor.userId,
        reopenedAt: now.toISOString(),
        reason,
      };
      await this.timeline.reopened(manager, await this.outbox.publish(manager, complaintReopened, reopened), reopened, complaint.registrationNumber);
      return { action: ComplaintAction.REOPENED, changes: { reopenedCount: { to: complaint.reopenedCount }, feedbackDueAt: { to: complaint.feedbackDueAt.toISOString() } }, reason };
    });
  }
}
