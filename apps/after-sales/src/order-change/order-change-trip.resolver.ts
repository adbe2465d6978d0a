import { Authorized, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { OrderChangeReference } from '../references/order-change.reference';
import { TRIP_READERS } from '../trip/trip-access';
import type { TripQueries } from '../trip/trip-queries';
import { Trip } from '../trip/trip.entity';

/** Inquiry's order changes point at the trip of their booking, when after-sales knows it (T-1.2). */
@Resolver(() => OrderChangeReference)
export class OrderChangeTripResolver {
  constructor(private readonly queries: TripQueries) {}

  @Authorized(...TRIP_READERS)
  @Directive('@requires(fields: "bookingReference")')
  @FieldResolver(() => Trip, { nullable: true, description: 'The trip of the booking (resolved by after-sales); null while after-sales does not know the booking.' })
  async trip(@Root() change: OrderChangeReference): Promise<Trip | null> {
    // Agents type references in any case; a malformed one has no trip rather than failing the order change.
    return (await this.queries.findByBookingReferences([change.bookingReference ?? ''])).values().next().value ?? null;
  }
}
