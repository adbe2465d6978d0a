import { type Connection, PageArgs } from '@carebridge/service-kit';
import { Args, Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import { CustomerReference } from '../references/customer.reference';
import { Trip } from '../trip/trip.entity';
import type { IncidentQueries } from './incident-queries';
import type { IncidentTrips } from './incident-trips';
import { Incident, IncidentConnection } from './incident.entity';

/** Incidents seen from a customer (crm's Customer) and from a trip; not for trainers and analysts. */
@Resolver(() => CustomerReference)
export class CustomerIncidentsResolver {
  constructor(private readonly queries: IncidentQueries) {}

  @Authorized('after_sales', 'agent')
  @FieldResolver(() => IncidentConnection, { nullable: true, description: "The customer's in-trip incidents, latest first (resolved by after-sales)." })
  incidents(@Root() customer: CustomerReference, @Args() page: PageArgs): Promise<Connection<Incident>> {
    return this.queries.list({ ...page, filter: { customerId: customer.id } });
  }
}

@Resolver(() => Trip)
export class TripIncidentsResolver {
  constructor(private readonly queries: IncidentQueries) {}

  @Authorized('after_sales', 'agent')
  @FieldResolver(() => IncidentConnection, { nullable: true, description: 'The incidents on this trip, latest first.' })
  incidents(@Root() trip: Trip, @Args() page: PageArgs): Promise<Connection<Incident>> {
    return this.queries.list({ ...page, filter: { tripId: trip.id } });
  }
}

@Resolver(() => Incident)
export class IncidentTripResolver {
  constructor(private readonly trips: IncidentTrips) {}

  @FieldResolver(() => Trip, { nullable: true, description: 'The trip it happened on.' })
  async trip(@Root() incident: Incident): Promise<Trip | null> {
    return incident.tripId ? ((await this.trips.findById(incident.tripId)) as Trip | null) : null;
  }
}
