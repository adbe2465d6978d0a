import type { Identity } from '@carebridge/auth';
import { complaintFeedbackGiven } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { ComplaintHistory } from '../history/complaint-history';
import { ComplaintAction } from '../history/complaint-history.enums';
import type { DeadlineClock } from './complaint-deadlines';
import { ComplaintFeedback } from './complaint-feedback.entity';
import { STEPS } from './complaint-lifecycle';
import type { ComplaintSteps } from './complaint-steps';
import type { Complaint } from './complaint.entity';
import type { GiveComplaintFeedbackInput } from './complaint.inputs';
import { endWait } from './waiting-on-customer';

/**
 * Feedback to the customer (A-3.2.4, T-3.4): what was done and what comes next. The first feedback
 * of a round meets its feedback deadline (and the DOT acknowledgment); feedback while waiting on
 * the customer ends the wait.
 */
export class FeedbackToCustomer {
  constructor(
    private readonly steps: ComplaintSteps,
    private readonly deadlines: DeadlineClock,
    private readonly history: ComplaintHistory,
    private readonly outbox: Outbox,
  ) {}

  giveFeedback(input: GiveComplaintFeedbackInput, actor: Identity): Promise<Complaint> {
    return this.steps.take(input, STEPS.giveFeedback, actor, async (complaint, manager, now) => {
      if (complaint.waitingSince) await this.history.record(manager, complaint.id, { ...endWait(this.deadlines, complaint, now), actor, at: now });
      const firstInRound = !complaint.feedbackGivenAt;
      const givenAt = complaint.feedbackGivenAt ?? now;
      complaint.feedbackGivenAt = givenAt;
      const withinDeadline = givenAt.getTime() <= complaint.feedbackDueAt.getTime();
      const acknowledges = complaint.dotAcknowledgmentDueAt !== null && complaint.dotAcknowledgedAt === null;
      if (acknowledges) complaint.dotAcknowledgedAt = now;
      await manager.insert(ComplaintFeedback, {
        complaintId: complaint.id,
        givenBy: actor.userId,
        givenByName: actor.name ?? null,
        givenAt: now,
        channel: input.channel,
        sentTo: input.sentTo?.trim() || null,
        actionsTaken: input.actionsTaken.trim(),
        nextSteps: input.nextSteps.trim(),
        withinDeadline,
      });
      await this.outbox.publish(manager, complaintFeedbackGiven, {
        complaintId: complaint.id,
        customerId: complaint.customerId,
        givenBy: actor.userId,
        givenAt: now.toISOString(),
        feedbackDueAt: complaint.feedbackDueAt.toISOString(),
        withinDeadline,
      });
      return {
        action: ComplaintAction.FEEDBACK_GIVEN,
        changes: {
          channel: { to: input.channel },
          withinDeadline: { to: withinDeadline },
          ...(firstInRound ? { feedbackGivenAt: { to: now.toISOString() } } : {}),
          ...(acknowledges ? { dotAcknowledgedAt: { to: now.toISOString() } } : {}),
        },
      };
    });
  }
}
