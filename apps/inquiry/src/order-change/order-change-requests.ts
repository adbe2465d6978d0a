import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import { orderChangeRequested } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import type { CustomerTimeline } from '../inquiry/customer-timeline';
import { recordHistory } from '../inquiry/inquiry-history';
import { ensureStepAllowed, STEPS } from '../inquiry/inquiry-lifecycle';
import { lockInquiry } from '../inquiry/inquiry-lock';
import { InquiryHistoryKind } from '../inquiry/inquiry.enums';
import { OrderChange } from './order-change.entity';
import { OrderChangeKind, OrderChangeStatus } from './order-change.enums';
import type { RequestOrderChangeInput } from './order-change.inputs';

/** What a request of each kind asks for when the agent writes nothing. */
const DEFAULT_CHANGES: Record<OrderChangeKind, string> = {
  [OrderChangeKind.MODIFY]: '',
  [OrderChangeKind.CANCEL]: 'Cancel the booking',
  [OrderChangeKind.CONFIRM]: 'Confirm the booking',
};

/** A change, cancellation or confirmation of a booking, requested on an inquiry (T-1.2). */
export class OrderChangeRequests {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly timeline: CustomerTimeline,
    private readonly clock: Clock,
  ) {}

  async request(input: RequestOrderChangeInput, by: Identity): Promise<OrderChange> {
    const requestedChanges = input.requestedChanges?.trim() || DEFAULT_CHANGES[input.kind];
    if (!requestedChanges) throw BadUserInputError.field('input.requestedChanges', 'required', 'must say what to change for a MODIFY request');
    const bookingReference = input.bookingReference.trim().toUpperCase();
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await lockInquiry(manager, input.inquiryId);
      ensureStepAllowed(inquiry, STEPS.requestOrderChange);
      const now = this.clock.now();
      const change = await manager.save(
        manager.create(OrderChange, {
          inquiryId: inquiry.id,
          customerId: inquiry.customerId,
          bookingReference,
          kind: input.kind,
          requestedChanges,
          status: OrderChangeStatus.REQUESTED,
          requestedBy: by.userId,
          requestedAt: now,
        }),
      );
      const requested = {
        orderChangeId: change.id,
        inquiryId: inquiry.id,
        customerId: inquiry.customerId,
        bookingReference,
        kind: change.kind,
        requestedBy: by.userId,
        requestedAt: now.toISOString(),
      };
      await this.timeline.orderChangeRequested(manager, await this.outbox.publish(manager, orderChangeRequested, requested), requested);
      await recordHistory(manager, inquiry.id, InquiryHistoryKind.ORDER_CHANGE_REQUESTED, `${change.kind} of booking ${bookingReference} requested`, by.userId, now);
      return change;
    });
  }
}
