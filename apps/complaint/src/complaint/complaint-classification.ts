import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import { diff } from '../history/complaint-history';
import { ComplaintAction } from '../history/complaint-history.enums';
import type { DeadlineClock } from './complaint-deadlines';
import { STEPS } from './complaint-lifecycle';
import type { ComplaintSteps } from './complaint-steps';
import type { Complaint } from './complaint.entity';
import type { ClassifyComplaintInput } from './complaint.inputs';

/**
 * Classifying a complaint (A-3.2.3, T-3.2): its type and urgency, and from the analysis its root
 * cause. A new urgency retargets the feedback deadline not yet met.
 */
export class ComplaintClassification {
  constructor(
    private readonly steps: ComplaintSteps,
    private readonly deadlines: DeadlineClock,
  ) {}

  async classify(input: ClassifyComplaintInput, actor: Identity): Promise<Complaint> {
    if (input.category == null && input.urgency == null && input.rootCause == null && input.rootCauseNote == null) {
      throw BadUserInputError.field('input', 'change', 'must set at least one of category, urgency, rootCause, rootCauseNote');
    }
    return this.steps.take(input, STEPS.classify, actor, async (complaint, manager) => {
      const wanted: Partial<Complaint> = {};
      if (input.category != null) wanted.category = input.category;
      if (input.urgency != null) wanted.urgency = input.urgency;
      if (input.rootCause != null) wanted.rootCause = input.rootCause;
      if (input.rootCauseNote != null) wanted.rootCauseNote = input.rootCauseNote.trim() || null;
      const changes = diff(complaint, wanted);
      if (!Object.keys(changes).length) return null;
      Object.assign(complaint, wanted);
      if (changes.urgency && !complaint.feedbackGivenAt) {
        const before = complaint.feedbackDueAt;
        this.deadlines.retarget(complaint, await this.deadlines.feedbackTarget(manager, complaint.urgency, { customerId: complaint.customerId, at: complaint.feedbackStartedAt }));
        changes.feedbackDueAt = { from: before.toISOString(), to: complaint.feedbackDueAt.toISOString() };
      }
      return { action: ComplaintAction.CLASSIFIED, changes };
    });
  }
}
