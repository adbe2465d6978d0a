import { loadConfig, setting, type Environment } from '@carebridge/config';
import { z } from 'zod';
import { parseBusinessHours } from './response-target/business-hours';

/**
 * The inquiry service's own settings (A-3.1.1 defaults). Response targets are the defaults of the
 * per-channel policy; an admin can change a channel's targets at run time (updateResponsePolicy).
 */
export function inquirySettings(env: Environment) {
  const settings = loadConfig(
    {
      INQUIRY_FIRST_REPLY_MINUTES: setting.positiveInt(5),
      INQUIRY_PHONE_RINGS: setting.positiveInt(3),
      INQUIRY_RING_SECONDS: setting.positiveInt(6),
      INQUIRY_REPLY_TARGET_MINUTES: setting.positiveInt(60),
      INQUIRY_TIME_ZONE: z
        .string()
        .refine((zone) => {
          try {
            new Intl.DateTimeFormat('en-US', { timeZone: zone });
            return true;
          } catch {
            return false;
          }
        }, 'must be an IANA time zone such as Europe/Berlin')
        .default('UTC'),
      INQUIRY_BUSINESS_HOURS: z
        .string()
        .refine((spec) => {
          try {
            parseBusinessHours(spec, 'UTC');
            return true;
          } catch {
            return false;
          }
        }, 'must be ALWAYS or days and hours such as "MON-FRI 08:00-18:00; SAT 09:00-13:00"')
        .default('ALWAYS'),
      INQUIRY_AGENT_CAPACITY: setting.positiveInt(5),
      INQUIRY_SLA_MONITOR_INTERVAL_MS: setting.milliseconds(30_000).refine((ms) => ms >= 1000, 'must be at least 1000'),
    },
    env,
  );
  return { ...settings, businessHours: parseBusinessHours(settings.INQUIRY_BUSINESS_HOURS, settings.INQUIRY_TIME_ZONE) };
}

export type InquirySettings = ReturnType<typeof inquirySettings>;
