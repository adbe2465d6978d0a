import { registerEnumType } from 'type-graphql';

export enum LoyaltyEntryKind {
  EARN = 'EARN',
  REDEEM = 'REDEEM',
  ADJUST = 'ADJUST',
  EXPIRE = 'EXPIRE',
}
registerEnumType(LoyaltyEntryKind, { name: 'LoyaltyEntryKind' });

export enum LoyaltySource {
  MANUAL = 'MANUAL',
  COMPLAINT_COMPENSATION = 'COMPLAINT_COMPENSATION',
  CAMPAIGN = 'CAMPAIGN',
  EXPIRY = 'EXPIRY',
}
registerEnumType(LoyaltySource, { name: 'LoyaltySource', description: 'Where a ledger entry came from.' });

export enum CouponValueType {
  AMOUNT = 'AMOUNT',
  PERCENTAGE = 'PERCENTAGE',
}
registerEnumType(CouponValueType, { name: 'CouponValueType' });

export enum CouponSource {
  MANUAL = 'MANUAL',
  CAMPAIGN = 'CAMPAIGN',
  COMPLAINT_COMPENSATION = 'COMPLAINT_COMPENSATION',
}
registerEnumType(CouponSource, { name: 'CouponSource' });

export enum CouponStatus {
  ACTIVE = 'ACTIVE',
  REDEEMED = 'REDEEMED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(CouponStatus, { name: 'CouponStatus' });
