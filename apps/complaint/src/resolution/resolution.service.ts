import { type Identity, hasAnyRole } from '@carebridge/auth';
import { complaintResolved } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import { BadUserInputError, type Clock, ConflictError, ForbiddenError, NotFoundError, type FieldProblem } from '@carebridge/service-kit';
import { type DataSource, In, IsNull, Not } from 'typeorm';
import { NEXT_STATUSES, STEPS } from '../complaint/complaint-lifecycle';
import type { Complaint } from '../complaint/complaint.entity';
import type { ResolveComplaintInput } from '../complaint/complaint.inputs';
import { type ComplaintService, isUuid } from '../complaint/complaint.service';
import { ComplaintAction } from '../history/complaint-history.entity';
import type { ComplaintHistory } from '../history/complaint-history';
import { ApprovalState, CompensationItem, CompensationKind } from './compensation-item.entity';
import { type CompensationValuation, fromCents, isCurrency, toCents } from './compensation-valuation';
import type { CompensationItemInput, DecideCompensationInput, PlanComplaintResolutionInput } from './compensation.inputs';

/** Roles that may approve compensation above the threshold (admin passes every check). */
export const APPROVER_ROLES = ['supervisor'] as const;

/**
 * The resolution of a complaint (T-3.3, T-1.5): a plan with an explanation for the customer and
 * compensation items, a supervisor's approval for items above the threshold, and resolving, which
 * grants the approved items once and publishes them for crm to credit.
 */
export class ResolutionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintService,
    private readonly history: ComplaintHistory,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly valuation: CompensationValuation,
  ) {}

  /**
   * Sets the explanation and replaces the items not yet granted. An item needs approval when it is
   * worth more than the threshold, cannot be valued, or brings the complaint's compensation over
   * the threshold (so splitting a large refund into small ones does not avoid the approval).
   */
  async planResolution(input: PlanComplaintResolutionInput, actor: Identity): Promise<Complaint> {
    const items = input.compensation ?? [];
    const problems = items.flatMap((item, i) => itemProblems(item, `input.compensation.${i}`));
    if (problems.length) throw new BadUserInputError(problems);
    return this.complaints.act(input, STEPS.planResolution, actor, async (complaint, manager, now) => {
      const withdrawn = await manager.update(
        CompensationItem,
        { complaintId: complaint.id, grantedAt: IsNull(), withdrawnAt: IsNull() },
        { withdrawnAt: now },
      );
      const granted = await manager.find(CompensationItem, { where: { complaintId: complaint.id, grantedAt: Not(IsNull()) } });
      let total = granted.reduce((sum, g) => sum + (g.assessedValue === null ? 0 : toCents(g.assessedValue)), 0);
      const created: Partial<CompensationItem>[] = [];
      for (const [position, item] of items.entries()) {
        const value = this.valuation.valueInCents({ kind: item.kind, amount: item.amount ?? null, currency: item.currency ?? null, quantity: item.quantity ?? null });
        total += value ?? 0;
        const needsApproval = value === null || value > this.valuation.thresholdCents || total > this.valuation.thresholdCents;
        created.push({
          complaintId: complaint.id,
          position,
          kind: item.kind,
          amount: item.amount != null ? fromCents(toCents(item.amount)) : null,
          currency: item.currency ?? null,
          quantity: item.quantity ?? null,
          description: item.description?.trim() || null,
          reason: item.reason.trim(),
          assessedValue: value === null ? null : fromCents(value),
          approval: needsApproval ? ApprovalState.PENDING : ApprovalState.NOT_REQUIRED,
          proposedBy: actor.userId,
          proposedAt: now,
        });
      }
      if (created.length) await manager.insert(CompensationItem, created);
      const before = { resolutionExplanation: complaint.resolutionExplanation, rootCause: complaint.rootCause };
      complaint.resolutionExplanation = input.explanation.trim();
      if (input.rootCause != null) complaint.rootCause = input.rootCause;
      return {
        action: ComplaintAction.RESOLUTION_PLANNED,
        changes: {
          ...(before.rootCause !== complaint.rootCause ? { rootCause: { from: before.rootCause, to: complaint.rootCause } } : {}),
          explanation: { to: before.resolutionExplanation ? 'changed' : 'set' },
          compensation: { to: created.map(summary) },
          ...(withdrawn.affected ? { withdrawnItems: { to: withdrawn.affected } } : {}),
          pendingApproval: { to: created.filter((c) => c.approval === ApprovalState.PENDING).length },
        },
      };
    });
  }

  /** A supervisor (or admin) approves or rejects an item; nobody approves what they proposed. */
  async decide(input: DecideCompensationInput, actor: Identity): Promise<CompensationItem> {
    if (!hasAnyRole(actor, APPROVER_ROLES)) throw new ForbiddenError('Compensation above the approval threshold is approved by a supervisor');
    if (!input.approve && !input.note?.trim()) throw BadUserInputError.field('input.note', 'required', 'must say why the item is rejected');
    const item = isUuid(input.itemId) ? await this.dataSource.getRepository(CompensationItem).findOneBy({ id: input.itemId }) : null;
    if (!item) throw new NotFoundError('CompensationItem', input.itemId);
    let decided = item;
    await this.complaints.act({ complaintId: item.complaintId }, STEPS.decideCompensation, actor, async (complaint, manager, now) => {
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
        changes: { item: { to: summary(current) }, approval: { from: ApprovalState.PENDING, to: current.approval } },
        reason: current.decisionNote,
      };
    });
    return decided;
  }

  /** Resolves with the plan: every item decided, the approved ones granted (once) and published. */
  async resolve(input: ResolveComplaintInput, actor: Identity): Promise<Complaint> {
    return this.complaints.act(input, STEPS.resolve, actor, async (complaint, manager, now) => {
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
      await this.outbox.publish(manager, complaintResolved, {
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
      });
      return {
        action: ComplaintAction.RESOLVED,
        changes: { granted: { to: granted.map(summary) }, ...(responds ? { dotRespondedAt: { to: now.toISOString() } } : {}) },
      };
    });
  }

  compensationOf(complaintId: string): Promise<CompensationItem[]> {
    return this.dataSource.getRepository(CompensationItem).find({ where: { complaintId }, order: { proposedAt: 'ASC', position: 'ASC' } });
  }
}

/** A compensation item without its free text, for the timeline. */
function summary(item: Partial<CompensationItem>) {
  return { kind: item.kind, amount: item.amount ?? null, currency: item.currency ?? null, quantity: item.quantity ?? null };
}

/** What each kind of compensation needs (checked before anything is written). */
function itemProblems(item: CompensationItemInput, path: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const money = item.kind === CompensationKind.REFUND || item.kind === CompensationKind.VOUCHER;
  const counted = item.kind === CompensationKind.LOYALTY_POINTS || item.kind === CompensationKind.MILES;
  if (money && item.amount == null) problems.push({ field: `${path}.amount`, rule: 'required', message: `must be given for a ${item.kind.toLowerCase()}` });
  if (money && item.currency == null) problems.push({ field: `${path}.currency`, rule: 'required', message: `must be given for a ${item.kind.toLowerCase()}` });
  if (item.amount != null && toCents(item.amount) <= 0) problems.push({ field: `${path}.amount`, rule: 'positive', message: 'must be greater than 0' });
  if (item.currency != null && !isCurrency(item.currency)) problems.push({ field: `${path}.currency`, rule: 'currency', message: 'must be an ISO 4217 currency code such as EUR' });
  if (item.kind === CompensationKind.SERVICE_GESTURE && (item.amount == null) !== (item.currency == null)) {
    problems.push({ field: `${path}.currency`, rule: 'pair', message: 'must come with an amount (and an amount with a currency)' });
  }
  if (counted && item.quantity == null) problems.push({ field: `${path}.quantity`, rule: 'required', message: `must be given for ${item.kind === CompensationKind.MILES ? 'miles' : 'loyalty points'}` });
  if (counted && (item.amount != null || item.currency != null)) problems.push({ field: `${path}.amount`, rule: 'none', message: 'must be left out: points and miles are a quantity' });
  if (!counted && item.quantity != null) problems.push({ field: `${path}.quantity`, rule: 'none', message: 'must be left out: only points and miles have a quantity' });
  if (item.kind === CompensationKind.SERVICE_GESTURE && !item.description?.trim()) {
    problems.push({ field: `${path}.description`, rule: 'required', message: 'must say what the service gesture is' });
  }
  return problems;
}
