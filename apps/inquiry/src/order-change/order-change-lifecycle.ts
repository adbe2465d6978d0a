import { ConflictError } from '@carebridge/domain';
import type { OrderChange } from './order-change.entity';
import { OrderChangeOutcome, OrderChangeStatus } from './order-change.enums';

/** The statuses each status may move to. */
export const ORDER_CHANGE_TRANSITIONS: Readonly<Record<OrderChangeStatus, readonly OrderChangeStatus[]>> = {
  [OrderChangeStatus.REQUESTED]: [OrderChangeStatus.IN_PROGRESS, OrderChangeStatus.REJECTED],
  [OrderChangeStatus.IN_PROGRESS]: [OrderChangeStatus.DONE, OrderChangeStatus.REJECTED],
  [OrderChangeStatus.DONE]: [],
  [OrderChangeStatus.REJECTED]: [],
};

/** The status an outcome leads to. */
export const OUTCOME_STATUS: Readonly<Record<OrderChangeOutcome, OrderChangeStatus>> = {
  [OrderChangeOutcome.DONE]: OrderChangeStatus.DONE,
  [OrderChangeOutcome.REJECTED]: OrderChangeStatus.REJECTED,
};

/** Refuses a status the order change may not move to from where it is. */
export function ensureOrderChangeMayBecome(change: OrderChange, next: OrderChangeStatus): void {
  const allowedNext = ORDER_CHANGE_TRANSITIONS[change.status];
  if (!allowedNext.includes(next)) {
    throw new ConflictError(`An order change that is ${change.status} cannot become ${next}`, { currentStatus: change.status, allowedNext });
  }
}
