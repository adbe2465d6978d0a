import { hasAnyRole, type Identity } from '@carebridge/auth';
import { BadUserInputError, ForbiddenError } from '@carebridge/domain';
import { complaintReopened } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import { ComplaintAction } from '../history/complaint-history.enums';
import type { DeadlineClock } from './complaint-deadlines';
import { STEPS } from './complaint-lifecycle';
import type { ComplaintSteps } from './complaint-steps';
import type { Complaint } from './complaint.entity';
import type { ReopenComplaintInput } from './complaint.inputs';
import type { CustomerTimeline } from './customer-timeline';

/** Who reopens a complaint at any time; an agent reopens by the rules of `ensureAgentMayReopen`. */
export const REOPENING_ROLES = ['complaint_specialist', 'supervisor'] as const;

/**
 * Reopening a resolved or closed complaint: back to work, with a new feedback deadline;
 * the history of the earlier rounds stays. Complaint specialists and supervisors reopen at any
 * time. The agent who takes the customer's callback (A-3.2.4: the agent follows up with the
 * customer) reopens when the customer came back (`customerContact`) and the complaint was resolved
 * or closed no more than COMPLAINT_AGENT_REOPEN_DAYS ago; later, a specialist decides.
 */
export class ComplaintReopening {
  constructor(
    private readonly steps: ComplaintSteps,
    private readonly deadlines: DeadlineClock,
    private readonly outbox: Outbox,
    private readonly timeline: CustomerTimeline,
    private readonly agentReopenDays: number,
  ) {}

  reopen(input: ReopenComplaintInput, actor: Identity): Promise<Complaint> {
    return this.steps.take(input, STEPS.reopen, actor, async (complaint, manager, now) => {
      if (!hasAnyRole(actor, REOPENING_ROLES)) this.ensureAgentMayReopen(complaint, input, now);
      const reason = input.reason.trim();
      complaint.reopenedCount += 1;
      complaint.closedAt = null;
      complaint.resolvedAt = null;
      complaint.resolvedBy = null;
      this.deadlines.startFeedback(complaint, now, await this.deadlines.feedbackTarget(manager, complaint.urgency, { customerId: complaint.customerId, at: now }));
      const reopened = {
        complaintId: complaint.id,
        customerId: complaint.customerId,
        reopenedBy: actor.userId,
        reopenedAt: now.toISOString(),
        reason,
      };
      await this.timeline.reopened(manager, await this.outbox.publish(manager, complaintReopened, reopened), reopened, complaint.registrationNumber);
      return {
        action: ComplaintAction.REOPENED,
        changes: {
          reopenedCount: { to: complaint.reopenedCount },
          feedbackDueAt: { to: complaint.feedbackDueAt.toISOString() },
          ...(input.customerContact ? { customerContact: { to: input.customerContact } } : {}),
        },
        reason,
      };
    });
  }

  private ensureAgentMayReopen(complaint: Complaint, input: ReopenComplaintInput, now: Date): void {
    if (!input.customerContact) throw BadUserInputError.field('input.customerContact', 'required', 'an agent reopens when the customer came back: say how (PHONE, EMAIL, …)');
    const ended = complaint.closedAt ?? complaint.resolvedAt;
    const limit = ended ? ended.getTime() + this.agentReopenDays * 86_400_000 : 0;
    if (now.getTime() > limit) {
      throw new ForbiddenError(`Complaint ${complaint.registrationNumber} ended more than ${this.agentReopenDays} days ago: a complaint specialist decides whether to reopen it`);
    }
  }
}
