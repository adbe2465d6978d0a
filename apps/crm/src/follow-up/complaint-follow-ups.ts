import type { complaintClosed, complaintReopened, EventData } from '@carebridge/event-contracts';
import type { EntityManager } from 'typeorm';
import { currentCustomer } from '../customer/customer-profiles';
import { accountManagerOf } from '../key-account/key-account-lookups';
import { FollowUp } from './follow-up.entity';
import { FollowUpKind, FollowUpReason, FollowUpStatus } from './follow-up.enums';
import type { FollowUpScheduling } from './follow-up-scheduling';

const DAY_MS = 86_400_000;

/** A closed complaint gets a follow-up call to check the customer is satisfied; a reopened one loses it. */
export class ComplaintFollowUps {
  constructor(
    private readonly scheduling: FollowUpScheduling,
    private readonly complaintFollowUpDays: number,
  ) {}

  /**
   * A follow-up call CRM_COMPLAINT_FOLLOW_UP_DAYS after the closing, owned by the customer's
   * key-account manager or else by whoever closed the complaint. Deterministic: the due time comes
   * from the event, and one open follow-up per complaint is enforced by a unique index.
   */
  async afterClosing(closing: EventData<typeof complaintClosed>, manager: EntityManager): Promise<void> {
    const customer = await currentCustomer(manager, closing.customerId);
    if (!customer || !customer.followUpConsent) return;
    const open = await manager.existsBy(FollowUp, { complaintId: closing.complaintId, reason: FollowUpReason.COMPLAINT_CLOSED, status: FollowUpStatus.SCHEDULED });
    if (open) return;
    await this.scheduling.scheduleIn(manager, {
      customerId: customer.id,
      kind: FollowUpKind.CALL,
      reason: FollowUpReason.COMPLAINT_CLOSED,
      dueAt: new Date(new Date(closing.closedAt).getTime() + this.complaintFollowUpDays * DAY_MS),
      ownerId: (await accountManagerOf(manager, customer.id)) ?? closing.closedBy,
      purpose: `Complaint ${closing.registrationNumber} was closed: check the customer is satisfied with the outcome`,
      complaintId: closing.complaintId,
      createdBy: 'crm',
    });
  }

  /** A reopened complaint is not over: its pending follow-up is cancelled (a new one comes with the next closing). */
  async afterReopening(reopening: EventData<typeof complaintReopened>, manager: EntityManager): Promise<void> {
    await manager.update(
      FollowUp,
      { complaintId: reopening.complaintId, reason: FollowUpReason.COMPLAINT_CLOSED, status: FollowUpStatus.SCHEDULED },
      { status: FollowUpStatus.CANCELLED, cancelReason: 'the complaint was reopened' },
    );
  }
}
