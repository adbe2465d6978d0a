import { PageArgs } from '@carebridge/service-kit';
import { IsIn, IsOptional, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { TripSegmentKind, TripStatus } from './trip.enums';

/**
 * A segment of an imported booking. GraphQL has no input unions: set `kind` and the fields of that
 * kind (the others are refused), as in the booking events' segments.
 */
@InputType({ description: 'A segment of an imported booking: its kind and the fields of that kind, as in the booking events.' })
export class BookingSegmentInput {
  @Field(() => TripSegmentKind)
  kind: TripSegmentKind;

  @Field(() => String, { nullable: true, description: "The segment's id in the reservation system, if it has one." })
  reference?: string | null;

  @Field(() => String, { nullable: true, description: 'FLIGHT: airline code, e.g. LH.' })
  carrier?: string | null;

  @Field(() => String, { nullable: true, description: 'FLIGHT: e.g. 721.' })
  flightNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'FLIGHT: IATA code of the departure airport.' })
  origin?: string | null;

  @Field(() => String, { nullable: true, description: 'FLIGHT: IATA code of the arrival airport.' })
  destination?: string | null;

  @Field(() => Date, { nullable: true, description: 'FLIGHT: scheduled departure.' })
  departureAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'FLIGHT: scheduled arrival.' })
  arrivalAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'FLIGHT: distance in km, if known.' })
  distanceKm?: number | null;

  @Field(() => String, { nullable: true, description: "HOTEL, TOUR: the hotel's or the tour's name." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'HOTEL: city.' })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'HOTEL: ISO 3166 country code, e.g. DE.' })
  countryCode?: string | null;

  @Field(() => Date, { nullable: true, description: 'HOTEL: check-in.' })
  checkInAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'HOTEL: check-out.' })
  checkOutAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'TOUR, TRANSFER: the tour operator or transfer company.' })
  supplier?: string | null;

  @Field(() => Date, { nullable: true, description: 'TOUR: start.' })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'TOUR: end.' })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'TRANSFER: pick-up place.' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'TRANSFER: drop-off place.' })
  to?: string | null;

  @Field(() => Date, { nullable: true, description: 'TRANSFER: pick-up time.' })
  pickupAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'TRANSFER: drop-off time, if known.' })
  dropOffAt?: Date | null;
}

@InputType({ description: 'A booking as the reservation system holds it at changedAt.' })
export class BookingInput {
  @Field({ description: 'PNR or order number.' })
  bookingReference: string;

  @Field(() => ID, { description: "crm's id of the customer who booked." })
  customerId: string;

  @Field(() => TripStatus, { defaultValue: TripStatus.CONFIRMED, description: 'Where the booking stands in the reservation system.' })
  status: TripStatus;

  @Field({ description: 'When the reservation system recorded this state; a state older than the one after-sales holds is ignored.' })
  changedAt: Date;

  @Field(() => Int, { nullable: true })
  travellers?: number | null;

  @Field(() => [BookingSegmentInput])
  segments: BookingSegmentInput[];
}

@InputType({ description: 'Bookings to import, all or none: one invalid field refuses the whole import, naming every problem by row.' })
export class ImportBookingsInput {
  @Field(() => [BookingInput])
  bookings: BookingInput[];
}

/** The orders of a list of trips. */
export enum TripOrder {
  STARTS_AT_DESC = 'STARTS_AT_DESC',
  STARTS_AT_ASC = 'STARTS_AT_ASC',
  ENDS_AT_ASC = 'ENDS_AT_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
}
registerEnumType(TripOrder, { name: 'TripOrder', description: 'STARTS_AT_DESC (default): latest departure first; ENDS_AT_ASC: soonest return first.' });

@InputType({ description: 'Which trips to list; every condition given must hold.' })
export class TripFilter {
  @Field(() => [TripStatus], { nullable: true })
  status?: TripStatus[];

  @Field(() => ID, { nullable: true, description: 'Trips of one customer (not for analysts).' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId?: string;

  @Field(() => Date, { nullable: true, description: 'Starting at or after.' })
  startsFrom?: Date;

  @Field(() => Date, { nullable: true, description: 'Starting before.' })
  startsBefore?: Date;

  @Field(() => Date, { nullable: true, description: 'Ending at or after.' })
  endsFrom?: Date;

  @Field(() => Date, { nullable: true, description: 'Ending before.' })
  endsBefore?: Date;

  @Field(() => [TripSegmentKind], { nullable: true, description: 'Trips holding a segment of one of these kinds.' })
  segmentKind?: TripSegmentKind[];

  @Field(() => String, { nullable: true, description: 'Trips with a flight of this airline, e.g. LH.' })
  @IsOptional()
  @Matches(/^([A-Za-z0-9]{2}|[A-Za-z]{3})$/, { message: 'must be an airline code: 2 characters (IATA) or 3 letters (ICAO)' })
  carrier?: string;

  @Field(() => String, { nullable: true, description: 'Trips with a flight from or to this airport, e.g. FRA.' })
  @IsOptional()
  @Matches(/^[A-Za-z]{3}$/, { message: 'must be a 3-letter IATA airport code such as FRA' })
  airport?: string;
}

@ArgsType()
export class TripsArgs extends PageArgs {
  @Field(() => TripFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: TripFilter;

  @Field(() => TripOrder, { nullable: true, defaultValue: TripOrder.STARTS_AT_DESC })
  @IsOptional()
  @IsIn(Object.values(TripOrder))
  orderBy?: TripOrder;
}

@ArgsType()
export class TripByBookingReferenceArgs {
  @Field({ description: 'PNR or order number (any case).' })
  @MaxLength(40, { message: 'must be at most 40 characters' })
  bookingReference: string;
}
