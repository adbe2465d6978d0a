import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsDate, IsIn, IsInt, IsNumber, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '@carebridge/service-kit';
import { CustomerTier } from '../customer/customer.enums';
import { AgreedCompensationCategory, AgreedCompensationKind, KeyAccountKind, KeyAccountStatus } from './key-account.enums';

@InputType({ description: "The staff member the account deals with." })
export class DedicatedContactInput {
  @Field({ description: 'User id of the staff member (1 to 200 characters).' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  userId: string;

  @Field(() => String, { nullable: true, description: 'The staff member’s name (1 to 200 characters); leave out to give only the user id.' })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name?: string | null;
}

@InputType()
export class AgreedCompensationRuleInput {
  @Field(() => AgreedCompensationCategory, { nullable: true, description: 'Leave out for any category.' })
  @IsOptional()
  @IsIn(Object.values(AgreedCompensationCategory))
  category?: AgreedCompensationCategory | null;

  @Field(() => AgreedCompensationKind, { description: 'The kind of compensation the rule agrees.' })
  @IsIn(Object.values(AgreedCompensationKind))
  kind: AgreedCompensationKind;

  @Field(() => String, { nullable: true, description: 'Decimal amount (REFUND, VOUCHER), with currency.' })
  @IsOptional()
  @Matches(/^\d{1,9}(\.\d{1,2})?$/, { message: 'must be an amount such as 200 or 200.00' })
  maxAmount?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency code of maxAmount, upper case (EUR).' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 currency code such as EUR' })
  currency?: string | null;

  @Field(() => Int, { nullable: true, description: 'Whole points or miles (LOYALTY_POINTS, MILES).' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  maxQuantity?: number | null;

  @Field({ defaultValue: false, description: "Up to the maximum, no supervisor's approval is needed (default false)." })
  @IsBoolean()
  preApproved: boolean;
}

@InputType()
export class ServiceTermsInput {
  @Field(() => Int, { nullable: true, description: 'Agreed first-response time in minutes (1 to 10080); default 240.' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be from 1 to 10080 minutes' })
  @Max(10080, { message: 'must be from 1 to 10080 minutes' })
  responseTargetMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'The same in whole hours (1 to 168), when responseTargetMinutes is left out.' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be from 1 to 168 hours' })
  @Max(168, { message: 'must be from 1 to 168 hours' })
  responseTimeHours?: number | null;

  @Field(() => DedicatedContactInput, { nullable: true, description: 'The staff member the account deals with; leave out for none.' })
  @IsOptional()
  @ValidateNested()
  dedicatedContact?: DedicatedContactInput | null;

  @Field(() => [AgreedCompensationRuleInput], { defaultValue: [], description: 'The compensation agreed for complaints of the members (at most 20 rules; default none).' })
  @ArrayMaxSize(20, { message: 'must name at most 20 rules' })
  @IsOptional()
  @ValidateNested({ each: true })
  compensationRules?: AgreedCompensationRuleInput[];

  @Field({ defaultValue: false })
  @IsBoolean()
  dedicatedHotline: boolean;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'must be a number with at most 2 decimals' })
  @Min(0, { message: 'must be from 0 to 100' })
  @Max(100, { message: 'must be from 0 to 100' })
  discountPercent?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000, { message: 'must be at most 5000 characters' })
  customPlan?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  validUntil?: Date | null;
}

@InputType()
export class CreateKeyAccountInput {
  @Field()
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  name: string;

  @Field(() => KeyAccountKind, { defaultValue: KeyAccountKind.CORPORATE })
  @IsIn(Object.values(KeyAccountKind))
  kind: KeyAccountKind;

  @Field({ description: 'User id of the dedicated account manager.' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  accountManagerId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  accountManagerName?: string | null;

  @Field(() => ServiceTermsInput)
  @ValidateNested()
  serviceTerms: ServiceTermsInput;

  @Field(() => CustomerTier, { defaultValue: CustomerTier.GOLD })
  @IsIn(Object.values(CustomerTier))
  memberTier: CustomerTier;
}

@InputType({ description: 'Changes to a key account; fields left out stay as they are.' })
export class UpdateKeyAccountInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a key account id (UUID)' })
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  accountManagerId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  accountManagerName?: string | null;

  @Field(() => ServiceTermsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  serviceTerms?: ServiceTermsInput;

  @Field(() => CustomerTier, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(CustomerTier))
  memberTier?: CustomerTier;

  @Field(() => KeyAccountStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(KeyAccountStatus))
  status?: KeyAccountStatus;
}

@InputType()
export class AddKeyAccountMemberInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a key account id (UUID)' })
  keyAccountId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  position?: string | null;
}

@InputType()
export class RemoveKeyAccountMemberInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a key account id (UUID)' })
  keyAccountId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId: string;
}

@InputType()
export class OrganiseCustomerEventInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a key account id (UUID)' })
  keyAccountId?: string | null;

  @Field()
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000, { message: 'must be at most 5000 characters' })
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300, { message: 'must be at most 300 characters' })
  venue?: string | null;

  @Field()
  @IsDate({ message: 'must be a date and time' })
  startsAt: Date;

  @Field()
  @IsDate({ message: 'must be a date and time' })
  endsAt: Date;
}

@InputType()
export class InviteToCustomerEventInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer event id (UUID)' })
  eventId: string;

  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'must name at least one customer' })
  @ArrayMaxSize(500, { message: 'must name at most 500 customers' })
  @IsUUID('all', { each: true, message: 'must be customer ids (UUID)' })
  customerIds: string[];
}

@InputType()
export class RecordInvitationResponseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer event id (UUID)' })
  eventId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId: string;

  @Field()
  @IsBoolean()
  accepted: boolean;
}

@InputType({ description: 'Who came: the event is HELD, invited customers not named are NO_SHOW.' })
export class RecordCustomerEventAttendanceInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer event id (UUID)' })
  eventId: string;

  @Field(() => [ID])
  @ArrayMaxSize(500, { message: 'must name at most 500 customers' })
  @IsUUID('all', { each: true, message: 'must be customer ids (UUID)' })
  attendedCustomerIds: string[];
}

@InputType()
export class CancelCustomerEventInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer event id (UUID)' })
  eventId: string;
}

@ArgsType()
export class CustomerEventsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a key account id (UUID)' })
  keyAccountId?: string;
}

@ArgsType()
export class KeyAccountsArgs extends PageArgs {
  @Field({ nullable: true, description: "Part of the account's name, its account manager or dedicated contact (user id or name)." })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  search?: string;

  @Field(() => KeyAccountStatus, { nullable: true, description: 'Only accounts in this status (ACTIVE or CLOSED); leave out for both.' })
  @IsOptional()
  @IsIn(Object.values(KeyAccountStatus))
  status?: KeyAccountStatus;

  @Field(() => KeyAccountKind, { nullable: true, description: 'Only corporate accounts or only private clients; leave out for both.' })
  @IsOptional()
  @IsIn(Object.values(KeyAccountKind))
  kind?: KeyAccountKind;
}
