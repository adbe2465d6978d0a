import { COUPON_SOURCES, COUPON_VALUE_TYPES, enumOf, type EnumValue, LOYALTY_ENTRY_KINDS } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

/** Ledger entry kinds, coupon value types and coupon sources are shared with the loyalty.* and coupon.* event contracts. */
export const LoyaltyEntryKind = enumOf(LOYALTY_ENTRY_KINDS);
export type LoyaltyEntryKind = EnumValue<typeof LoyaltyEntryKind>;
registerEnumType(LoyaltyEntryKind, { name: 'LoyaltyEntryKind' });

export enum LoyaltySource {
  MANUAL = 'MANUAL',
  COMPLAINT_COMPENSATION = 'COMPLAINT_COMPENSATION',
  CAMPAIGN = 'CAMPAIGN',
  EXPIRY = 'EXPIRY',
}
registerEnumType(LoyaltySource, { name: 'LoyaltySource', description: 'Where a ledger entry came from.' });

export const CouponValueType = enumOf(COUPON_VALUE_TYPES);
export type CouponValueType = EnumValue<typeof CouponValueType>;
registerEnumType(CouponValueType, { name: 'CouponValueType' });

export const CouponSource = enumOf(COUPON_SOURCES);
export type CouponSource = EnumValue<typeof CouponSource>;
registerEnumType(CouponSource, { name: 'CouponSource' });

export enum CouponStatus {
  ACTIVE = 'ACTIVE',
  REDEEMED = 'REDEEMED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(CouponStatus, { name: 'CouponStatus' });
