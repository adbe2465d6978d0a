import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum KeyAccountKind {
  CORPORATE = 'CORPORATE',
  PRIVATE_CLIENT = 'PRIVATE_CLIENT',
}
registerEnumType(KeyAccountKind, { name: 'KeyAccountKind', description: 'A company travelling with us, or a high-end private client and their household.' });

export enum KeyAccountStatus {
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}
registerEnumType(KeyAccountStatus, { name: 'KeyAccountStatus' });

export enum CustomerEventStatus {
  PLANNED = 'PLANNED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}
registerEnumType(CustomerEventStatus, { name: 'CustomerEventStatus' });

export enum InvitationStatus {
  INVITED = 'INVITED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  ATTENDED = 'ATTENDED',
  NO_SHOW = 'NO_SHOW',
}
registerEnumType(InvitationStatus, { name: 'InvitationStatus' });

/** The service a key account agreed to (T-2.4): dedicated service and a customised plan. */
@ObjectType({ description: 'Service terms agreed with a key account.' })
export class ServiceTerms {
  @Field(() => Int, { description: 'Agreed time to answer the account, in hours.' })
  responseTimeHours: number;

  @Field({ description: 'The account calls a dedicated line.' })
  dedicatedHotline: boolean;

  @Field(() => Float, { nullable: true, description: 'Agreed discount on bookings, percent.' })
  discountPercent: number | null;

  @Field(() => String, { nullable: true, description: 'The customised service plan, in words.' })
  customPlan: string | null;

  @Field(() => Date, { nullable: true })
  validUntil: Date | null;
}
