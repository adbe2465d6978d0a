import { BOOKING_REFERENCE_PATTERN, BOOKING_REFERENCE_RULE } from '@carebridge/event-contracts';
import { BadUserInputError, isUuid } from '@carebridge/domain';
import { type Connection, paginate } from '@carebridge/service-kit';
import { type DataSource, In, IsNull } from 'typeorm';
import { TripSegment } from './trip-segment.entity';
import { Trip } from './trip.entity';
import { TripOrder, type TripsArgs } from './trip.inputs';

const ORDERS: Record<TripOrder, { sortKey: 'startsAt' | 'endsAt' | 'updatedAt'; direction: 'ASC' | 'DESC' }> = {
  [TripOrder.STARTS_AT_DESC]: { sortKey: 'startsAt', direction: 'DESC' },
  [TripOrder.STARTS_AT_ASC]: { sortKey: 'startsAt', direction: 'ASC' },
  [TripOrder.ENDS_AT_ASC]: { sortKey: 'endsAt', direction: 'ASC' },
  [TripOrder.UPDATED_AT_DESC]: { sortKey: 'updatedAt', direction: 'DESC' },
};

/** Finding trips and their segments. */
export class TripQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The trip with this id, or null (also what a reference from another subgraph gets). */
  findById(id: string): Promise<Trip | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(Trip).findOneBy({ id });
  }

  /** The trip of a booking (PNR or order number, any case), or null. */
  findByBookingReference(reference: string, field = 'bookingReference'): Promise<Trip | null> {
    const normalised = reference.trim().toUpperCase();
    if (!BOOKING_REFERENCE_PATTERN.test(normalised)) throw BadUserInputError.field(field, 'format', BOOKING_REFERENCE_RULE);
    return this.dataSource.getRepository(Trip).findOneBy({ bookingReference: normalised });
  }

  /** The trips of these bookings, by normalised reference; for order changes, whose references were typed by agents. */
  async findByBookingReferences(references: readonly string[]): Promise<Map<string, Trip>> {
    const normalised = [...new Set(references.map((r) => r.trim().toUpperCase()).filter((r) => BOOKING_REFERENCE_PATTERN.test(r)))];
    if (!normalised.length) return new Map();
    const trips = await this.dataSource.getRepository(Trip).findBy({ bookingReference: In(normalised) });
    return new Map(trips.map((trip) => [trip.bookingReference as string, trip]));
  }

  list(args: TripsArgs): Promise<Connection<Trip>> {
    const query = this.dataSource.getRepository(Trip).createQueryBuilder('trip');
    const filter = args.filter ?? {};
    if (filter.status?.length) query.andWhere('trip.status IN (:...status)', { status: filter.status });
    if (filter.customerId) query.andWhere('trip.customerId = :customerId', { customerId: filter.customerId });
    if (filter.startsFrom) query.andWhere('trip.startsAt >= :startsFrom', { startsFrom: filter.startsFrom });
    if (filter.startsBefore) query.andWhere('trip.startsAt < :startsBefore', { startsBefore: filter.startsBefore });
    if (filter.endsFrom) query.andWhere('trip.endsAt >= :endsFrom', { endsFrom: filter.endsFrom });
    if (filter.endsBefore) query.andWhere('trip.endsAt < :endsBefore', { endsBefore: filter.endsBefore });
    const segment = (condition: string, parameters: object) =>
      query.andWhere(`EXISTS (SELECT 1 FROM trip_segment s WHERE s.trip_id = trip.id AND s.removed_at IS NULL AND ${condition})`, parameters);
    if (filter.segmentKind?.length) segment('s.kind IN (:...segmentKind)', { segmentKind: filter.segmentKind });
    if (filter.carrier) segment(`s.kind = 'FLIGHT' AND s.carrier = :carrier`, { carrier: filter.carrier.toUpperCase() });
    if (filter.airport) segment(`s.kind = 'FLIGHT' AND :airport IN (s.origin, s.destination)`, { airport: filter.airport.toUpperCase() });
    const order = ORDERS[args.orderBy ?? TripOrder.STARTS_AT_DESC] ?? ORDERS[TripOrder.STARTS_AT_DESC];
    return paginate(query, args, order);
  }

  /** A trip's segments in booking order; those the booking no longer holds only when asked. */
  segmentsOf(tripId: string, includeRemoved = false): Promise<TripSegment[]> {
    return this.dataSource.getRepository(TripSegment).find({ where: includeRemoved ? { tripId } : { tripId, removedAt: IsNull() }, order: { position: 'ASC', id: 'ASC' } });
  }

  /** The segments of several trips in one query (`trip_id = ANY($1)`), each trip's in booking order; a trip without any gets []. */
  async segmentsOfTrips(tripIds: readonly string[], includeRemoved = false): Promise<Map<string, TripSegment[]>> {
    const bySegment = new Map<string, TripSegment[]>(tripIds.map((id) => [id, []]));
    if (!tripIds.length) return bySegment;
    const query = this.dataSource
      .getRepository(TripSegment)
      .createQueryBuilder('segment')
      .where('segment.trip_id = ANY(:tripIds)', { tripIds: [...bySegment.keys()] })
      .orderBy('segment.trip_id')
      .addOrderBy('segment.position', 'ASC')
      .addOrderBy('segment.id', 'ASC');
    if (!includeRemoved) query.andWhere('segment.removed_at IS NULL');
    for (const segment of await query.getMany()) bySegment.get(segment.tripId)?.push(segment);
    return bySegment;
  }
}
