/**
 * The values crm and its event contracts share, declared once: crm builds its GraphQL enums and
 * TypeORM enum columns from these lists (`enumOf`), and the contracts carry them. A new value is
 * added here (and to crm's Postgres enum type by a migration); the contracts that carry the list
 * then document it. A value list only crm uses stays in crm.
 */

/** A customer's loyalty tier, lowest first: automatic rules only ever raise a tier along this order. */
export const CUSTOMER_TIERS = ['STANDARD', 'SILVER', 'GOLD', 'VIP'] as const;
export type CustomerTierValue = (typeof CUSTOMER_TIERS)[number];

/** How a follow-up reaches the customer (T-2.1). */
export const FOLLOW_UP_KINDS = ['CALL', 'VISIT', 'EMAIL'] as const;
export type FollowUpKindValue = (typeof FOLLOW_UP_KINDS)[number];

/**
 * Why a follow-up was scheduled: by hand, by a recurring plan, after a closed complaint (A-3.4.2),
 * or for one of after-sales' care contacts (T-4.4). `followup.scheduled` v1 carries the first three
 * (`FOLLOW_UP_REASONS_V1`); v2 carries them all.
 */
export const FOLLOW_UP_REASONS = ['MANUAL', 'RECURRING', 'COMPLAINT_CLOSED', 'CARE_REMINDER'] as const;
export const FOLLOW_UP_REASONS_V1 = ['MANUAL', 'RECURRING', 'COMPLAINT_CLOSED'] as const;
export type FollowUpReasonValue = (typeof FOLLOW_UP_REASONS)[number];

/** How a follow-up that was done went. */
export const FOLLOW_UP_OUTCOMES = ['REACHED', 'NOT_REACHED', 'DECLINED'] as const;
export type FollowUpOutcomeValue = (typeof FOLLOW_UP_OUTCOMES)[number];

/** The entries of a points ledger (T-2.3). */
export const LOYALTY_ENTRY_KINDS = ['EARN', 'REDEEM', 'ADJUST', 'EXPIRE'] as const;
export type LoyaltyEntryKindValue = (typeof LOYALTY_ENTRY_KINDS)[number];

/** A coupon is worth an amount (in a currency) or a percentage. */
export const COUPON_VALUE_TYPES = ['AMOUNT', 'PERCENTAGE'] as const;
export type CouponValueTypeValue = (typeof COUPON_VALUE_TYPES)[number];

/** Where a coupon came from: issued by hand, by a campaign, or as complaint compensation. */
export const COUPON_SOURCES = ['MANUAL', 'CAMPAIGN', 'COMPLAINT_COMPENSATION'] as const;
export type CouponSourceValue = (typeof COUPON_SOURCES)[number];
