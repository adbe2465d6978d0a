import type { Identity } from '@carebridge/auth';
import { ConflictError, NotFoundError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { type CustomerProfiles, currentCustomer } from '../customer/customer-profiles';
import { accountManagerOf } from '../key-account/key-account-lookups';
import { FollowUp, FollowUpPlan } from './follow-up.entity';
import { FollowUpReason } from './follow-up.enums';
import type { CreateFollowUpPlanInput, StopFollowUpPlanInput } from './follow-up.inputs';
import { type FollowUpScheduling, requireConsent } from './follow-up-scheduling';

const DAY_MS = 86_400_000;

/**
 * Recurring follow-ups for key customers: every N days, each occurrence put on its
 * owner's list CRM_FOLLOW_UP_LEAD_DAYS ahead.
 */
export class FollowUpPlans {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: CustomerProfiles,
    private readonly scheduling: FollowUpScheduling,
    private readonly clock: Clock,
    private readonly leadDays: number,
  ) {}

  async create(input: CreateFollowUpPlanInput, by: Identity): Promise<FollowUpPlan> {
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.profiles.lockedActive(manager, input.customerId, 'input.customerId');
      requireConsent(customer, 'input.customerId');
      const plan = await manager.save(
        manager.create(FollowUpPlan, {
          customerId: customer.id,
          kind: input.kind,
          everyDays: input.everyDays,
          ownerId: input.ownerId?.trim() || (await accountManagerOf(manager, customer.id)) || by.userId,
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

  async stop(input: StopFollowUpPlanInput): Promise<FollowUpPlan> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await manager.findOne(FollowUpPlan, { where: { id: input.planId }, lock: { mode: 'pessimistic_write' } });
      if (!plan) throw new NotFoundError('FollowUpPlan', input.planId);
      if (!plan.active) throw new ConflictError('The follow-up plan is already stopped', { currentStatus: 'STOPPED', allowedNext: [] });
      plan.active = false;
      return manager.save(plan);
    });
  }

  /**
   * The recurring-follow-ups job: puts each active plan's next occurrence on its owner's list
   * CRM_FOLLOW_UP_LEAD_DAYS ahead. Idempotent: a plan row is locked and moved on, and one
   * follow-up per plan occurrence is enforced by a unique index.
   */
  async scheduleRecurring(now: Date): Promise<{ scheduled: number }> {
    const horizon = new Date(now.getTime() + this.leadDays * DAY_MS);
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

  /** Schedules the plan's current occurrence (skipping periods missed entirely) and moves the plan on. */
  private async scheduleOccurrence(manager: EntityManager, plan: FollowUpPlan, now: Date): Promise<number> {
    const horizon = now.getTime() + this.leadDays * DAY_MS;
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
    await this.scheduling.scheduleIn(manager, {
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
}
