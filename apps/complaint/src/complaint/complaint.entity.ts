import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export enum ComplaintStatus {
  REGISTERED = 'REGISTERED',
  ASSIGNED = 'ASSIGNED',
  IN_PROGRESS = 'IN_PROGRESS',
  FEEDBACK_GIVEN = 'FEEDBACK_GIVEN',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
  REOPENED = 'REOPENED',
}

/** The complaint taxonomy. */
export enum ComplaintCategory {
  FLIGHT_DELAY_CANCELLATION = 'FLIGHT_DELAY_CANCELLATION',
  BAGGAGE = 'BAGGAGE',
  REFUND = 'REFUND',
  TICKETING = 'TICKETING',
  STAFF_CONDUCT = 'STAFF_CONDUCT',
  ACCOMMODATION = 'ACCOMMODATION',
  ITINERARY_CHANGE = 'ITINERARY_CHANGE',
  VISA_DOCUMENTS = 'VISA_DOCUMENTS',
  OTHER = 'OTHER',
}

export enum Urgency {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}

export enum ContactChannel {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  CHAT = 'CHAT',
  WEB_FORM = 'WEB_FORM',
  IN_PERSON = 'IN_PERSON',
  SOCIAL_MEDIA = 'SOCIAL_MEDIA',
}

export enum InvolvedPartyKind {
  STAFF = 'STAFF',
  FLIGHT = 'FLIGHT',
  HOTEL = 'HOTEL',
  PARTNER = 'PARTNER',
  OTHER = 'OTHER',
}

registerEnumType(ComplaintStatus, { name: 'ComplaintStatus' });
registerEnumType(ComplaintCategory, { name: 'ComplaintCategory', description: 'What the complaint is about.' });
registerEnumType(Urgency, { name: 'Urgency' });
registerEnumType(ContactChannel, { name: 'ContactChannel', description: 'How the customer reached the department.' });
registerEnumType(InvolvedPartyKind, { name: 'InvolvedPartyKind' });

@ObjectType({ description: 'A person, flight, hotel or partner the complaint concerns (A-3.2.2).' })
export class InvolvedParty {
  @Field(() => InvolvedPartyKind)
  kind: InvolvedPartyKind;

  @Field({ description: 'Name or reference: a staff name, flight number, hotel or partner name.' })
  name: string;

  @Field(() => String, { nullable: true })
  detail?: string | null;
}

/** A complaint's file (T-3.1): registered as the customer told it, never deleted. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A customer complaint and its file.' })
@Entity('complaint')
@Index('complaint_customer_created_idx', ['customerId', 'createdAt'])
export class Complaint {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Readable registration number, e.g. CMP-2026-000123.' })
  @Index('complaint_registration_number_key', { unique: true })
  @Column({ name: 'registration_number' })
  registrationNumber: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => ComplaintStatus)
  @Column({ type: 'enum', enum: ComplaintStatus, enumName: 'complaint_status', default: ComplaintStatus.REGISTERED })
  status: ComplaintStatus;

  @Field(() => ContactChannel)
  @Column({ type: 'enum', enum: ContactChannel, enumName: 'contact_channel' })
  channel: ContactChannel;

  @Field(() => ComplaintCategory)
  @Column({ type: 'enum', enum: ComplaintCategory, enumName: 'complaint_category' })
  category: ComplaintCategory;

  @Field(() => Urgency)
  @Column({ type: 'enum', enum: Urgency, enumName: 'urgency' })
  urgency: Urgency;

  @Field({ description: "The customer's own words (A-2.1)." })
  @Column({ type: 'text' })
  description: string;

  @Field({ description: 'When the matter complained about happened.' })
  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3 })
  occurredAt: Date;

  @Field(() => String, { nullable: true, description: 'Where it happened: airport, hotel, city.' })
  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Field(() => [InvolvedParty])
  @Column({ name: 'people_involved', type: 'jsonb', default: () => "'[]'" })
  peopleInvolved: InvolvedParty[];

  @Field({ description: 'User id of who registered the complaint.' })
  @Column({ name: 'registered_by' })
  registeredBy: string;

  @Field(() => String, { nullable: true, description: 'Name of who registered the complaint.' })
  @Column({ name: 'registered_by_name', type: 'text', nullable: true })
  registeredByName: string | null;

  @Field({ description: 'When the complaint was registered.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

/** Registration numbers run per year without gaps: the counter row is locked in the registering transaction. */
@Entity('complaint_number_counter')
export class ComplaintNumberCounter {
  @Column({ primary: true, type: 'integer' })
  year: number;

  @Column({ name: 'last_number', type: 'integer' })
  lastNumber: number;
}
