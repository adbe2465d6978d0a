import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CustomerTier } from '../customer/customer.enums';
import { CouponValueType } from './loyalty.enums';

export enum CampaignStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
}
registerEnumType(CampaignStatus, { name: 'CampaignStatus' });

/** Who a campaign is for; every condition given must hold, an empty list means "any". */
@ObjectType({ description: 'The customers a campaign targets.' })
export class CampaignSegment {
  @Field(() => [CustomerTier], { description: 'Only customers of these tiers; empty: any tier.' })
  tiers: CustomerTier[];

  @Field(() => [String], { description: 'Only customers with one of these tags; empty: any.' })
  tags: string[];

  @Field(() => [String], { description: 'Customers with any of these among their preferred destinations.' })
  destinations: string[];

  @Field(() => [ID], { description: 'Only members of these key accounts; empty: any.' })
  keyAccountIds: string[];

  @Field({ description: 'Only customers who agreed to marketing.' })
  requireMarketingConsent: boolean;
}

@ObjectType({ description: 'The coupon each targeted customer receives.' })
export class CampaignCoupon {
  @Field(() => CouponValueType, { description: 'Whether the value is an amount of money or a percentage off.' })
  valueType: CouponValueType;

  @Field({ description: 'The amount, or the percentage, as a decimal string.' })
  value: string;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of an amount; none for a percentage.' })
  currency: string | null;

  @Field(() => Int, { description: 'Days the coupon is valid from when it is granted.' })
  validDays: number;

  @Field(() => String, { nullable: true, description: 'What the coupon applies to, in words.' })
  conditions: string | null;
}

/** What launching (or a launched campaign) will grant, to whom and when (the campaign-rewards job grants). */
@ObjectType({ description: 'What the campaign will grant and when: the customers of its segment not rewarded yet, and the job that rewards them.' })
export class CampaignGrantPlan {
  @Field(() => Int, { description: 'Customers of the segment now who have not been rewarded yet.' })
  customersToReward: number;

  @Field(() => Int, { nullable: true, description: 'Points each of them is credited.' })
  pointsEach: number | null;

  @Field(() => Int, { nullable: true, description: 'Points credited in all, to the customers of the segment now.' })
  totalPoints: number | null;

  @Field(() => CampaignCoupon, { nullable: true, description: 'The coupon each of them receives.' })
  coupon: CampaignCoupon | null;

  @Field(() => Date, { nullable: true, description: 'When the first grants are made: the first run of the campaign-rewards job from the start date (or now) on; null once ended or before launch.' })
  firstGrantsAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the customers of the segment now are all rewarded, at the job\'s pace (a batch per run); later than the end date means some will not be.' })
  allRewardedBy: Date | null;

  @Field({ description: 'Customers who join the segment before the end date are rewarded too, until then.' })
  grantsUntil: Date;
}
