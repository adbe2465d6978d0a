import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TripSegmentKind } from './trip.enums';

/**
 * One segment of a trip's booking: a flight, a hotel stay, a tour or a transfer. A segment keeps its
 * id across changes of the booking (it is recognised by `matchKey`), so incidents and documents can
 * refer to it; one the booking no longer holds is kept with `removedAt` set.
 *
 * Stored in one table, shown in the graph as FlightSegment, HotelSegment, TourSegment or
 * TransferSegment (trip-segment.types.ts): `startsAt`/`endsAt` are the departure and arrival, the
 * check-in and check-out, the tour's start and end, the pick-up and drop-off.
 */
@Entity('trip_segment')
@Index('trip_segment_trip_idx', ['tripId', 'position'])
export class TripSegment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'trip_id', type: 'uuid' })
  tripId: string;

  /** Its place in the booking as last received. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'enum', enum: TripSegmentKind, enumName: 'trip_segment_kind' })
  kind: TripSegmentKind;

  /** What makes it the same segment in the next state of the booking (booking-segments.ts). */
  @Column({ name: 'match_key', type: 'text' })
  matchKey: string;

  @Column({ type: 'text', nullable: true })
  reference: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz', precision: 3, nullable: true })
  endsAt: Date | null;

  @Column({ type: 'text', nullable: true })
  carrier: string | null;

  @Column({ name: 'flight_number', type: 'text', nullable: true })
  flightNumber: string | null;

  @Column({ type: 'text', nullable: true })
  origin: string | null;

  @Column({ type: 'text', nullable: true })
  destination: string | null;

  @Column({ name: 'distance_km', type: 'integer', nullable: true })
  distanceKm: number | null;

  /** The hotel's or the tour's name. */
  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ name: 'country_code', type: 'text', nullable: true })
  countryCode: string | null;

  /** The tour operator or transfer company. */
  @Column({ type: 'text', nullable: true })
  supplier: string | null;

  /** A transfer's pick-up place (an address, maybe the customer's home). */
  @Column({ name: 'place_from', type: 'text', nullable: true })
  placeFrom: string | null;

  @Column({ name: 'place_to', type: 'text', nullable: true })
  placeTo: string | null;

  @Column({ name: 'removed_at', type: 'timestamptz', precision: 3, nullable: true })
  removedAt: Date | null;
}
