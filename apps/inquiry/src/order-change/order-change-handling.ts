import type { Identity } from '@carebridge/auth';
import { BadUserInputError, NotFoundError } from '@carebridge/domain';
import { orderChangeCompleted } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { CustomerTimeline } from '../inquiry/customer-timeline';
import { recordHistory } from '../inquiry/inquiry-history';
import { InquiryHistoryKind } from '../inquiry/inquiry.enums';
import { ensureOrderChangeMayBecome, OUTCOME_STATUS } from './order-change-lifecycle';
import { OrderChange } from './order-change.entity';
import { OrderChangeOutcome, OrderChangeStatus } from './order-change.enums';
import type { CompleteOrderChangeInput, StartOrderChangeInput } from './order-change.inputs';

/** Working on a requested order change: started, then done or rejected with the reason (after-sales, T-1.2). */
export class OrderChangeHandling {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly timeline: CustomerTimeline,
    private readonly clock: Clock,
  ) {}

  async start(input: StartOrderChangeInput, by: Identity): Promise<OrderChange> {
    return this.dataSource.transaction(async (manager) => {
      const change = await this.lock(manager, input.orderChangeId);
      ensureOrderChangeMayBecome(change, OrderChangeStatus.IN_PROGRESS);
      const now = this.clock.now();
      Object.assign(change, { status: OrderChangeStatus.IN_PROGRESS, handledBy: by.userId, handledByName: by.name ?? null, startedAt: now });
      const saved = await manager.save(change);
      await recordHistory(manager, change.inquiryId, InquiryHistoryKind.ORDER_CHANGE_UPDATED, `${change.kind} of booking ${change.bookingReference} in progress`, by.userId, now);
      return saved;
    });
  }

  async complete(input: CompleteOrderChangeInput, by: Identity): Promise<OrderChange> {
    const reason = input.reason?.trim() || null;
    if (input.outcome === OrderChangeOutcome.REJECTED && !reason) throw BadUserInputError.field('input.reason', 'required', 'must say why the change is rejected');
    const status = OUTCOME_STATUS[input.outcome];
    return this.dataSource.transaction(async (manager) => {
      const change = await this.lock(manager, input.orderChangeId);
      ensureOrderChangeMayBecome(change, status);
      const now = this.clock.now();
      Object.assign(change, { status, rejectionReason: status === OrderChangeStatus.REJECTED ? reason : null, handledBy: by.userId, handledByName: by.name ?? null, completedAt: now });
      const saved = await manager.save(change);
      const completed = {
        orderChangeId: change.id,
        inquiryId: change.inquiryId,
        customerId: change.customerId,
        bookingReference: change.bookingReference,
        kind: change.kind,
        outcome: input.outcome,
        reason: saved.rejectionReason,
        completedBy: by.userId,
        completedAt: now.toISOString(),
      };
      await this.timeline.orderChangeCompleted(manager, await this.outbox.publish(manager, orderChangeCompleted, completed), completed);
      const detail = `${change.kind} of booking ${change.bookingReference} ${status === OrderChangeStatus.DONE ? 'done' : `rejected: ${reason}`}`;
      await recordHistory(manager, change.inquiryId, InquiryHistoryKind.ORDER_CHANGE_UPDATED, detail, by.userId, now);
      return saved;
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<OrderChange> {
    const change = await manager.findOne(OrderChange, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!change) throw new NotFoundError('OrderChange', id);
    return change;
  }
}
