import type { Identity } from '@carebridge/auth';
import { type complaintClosed, type complaintReopened, followUpCompleted, followUpScheduled } from '@carebridge/event-contracts';
import type { Outbox, ReceivedEvent } from '@carebridge/messaging';
import { BadUserInputError, type Clock, ConflictError, type Connection, NotFoundError, paginate, type PageArgs } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { Customer } from '../customer/customer.entity';
import { currentCustomer, type CustomerService, isUuid } from '../customer/customer.service';
import { InteractionKind } from '../interaction/interaction.entity';
import type { InteractionService } from '../interaction/interaction.service';
import type { KeyAccountService } from '../key-account/key-account.service';
import type { CustomerRecords } from '../shared/customer-records';
import { FollowUp, FollowUpKind, FollowUpOutcome, FollowUpPlan, FollowUpReason, FollowUpStatus, type OverdueFollowUps } from './follow-up.entity';
import type { CancelFollowUpInput, CompleteFollowUpInput, CreateFollowUpPlanInput, FollowUpFilter, ScheduleFollowUpInput, StopFollowUpPlanInput } from './follow-up.inputs';

const DAY_MS = 86_400_000;

export interface FollowUpSettings {
  complaintFollowUpDays: number;
  leadDays: number;
}

/**
 * Follow-ups (T-2.1, A-3.4.2): scheduled by hand, by recurring plans for key customers, and after
 * a complaint about the customer is closed; completed with outcome, satisfaction and new needs.
 */
export class FollowUpService implements CustomerRecords {
  readonly section = 'followUps';

  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerService,
    private readonly keyAccounts: KeyAccountService,
    private readonly interactions: InteractionService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly settings: FollowUpSettings,
  ) {}

  async schedule(input: ScheduleFollowUpInput, by: Identity): Promise<FollowUp> {
    if (input.dueAt.getTime() < this.clock.now().getTime() - 5 * 60_000) throw BadUserInputError.field('input.dueAt', 'future', 'must not be in the past');
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.customers.lockedActive(manager, input.customerId, 'input.customerId');
      requireConsent(customer, 'input.customerId');
      const ownerId = input.ownerId?.trim() || (await this.keyAccounts.accountManagerOf(manager, customer.id)) || by.userId;
      return this.create(manager, {
        customerId: customer.id,
        kind: input.kind,
        reason: FollowUpReason.MANUAL,
        dueAt: input.dueAt,
        ownerId,
        purpose: input.purpose?.trim() || null,
        createdBy: by.userId,
      });
    });
  }

  async complete(input: CompleteFollowUpInput, by: Identity): Promise<FollowUp> {
    if (input.outcome !== FollowUpOutcome.REACHED && input.satisfactionScore != null) {
      throw BadUserInputError.field('input.satisfactionScore', 'reached', 'can only be given when the customer was reached');
    }
    return this.dataSource.transaction(async (manager) => {
      const followUp = await this.lockedScheduled(manager, input.followUpId);
      const now = this.clock.now();
      Object.assign(followUp, {
        status: FollowUpStatus.COMPLETED,
        outcome: input.outcome,
        satisfactionScore: input.satisfactionScore ?? null,
        newNeeds: input.newNeeds?.trim() || null,
        notes: input.notes?.trim() || null,
        completedBy: by.userId,
        completedAt: now,
      });
      const saved = await manager.save(followUp);
      const eventId = await this.outbox.publish(manager, followUpCompleted, {
        followUpId: saved.id,
        customerId: saved.customerId,
        completedBy: by.userId,
        completedAt: now.toISOString(),
        outcome: saved.outcome as FollowUpOutcome,
        satisfactionScore: saved.satisfactionScore,
        newNeeds: saved.newNeeds !== null,
      });
      const satisfaction = saved.satisfactionScore !== null ? `, satisfaction ${saved.satisfactionScore}/5` : '';
      await this.interactions.record(manager, {
        customerId: saved.customerId,
        kind: InteractionKind.FOLLOW_UP,
        summary: `Follow-up ${saved.kind.toLowerCase()} done: ${saved.outcome}${satisfaction}${saved.newNeeds ? ', new needs recorded' : ''}`,
        referenceId: saved.id,
        sourceService: 'crm',
        occurredAt: now,
        eventId,
      });
      return saved;
    });
  }

  async cancel(input: CancelFollowUpInput): Promise<FollowUp> {
    return this.dataSource.transaction(async (manager) => {
      const followUp = await this.lockedScheduled(manager, input.followUpId);
      followUp.status = FollowUpStatus.CANCELLED;
      followUp.cancelReason = input.reason.trim();
      return manager.save(followUp);
    });
  }

  async createPlan(input: CreateFollowUpPlanInput, by: Identity): Promise<FollowUpPlan> {
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.customers.lockedActive(manager, input.customerId, 'input.customerId');
      requireConsent(customer, 'input.customerId');
      const plan = await manager.save(
        manager.create(FollowUpPlan, {
          customerId: customer.id,
          kind: input.kind,
          everyDays: input.everyDays,
          ownerId: input.ownerId?.trim() || (await this.keyAccounts.accountManagerOf(manager, customer.id)) || by.userId,
          purpose: input.purpose?.trim() || null,
          nextDueAt: input.firstDueAt,
          active: true,
          createdBy: by.userId,
          createdAt: this.clock.now(),
        }),
      );
      await this.scheduleOccurrence(manager, plan, this.clock.now());
      return plan;
    });
  }

  async stopPlan(input: StopFollowUpPlanInput): Promise<FollowUpPlan> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await manager.findOne(FollowUpPlan, { where: { id: input.planId }, lock: { mode: 'pessimistic_write' } });
      if (!plan) throw new NotFoundError('FollowUpPlan', input.planId);
      if (!plan.active) throw new ConflictError('The follow-up plan is already stopped', { currentStatus: 'STOPPED', allowedNext: [] });
      plan.active = false;
      return manager.save(plan);
    });
  }

  /**
   * complaint.closed → a follow-up call CRM_COMPLAINT_FOLLOW_UP_DAYS after the closing, owned by the
   * customer's key-account manager or else by whoever closed the complaint. Deterministic: the due
   * time comes from the event, and one open follow-up per complaint is enforced by a unique index.
   */
  async scheduleAfterComplaintClosed(event: ReceivedEvent<typeof complaintClosed>, manager: EntityManager): Promise<void> {
    const customer = await currentCustomer(manager, event.data.customerId);
    if (!customer || !customer.followUpConsent) return;
    const open = await manager.existsBy(FollowUp, { complaintId: event.data.complaintId, reason: FollowUpReason.COMPLAINT_CLOSED, status: FollowUpStatus.SCHEDULED });
    if (open) return;
    await this.create(manager, {
      customerId: customer.id,
      kind: FollowUpKind.CALL,
      reason: FollowUpReason.COMPLAINT_CLOSED,
      dueAt: new Date(new Date(event.data.closedAt).getTime() + this.settings.complaintFollowUpDays * DAY_MS),
      ownerId: (await this.keyAccounts.accountManagerOf(manager, customer.id)) ?? event.data.closedBy,
      purpose: `Complaint ${event.data.registrationNumber} was closed: check the customer is satisfied with the outcome`,
      complaintId: event.data.complaintId,
      createdBy: 'crm',
    });
  }

  /** A reopened complaint is not over: its pending follow-up is cancelled (a new one comes with the next closing). */
  async cancelAfterComplaintReopened(event: ReceivedEvent<typeof complaintReopened>, manager: EntityManager): Promise<void> {
    await manager.update(
      FollowUp,
      { complaintId: event.data.complaintId, reason: FollowUpReason.COMPLAINT_CLOSED, status: FollowUpStatus.SCHEDULED },
      { status: FollowUpStatus.CANCELLED, cancelReason: 'the complaint was reopened' },
    );
  }

  /**
   * The recurring-follow-ups job: puts each active plan's next occurrence on its owner's list
   * CRM_FOLLOW_UP_LEAD_DAYS ahead. Idempotent: a plan row is locked and moved on, and one
   * follow-up per plan occurrence is enforced by a unique index.
   */
  async scheduleRecurring(now: Date): Promise<{ scheduled: number }> {
    const horizon = new Date(now.getTime() + this.settings.leadDays * DAY_MS);
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM follow_up_plan WHERE active AND next_due_at <= $1 ORDER BY next_due_at LIMIT 500`,
      [horizon],
    );
    let scheduled = 0;
    for (const { id } of due) {
      scheduled += await this.dataSource.transaction(async (manager) => {
        const plan = await manager.findOne(FollowUpPlan, { where: { id }, lock: { mode: 'pessimistic_write' } });
        return plan?.active ? this.scheduleOccurrence(manager, plan, now) : 0;
      });
    }
    return { scheduled };
  }

  list(filter: FollowUpFilter, page: PageArgs): Promise<Connection<FollowUp>> {
    const query = this.dataSource.getRepository(FollowUp).createQueryBuilder('followUp');
    if (filter.ownerId) query.andWhere('followUp.ownerId = :ownerId', { ownerId: filter.ownerId });
    if (filter.customerId) query.andWhere('followUp.customerId = :customerId', { customerId: filter.customerId });
    if (filter.status?.length) query.andWhere('followUp.status IN (:...status)', { status: filter.status });
    if (filter.overdue) {
      query.andWhere('followUp.status = :scheduled AND followUp.dueAt < :now', { scheduled: FollowUpStatus.SCHEDULED, now: this.clock.now() });
    }
    return paginate(query, page, { sortKey: 'dueAt', direction: 'ASC' });
  }

  /** Overdue follow-ups per owner, the most overdue owners first. */
  async overdueByOwner(): Promise<OverdueFollowUps[]> {
    const rows: { owner_id: string | null; overdue: number; oldest_due_at: Date }[] = await this.dataSource.query(
      `SELECT owner_id, count(*)::int AS overdue, min(due_at) AS oldest_due_at FROM follow_up
       WHERE status = 'SCHEDULED' AND due_at < $1 GROUP BY owner_id ORDER BY min(due_at), owner_id`,
      [this.clock.now()],
    );
    return rows.map((r) => ({ ownerId: r.owner_id, overdue: r.overdue, oldestDueAt: r.oldest_due_at }));
  }

  plansOf(customerId: string): Promise<FollowUpPlan[]> {
    return this.dataSource.getRepository(FollowUpPlan).find({ where: { customerId }, order: { createdAt: 'ASC' } });
  }

  async moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    const [, followUps] = await manager.query(`UPDATE follow_up SET customer_id = $2 WHERE customer_id = $1`, [fromId, toId]);
    const [, plans] = await manager.query(`UPDATE follow_up_plan SET customer_id = $2 WHERE customer_id = $1`, [fromId, toId]);
    return followUps + plans;
  }

  async exportFor(manager: EntityManager, customerId: string): Promise<unknown> {
    return {
      followUps: await manager.find(FollowUp, { where: { customerId }, order: { dueAt: 'ASC' } }),
      plans: await manager.find(FollowUpPlan, { where: { customerId }, order: { createdAt: 'ASC' } }),
    };
  }

  /** Free text about the customer goes; open follow-ups are cancelled and plans stopped. Outcomes stay for statistics. */
  async erase(manager: EntityManager, customerId: string): Promise<void> {
    await manager.query(
      `UPDATE follow_up SET purpose = NULL, notes = NULL, new_needs = NULL,
         status = CASE WHEN status = 'SCHEDULED' THEN 'CANCELLED'::follow_up_status ELSE status END,
         cancel_reason = CASE WHEN status = 'SCHEDULED' THEN 'the customer was erased' ELSE cancel_reason END
       WHERE customer_id = $1`,
      [customerId],
    );
    await manager.query(`UPDATE follow_up_plan SET active = false, purpose = NULL WHERE customer_id = $1`, [customerId]);
  }

  /** Schedules the plan's current occurrence (skipping periods missed entirely) and moves the plan on. */
  private async scheduleOccurrence(manager: EntityManager, plan: FollowUpPlan, now: Date): Promise<number> {
    const horizon = now.getTime() + this.settings.leadDays * DAY_MS;
    if (plan.nextDueAt.getTime() > horizon) return 0;
    const every = plan.everyDays * DAY_MS;
    let due = plan.nextDueAt.getTime();
    while (due + every <= now.getTime()) due += every;
    plan.nextDueAt = new Date(due + every);
    await manager.save(plan);
    const customer = await currentCustomer(manager, plan.customerId);
    if (!customer || !customer.followUpConsent) return 0;
    const exists = await manager.existsBy(FollowUp, { planId: plan.id, dueAt: new Date(due) });
    if (exists) return 0;
    await this.create(manager, {
      customerId: customer.id,
      kind: plan.kind,
      reason: FollowUpReason.RECURRING,
      dueAt: new Date(due),
      ownerId: plan.ownerId,
      purpose: plan.purpose,
      planId: plan.id,
      createdBy: 'crm',
    });
    return 1;
  }

  private async create(
    manager: EntityManager,
    fields: Pick<FollowUp, 'customerId' | 'kind' | 'reason' | 'dueAt' | 'ownerId' | 'purpose' | 'createdBy'> & Partial<Pick<FollowUp, 'complaintId' | 'planId'>>,
  ): Promise<FollowUp> {
    const now = this.clock.now();
    const followUp = await manager.save(
      manager.create(FollowUp, { ...fields, complaintId: fields.complaintId ?? null, planId: fields.planId ?? null, status: FollowUpStatus.SCHEDULED, createdAt: now }),
    );
    const eventId = await this.outbox.publish(manager, followUpScheduled, {
      followUpId: followUp.id,
      customerId: followUp.customerId,
      kind: followUp.kind,
      dueAt: followUp.dueAt.toISOString(),
      ownerId: followUp.ownerId,
      reason: followUp.reason,
      complaintId: followUp.complaintId,
    });
    await this.interactions.record(manager, {
      customerId: followUp.customerId,
      kind: InteractionKind.FOLLOW_UP,
      summary: `Follow-up ${followUp.kind.toLowerCase()} scheduled for ${followUp.dueAt.toISOString().slice(0, 10)} (${followUp.reason})`,
      referenceId: followUp.id,
      sourceService: 'crm',
      occurredAt: now,
      eventId,
    });
    return followUp;
  }

  private async lockedScheduled(manager: EntityManager, id: string): Promise<FollowUp> {
    const followUp = isUuid(id) ? await manager.findOne(FollowUp, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!followUp) throw new NotFoundError('FollowUp', id);
    if (followUp.status !== FollowUpStatus.SCHEDULED) {
      throw new ConflictError(`The follow-up is already ${followUp.status}`, { currentStatus: followUp.status, allowedNext: [] });
    }
    return followUp;
  }
}

function requireConsent(customer: Customer, field: string): void {
  if (!customer.followUpConsent) throw BadUserInputError.field(field, 'consent', 'belongs to a customer who has not agreed to follow-up calls or visits');
}
