import type { Identity } from '@carebridge/auth';
import { complaintAssigned } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import { BadUserInputError } from '@carebridge/domain';
import type { ComplaintHandlerRoster } from '../handler/complaint-handler-roster';
import { diff } from '../history/complaint-history';
import { ComplaintAction } from '../history/complaint-history.enums';
import { ComplaintStatus } from '../status/status.enums';
import { STEPS } from './complaint-lifecycle';
import type { ComplaintSteps } from './complaint-steps';
import type { Complaint } from './complaint.entity';
import type { AssignComplaintInput } from './complaint.inputs';
import type { CustomerTimeline } from './customer-timeline';

/** A registered complaint is assigned; later it is reassigned, which needs a reason. */
const stepFor = (complaint: Complaint) => (complaint.status === ComplaintStatus.REGISTERED ? STEPS.assign : STEPS.reassign);

/**
 * Giving a complaint its responsible person and department: a named handler from the
 * roster, or the one the roster picks; reassigning it later with a reason.
 */
export class ComplaintAssignment {
  constructor(
    private readonly steps: ComplaintSteps,
    private readonly roster: ComplaintHandlerRoster,
    private readonly outbox: Outbox,
    private readonly timeline: CustomerTimeline,
  ) {}

  async assign(input: AssignComplaintInput, actor: Identity): Promise<Complaint> {
    return this.steps.take(input, stepFor, actor, async (complaint, manager, now) => {
      const reassigning = stepFor(complaint) === STEPS.reassign;
      if (reassigning && !input.reason?.trim()) {
        throw BadUserInputError.field('input.reason', 'required', 'must say why the complaint is reassigned');
      }
      const named = input.assigneeId?.trim();
      const automatic = !named;
      const handler = named ? await this.roster.named(manager, named) : await this.roster.next(manager, complaint.assigneeId);
      const department = input.department?.trim() || handler.department;
      if (handler.userId === complaint.assigneeId && department === complaint.department) {
        throw BadUserInputError.field('input.assigneeId', 'change', `must name someone else: the complaint is already assigned to "${handler.userId}"`);
      }
      const changes = diff(complaint, { assigneeId: handler.userId, assigneeName: handler.name, department });
      Object.assign(complaint, { assigneeId: handler.userId, assigneeName: handler.name, department, assignedAt: now });
      await this.roster.markAssigned(manager, handler, now);
      const assigned = {
        complaintId: complaint.id,
        customerId: complaint.customerId,
        assigneeId: handler.userId,
        department,
        assignedBy: actor.userId,
        automatic,
        reason: input.reason?.trim() || null,
        assignedAt: now.toISOString(),
      };
      await this.timeline.assigned(manager, await this.outbox.publish(manager, complaintAssigned, assigned), assigned, complaint.registrationNumber);
      return {
        action: reassigning ? ComplaintAction.REASSIGNED : ComplaintAction.ASSIGNED,
        changes: { ...changes, automatic: { to: automatic } },
        reason: input.reason?.trim() || null,
      };
    });
  }
}
