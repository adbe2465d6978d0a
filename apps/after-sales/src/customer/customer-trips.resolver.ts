import { type Connection, PageArgs } from '@carebridge/service-kit';
import { Args, Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import { CustomerReference } from '../references/customer.reference';
import type { TripQueries } from '../trip/trip-queries';
import { type Trip, TripConnection } from '../trip/trip.entity';

@Resolver(() => CustomerReference)
export class CustomerTripsResolver {
  constructor(private readonly queries: TripQueries) {}

  // Not for analysts: they see figures, not one customer's trips.
  @Authorized('after_sales', 'agent')
  @FieldResolver(() => TripConnection, { nullable: true, description: "The customer's trips, latest departure first (resolved by after-sales)." })
  trips(@Root() customer: CustomerReference, @Args() page: PageArgs): Promise<Connection<Trip>> {
    return this.queries.list({ ...page, filter: { customerId: customer.id } });
  }
}
