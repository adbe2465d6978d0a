import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError, isUuid, NotFoundError } from '@carebridge/domain';
import { followUpCompleted } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { InteractionHistory } from '../interaction/interaction-history';
import { InteractionKind } from '../interaction/interaction.enums';
import { FollowUp } from './follow-up.entity';
import { FollowUpOutcome, FollowUpStatus } from './follow-up.enums';
import type { CancelFollowUpInput, CompleteFollowUpInput } from './follow-up.inputs';

/** What came of a follow-up (T-2.1): completed with outcome, satisfaction and new needs, or cancelled; once either way. */
export class FollowUpCompletion {
  constructor(
    private readonly dataSource: DataSource,
    private readonly history: InteractionHistory,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async complete(input: CompleteFollowUpInput, by: Identity): Promise<FollowUp> {
    if (input.outcome !== FollowUpOutcome.REACHED && input.satisfactionScore != null) {
      throw BadUserInputError.field('input.satisfactionScore', 'reached', 'can only be given when the customer was reached');
    }
    return this.dataSource.transaction(async (manager) => {
      const followUp = await lockedScheduled(manager, input.followUpId);
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
      await this.history.record(manager, {
        customerId: saved.customerId,
        kind: InteractionKind.FOLLOW_UP,
        summary: `Follow-up ${saved.kind.toLowerCase()} done: ${saved.outcome}${satisfaction}${saved.newNeeds ? ', new needs recorded' : ''}`,
        referenceId: saved.id,
        sourceService: 'crm',
        occurredAt: now,
        entryId: eventId,
      });
      return saved;
    });
  }

  async cancel(input: CancelFollowUpInput): Promise<FollowUp> {
    return this.dataSource.transaction(async (manager) => {
      const followUp = await lockedScheduled(manager, input.followUpId);
      followUp.status = FollowUpStatus.CANCELLED;
      followUp.cancelReason = input.reason.trim();
      return manager.save(followUp);
    });
  }
}

async function lockedScheduled(manager: EntityManager, id: string): Promise<FollowUp> {
  const followUp = isUuid(id) ? await manager.findOne(FollowUp, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
  if (!followUp) throw new NotFoundError('FollowUp', id);
  if (followUp.status !== FollowUpStatus.SCHEDULED) {
    throw new ConflictError(`The follow-up is already ${followUp.status}`, { currentStatus: followUp.status, allowedNext: [] });
  }
  return followUp;
}
