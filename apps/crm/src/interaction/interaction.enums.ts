import { enumOf, type EnumValue, TIMELINE_KINDS } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

/**
 * What kind of contact with the customer an entry is: the kinds other services put on the
 * timeline (declared with their contract, so a new service adds its kind there, not here), then
 * crm's own.
 */
export const InteractionKind = enumOf([...TIMELINE_KINDS, 'FOLLOW_UP', 'LOYALTY', 'COUPON', 'CUSTOMER_EVENT']);
export type InteractionKind = EnumValue<typeof InteractionKind>;
registerEnumType(InteractionKind, { name: 'InteractionKind', description: 'What kind of contact with the customer this was.' });
