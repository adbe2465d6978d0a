import type { Identity } from '@carebridge/auth';
import { retagged } from '@carebridge/help-desk';
import { STEPS } from '../complaint/complaint-lifecycle';
import type { ComplaintSteps } from '../complaint/complaint-steps';
import type { Complaint } from '../complaint/complaint.entity';
import { ComplaintAction } from '../history/complaint-history.enums';
import type { TagComplaintInput } from './complaint-tag.inputs';

/** Tagging a complaint: in any status a complaint can be classified in, each change on the timeline. */
export class ComplaintTagging {
  constructor(private readonly steps: ComplaintSteps) {}

  tag(input: TagComplaintInput, actor: Identity): Promise<Complaint> {
    return this.steps.take(input, STEPS.classify, actor, async (complaint) => {
      const { tags, added, removed } = retagged(complaint.tags, input.add ?? [], input.remove ?? []);
      if (!added.length && !removed.length) return null;
      const before = complaint.tags;
      complaint.tags = tags;
      return { action: ComplaintAction.DETAILS_UPDATED, changes: { tags: { from: before, to: tags } } };
    });
  }
}
