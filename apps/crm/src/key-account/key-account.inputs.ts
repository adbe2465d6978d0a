import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsDate, IsIn, IsInt, IsNumber, IsOptional, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '@carebridge/service-kit';
import { CustomerTier } from '../customer/customer.enums';
import { KeyAccountKind, KeyAccountStatus } from './key-account.enums';

@InputType()
export class ServiceTermsInput {
  @Field(() => Int, { defaultValue: 4 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be from 1 to 168 hours' })
  @Max(168, { message: 'must be from 1 to 168 hours' })
  responseTimeHours: number;

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
