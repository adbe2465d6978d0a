import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { BaggageFileOutcome, BaggageLossReason, DeliveryStatus } from '../incident.enums';

const STATION = /^[A-Za-z]{3}$/;
const STATION_MESSAGE = 'must be a 3-letter IATA station code such as PVG';

@InputType()
export class OpenBaggageFileInput {
  @Field(() => ID)
  incidentId: string;

  @Field({ description: 'The file reference: station + airline + 5 digits, e.g. PVGMU12345.' })
  reference: string;

  @Field(() => String, { nullable: true, description: 'The bag tag number, e.g. 0220123456 or MU123456.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{6,10}$/, { message: 'must be a bag tag number (6 to 10 letters and digits)' })
  bagTag?: string | null;

  @Field(() => String, { nullable: true, description: 'What the bag looks like and holds.' })
  @IsOptional()
  @MaxLength(2000)
  bagDescription?: string | null;
}

@InputType()
export class SuspendBaggageFileInput {
  @Field()
  reference: string;

  @Field({ description: 'When the bag was found.' })
  foundAt: Date;

  @Field(() => String, { nullable: true, description: 'Where it was found (IATA station).' })
  @IsOptional()
  @Matches(STATION, { message: STATION_MESSAGE })
  foundStation?: string | null;
}

@InputType()
export class ReopenBaggageTraceInput {
  @Field()
  reference: string;

  @Field({ description: 'Why: e.g. the bag found was not the passenger’s.' })
  @MinLength(1, { message: 'must say why the trace is reopened' })
  @MaxLength(2000)
  note: string;
}

@InputType()
export class CloseBaggageFileInput {
  @Field()
  reference: string;

  @Field(() => BaggageFileOutcome)
  outcome: BaggageFileOutcome;

  @Field(() => BaggageLossReason, { description: 'Why the bag went astray.' })
  lossReason: BaggageLossReason;

  @Field({ description: 'The station at fault (IATA code).' })
  @Matches(STATION, { message: STATION_MESSAGE })
  faultStation: string;

  @Field(() => Date, { nullable: true, description: 'COLLECTED: when the passenger picked the bag up.' })
  receivedAt?: Date | null;
}

@InputType()
export class OrderBaggageDeliveryInput {
  @Field()
  reference: string;

  @Field({ description: 'The courier.' })
  @MinLength(1, { message: 'must name the courier' })
  @MaxLength(200)
  courier: string;

  @Field({ description: 'Where to bring the bag.' })
  @MinLength(1, { message: 'must give the delivery address' })
  @MaxLength(1000)
  address: string;

  @Field(() => Date, { nullable: true })
  expectedAt?: Date | null;
}

@InputType({ description: 'A courier’s status update of a delivery; sending the same updateId again changes nothing.' })
export class RecordCourierUpdateInput {
  @Field(() => ID)
  deliveryId: string;

  @Field({ description: 'The courier’s id of this update (idempotency key).' })
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: 'must be the courier’s update id (1 to 100 letters, digits, . _ : -)' })
  updateId: string;

  @Field(() => DeliveryStatus)
  status: DeliveryStatus;

  @Field({ description: 'When the courier recorded the status.' })
  at: Date;

  @Field(() => Date, { nullable: true })
  expectedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}

@ArgsType()
export class PassengerBaggageStatusArgs {
  @Field({ description: 'The baggage file reference, e.g. PVGMU12345.' })
  reference: string;

  @Field({ description: 'The booking reference (PNR) of the trip: both must match.' })
  @MinLength(1, { message: 'must be the booking reference' })
  @MaxLength(50)
  bookingReference: string;
}
