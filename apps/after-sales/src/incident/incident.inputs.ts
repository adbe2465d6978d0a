import { PageArgs } from '@carebridge/service-kit';
import { ArrayMaxSize, IsOptional, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PaymentMethod } from '../passenger-rights/passenger-rights.enums';
import { DisruptionCause, IncidentSeverity, IncidentStatus, IncidentType, PartnerKind, ReportChannel } from './incident.enums';

const AIRPORT = /^[A-Za-z]{3}$/;
const AIRPORT_MESSAGE = 'must be a 3-letter IATA airport code such as FRA';

@InputType({ description: 'A partner involved in an incident.' })
export class IncidentPartnerInput {
  @Field(() => PartnerKind)
  kind: PartnerKind;

  @Field()
  @MinLength(1, { message: 'must name the partner' })
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  reference?: string | null;
}

@InputType()
export class OpenIncidentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId: string;

  @Field(() => ID, { nullable: true, description: 'The trip it happened on.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a trip id (UUID)' })
  tripId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The segment of the trip (a flight for disruptions and baggage, a hotel stay for accommodation problems).' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a segment id (UUID)' })
  segmentId?: string | null;

  @Field(() => IncidentType)
  type: IncidentType;

  @Field(() => IncidentSeverity)
  severity: IncidentSeverity;

  @Field(() => ReportChannel, { defaultValue: 'PHONE' })
  reportedVia: ReportChannel;

  @Field({ description: 'What happened.' })
  @MinLength(1, { message: 'must say what happened' })
  @MaxLength(5000)
  description: string;

  @Field(() => String, { nullable: true, description: 'Where: an airport, a hotel, a city.' })
  @IsOptional()
  @MaxLength(200)
  location?: string | null;

  @Field(() => Date, { nullable: true })
  occurredAt?: Date | null;

  @Field(() => [IncidentPartnerInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  partners?: IncidentPartnerInput[] | null;

  @Field(() => String, { nullable: true, description: 'EMERGENCY: the knowledge article of the procedure, when not the default for its type.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, { message: 'must be a knowledge article id such as KB-EMERGENCY-MEDICAL' })
  emergencyArticleId?: string | null;
}

@InputType()
export class IncidentStepInput {
  @Field(() => ID)
  incidentId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  note?: string | null;
}

@InputType()
export class AddIncidentNoteInput {
  @Field(() => ID)
  incidentId: string;

  @Field()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(5000)
  note: string;
}

@InputType()
export class ResolveIncidentInput {
  @Field(() => ID)
  incidentId: string;

  @Field({ description: 'How the passenger was helped.' })
  @MinLength(1, { message: 'must say how the incident was resolved' })
  @MaxLength(5000)
  resolution: string;
}

@InputType()
export class AddIncidentPartnerInput {
  @Field(() => ID)
  incidentId: string;

  @Field(() => IncidentPartnerInput)
  @ValidateNested()
  partner: IncidentPartnerInput;
}

@InputType({ description: 'An amount of money.' })
export class MoneyInput {
  @Field({ description: 'Decimal amount, e.g. "199.90".' })
  @Matches(/^\d{1,10}(\.\d{1,2})?$/, { message: 'must be a decimal amount such as 199.90' })
  amount: string;

  @Field()
  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 currency code such as EUR' })
  currency: string;
}

@InputType({ description: 'The alternative flight offered.' })
export class ReroutingInput {
  @Field()
  departure: Date;

  @Field()
  arrival: Date;
}

/** What happened to the flight, as far as staff know; the segment gives the carrier, flight, airports and schedule. */
@InputType()
export class ComputeIncidentEntitlementsInput {
  @Field(() => ID)
  incidentId: string;

  @Field(() => Date, { nullable: true })
  actualDeparture?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the doors opened at the destination.' })
  actualArrival?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'True while actualDeparture and actualArrival are the carrier’s estimates, not yet what happened.' })
  timesEstimated?: boolean | null;

  @Field(() => DisruptionCause, { nullable: true, description: 'Why the flight was disrupted, as the carrier reported it (stated on travel certificates).' })
  cause?: DisruptionCause | null;

  @Field(() => String, { nullable: true, description: 'The carrier’s words for the cause, e.g. "thunderstorms over Frankfurt".' })
  @IsOptional()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(300, { message: 'must be at most 300 characters' })
  causeDetail?: string | null;

  @Field(() => Date, { nullable: true, description: 'CANCELLATION: when the passenger was told.' })
  noticeGivenAt?: Date | null;

  @Field(() => ReroutingInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  rerouting?: ReroutingInput | null;

  @Field(() => String, { nullable: true, description: 'The carrier’s case for extraordinary circumstances, recorded as its reason.' })
  @IsOptional()
  @MinLength(1, { message: 'must record the reason the carrier gives' })
  @MaxLength(1000)
  extraordinaryCircumstances?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'DENIED_BOARDING: the passenger volunteered.' })
  deniedBoardingVoluntary?: boolean | null;

  @Field(() => String, { nullable: true, description: 'FLIGHT_DIVERSION: where the flight landed instead.' })
  @IsOptional()
  @Matches(AIRPORT, { message: AIRPORT_MESSAGE })
  diversionAirport?: string | null;

  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  fare?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Fees paid for checked bags (US DOT bag-fee refund).' })
  @IsOptional()
  @ValidateNested()
  bagFees?: MoneyInput | null;

  @Field(() => PaymentMethod, { nullable: true })
  paymentMethod?: PaymentMethod | null;

  @Field(() => String, { nullable: true, description: 'Country that licensed the operating carrier (ISO 3166-1 alpha-2), e.g. DE.' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 country code such as DE' })
  carrierLicenceCountry?: string | null;
}

@InputType()
export class RaiseComplaintForIncidentInput {
  @Field(() => ID)
  incidentId: string;
}

@InputType()
export class IncidentFilter {
  @Field(() => [IncidentStatus], { nullable: true })
  status?: IncidentStatus[] | null;

  @Field(() => [IncidentType], { nullable: true })
  type?: IncidentType[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a trip id (UUID)' })
  tripId?: string | null;
}

@ArgsType()
export class IncidentsArgs extends PageArgs {
  @Field(() => IncidentFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: IncidentFilter | null;
}
