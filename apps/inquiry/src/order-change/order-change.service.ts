import type { Identity } from '@carebridge/auth';
import { orderChangeCompleted, orderChangeRequested } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import { BadUserInputError, type Clock, ConflictError, type Connection, NotFoundError, paginate } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { recordHistory } from '../inquiry/inquiry-history';
import { InquiryHistoryKind, InquiryStatus } from '../inquiry/inquiry.entity';
import type { InquiryService } from '../inquiry/inquiry.service';
import { ORDER_CHANGE_TRANSITIONS, OrderChange, OrderChangeKind, OrderChangeOutcome, OrderChangeStatus } from './order-change.entity';
import type { CompleteOrderChangeInput, OrderChangesArgs, RequestOrderChangeInput, StartOrderChangeInput } from './order-change.inputs';

const DEFAULT_CHANGES: Record<OrderChangeKind, string> = {
  [OrderChangeKind.MODIFY]: '',
  [OrderChangeKind.CANCEL]: 'Cancel the booking',
  [OrderChangeKind.CONFIRM]: 'Confirm the booking',
};

/** Order changes (T-1.2): requested on an inquiry, REQUESTED → IN_PROGRESS → DONE or REJECTED. */
export class OrderChangeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inquiries: InquiryService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async request(input: RequestOrderChangeInput, by: Identity): Promise<OrderChange> {
    const requestedChanges = input.requestedChanges?.trim() || DEFAULT_CHANGES[input.kind];
    if (!requestedChanges) throw BadUserInputError.field('input.requestedChanges', 'required', 'must say what to change for a MODIFY request');
    const bookingReference = input.bookingReference.trim().toUpperCase();
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await this.inquiries.lock(manager, input.inquiryId);
      if (inquiry.status === InquiryStatus.MERGED || inquiry.status === InquiryStatus.CLOSED) {
        throw new ConflictError(`Order changes cannot be requested on an inquiry that is ${inquiry.status}`, { currentStatus: inquiry.status, mergedIntoId: inquiry.mergedIntoId });
      }
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
      await this.outbox.publish(manager, orderChangeRequested, {
        orderChangeId: change.id,
        inquiryId: inquiry.id,
        customerId: inquiry.customerId,
        bookingReference,
        kind: change.kind,
        requestedBy: by.userId,
        requestedAt: now.toISOString(),
      });
      await recordHistory(manager, inquiry.id, InquiryHistoryKind.ORDER_CHANGE_REQUESTED, `${change.kind} of booking ${bookingReference} requested`, by.userId, now);
      return change;
    });
  }

  async start(input: StartOrderChangeInput, by: Identity): Promise<OrderChange> {
    return this.dataSource.transaction(async (manager) => {
      const change = await this.lock(manager, input.orderChangeId);
      allow(change, OrderChangeStatus.IN_PROGRESS);
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
    const status = input.outcome === OrderChangeOutcome.DONE ? OrderChangeStatus.DONE : OrderChangeStatus.REJECTED;
    return this.dataSource.transaction(async (manager) => {
      const change = await this.lock(manager, input.orderChangeId);
      allow(change, status);
      const now = this.clock.now();
      Object.assign(change, { status, rejectionReason: status === OrderChangeStatus.REJECTED ? reason : null, handledBy: by.userId, handledByName: by.name ?? null, completedAt: now });
      const saved = await manager.save(change);
      await this.outbox.publish(manager, orderChangeCompleted, {
        orderChangeId: change.id,
        inquiryId: change.inquiryId,
        customerId: change.customerId,
        bookingReference: change.bookingReference,
        kind: change.kind,
        outcome: input.outcome,
        reason: saved.rejectionReason,
        completedBy: by.userId,
        completedAt: now.toISOString(),
      });
      const detail = `${change.kind} of booking ${change.bookingReference} ${status === OrderChangeStatus.DONE ? 'done' : `rejected: ${reason}`}`;
      await recordHistory(manager, change.inquiryId, InquiryHistoryKind.ORDER_CHANGE_UPDATED, detail, by.userId, now);
      return saved;
    });
  }

  findById(id: string): Promise<OrderChange | null> {
    if (!UUID.test(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(OrderChange).findOneBy({ id });
  }

  forInquiry(inquiryId: string): Promise<OrderChange[]> {
    return this.dataSource.getRepository(OrderChange).find({ where: { inquiryId }, order: { requestedAt: 'ASC', id: 'ASC' } });
  }

  list(args: OrderChangesArgs): Promise<Connection<OrderChange>> {
    const query = this.dataSource.getRepository(OrderChange).createQueryBuilder('change');
    const filter = args.filter ?? {};
    if (filter.status?.length) query.andWhere('change.status IN (:...status)', { status: filter.status });
    if (filter.kind?.length) query.andWhere('change.kind IN (:...kind)', { kind: filter.kind });
    if (filter.bookingReference) query.andWhere('change.bookingReference = :booking', { booking: filter.bookingReference.trim().toUpperCase() });
    if (filter.customerId) query.andWhere('change.customerId = :customerId', { customerId: filter.customerId });
    return paginate(query, args, { sortKey: 'requestedAt', direction: 'DESC' });
  }

  private async lock(manager: EntityManager, id: string): Promise<OrderChange> {
    const change = await manager.findOne(OrderChange, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!change) throw new NotFoundError('OrderChange', id);
    return change;
  }
}

function allow(change: OrderChange, next: OrderChangeStatus): void {
  const allowedNext = ORDER_CHANGE_TRANSITIONS[change.status];
  if (!allowedNext.includes(next)) {
    throw new ConflictError(`An order change that is ${change.status} cannot become ${next}`, { currentStatus: change.status, allowedNext });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
