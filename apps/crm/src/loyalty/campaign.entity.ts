import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { CampaignCoupon, CampaignSegment, CampaignStatus } from './campaign.enums';

/** A reward campaign (T-2.3): a target segment and the points and/or coupon each customer in it gets, once. */
@ObjectType({ description: 'A reward campaign: target segment and the points or coupons it grants.' })
@Entity('campaign')
export class Campaign {
  @Field(() => ID, { description: 'The campaign.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'What staff call the campaign.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: 'What the campaign offers, for staff.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => CampaignStatus, { description: 'Draft, active or ended.' })
  @Column({ type: 'enum', enum: CampaignStatus, enumName: 'campaign_status', default: CampaignStatus.DRAFT })
  status: CampaignStatus;

  @Field(() => CampaignSegment, { description: 'Which customers the campaign rewards.' })
  @Column({ type: 'jsonb' })
  segment: CampaignSegment;

  @Field(() => Int, { nullable: true, description: 'Points each customer of the segment receives once.' })
  @Column({ name: 'reward_points', type: 'integer', nullable: true })
  rewardPoints: number | null;

  @Field(() => CampaignCoupon, { nullable: true, description: 'The coupon each customer of the segment receives once.' })
  @Column({ name: 'reward_coupon', type: 'jsonb', nullable: true })
  rewardCoupon: CampaignCoupon | null;

  @Field({ description: 'When the campaign starts rewarding customers.' })
  @Column({ name: 'starts_at', type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Field({ description: 'When it stops; customers who join the segment later get nothing after that.' })
  @Column({ name: 'ends_at', type: 'timestamptz', precision: 3 })
  endsAt: Date;

  @Field({ description: 'User id of who created the campaign.' })
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field({ description: 'When the campaign was created.' })
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the campaign was launched.' })
  @Column({ name: 'launched_at', type: 'timestamptz', precision: 3, nullable: true })
  launchedAt: Date | null;

  @VersionColumn()
  version: number;
}

/** A customer who got a campaign's reward; the primary key makes it once per customer. */
@Entity('campaign_grant')
export class CampaignGrant {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @PrimaryColumn({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ name: 'granted_at', type: 'timestamptz', precision: 3 })
  grantedAt: Date;
}
