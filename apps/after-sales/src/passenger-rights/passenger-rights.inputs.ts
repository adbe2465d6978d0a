import { ArrayMaxSize, IsBoolean, IsDate, IsIn, IsISO4217CurrencyCode, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { BaggageFacts, DisruptionFacts, FlightFacts, MoneyFacts } from './disruption-facts';
import { BaggageEventKind, DisruptionKind, PassengerOption, PaymentMethod } from './passenger-rights.enums';

const IATA_AIRPORT = /^[A-Za-z]{3}$/;
const AIRPORT_RULE = 'must be an IATA airport code of three letters, e.g. FRA';

@InputType({ description: 'A price paid: an amount and its currency.' })
export class PriceInput implements MoneyFacts {
  @Field({ description: 'Decimal amount, e.g. "199.90".' })
  @Matches(/^\d{1,10}(\.\d{1,2})?$/, { message: 'must be an amount with at most two decimals, e.g. 199.90' })
  amount: string;

  @Field({ description: 'ISO 4217 currency code.' })
  @IsISO4217CurrencyCode({ message: 'must be an ISO 4217 currency code such as EUR' })
  currency: string;
}

@InputType({ description: 'The disrupted flight segment as booked, and its actual or expected times.' })
export class DisruptedFlightInput implements FlightFacts {
  @Field({ description: 'Operating carrier, IATA designator, e.g. LH.' })
  @Matches(/^[A-Za-z0-9]{2,3}$/, { message: 'must be an airline designator of 2 or 3 characters, e.g. LH' })
  carrier: string;

  @Field(() => String, { nullable: true, description: 'Country that licensed the operating carrier (ISO 3166-1 alpha-2): makes it an EU or UK carrier.' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 country code such as DE' })
  carrierLicenceCountry?: string | null;

  @Field({ description: 'e.g. LH1114.' })
  @Matches(/^[A-Za-z0-9]{2,3} ?\d{1,4}[A-Za-z]?$/, { message: 'must be a flight number such as LH1114' })
  flightNumber: string;

  @Field({ description: 'IATA code of the departure airport.' })
  @Matches(IATA_AIRPORT, { message: AIRPORT_RULE })
  origin: string;

  @Field({ description: 'IATA code of the booked destination.' })
  @Matches(IATA_AIRPORT, { message: AIRPORT_RULE })
  destination: string;

  @Field()
  @IsDate({ message: 'must be a date and time' })
  scheduledDeparture: Date;

  @Field()
  @IsDate({ message: 'must be a date and time' })
  scheduledArrival: Date;

  @Field(() => Date, { nullable: true, description: 'Actual or expected departure (off-block).' })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  actualDeparture?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Actual or expected arrival: when the doors opened at the destination.' })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  actualArrival?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'US DOT: within the United States and its territories; derived from the airports when absent.' })
  @IsOptional()
  @IsBoolean()
  domestic?: boolean | null;
}

@InputType()
export class CancellationInput {
  @Field(() => Date, { nullable: true, description: 'When the passenger was told of the cancellation; unknown counts as not told in advance.' })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  noticeGivenAt?: Date | null;
}

@InputType({ description: 'The alternative flight offered.' })
export class AlternativeFlightInput {
  @Field()
  @IsDate({ message: 'must be a date and time' })
  departure: Date;

  @Field()
  @IsDate({ message: 'must be a date and time' })
  arrival: Date;
}

@InputType()
export class ExtraordinaryCircumstancesInput {
  @Field({ description: 'The reason the carrier gives, recorded with the assessment.' })
  @Matches(/\S/, { message: 'must record the reason the carrier gives' })
  @Length(1, 1000, { message: 'must be 1 to 1000 characters' })
  reason: string;
}

@InputType()
export class DeniedBoardingInput {
  @Field({ description: 'The passenger gave up the seat in exchange for agreed benefits.' })
  @IsBoolean()
  voluntary: boolean;

  @Field(() => String, { nullable: true, description: 'Health, safety, security or inadequate travel documents (Art. 2(j)).' })
  @IsOptional()
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  reasonableGrounds?: string | null;
}

@InputType()
export class DiversionInput {
  @Field({ description: 'IATA code of the airport the flight landed at instead.' })
  @Matches(IATA_AIRPORT, { message: AIRPORT_RULE })
  airport: string;
}

@InputType()
export class PassengerChoiceInput {
  @Field(() => PassengerOption)
  @IsIn(Object.values(PassengerOption))
  option: PassengerOption;

  @Field({ description: 'When the passenger chose: refund deadlines run from it.' })
  @IsDate({ message: 'must be a date and time' })
  at: Date;
}

@InputType()
export class BaggageEventInput implements BaggageFacts {
  @Field(() => BaggageEventKind)
  @IsIn(Object.values(BaggageEventKind))
  kind: BaggageEventKind;

  @Field(() => String, { nullable: true, description: 'Bag tag or file reference.' })
  @IsOptional()
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  tag?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the passenger reported it (property irregularity / mishandled baggage report).' })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  reportedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the bag was received or placed at the passenger’s disposal; null while missing.' })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  receivedAt?: Date | null;

  @Field(() => PriceInput, { nullable: true, description: 'The fee paid to check this bag.' })
  @IsOptional()
  @ValidateNested()
  fee?: PriceInput | null;
}

@InputType({ description: 'The facts of one disrupted flight segment, for a preview of what the passenger is owed.' })
export class PassengerRightsInput implements DisruptionFacts {
  @Field(() => DisruptionKind)
  @IsIn(Object.values(DisruptionKind))
  kind: DisruptionKind;

  @Field(() => DisruptedFlightInput)
  @ValidateNested()
  flight: DisruptedFlightInput;

  @Field(() => CancellationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  cancellation?: CancellationInput | null;

  @Field(() => AlternativeFlightInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  rerouting?: AlternativeFlightInput | null;

  @Field(() => ExtraordinaryCircumstancesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  extraordinaryCircumstances?: ExtraordinaryCircumstancesInput | null;

  @Field(() => DeniedBoardingInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  deniedBoarding?: DeniedBoardingInput | null;

  @Field(() => DiversionInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  diversion?: DiversionInput | null;

  @Field(() => PriceInput, { nullable: true, description: 'The price of the ticket for this flight.' })
  @IsOptional()
  @ValidateNested()
  fare?: PriceInput | null;

  @Field(() => PriceInput, { nullable: true, description: 'Checked-bag fees paid for this flight, for bags without a fee of their own.' })
  @IsOptional()
  @ValidateNested()
  bagFees?: PriceInput | null;

  @Field(() => PaymentMethod, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(PaymentMethod))
  paymentMethod?: PaymentMethod | null;

  @Field(() => PassengerChoiceInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  passengerChoice?: PassengerChoiceInput | null;

  @Field(() => [BaggageEventInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'must list at most 20 bags' })
  @ValidateNested({ each: true })
  baggage?: BaggageEventInput[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Benefits already received under another regime in the country of departure.' })
  @IsOptional()
  @IsBoolean()
  benefitsReceivedInDepartureCountry?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Free of charge or at a reduced fare not available to the public.' })
  @IsOptional()
  @IsBoolean()
  freeOrNonPublicFare?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the Montreal Convention governs the carriage, when known.' })
  @IsOptional()
  @IsBoolean()
  montrealConventionApplies?: boolean | null;
}
