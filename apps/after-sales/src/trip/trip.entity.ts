import { ConnectionType } from '@carebridge/service-kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { TripStatus, TripStepSource } from './trip.enums';

/**
 * A trip: a booking of the company's reservation system as after-sales looks after it, from
 * confirmation to the customer's return. The reservation system owns the booking; the trip holds
 * its latest state (`bookingChangedAt`), so an older state arriving late never overwrites a newer one.
 */
@Directive('@key(fields: "id")')
@ObjectType('Trip', { description: 'A trip: a booking of the reservation system, from confirmation to the customer’s return.' })
@Entity('trip')
export class Trip {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null once the customer was erased: the reference would still identify them in the reservation system. */
  @Column({ name: 'booking_reference', type: 'text', nullable: true })
  bookingReference: string | null;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => TripStatus)
  @Column({ type: 'enum', enum: TripStatus, enumName: 'trip_status' })
  status: TripStatus;

  @Field({ description: 'When the first segment starts: the customer leaves.' })
  @Column({ name: 'starts_at', type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Field({ description: 'When the last segment ends: the customer is back.' })
  @Column({ name: 'ends_at', type: 'timestamptz', precision: 3 })
  endsAt: Date;

  @Field(() => Int, { nullable: true, description: 'How many people travel on the booking, if the reservation system says.' })
  @Column({ type: 'integer', nullable: true })
  travellers: number | null;

  @Field({ description: 'When the reservation system recorded the state of the booking the trip shows (its version).' })
  @Column({ name: 'booking_changed_at', type: 'timestamptz', precision: 3 })
  bookingChangedAt: Date;

  @Field(() => TripStepSource, { description: 'How the latest state reached after-sales.' })
  @Column({ name: 'last_change_via', type: 'enum', enum: TripStepSource, enumName: 'trip_step_source' })
  lastChangeVia: TripStepSource;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'confirmed_at', type: 'timestamptz', precision: 3, nullable: true })
  confirmedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'cancelled_at', type: 'timestamptz', precision: 3, nullable: true })
  cancelledAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'completed_at', type: 'timestamptz', precision: 3, nullable: true })
  completedAt: Date | null;

  @Field(() => TripStepSource, { nullable: true, description: 'Whether the reservation system said the trip ended, or its end passed (SCHEDULE).' })
  @Column({ name: 'completed_via', type: 'enum', enum: TripStepSource, enumName: 'trip_step_source', nullable: true })
  completedVia: TripStepSource | null;

  @Field({ description: 'When after-sales first learned of the booking.' })
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @Field(() => Int, { description: 'Changes with every change of the trip.' })
  @VersionColumn()
  version: number;

  @Field(() => Date, { nullable: true, description: "When the customer's personal data in this trip was anonymised (erasure)." })
  @Column({ name: 'anonymised_at', type: 'timestamptz', precision: 3, nullable: true })
  anonymisedAt: Date | null;
}

/** A page of trips (Relay connection). */
export const TripConnection = ConnectionType(Trip);
