import { Field, ObjectType } from 'type-graphql';
import { BaggageFileOutcome, BaggageFileStatus, DeliveryStatus } from '../incident.enums';

/**
 * A baggage file as the passenger may read it: where the bag is and when it comes. No staff-only
 * fields — no description, reason for loss, fault station, names, addresses or notes.
 */
@ObjectType('PassengerBaggageStatus', { description: 'A baggage file as the passenger reads it: no staff-only fields.' })
export class PassengerBaggageStatus {
  @Field()
  reference: string;

  @Field(() => BaggageFileStatus)
  status: BaggageFileStatus;

  @Field({ description: 'What the status means, in plain words.' })
  summary: string;

  @Field()
  openedAt: Date;

  @Field(() => Date, { nullable: true })
  foundAt: Date | null;

  @Field(() => DeliveryStatus, { nullable: true })
  deliveryStatus: DeliveryStatus | null;

  @Field(() => Date, { nullable: true })
  deliveryExpectedAt: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Field(() => BaggageFileOutcome, { nullable: true })
  outcome: BaggageFileOutcome | null;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;
}
