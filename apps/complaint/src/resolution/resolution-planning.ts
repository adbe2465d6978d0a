import type { Identity } from '@carebridge/auth';
import { BadUserInputError, type FieldProblem } from '@carebridge/domain';
import { compensationApprovalRequested } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import { IsNull, Not } from 'typeorm';
import type { KeyAccountTermsBook } from '@carebridge/known-customers';
import { STEPS } from '../complaint/complaint-lifecycle';
import { preApprovingRule, ruleInWords } from '../key-account/agreed-compensation';
import type { ComplaintSteps } from '../complaint/complaint-steps';
import type { Complaint } from '../complaint/complaint.entity';
import { ComplaintAction } from '../history/complaint-history.enums';
import { CompensationItem } from './compensation-item.entity';
import { compensationSummary } from './compensation-summary';
import { type CompensationValuation, fromCents, isCurrency, toCents } from './compensation-valuation';
import { ApprovalState, CompensationKind } from './compensation.enums';
import type { CompensationItemInput, PlanComplaintResolutionInput } from './compensation.inputs';

/**
 * Planning a complaint's resolution (T-3.3, T-1.5): the explanation for the customer and the
 * compensation proposed, each item marked for a supervisor's approval where it needs one.
 */
export class ResolutionPlanning {
  constructor(
    private readonly steps: ComplaintSteps,
    private readonly valuation: CompensationValuation,
    private readonly outbox: Outbox,
    private readonly memberTerms?: KeyAccountTermsBook,
  ) {}

  /**
   * Sets the explanation and replaces the items not yet granted. An item needs approval when it is
   * worth more than the threshold, cannot be valued, or brings the complaint's compensation over
   * the threshold (so splitting a large refund into small ones does not avoid the approval) —
   * unless the customer's key account agreed it in advance (a pre-approved rule covering it): then
   * it is approved by those terms, and does not count towards the threshold.
   */
  async planResolution(input: PlanComplaintResolutionInput, actor: Identity): Promise<Complaint> {
    const items = input.compensation ?? [];
    const problems = items.flatMap((item, i) => itemProblems(item, `input.compensation.${i}`));
    if (problems.length) throw new BadUserInputError(problems);
    return this.steps.take(input, STEPS.planResolution, actor, async (complaint, manager, now) => {
      const withdrawn = await manager.update(
        CompensationItem,
        { complaintId: complaint.id, grantedAt: IsNull(), withdrawnAt: IsNull() },
        { withdrawnAt: now },
      );
      const granted = await manager.find(CompensationItem, { where: { complaintId: complaint.id, grantedAt: Not(IsNull()) } });
      let total = granted.reduce((sum, g) => sum + (g.assessedValue === null ? 0 : toCents(g.assessedValue)), 0);
      const created: Partial<CompensationItem>[] = [];
      const agreed = (await this.memberTerms?.compensationRules(manager, complaint.customerId, now)) ?? [];
      for (const [position, item] of items.entries()) {
        const value = this.valuation.valueInCents({ kind: item.kind, amount: item.amount ?? null, currency: item.currency ?? null, quantity: item.quantity ?? null });
        const proposed = { kind: item.kind, amount: item.amount ?? null, currency: item.currency ?? null, quantity: item.quantity ?? null };
        const rule = preApprovingRule(agreed, complaint.category, proposed);
        if (!rule) total += value ?? 0;
        const needsApproval = !rule && (value === null || value > this.valuation.thresholdCents || total > this.valuation.thresholdCents);
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
          approval: rule ? ApprovalState.APPROVED : needsApproval ? ApprovalState.PENDING : ApprovalState.NOT_REQUIRED,
          ...(rule ? { decidedAt: now, decisionNote: ruleInWords(rule) } : {}),
          proposedBy: actor.userId,
          proposedAt: now,
        });
      }
      if (created.length) await manager.insert(CompensationItem, created);
      const pending = created.filter((c) => c.approval === ApprovalState.PENDING);
      // A supervisor is told that an approval waits (the communication service's notification inbox).
      if (pending.length) {
        await this.outbox.publish(manager, compensationApprovalRequested, {
          complaintId: complaint.id,
          registrationNumber: complaint.registrationNumber,
          customerId: complaint.customerId,
          itemIds: pending.map((c) => c.id as string),
          proposedBy: actor.userId,
          requestedAt: now.toISOString(),
        });
      }
      const before = { resolutionExplanation: complaint.resolutionExplanation, rootCause: complaint.rootCause };
      complaint.resolutionExplanation = input.explanation.trim();
      if (input.rootCause != null) complaint.rootCause = input.rootCause;
      return {
        action: ComplaintAction.RESOLUTION_PLANNED,
        changes: {
          ...(before.rootCause !== complaint.rootCause ? { rootCause: { from: before.rootCause, to: complaint.rootCause } } : {}),
          explanation: { to: before.resolutionExplanation ? 'changed' : 'set' },
          compensation: { to: created.map(compensationSummary) },
          ...(withdrawn.affected ? { withdrawnItems: { to: withdrawn.affected } } : {}),
          pendingApproval: { to: created.filter((c) => c.approval === ApprovalState.PENDING).length },
          ...(created.some((c) => c.decisionNote) ? { approvedByAgreedTerms: { to: created.filter((c) => c.decisionNote).length } } : {}),
        },
      };
    });
  }
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
