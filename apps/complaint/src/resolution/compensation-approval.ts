import { hasAnyRole, type Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError, ForbiddenError, isUuid, NotFoundError } from '@carebridge/domain';
import type { DataSource } from 'typeorm';
import { NEXT_STATUSES, STEPS } from '../complaint/complaint-lifecycle';
import type { ComplaintSteps } from '../complaint/complaint-steps';
import { ComplaintAction } from '../history/complaint-history.enums';
import { CompensationItem } from './compensation-item.entity';
import { compensationSummary } from './compensation-summary';
import { ApprovalState } from './compensation.enums';
import type { DecideCompensationInput } from './compensation.inputs';

/** Roles that may approve compensation above the threshold (admin passes every check). */
export const APPROVER_ROLES = ['supervisor'] as const;

/** A supervisor's approval or rejection of compensation above the approval threshold (T-1.5). */
export class CompensationApproval {
  constructor(
    private readonly dataSource: DataSource,
    private readonly steps: ComplaintSteps,
  ) {}

  /** A supervisor (or admin) approves or rejects an item; nobody approves what they proposed. */
  async decide(input: DecideCompensationInput, actor: Identity): Promise<CompensationItem> {
    if (!hasAnyRole(actor, APPROVER_ROLES)) throw new ForbiddenError('Compensation above the approval threshold is approved by a supervisor');
    if (!input.approve && !input.note?.trim()) throw BadUserInputError.field('input.note', 'required', 'must say why the item is rejected');
    const item = isUuid(input.itemId) ? await this.dataSource.getRepository(CompensationItem).findOneBy({ id: input.itemId }) : null;
    if (!item) throw new NotFoundError('CompensationItem', input.itemId);
    let decided = item;
    await this.steps.take({ complaintId: item.complaintId }, STEPS.decideCompensation, actor, async (complaint, manager, now) => {
      const current = await manager.findOneByOrFail(CompensationItem, { id: item.id });
      if (current.approval !== ApprovalState.PENDING || current.withdrawnAt) {
        throw new ConflictError(`Compensation item ${current.id} is not awaiting approval (it is ${current.withdrawnAt ? 'WITHDRAWN' : current.approval})`, {
          currentStatus: complaint.status,
          allowedNext: NEXT_STATUSES[complaint.status],
          approval: current.approval,
        });
      }
      if (current.proposedBy === actor.userId) throw new ForbiddenError('Compensation is approved by someone other than who proposed it');
      Object.assign(current, {
        approval: input.approve ? ApprovalState.APPROVED : ApprovalState.REJECTED,
        decidedBy: actor.userId,
        decidedByName: actor.name ?? null,
        decidedAt: now,
        decisionNote: input.note?.trim() || null,
      });
      decided = await manager.save(current);
      return {
        action: input.approve ? ComplaintAction.COMPENSATION_APPROVED : ComplaintAction.COMPENSATION_REJECTED,
        changes: { item: { to: compensationSummary(current) }, approval: { from: ApprovalState.PENDING, to: current.approval } },
        reason: current.decisionNote,
      };
    });
    return decided;
  }
}
