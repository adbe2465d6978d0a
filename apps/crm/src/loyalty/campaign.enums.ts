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
  @Field(() => [CustomerTier])
  tiers: CustomerTier[];

  @Field(() => [String])
  tags: string[];

  @Field(() => [String], { description: 'Customers with any of these among their preferred destinations.' })
  destinations: string[];

  @Field(() => [ID])
  keyAccountIds: string[];

  @Field({ description: 'Only customers who agreed to marketing.' })
  requireMarketingConsent: boolean;
}

@ObjectType({ description: 'The coupon each targeted customer receives.' })
export class CampaignCoupon {
  @Field(() => CouponValueType)
  valueType: CouponValueType;

  @Field()
  value: string;

  @Field(() => String, { nullable: true })
  currency: string | null;

  @Field(() => Int)
  validDays: number;

  @Field(() => String, { nullable: true })
  conditions: string | null;
}
