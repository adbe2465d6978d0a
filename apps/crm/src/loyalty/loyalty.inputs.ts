import { ArrayMaxSize, IsDate, IsIn, IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min, NotEquals, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ListArgs, PageArgs } from '@carebridge/service-kit';
import { CustomerTier } from '../customer/customer.enums';
import { CouponStatus, CouponValueType } from './loyalty.enums';

const DECIMAL = /^\d{1,8}(\.\d{1,2})?$/;
const DECIMAL_RULE = 'must be a positive decimal such as 50 or 12.50';
const CURRENCY = /^[A-Z]{3}$/;
const CURRENCY_RULE = 'must be an ISO 4217 currency code such as EUR';

/** Shared by earning, redeeming and adjusting points. */
@InputType('PointsChangeBase')
abstract class PointsChange {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId: string;

  @Field({ description: 'Why, in words (kept on the ledger).' })
  @Length(3, 500, { message: 'must be 3 to 500 characters' })
  reason: string;

  @Field({ description: 'Unique per change, e.g. the booking reference: sending the same change twice books it once.' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  idempotencyKey: string;
}

@InputType()
export class EarnLoyaltyPointsInput extends PointsChange {
  @Field(() => Int)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(1_000_000, { message: 'must be at most 1000000' })
  points: number;
}

@InputType()
export class RedeemLoyaltyPointsInput extends PointsChange {
  @Field(() => Int)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(1_000_000, { message: 'must be at most 1000000' })
  points: number;
}

@InputType({ description: 'A correction by a CRM manager: positive credits, negative debits (never below zero).' })
export class AdjustLoyaltyPointsInput extends PointsChange {
  @Field(() => Int)
  @IsInt({ message: 'must be a whole number' })
  @NotEquals(0, { message: 'must not be 0' })
  @Min(-1_000_000, { message: 'must be at least -1000000' })
  @Max(1_000_000, { message: 'must be at most 1000000' })
  points: number;
}

@InputType()
export class IssueCouponInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId: string;

  @Field(() => CouponValueType)
  @IsIn(Object.values(CouponValueType))
  valueType: CouponValueType;

  @Field({ description: 'Money for AMOUNT, percent (up to 100) for PERCENTAGE.' })
  @Matches(DECIMAL, { message: DECIMAL_RULE })
  value: string;

  @Field(() => String, { nullable: true, description: 'Required for AMOUNT coupons.' })
  @IsOptional()
  @Matches(CURRENCY, { message: CURRENCY_RULE })
  currency?: string | null;

  @Field(() => Date, { nullable: true, description: 'Default: now.' })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  validFrom?: Date | null;

  @Field()
  @IsDate({ message: 'must be a date and time' })
  validUntil: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000, { message: 'must be at most 1000 characters' })
  conditions?: string | null;
}

@InputType()
export class RedeemCouponInput {
  @Field({ description: 'The code the customer presents.' })
  @Length(4, 40, { message: 'must be 4 to 40 characters' })
  code: string;

  @Field(() => String, { nullable: true, description: 'The booking it was used for.' })
  @IsOptional()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  bookingReference?: string | null;
}

@InputType()
export class CampaignSegmentInput {
  @Field(() => [CustomerTier], { nullable: true, defaultValue: [] })
  tiers: CustomerTier[];

  @Field(() => [String], { nullable: true, defaultValue: [] })
  @ArrayMaxSize(30, { message: 'must list at most 30 tags' })
  @Length(1, 40, { each: true, message: 'must be 1 to 40 characters each' })
  tags: string[];

  @Field(() => [String], { nullable: true, defaultValue: [] })
  @ArrayMaxSize(50, { message: 'must list at most 50 destinations' })
  @Length(1, 100, { each: true, message: 'must be 1 to 100 characters each' })
  destinations: string[];

  @Field(() => [ID], { nullable: true, defaultValue: [] })
  @ArrayMaxSize(100, { message: 'must list at most 100 key accounts' })
  @IsUUID('all', { each: true, message: 'must be key account ids (UUID)' })
  keyAccountIds: string[];

  @Field({ nullable: true, defaultValue: true })
  requireMarketingConsent: boolean;
}

@InputType()
export class CampaignCouponInput {
  @Field(() => CouponValueType)
  @IsIn(Object.values(CouponValueType))
  valueType: CouponValueType;

  @Field()
  @Matches(DECIMAL, { message: DECIMAL_RULE })
  value: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CURRENCY, { message: CURRENCY_RULE })
  currency?: string | null;

  @Field(() => Int, { description: 'Days the coupon stays valid after it is granted.' })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be from 1 to 1000' })
  @Max(1000, { message: 'must be from 1 to 1000' })
  validDays: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000, { message: 'must be at most 1000 characters' })
  conditions?: string | null;
}

@InputType({ description: 'A reward campaign: who it targets and what each of them gets (points, a coupon, or both).' })
export class CreateCampaignInput {
  @Field()
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000, { message: 'must be at most 5000 characters' })
  description?: string | null;

  @Field(() => CampaignSegmentInput)
  @ValidateNested()
  segment: CampaignSegmentInput;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(1_000_000, { message: 'must be at most 1000000' })
  rewardPoints?: number | null;

  @Field(() => CampaignCouponInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  rewardCoupon?: CampaignCouponInput | null;

  @Field()
  @IsDate({ message: 'must be a date and time' })
  startsAt: Date;

  @Field()
  @IsDate({ message: 'must be a date and time' })
  endsAt: Date;
}

@InputType()
export class LaunchCampaignInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a campaign id (UUID)' })
  campaignId: string;
}

@InputType()
export class EndCampaignInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a campaign id (UUID)' })
  campaignId: string;
}

@ArgsType()
export class CouponsArgs extends ListArgs {
  @Field(() => [CouponStatus], { nullable: true, description: 'Only coupons in one of these states; all when not given.' })
  status?: CouponStatus[];
}

@ArgsType()
export class CampaignsArgs extends PageArgs {}
