import { COMPENSATION_KINDS, COMPLAINT_CATEGORIES, enumOf, type EnumValue } from '@carebridge/event-contracts';
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

/** The complaint taxonomy and compensation kinds, under crm's own GraphQL names (each subgraph's schema changes on its own). */
export const AgreedCompensationCategory = enumOf(COMPLAINT_CATEGORIES);
export type AgreedCompensationCategory = EnumValue<typeof AgreedCompensationCategory>;
export const AgreedCompensationKind = enumOf(COMPENSATION_KINDS);
export type AgreedCompensationKind = EnumValue<typeof AgreedCompensationKind>;
registerEnumType(AgreedCompensationCategory, { name: 'AgreedCompensationCategory', description: 'The complaint category an agreed compensation rule is for.' });
registerEnumType(AgreedCompensationKind, { name: 'AgreedCompensationKind' });

@ObjectType({ description: 'The staff member a key account deals with.' })
export class DedicatedContact {
  @Field({ description: 'User id of the staff member.' })
  userId: string;

  @Field(() => String, { nullable: true, description: 'The staff member’s name as given with the terms; null when only the user id was given.' })
  name: string | null;
}

@ObjectType({ description: "A compensation the key account's members are agreed to receive, up to a maximum." })
export class AgreedCompensationRule {
  @Field(() => AgreedCompensationCategory, { nullable: true, description: 'null: a complaint of any category.' })
  category: AgreedCompensationCategory | null;

  @Field(() => AgreedCompensationKind, { description: 'The kind of compensation the rule agrees (REFUND, VOUCHER, LOYALTY_POINTS, MILES or SERVICE_GESTURE).' })
  kind: AgreedCompensationKind;

  @Field(() => String, { nullable: true, description: 'Decimal amount (REFUND, VOUCHER), e.g. "200.00".' })
  maxAmount: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217, with maxAmount.' })
  currency: string | null;

  @Field(() => Int, { nullable: true, description: 'Whole points or miles (LOYALTY_POINTS, MILES).' })
  maxQuantity: number | null;

  @Field({ description: "Up to the maximum, no supervisor's approval is needed." })
  preApproved: boolean;
}

/** The service a key account agreed to (T-2.4): response target, dedicated contact, compensation rules. */
@ObjectType({ description: 'Service terms agreed with a key account.' })
export class ServiceTerms {
  @Field(() => Int, { description: "Agreed first-response time for members' inquiries and complaints, in minutes of calendar time." })
  responseTargetMinutes: number;

  /** Stored by earlier versions; the GraphQL field is derived from responseTargetMinutes. */
  responseTimeHours?: number;

  @Field(() => DedicatedContact, { nullable: true, description: 'The staff member the account deals with; null when none is agreed.' })
  dedicatedContact: DedicatedContact | null;

  @Field(() => [AgreedCompensationRule], { description: 'The compensation agreed for complaints of the members, per category and kind; empty when none is agreed.' })
  compensationRules: AgreedCompensationRule[];

  @Field({ description: 'The account calls a dedicated line.' })
  dedicatedHotline: boolean;

  @Field(() => Float, { nullable: true, description: 'Agreed discount on bookings, percent.' })
  discountPercent: number | null;

  @Field(() => String, { nullable: true, description: 'The customised service plan, in words.' })
  customPlan: string | null;

  @Field(() => Date, { nullable: true, description: 'The terms no longer apply after this.' })
  validUntil: Date | null;
}
