import { enumOf, type EnumValue, FOLLOW_UP_KINDS, FOLLOW_UP_OUTCOMES, FOLLOW_UP_REASONS } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

/** Kinds, reasons and outcomes are shared with the followup.* event contracts. */
export const FollowUpKind = enumOf(FOLLOW_UP_KINDS);
export type FollowUpKind = EnumValue<typeof FollowUpKind>;
registerEnumType(FollowUpKind, { name: 'FollowUpKind' });

export const FollowUpReason = enumOf(FOLLOW_UP_REASONS);
export type FollowUpReason = EnumValue<typeof FollowUpReason>;
registerEnumType(FollowUpReason, { name: 'FollowUpReason', description: "Why the follow-up was scheduled: by hand, by a recurring plan, after a closed complaint, or for an after-sales care contact." });

export enum FollowUpStatus {
  SCHEDULED = 'SCHEDULED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(FollowUpStatus, { name: 'FollowUpStatus' });

export const FollowUpOutcome = enumOf(FOLLOW_UP_OUTCOMES);
export type FollowUpOutcome = EnumValue<typeof FollowUpOutcome>;
registerEnumType(FollowUpOutcome, { name: 'FollowUpOutcome' });
