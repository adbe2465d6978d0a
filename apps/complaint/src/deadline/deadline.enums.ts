import { COMPLAINT_DEADLINES, enumOf, type EnumValue } from '@carebridge/event-contracts';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/**
 * FEEDBACK: feedback to the customer, by the urgency's policy, in business time.
 * DOT_ACKNOWLEDGMENT, DOT_RESPONSE: US DOT, 14 CFR 259.7, a written acknowledgment within 30 days
 * and a substantive response within 60.
 */
export const DeadlineKind = enumOf(COMPLAINT_DEADLINES);
export type DeadlineKind = EnumValue<typeof DeadlineKind>;

export enum DeadlineState {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  PAUSED = 'PAUSED',
  BREACHED = 'BREACHED',
  MET = 'MET',
  MET_LATE = 'MET_LATE',
}

registerEnumType(DeadlineKind, { name: 'ComplaintDeadlineKind' });
registerEnumType(DeadlineState, { name: 'ComplaintDeadlineState' });

@ObjectType('ComplaintDeadline', { description: 'A deadline on a complaint: the internal feedback target, or a regulatory one.' })
export class ComplaintDeadline {
  @Field(() => DeadlineKind)
  kind: DeadlineKind;

  @Field()
  dueAt: Date;

  @Field(() => Date, { nullable: true })
  metAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the deadline monitor recorded the breach (and escalated).' })
  breachedAt: Date | null;

  @Field(() => DeadlineState)
  state: DeadlineState;
}
