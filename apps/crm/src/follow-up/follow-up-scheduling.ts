import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import { followUpScheduled } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { CustomerProfiles } from '../customer/customer-profiles';
import type { Customer } from '../customer/customer.entity';
import type { InteractionHistory } from '../interaction/interaction-history';
import { InteractionKind } from '../interaction/interaction.enums';
import { accountManagerOf } from '../key-account/key-account-lookups';
import { FollowUp } from './follow-up.entity';
import { FollowUpReason, FollowUpStatus } from './follow-up.enums';
import type { ScheduleFollowUpInput } from './follow-up.inputs';

/** What a new follow-up is given; the rest starts empty. */
export type NewFollowUp = Pick<FollowUp, 'customerId' | 'kind' | 'reason' | 'dueAt' | 'ownerId' | 'purpose' | 'createdBy'> & Partial<Pick<FollowUp, 'complaintId' | 'planId' | 'careContactId'>>;

/**
 * Putting a follow-up on someone's list (T-2.1, A-3.4.2): by hand, and for recurring plans and
 * closed complaints. Every follow-up is announced (followup.scheduled) and goes into the
 * customer's history with its creation.
 */
export class FollowUpScheduling {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: CustomerProfiles,
    private readonly history: InteractionHistory,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async schedule(input: ScheduleFollowUpInput, by: Identity): Promise<FollowUp> {
    if (input.dueAt.getTime() < this.clock.now().getTime() - 5 * 60_000) throw BadUserInputError.field('input.dueAt', 'future', 'must not be in the past');
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.profiles.lockedActive(manager, input.customerId, 'input.customerId');
      requireConsent(customer, 'input.customerId');
      const ownerId = input.ownerId?.trim() || (await accountManagerOf(manager, customer.id)) || by.userId;
      return this.scheduleIn(manager, {
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

  /** Schedules a follow-up in the caller's transaction. */
  async scheduleIn(manager: EntityManager, fields: NewFollowUp): Promise<FollowUp> {
    const now = this.clock.now();
    const followUp = await manager.save(
      manager.create(FollowUp, { ...fields, complaintId: fields.complaintId ?? null, planId: fields.planId ?? null, careContactId: fields.careContactId ?? null, status: FollowUpStatus.SCHEDULED, createdAt: now }),
    );
    const eventId = await this.outbox.publish(manager, followUpScheduled, {
      followUpId: followUp.id,
      customerId: followUp.customerId,
      kind: followUp.kind,
      dueAt: followUp.dueAt.toISOString(),
      ownerId: followUp.ownerId,
      reason: followUp.reason,
      complaintId: followUp.complaintId,
      careContactId: followUp.careContactId,
    });
    await this.history.record(manager, {
      customerId: followUp.customerId,
      kind: InteractionKind.FOLLOW_UP,
      summary: `Follow-up ${followUp.kind.toLowerCase()} scheduled for ${followUp.dueAt.toISOString().slice(0, 10)} (${followUp.reason})`,
      referenceId: followUp.id,
      sourceService: 'crm',
      occurredAt: now,
      entryId: eventId,
    });
    return followUp;
  }
}

/** Follow-ups only for customers who agreed to them. */
export function requireConsent(customer: Customer, field: string): void {
  if (!customer.followUpConsent) throw BadUserInputError.field(field, 'consent', 'belongs to a customer who has not agreed to follow-up calls or visits');
}
