import { ForbiddenError } from '@carebridge/domain';
import type { PersonalDataAccessLog } from '@carebridge/personal-data-access';
import { caller, type Connection, type RequestContext } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { disclose } from '../access-log/disclosure';
import { CustomerReference } from '../references/customer.reference';
import type { BookingImport } from './booking-import';
import { ImportBookingsResult } from './booking-import.types';
import { maskPlace, maskReference, seesTripPersonalData, TRIP_READERS } from './trip-access';
import { tripComponents } from './trip-announcements';
import type { TripQueries } from './trip-queries';
import type { TripSegmentLoading } from './trip-segment-loading';
import { segmentView, TripSegmentView } from './trip-segment.types';
import { Trip, TripConnection } from './trip.entity';
import { TripSegmentKind } from './trip.enums';
import { ImportBookingsInput, TripByBookingReferenceArgs, TripsArgs } from './trip.inputs';

@Resolver(() => Trip)
export class TripResolver {
  constructor(
    private readonly queries: TripQueries,
    private readonly bookingImport: BookingImport,
    private readonly accessLog: PersonalDataAccessLog,
    private readonly segmentLoading: TripSegmentLoading,
  ) {}

  @Authorized(...TRIP_READERS)
  @Query(() => Trip, { nullable: true, description: 'One trip by its id.' })
  trip(@Arg('id', () => ID) id: string): Promise<Trip | null> {
    return this.queries.findById(id);
  }

  @Authorized('after_sales', 'agent')
  @Query(() => Trip, { nullable: true, description: 'The trip of a booking, by its PNR or order number.' })
  tripByBookingReference(@Args() args: TripByBookingReferenceArgs): Promise<Trip | null> {
    return this.queries.findByBookingReference(args.bookingReference);
  }

  @Authorized(...TRIP_READERS)
  @Query(() => TripConnection, { description: 'Trips, latest departure first unless orderBy says otherwise.' })
  trips(@Args() args: TripsArgs, @Ctx() context: RequestContext): Promise<Connection<Trip>> {
    if (args.filter?.customerId && !seesTripPersonalData(context.identity)) throw new ForbiddenError('Analysts see figures, not the trips of one customer');
    return this.queries.list(args);
  }

  @Authorized('integration')
  @Mutation(() => ImportBookingsResult, {
    description: 'Imports bookings from the reservation system, all or none (for companies without booking events); a state older than the trip holds is ignored.',
  })
  async importBookings(@Arg('input') input: ImportBookingsInput, @Ctx() context: RequestContext): Promise<ImportBookingsResult> {
    const { trips, outcomes } = await this.bookingImport.importBookings(input, caller(context));
    const count = (outcome: string) => outcomes.filter((o) => o === outcome).length;
    return { imported: trips.length, created: count('CREATED'), updated: count('UPDATED'), unchanged: count('UNCHANGED'), stale: count('STALE'), trips };
  }

  @FieldResolver(() => String, { nullable: true, description: 'PNR or order number; masked for analysts, null once the customer was erased.' })
  async bookingReference(@Root() trip: Trip, @Ctx() context: RequestContext): Promise<string | null> {
    if (!seesTripPersonalData(context.identity)) return maskReference(trip.bookingReference);
    return disclose(this.accessLog, context, trip.customerId, 'trip.bookingReference', trip.bookingReference);
  }

  // Nullable: when crm cannot be reached, the trip is still returned; analysts do not see whose trip it is.
  @FieldResolver(() => CustomerReference, { nullable: true, description: 'The customer (resolved by crm); null for analysts.' })
  customer(@Root() trip: Trip, @Ctx() context: RequestContext): CustomerReference | null {
    return seesTripPersonalData(context.identity) ? { id: trip.customerId } : null;
  }

  @FieldResolver(() => [TripSegmentView], { description: 'The segments of the booking, in its order; with includeRemoved also those a change took out.' })
  async segments(
    @Root() trip: Trip,
    @Ctx() context: RequestContext,
    @Arg('includeRemoved', { defaultValue: false }) includeRemoved: boolean,
  ): Promise<TripSegmentView[]> {
    const segments = await this.segmentLoading.segmentsOf(context, trip.id, includeRemoved);
    if (!seesTripPersonalData(context.identity)) return segments.map((segment) => segmentView(segment, maskPlace));
    // Transfer places are the personal part of the segments.
    if (segments.some((segment) => segment.placeFrom || segment.placeTo)) await this.accessLog.disclosed(context, trip.customerId, 'trip.segments.places');
    return segments.map((segment) => segmentView(segment));
  }

  @FieldResolver(() => [TripSegmentKind], { description: 'The kinds of segment the trip holds, e.g. [FLIGHT, HOTEL].' })
  async components(@Root() trip: Trip, @Ctx() context: RequestContext): Promise<TripSegmentKind[]> {
    return tripComponents(await this.segmentLoading.segmentsOf(context, trip.id)).map(({ kind }) => kind);
  }
}
