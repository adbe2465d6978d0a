import type { ScheduledJob } from '@carebridge/service-kit';
import type { CrmSettings } from '../crm.settings';
import type { CouponRedemption } from './coupon-redemption';

/** Expires coupons past their validity that were never redeemed. */
export function couponExpiryJob(coupons: CouponRedemption, settings: Pick<CrmSettings, 'CRM_JOB_INTERVAL_MS'>): ScheduledJob {
  return { name: 'coupon-expiry', everyMs: settings.CRM_JOB_INTERVAL_MS, run: (now) => coupons.expireUnused(now) };
}
