import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { BaggageFileOutcome, BaggageFileStatus, BaggageLossReason, DeliveryStatus } from '../incident.enums';

/**
 * A baggage file (the property irregularity report of a delayed, damaged, pilfered or lost bag),
 * under the industry's reference: station + airline + 5 digits, e.g. PVGMU12345. One per incident.
 */
@ObjectType('BaggageFile', { description: 'A baggage file under its industry reference (station + airline + 5 digits, e.g. PVGMU12345).' })
@Entity('baggage_file')
export class BaggageFile {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Index('baggage_file_reference_key', { unique: true })
  @Column({ type: 'text' })
  reference: string;

  @Field(() => ID)
  @Index('baggage_file_incident_key', { unique: true })
  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId: string;

  @Field(() => BaggageFileStatus)
  @Column({ type: 'enum', enum: BaggageFileStatus, enumName: 'baggage_file_status' })
  status: BaggageFileStatus;

  @Field(() => String, { nullable: true, description: 'The bag tag number, e.g. 0220123456.' })
  @Column({ name: 'bag_tag', type: 'text', nullable: true })
  bagTag: string | null;

  /** What the bag looks like and holds, in the passenger's words: personal data. */
  @Column({ name: 'bag_description', type: 'text', nullable: true })
  bagDescription: string | null;

  @Field()
  @Column({ name: 'opened_at', type: 'timestamptz', precision: 3 })
  openedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the bag was found.' })
  @Column({ name: 'found_at', type: 'timestamptz', precision: 3, nullable: true })
  foundAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'found_station', type: 'text', nullable: true })
  foundStation: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'suspended_at', type: 'timestamptz', precision: 3, nullable: true })
  suspendedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  @Field(() => BaggageFileOutcome, { nullable: true })
  @Column({ type: 'enum', enum: BaggageFileOutcome, enumName: 'baggage_file_outcome', nullable: true })
  outcome: BaggageFileOutcome | null;

  @Field(() => BaggageLossReason, { nullable: true, description: 'Why the bag went astray (recorded at closing).' })
  @Column({ name: 'loss_reason', type: 'enum', enum: BaggageLossReason, enumName: 'baggage_loss_reason', nullable: true })
  lossReason: BaggageLossReason | null;

  @Field(() => String, { nullable: true, description: 'The station at fault (IATA code), recorded at closing.' })
  @Column({ name: 'fault_station', type: 'text', nullable: true })
  faultStation: string | null;

  @Field(() => Date, { nullable: true, description: 'When the passenger received the bag (claim windows run from it).' })
  @Column({ name: 'received_at', type: 'timestamptz', precision: 3, nullable: true })
  receivedAt: Date | null;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @Field(() => Int)
  @VersionColumn()
  version: number;
}

/** The order to a courier to bring a found bag to the passenger, and its latest status. */
@ObjectType('BaggageDelivery', { description: 'A found bag’s delivery to the passenger by a courier.' })
@Entity('baggage_delivery')
export class BaggageDelivery {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'baggage_file_id', type: 'uuid' })
  baggageFileId: string;

  /** Kept for erasure through the incident. */
  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId: string;

  @Field({ description: 'The courier, e.g. a delivery company.' })
  @Column({ type: 'text' })
  courier: string;

  /** Where to bring the bag: personal data. */
  @Column({ type: 'text' })
  address: string;

  @Field(() => DeliveryStatus)
  @Column({ type: 'enum', enum: DeliveryStatus, enumName: 'baggage_delivery_status' })
  status: DeliveryStatus;

  @Field()
  @Column({ name: 'ordered_at', type: 'timestamptz', precision: 3 })
  orderedAt: Date;

  @Field()
  @Column({ name: 'ordered_by', type: 'text' })
  orderedBy: string;

  @Field(() => Date, { nullable: true, description: 'When the courier expects to deliver.' })
  @Column({ name: 'expected_at', type: 'timestamptz', precision: 3, nullable: true })
  expectedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'delivered_at', type: 'timestamptz', precision: 3, nullable: true })
  deliveredAt: Date | null;

  @Field({ description: 'When the latest status was reported.' })
  @Column({ name: 'status_at', type: 'timestamptz', precision: 3 })
  statusAt: Date;
}

/** One status update from the courier, recorded once per update id (the courier may send it again). */
@ObjectType('BaggageDeliveryUpdate', { description: 'A courier’s status update.' })
@Entity('baggage_delivery_update')
export class BaggageDeliveryUpdate {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId: string;

  @Field({ description: 'The courier’s id of the update: the same id is recorded once.' })
  @Column({ name: 'update_id', type: 'text' })
  updateId: string;

  @Field(() => DeliveryStatus)
  @Column({ type: 'enum', enum: DeliveryStatus, enumName: 'baggage_delivery_status' })
  status: DeliveryStatus;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  at: Date;

  /** The courier's remark (may hold names or places). */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', precision: 3 })
  recordedAt: Date;
}
