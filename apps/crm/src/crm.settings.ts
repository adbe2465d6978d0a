import { type Environment, loadConfig, setting } from '@carebridge/config';
import { z } from 'zod';
import type { LoyaltySettings } from './loyalty/loyalty-ledger';
import type { CustomerDataExportTerms } from './privacy/customer-data-export-request';

/** crm's own settings, read and validated once at start (a bad value stops the service naming the variable). */
export interface CrmSettings {
  /** Profiles not verified with the customer for this long are listed for an update (T-1.6). */
  verifyAfterDays: number;
  /** A follow-up call is due this many days after a complaint about the customer is closed. */
  complaintFollowUpDays: number;
  /** A recurring follow-up is put on its owner's list this many days before it is due. */
  followUpLeadDays: number;
  /** When earned points expire, and the lifetime points that raise a tier. */
  loyalty: LoyaltySettings;
  /** How long a voucher given as complaint compensation stays valid. */
  compensationCouponValidDays: number;
  /** How long the other services have to send their part of a customer data export, and how long it is kept. */
  dataExports: CustomerDataExportTerms;
  /** How often the scheduled jobs (recurring follow-ups, expiry, campaign rewards, exports) run. */
  jobIntervalMs: number;
}

export function crmSettings(env: Environment = process.env): CrmSettings {
  const s = loadConfig(
    {
      CRM_VERIFY_AFTER_DAYS: setting.positiveInt(365),
      CRM_COMPLAINT_FOLLOW_UP_DAYS: setting.positiveInt(3),
      CRM_POINTS_EXPIRY_MONTHS: setting.positiveInt(24),
      CRM_COMPENSATION_COUPON_VALID_DAYS: setting.positiveInt(365),
      CRM_FOLLOW_UP_LEAD_DAYS: setting.positiveInt(7),
      // Lifetime points that earn SILVER, GOLD and VIP, in that order.
      CRM_TIER_POINTS: z
        .string()
        .regex(/^\d+,\d+,\d+$/, 'must be three whole numbers separated by commas, e.g. 5000,20000,50000')
        .default('5000,20000,50000')
        .transform((value) => value.split(',').map(Number) as LoyaltySettings['tierPoints'])
        .refine(([silver, gold, vip]) => silver > 0 && silver < gold && gold < vip, 'must be increasing and greater than 0'),
      CRM_EXPORT_PARTS_DUE_MINUTES: setting.positiveInt(60),
      CRM_EXPORT_RETENTION_DAYS: setting.positiveInt(30),
      CRM_JOB_INTERVAL_MS: setting.positiveInt(60_000),
    },
    env,
  );
  return {
    verifyAfterDays: s.CRM_VERIFY_AFTER_DAYS,
    complaintFollowUpDays: s.CRM_COMPLAINT_FOLLOW_UP_DAYS,
    followUpLeadDays: s.CRM_FOLLOW_UP_LEAD_DAYS,
    loyalty: { pointsExpiryMonths: s.CRM_POINTS_EXPIRY_MONTHS, tierPoints: s.CRM_TIER_POINTS },
    compensationCouponValidDays: s.CRM_COMPENSATION_COUPON_VALID_DAYS,
    dataExports: { partsDueMinutes: s.CRM_EXPORT_PARTS_DUE_MINUTES, retentionDays: s.CRM_EXPORT_RETENTION_DAYS },
    jobIntervalMs: s.CRM_JOB_INTERVAL_MS,
  };
}
