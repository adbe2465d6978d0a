import { developmentLinkSecret, MIN_LINK_SECRET_LENGTH } from '@carebridge/auth';
import { ConfigurationError, type Environment, loadConfig, setting } from '@carebridge/config';
import { z } from 'zod';

/** Post-trip follow-up and service recovery (T-4.1): every number of the contact rules is a setting. */
export interface FollowUpSettings {
  /** How long after the customer's return the survey is due. */
  delayHours: number;
  /** Customers contacted by after-sales within this many days are not surveyed again. */
  contactPauseDays: number;
  /** The one reminder goes this many days after the survey; 0: no reminder. */
  reminderAfterDays: number;
  /** How long a survey link stays valid after it was sent. */
  linkTtlDays: number;
  /** The HMAC secret of survey links. */
  linkSecret: string;
  /** NPS at or below this is a detractor answer (opens a service recovery). */
  detractorMaxNps: number;
  /** A component rated at or below this opens a service recovery. */
  lowRatingMax: number;
  /** The target of a service-recovery task. */
  recoveryTargetHours: number;
}

const hours = (fallback: number) => z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative').default(fallback);

export function followUpSettings(env: Environment = process.env): FollowUpSettings {
  const s = loadConfig(
    {
      AFTER_SALES_FOLLOW_UP_DELAY_HOURS: hours(48),
      AFTER_SALES_FOLLOW_UP_CONTACT_PAUSE_DAYS: hours(30),
      AFTER_SALES_FOLLOW_UP_REMINDER_AFTER_DAYS: hours(5),
      AFTER_SALES_SURVEY_LINK_TTL_DAYS: setting.positiveInt(30),
      AFTER_SALES_SURVEY_LINK_SECRET: z.string().min(MIN_LINK_SECRET_LENGTH, `must be at least ${MIN_LINK_SECRET_LENGTH} characters`).optional(),
      AFTER_SALES_DETRACTOR_MAX_NPS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 to 10').max(10, 'must be 0 to 10').default(6),
      AFTER_SALES_LOW_RATING_MAX: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be 1 to 5').max(5, 'must be 1 to 5').default(2),
      AFTER_SALES_SERVICE_RECOVERY_TARGET_HOURS: setting.positiveInt(48),
    },
    env,
  );
  if (!s.AFTER_SALES_SURVEY_LINK_SECRET && env.NODE_ENV === 'production') {
    throw new ConfigurationError(['AFTER_SALES_SURVEY_LINK_SECRET: must be set in production (the secret that signs survey links)']);
  }
  return {
    delayHours: s.AFTER_SALES_FOLLOW_UP_DELAY_HOURS,
    contactPauseDays: s.AFTER_SALES_FOLLOW_UP_CONTACT_PAUSE_DAYS,
    reminderAfterDays: s.AFTER_SALES_FOLLOW_UP_REMINDER_AFTER_DAYS,
    linkTtlDays: s.AFTER_SALES_SURVEY_LINK_TTL_DAYS,
    // Development and tests: derived from a fixed seed, like the subgraph secrets.
    linkSecret: s.AFTER_SALES_SURVEY_LINK_SECRET ?? developmentLinkSecret('followup-survey'),
    detractorMaxNps: s.AFTER_SALES_DETRACTOR_MAX_NPS,
    lowRatingMax: s.AFTER_SALES_LOW_RATING_MAX,
    recoveryTargetHours: s.AFTER_SALES_SERVICE_RECOVERY_TARGET_HOURS,
  };
}
