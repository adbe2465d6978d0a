import type { ScheduledJob } from '@carebridge/service-kit';
import type { CouponRedemption } from './coupon-redemption';

/** Expires coupons past their validity that were never redeemed. */
export function couponExpiryJob(coupons: CouponRedemption, settings: { jobIntervalMs: number }): ScheduledJob {
  return { name: 'coupon-expiry', everyMs: settings.jobIntervalMs, run: (now) => coupons.expireUnused(now) };
}
