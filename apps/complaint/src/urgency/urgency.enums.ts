import { COMPLAINT_URGENCIES, enumOf, type EnumValue } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

/** How urgent a complaint is (from the complaint taxonomy); it sets the feedback deadline's policy. */
export const Urgency = enumOf(COMPLAINT_URGENCIES);
export type Urgency = EnumValue<typeof Urgency>;

registerEnumType(Urgency, { name: 'Urgency' });
