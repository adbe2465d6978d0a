import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { CouponSource, CouponStatus, CouponValueType, LoyaltyEntryKind, LoyaltySource } from './loyalty.enums';

/**
 * A customer's points account: the balance (the sum of the ledger, kept here so that one locked
 * row serialises every change of one customer's points) and the lifetime points earned.
 */
@Entity('loyalty_account')
export class LoyaltyAccount {
  @PrimaryColumn({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ type: 'integer', default: 0 })
  balance: number;

  @Column({ name: 'lifetime_earned', type: 'integer', default: 0 })
  lifetimeEarned: number;

  /** Miles, a unit of their own: the sum of the miles ledger (`miles_entry`), never negative; not points, no tiers, no expiry. */
  @Column({ name: 'miles_balance', type: 'integer', default: 0 })
  milesBalance: number;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/**
 * One entry of the points ledger (T-2.3). Entries are never changed, except how much of an earned
 * lot is left (`remaining`): points are spent and expire oldest lot first.
 */
@ObjectType({ description: "An entry in a customer's points ledger." })
@Entity('loyalty_entry')
export class LoyaltyEntry {
  @Field(() => ID, { description: 'The ledger entry.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The customer whose points it changes.' })
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => LoyaltyEntryKind, { description: 'Earned, redeemed, expired or adjusted points.' })
  @Column({ type: 'enum', enum: LoyaltyEntryKind, enumName: 'loyalty_entry_kind' })
  kind: LoyaltyEntryKind;

  @Field(() => Int, { description: 'Positive when credited, negative when taken.' })
  @Column({ type: 'integer' })
  points: number;

  @Field(() => Int, { description: 'The balance right after this entry (never negative).' })
  @Column({ name: 'balance_after', type: 'integer' })
  balanceAfter: number;

  @Field({ description: 'Why the points changed, in words.' })
  @Column({ type: 'text' })
  reason: string;

  @Field({ description: 'Makes the entry happen once however often it is submitted (a compensation item id, a booking reference).' })
  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @Field(() => LoyaltySource, { description: "What changed them: staff by hand, a campaign, a complaint's compensation, or expiry." })
  @Column({ type: 'enum', enum: LoyaltySource, enumName: 'loyalty_source' })
  source: LoyaltySource;

  @Field(() => String, { nullable: true, description: 'e.g. the complaint or campaign id.' })
  @Column({ name: 'source_reference', type: 'text', nullable: true })
  sourceReference: string | null;

  @Field(() => Date, { nullable: true, description: 'For credited points: when what is left of them expires.' })
  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3, nullable: true })
  expiresAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'For credited points: how many are still unspent.' })
  @Column({ type: 'integer', nullable: true })
  remaining: number | null;

  @Field({ description: 'User id of who recorded it, or the service that did.' })
  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Field({ description: 'When the points changed.' })
  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3 })
  occurredAt: Date;
}

/**
 * One entry of the miles ledger: miles are their own unit beside points (complaint compensation
 * grants them), with their own balance on the account. Booked once per idempotency key; never changed.
 */
@ObjectType({ description: "An entry in a customer's miles ledger (miles are a unit of their own, beside points)." })
@Entity('miles_entry')
export class MilesEntry {
  @Field(() => ID, { description: 'The ledger entry.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The customer whose miles it changes.' })
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => Int, { description: 'Positive when credited, negative when taken.' })
  @Column({ type: 'integer' })
  miles: number;

  @Field(() => Int, { description: 'The miles balance right after this entry (never negative).' })
  @Column({ name: 'balance_after', type: 'integer' })
  balanceAfter: number;

  @Field({ description: 'Why the miles changed, in words.' })
  @Column({ type: 'text' })
  reason: string;

  @Field({ description: 'Makes the entry happen once however often it is submitted (a compensation item id).' })
  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @Field(() => LoyaltySource, { description: "What changed them: staff by hand, a campaign, a complaint's compensation, or expiry." })
  @Column({ type: 'enum', enum: LoyaltySource, enumName: 'loyalty_source' })
  source: LoyaltySource;

  @Field(() => String, { nullable: true, description: 'e.g. the complaint id.' })
  @Column({ name: 'source_reference', type: 'text', nullable: true })
  sourceReference: string | null;

  @Field({ description: 'User id of who recorded it, or the service that did.' })
  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Field({ description: 'When the miles changed.' })
  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3 })
  occurredAt: Date;
}

/** A coupon (T-2.3): a value or a percentage, valid for a period, redeemable once. */
@ObjectType({ description: 'A coupon issued to a customer; redeemable once while valid.' })
@Entity('coupon')
export class Coupon {
  @Field(() => ID, { description: 'The coupon.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'The code the customer presents, e.g. CB-7KQ2-M9XD.' })
  @Column({ type: 'text' })
  code: string;

  @Field(() => ID, { description: 'The customer it was issued to.' })
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => CouponValueType, { description: 'Whether the value is an amount of money or a percentage off.' })
  @Column({ name: 'value_type', type: 'enum', enum: CouponValueType, enumName: 'coupon_value_type' })
  valueType: CouponValueType;

  @Field({ description: 'Decimal: money for AMOUNT, percent for PERCENTAGE, e.g. "50.00".' })
  @Column({ type: 'numeric', precision: 12, scale: 2 })
  value: string;

  @Field(() => String, { nullable: true, description: 'ISO 4217, for AMOUNT coupons.' })
  @Column({ type: 'text', nullable: true })
  currency: string | null;

  @Field({ description: 'From when it can be redeemed.' })
  @Column({ name: 'valid_from', type: 'timestamptz', precision: 3 })
  validFrom: Date;

  @Field({ description: 'Until when it can be redeemed; after that it expires.' })
  @Column({ name: 'valid_until', type: 'timestamptz', precision: 3 })
  validUntil: Date;

  @Field(() => String, { nullable: true, description: 'Conditions of use, e.g. "flights from FRA, minimum spend 300 EUR".' })
  @Column({ type: 'text', nullable: true })
  conditions: string | null;

  @Field(() => CouponSource, { description: "Why it was issued: by hand, by a campaign, or as a complaint's compensation." })
  @Column({ type: 'enum', enum: CouponSource, enumName: 'coupon_source' })
  source: CouponSource;

  /** What it was issued for (a compensation item, a campaign grant); unique, so it is issued once. */
  @Column({ name: 'source_reference', type: 'text', nullable: true })
  sourceReference: string | null;

  @Field(() => CouponStatus, { description: 'Whether it can still be redeemed.' })
  @Column({ type: 'enum', enum: CouponStatus, enumName: 'coupon_status', default: CouponStatus.ACTIVE })
  status: CouponStatus;

  @Field({ description: 'User id of who issued it, or the service that did.' })
  @Column({ name: 'issued_by', type: 'text' })
  issuedBy: string;

  @Field({ description: 'When it was issued.' })
  @Column({ name: 'issued_at', type: 'timestamptz', precision: 3 })
  issuedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was redeemed.' })
  @Column({ name: 'redeemed_at', type: 'timestamptz', precision: 3, nullable: true })
  redeemedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'User id of who recorded the redemption.' })
  @Column({ name: 'redeemed_by', type: 'text', nullable: true })
  redeemedBy: string | null;

  @Field(() => String, { nullable: true, description: 'The booking it was redeemed on.' })
  @Column({ name: 'booking_reference', type: 'text', nullable: true })
  bookingReference: string | null;

  @VersionColumn()
  version: number;
}
