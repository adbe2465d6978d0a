import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { CustomerTier } from '../customer/customer.enums';
import { CustomerEventStatus, InvitationStatus, KeyAccountKind, KeyAccountStatus, ServiceTerms } from './key-account.enums';

/** A key account (T-2.4, A-3.4.3): a corporate or high-end client with a dedicated account manager. */
@ObjectType({ description: 'A key account with its dedicated account manager and agreed service.' })
@Entity('key_account')
export class KeyAccount {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => KeyAccountKind)
  @Column({ type: 'enum', enum: KeyAccountKind, enumName: 'key_account_kind' })
  kind: KeyAccountKind;

  @Field(() => KeyAccountStatus)
  @Column({ type: 'enum', enum: KeyAccountStatus, enumName: 'key_account_status', default: KeyAccountStatus.ACTIVE })
  status: KeyAccountStatus;

  @Field({ description: 'User id of the dedicated account manager.' })
  @Column({ name: 'account_manager_id', type: 'text' })
  accountManagerId: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'account_manager_name', type: 'text', nullable: true })
  accountManagerName: string | null;

  @Field(() => ServiceTerms)
  @Column({ name: 'service_terms', type: 'jsonb' })
  serviceTerms: ServiceTerms;

  @Field(() => CustomerTier, { description: 'Members are raised to at least this tier (rule KEY_ACCOUNT).' })
  @Column({ name: 'member_tier', type: 'enum', enum: CustomerTier, enumName: 'customer_tier' })
  memberTier: CustomerTier;

  @Field()
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @VersionColumn()
  version: number;
}

/** A customer who belongs to a key account (one account per customer). */
@ObjectType({ description: 'A member customer of a key account.' })
@Entity('key_account_member')
export class KeyAccountMember {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'key_account_id', type: 'uuid' })
  keyAccountId: string;

  @Field(() => ID)
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => String, { nullable: true, description: 'e.g. "travel coordinator", "CEO".' })
  @Column({ type: 'text', nullable: true })
  position: string | null;

  @Field()
  @Column({ name: 'added_by', type: 'text' })
  addedBy: string;

  @Field()
  @Column({ name: 'added_at', type: 'timestamptz', precision: 3 })
  addedAt: Date;
}

/** A customer event organised for key customers: invitations and attendance. */
@ObjectType({ description: 'A customer event (appreciation dinner, product launch, trip preview) for key customers.' })
@Entity('customer_event')
export class CustomerEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { nullable: true, description: 'The key account it is organised for, if one.' })
  @Column({ name: 'key_account_id', type: 'uuid', nullable: true })
  keyAccountId: string | null;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  venue: string | null;

  @Field()
  @Column({ name: 'starts_at', type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Field()
  @Column({ name: 'ends_at', type: 'timestamptz', precision: 3 })
  endsAt: Date;

  @Field(() => CustomerEventStatus)
  @Column({ type: 'enum', enum: CustomerEventStatus, enumName: 'customer_event_status', default: CustomerEventStatus.PLANNED })
  status: CustomerEventStatus;

  @Field()
  @Column({ name: 'organised_by', type: 'text' })
  organisedBy: string;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @VersionColumn()
  version: number;
}

@ObjectType({ description: "A customer's invitation to a customer event, and whether they came." })
@Entity('customer_event_invitation')
export class CustomerEventInvitation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Field(() => ID)
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => InvitationStatus)
  @Column({ type: 'enum', enum: InvitationStatus, enumName: 'invitation_status', default: InvitationStatus.INVITED })
  status: InvitationStatus;

  @Field()
  @Column({ name: 'invited_by', type: 'text' })
  invitedBy: string;

  @Field()
  @Column({ name: 'invited_at', type: 'timestamptz', precision: 3 })
  invitedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'responded_at', type: 'timestamptz', precision: 3, nullable: true })
  respondedAt: Date | null;
}
