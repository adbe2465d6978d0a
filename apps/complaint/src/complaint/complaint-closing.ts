import type { Identity } from '@carebridge/auth';
import { complaintClosed } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import { BadUserInputError } from '@carebridge/domain';
import { ComplaintAction } from '../history/complaint-history.enums';
import { ComplaintClosure } from './complaint-closure.entity';
import { STEPS } from './complaint-lifecycle';
import type { ComplaintSteps } from './complaint-steps';
import type { Complaint } from './complaint.entity';
import type { CloseComplaintInput } from './complaint.inputs';
import type { CustomerTimeline } from './customer-timeline';

/** Closing a resolved complaint with the customer's satisfaction, or why it could not be asked. */
export class ComplaintClosing {
  constructor(
    private readonly steps: ComplaintSteps,
    private readonly outbox: Outbox,
    private readonly timeline: CustomerTimeline,
  ) {}

  async close(input: CloseComplaintInput, actor: Identity): Promise<Complaint> {
    const score = input.satisfactionScore ?? null;
    const comment = input.satisfactionComment?.trim() || null;
    const withoutReason = input.withoutSatisfactionReason?.trim() || null;
    if (score === null && !withoutReason) {
      throw BadUserInputError.field('input.satisfactionScore', 'required', 'must be given (1 to 5), or a withoutSatisfactionReason such as "customer unreachable"');
    }
    if (score !== null && withoutReason) {
      throw BadUserInputError.field('input.withoutSatisfactionReason', 'exclusive', 'must be left out when the customer gave a satisfaction score');
    }
    if (score === null && comment) {
      throw BadUserInputError.field('input.satisfactionComment', 'needs-score', 'must come with a satisfaction score');
    }
    return this.steps.take(input, STEPS.close, actor, async (complaint, manager, now) => {
      complaint.closedAt = now;
      await manager.insert(ComplaintClosure, {
        complaintId: complaint.id,
        closedBy: actor.userId,
        closedByName: actor.name ?? null,
        closedAt: now,
        satisfactionScore: score,
        satisfactionComment: comment,
        withoutSatisfactionReason: withoutReason,
      });
      const closed = {
        complaintId: complaint.id,
        registrationNumber: complaint.registrationNumber,
        customerId: complaint.customerId,
        closedBy: actor.userId,
        closedAt: now.toISOString(),
        satisfactionScore: score,
        satisfactionComment: comment,
        closedWithoutSatisfactionReason: withoutReason,
        // What training drafts a knowledge-base article from (it removes the personal data).
        category: complaint.category,
        description: complaint.description,
        resolutionExplanation: complaint.resolutionExplanation,
      };
      await this.timeline.closed(manager, await this.outbox.publish(manager, complaintClosed, closed), closed);
      return { action: ComplaintAction.CLOSED, changes: { satisfactionScore: { to: score } }, reason: withoutReason };
    });
  }
}
