import type { Identity } from '@carebridge/auth';
import { complaintResolved } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import { ConflictError } from '@carebridge/domain';
import { In, IsNull } from 'typeorm';
import { NEXT_STATUSES, STEPS } from '../complaint/complaint-lifecycle';
import type { ComplaintSteps } from '../complaint/complaint-steps';
import type { Complaint } from '../complaint/complaint.entity';
import type { ResolveComplaintInput } from '../complaint/complaint.inputs';
import type { CustomerTimeline } from '../complaint/customer-timeline';
import { ComplaintAction } from '../history/complaint-history.enums';
import { CompensationItem } from './compensation-item.entity';
import { compensationSummary } from './compensation-summary';
import { ApprovalState } from './compensation.enums';

/**
 * Resolving a complaint with its plan (T-3.3, T-1.5): every item decided, the approved ones granted
 * once and published for crm to credit; it meets the DOT response deadline.
 */
export class ComplaintResolution {
  constructor(
    private readonly steps: ComplaintSteps,
    private readonly outbox: Outbox,
    private readonly timeline: CustomerTimeline,
  ) {}

  resolve(input: ResolveComplaintInput, actor: Identity): Promise<Complaint> {
    return this.steps.take(input, STEPS.resolve, actor, async (complaint, manager, now) => {
      if (!complaint.resolutionExplanation) {
        throw new ConflictError(`Complaint ${complaint.registrationNumber} has no resolution plan yet: plan the resolution first`, {
          currentStatus: complaint.status,
          allowedNext: NEXT_STATUSES[complaint.status],
        });
      }
      const open = await manager.find(CompensationItem, { where: { complaintId: complaint.id, grantedAt: IsNull(), withdrawnAt: IsNull() }, order: { proposedAt: 'ASC', position: 'ASC' } });
      const pending = open.filter((i) => i.approval === ApprovalState.PENDING);
      if (pending.length) {
        throw new ConflictError(`Complaint ${complaint.registrationNumber} has ${pending.length} compensation item(s) awaiting a supervisor's approval`, {
          currentStatus: complaint.status,
          allowedNext: NEXT_STATUSES[complaint.status],
          pendingItems: pending.map((i) => i.id),
        });
      }
      const granted = open.filter((i) => i.approval === ApprovalState.APPROVED || i.approval === ApprovalState.NOT_REQUIRED);
      if (granted.length) await manager.update(CompensationItem, { id: In(granted.map((i) => i.id)) }, { grantedAt: now });
      complaint.resolvedAt = now;
      complaint.resolvedBy = actor.userId;
      const responds = complaint.dotResponseDueAt !== null && complaint.dotRespondedAt === null;
      if (responds) complaint.dotRespondedAt = now;
      const resolved = {
        complaintId: complaint.id,
        registrationNumber: complaint.registrationNumber,
        customerId: complaint.customerId,
        resolvedBy: actor.userId,
        resolvedAt: now.toISOString(),
        rootCause: complaint.rootCause,
        compensation: granted.map((i) => ({
          itemId: i.id,
          kind: i.kind,
          amount: i.amount,
          currency: i.currency,
          quantity: i.quantity,
          description: i.description,
          reason: i.reason,
        })),
      };
      await this.timeline.resolved(manager, await this.outbox.publish(manager, complaintResolved, resolved), resolved);
      return {
        action: ComplaintAction.RESOLVED,
        changes: { granted: { to: granted.map(compensationSummary) }, ...(responds ? { dotRespondedAt: { to: now.toISOString() } } : {}) },
      };
    });
  }
}
