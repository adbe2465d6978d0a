import { enumOf, type EnumValue, ORDER_CHANGE_KINDS, ORDER_CHANGE_OUTCOMES } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

/** Change, cancel or confirm a booking (T-1.2). */
export const OrderChangeKind = enumOf(ORDER_CHANGE_KINDS);
export type OrderChangeKind = EnumValue<typeof OrderChangeKind>;

/** REQUESTED → IN_PROGRESS → DONE or REJECTED (with the reason): order-change-lifecycle.ts. */
export enum OrderChangeStatus {
  REQUESTED = 'REQUESTED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  REJECTED = 'REJECTED',
}

export const OrderChangeOutcome = enumOf(ORDER_CHANGE_OUTCOMES);
export type OrderChangeOutcome = EnumValue<typeof OrderChangeOutcome>;

registerEnumType(OrderChangeKind, { name: 'OrderChangeKind', description: 'Change, cancel or confirm a booking (T-1.2).' });
registerEnumType(OrderChangeStatus, { name: 'OrderChangeStatus' });
registerEnumType(OrderChangeOutcome, { name: 'OrderChangeOutcome' });
