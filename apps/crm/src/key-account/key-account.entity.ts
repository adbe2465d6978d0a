import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { CustomerTier } from '../customer/customer.enums';
import { CustomerEventStatus, InvitationStatus, KeyAccountKind, KeyAccountStatus, ServiceTerms } from './key-account.enums';

/** A key account (T-2.4, A-3.4.3): a corporate or high-end client with a dedicated account manager. */
@ObjectType({ description: 'A key account with its dedicated account manager and agreed service.' })
@Entity('key_account')
export class KeyAccount {
  @Field(() => ID, { description: 'The key account.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'The company, agency or group the key account is.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => KeyAccountKind, { description: 'A corporate client or a private client.' })
  @Column({ type: 'enum', enum: KeyAccountKind, enumName: 'key_account_kind' })
  kind: KeyAccountKind;

  @Field(() => KeyAccountStatus, { description: 'Active, or closed.' })
  @Column({ type: 'enum', enum: KeyAccountStatus, enumName: 'key_account_status', default: KeyAccountStatus.ACTIVE })
  status: KeyAccountStatus;

  @Field({ description: 'User id of the dedicated account manager.' })
  @Column({ name: 'account_manager_id', type: 'text' })
  accountManagerId: string;

  @Field(() => String, { nullable: true, description: 'Name of the account manager in charge of it.' })
  @Column({ name: 'account_manager_name', type: 'text', nullable: true })
  accountManagerName: string | null;

  @Field(() => ServiceTerms, { description: 'The service agreed with the key account: response times and compensation rules.' })
  @Column({ name: 'service_terms', type: 'jsonb' })
  serviceTerms: ServiceTerms;

  @Field(() => CustomerTier, { description: 'Members are raised to at least this tier (rule KEY_ACCOUNT).' })
  @Column({ name: 'member_tier', type: 'enum', enum: CustomerTier, enumName: 'customer_tier' })
  memberTier: CustomerTier;

  @Field({ description: 'User id of who created it.' })
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field({ description: 'When it was created.' })
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @VersionColumn()
  version: number;
}

/** A customer who belongs to a key account (one account per customer). */
@ObjectType({ description: 'A member customer of a key account.' })
@Entity('key_account_member')
export class KeyAccountMember {
  @Field(() => ID, { description: 'The membership.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The key account.' })
  @Column({ name: 'key_account_id', type: 'uuid' })
  keyAccountId: string;

  @Field(() => ID, { description: 'The customer who belongs to it.' })
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => String, { nullable: true, description: 'e.g. "travel coordinator", "CEO".' })
  @Column({ type: 'text', nullable: true })
  position: string | null;

  @Field({ description: 'User id of who added the customer.' })
  @Column({ name: 'added_by', type: 'text' })
  addedBy: string;

  @Field({ description: 'When the customer was added.' })
  @Column({ name: 'added_at', type: 'timestamptz', precision: 3 })
  addedAt: Date;
}

/** A customer event organised for key customers: invitations and attendance. */
@ObjectType({ description: 'A customer event (appreciation dinner, product launch, trip preview) for key customers.' })
@Entity('customer_event')
export class CustomerEvent {
  @Field(() => ID, { description: 'The customer event.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { nullable: true, description: 'The key account it is organised for, if one.' })
  @Column({ name: 'key_account_id', type: 'uuid', nullable: true })
  keyAccountId: string | null;

  @Field({ description: 'What the event is called on invitations.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true, description: 'What happens at the event.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'Where the event takes place.' })
  @Column({ type: 'text', nullable: true })
  venue: string | null;

  @Field({ description: 'When the event starts.' })
  @Column({ name: 'starts_at', type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Field({ description: 'When the event ends.' })
  @Column({ name: 'ends_at', type: 'timestamptz', precision: 3 })
  endsAt: Date;

  @Field(() => CustomerEventStatus, { description: 'Planned, held or cancelled.' })
  @Column({ type: 'enum', enum: CustomerEventStatus, enumName: 'customer_event_status', default: CustomerEventStatus.PLANNED })
  status: CustomerEventStatus;

  @Field({ description: 'User id of who organises it.' })
  @Column({ name: 'organised_by', type: 'text' })
  organisedBy: string;

  @Field({ description: 'When it was created.' })
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @VersionColumn()
  version: number;
}

@ObjectType({ description: "A customer's invitation to a customer event, and whether they came." })
@Entity('customer_event_invitation')
export class CustomerEventInvitation {
  @Field(() => ID, { description: 'The invitation.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The customer event.' })
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Field(() => ID, { description: 'The customer invited.' })
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => InvitationStatus, { description: 'Invited, accepted, declined, attended or did not show.' })
  @Column({ type: 'enum', enum: InvitationStatus, enumName: 'invitation_status', default: InvitationStatus.INVITED })
  status: InvitationStatus;

  @Field({ description: 'User id of who invited the customer.' })
  @Column({ name: 'invited_by', type: 'text' })
  invitedBy: string;

  @Field({ description: 'When the customer was invited.' })
  @Column({ name: 'invited_at', type: 'timestamptz', precision: 3 })
  invitedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the customer accepted or declined.' })
  @Column({ name: 'responded_at', type: 'timestamptz', precision: 3, nullable: true })
  respondedAt: Date | null;
}
