import { type Environment, loadConfig, setting } from '@carebridge/config';
import { z } from 'zod';

/** crm's own settings, read and validated once at start (a bad value stops the service naming the variable). */
export function crmSettings(env: Environment) {
  return loadConfig(
    {
      /** Profiles not verified with the customer for this long are listed for an update (T-1.6). */
      CRM_VERIFY_AFTER_DAYS: setting.positiveInt(365),
      /** A follow-up call is due this many days after a complaint about the customer is closed. */
      CRM_COMPLAINT_FOLLOW_UP_DAYS: setting.positiveInt(3),
      /** Earned points expire this many months after they were earned, oldest first. */
      CRM_POINTS_EXPIRY_MONTHS: setting.positiveInt(24),
      /** How long a voucher given as complaint compensation stays valid. */
      CRM_COMPENSATION_COUPON_VALID_DAYS: setting.positiveInt(365),
      /** A recurring follow-up is put on its owner's list this many days before it is due. */
      CRM_FOLLOW_UP_LEAD_DAYS: setting.positiveInt(7),
      /** Lifetime points that earn SILVER, GOLD and VIP, in that order (tiers are only ever raised by points). */
      CRM_TIER_POINTS: z
        .string()
        .regex(/^\d+,\d+,\d+$/, 'must be three whole numbers separated by commas, e.g. 5000,20000,50000')
        .default('5000,20000,50000')
        .transform((value) => value.split(',').map(Number) as [number, number, number])
        .refine(([silver, gold, vip]) => silver > 0 && silver < gold && gold < vip, 'must be increasing and greater than 0'),
      /** The other services have this long to send their part of a customer data export before it is marked INCOMPLETE. */
      CRM_EXPORT_PARTS_DUE_MINUTES: setting.positiveInt(60),
      /** How long a customer data export can be downloaded before every service deletes its part. */
      CRM_EXPORT_RETENTION_DAYS: setting.positiveInt(30),
      /** How often the scheduled jobs (recurring follow-ups, expiry, campaign rewards) run. */
      CRM_JOB_INTERVAL_MS: setting.positiveInt(60_000),
    },
    env,
  );
}

export type CrmSettings = ReturnType<typeof crmSettings>;
