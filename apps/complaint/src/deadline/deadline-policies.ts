import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { Urgency } from '../urgency/urgency.enums';
import { DeadlinePolicy } from './deadline-policy.entity';
import type { SetComplaintDeadlinePolicyInput } from './deadline.inputs';

/** The shortest feedback target a policy may set. */
export const MIN_TARGET_MINUTES = 1;

const ORDER = [Urgency.CRITICAL, Urgency.HIGH, Urgency.MEDIUM, Urgency.LOW];

/**
 * The feedback target per urgency. A changed target applies to complaints registered or
 * reopened from then on, and to a complaint whose urgency changes; running deadlines keep theirs.
 */
export class DeadlinePolicies {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly defaultTargetHours: number,
  ) {}

  async list(): Promise<DeadlinePolicy[]> {
    const rows = await this.dataSource.getRepository(DeadlinePolicy).find();
    return ORDER.map((urgency) => this.withTarget(rows.find((r) => r.urgency === urgency) ?? Object.assign(new DeadlinePolicy(), { urgency, feedbackTargetMinutes: null, updatedBy: null, updatedAt: null })));
  }

  async set(input: SetComplaintDeadlinePolicyInput, actor: Identity): Promise<DeadlinePolicy> {
    const minutes = input.feedbackTargetHours == null ? null : Math.round(input.feedbackTargetHours * 60);
    // Targets are kept in whole minutes: one that rounds to none would be no deadline at all.
    if (minutes !== null && minutes < MIN_TARGET_MINUTES) {
      throw BadUserInputError.field('input.feedbackTargetHours', 'min', `must be at least ${MIN_TARGET_MINUTES} minute (${(MIN_TARGET_MINUTES / 60).toFixed(4)} hours)`);
    }
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(DeadlinePolicy)
      .values({ urgency: input.urgency, feedbackTargetMinutes: minutes, updatedBy: actor.userId, updatedAt: this.clock.now() })
      .orUpdate(['feedback_target_minutes', 'updated_by', 'updated_at'], ['urgency'])
      .execute();
    return this.withTarget(await this.dataSource.getRepository(DeadlinePolicy).findOneByOrFail({ urgency: input.urgency }));
  }

  private withTarget(policy: DeadlinePolicy): DeadlinePolicy {
    policy.usesDefault = policy.feedbackTargetMinutes === null;
    policy.feedbackTargetHours = policy.feedbackTargetMinutes === null ? this.defaultTargetHours : policy.feedbackTargetMinutes / 60;
    return policy;
  }
}
