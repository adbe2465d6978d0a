import { BusinessCalendar, calendarSettings } from '@carebridge/business-calendar';
import { type Environment, loadConfig, setting } from '@carebridge/config';
import type { ResponseTargetDefaults } from './response-policy/response-policy.enums';
import { customerReferenceSettings } from '@carebridge/known-customers';

/**
 * The inquiry service's own settings (A-3.1.1 defaults), validated at start: a bad value stops the
 * service with a message naming the variable. Response targets are the defaults of the per-channel
 * policy; an admin can change a channel's targets at run time (updateResponsePolicy).
 */
export interface InquirySettings {
  /** A channel's response targets until an admin changes them. */
  responseTargets: ResponseTargetDefaults;
  /** When written-channel targets run (INQUIRY_BUSINESS_HOURS, INQUIRY_TIME_ZONE, INQUIRY_HOLIDAYS). */
  calendar: BusinessCalendar;
  /** Open inquiries an agent holds at most through automatic assignment, unless an admin set another. */
  agentCapacity: number;
  /** How often the `sla-monitor` job looks for breaches. */
  slaMonitorIntervalMs: number;
  /** How long an inquiry waits for crm to announce its customer before it is raised to URGENT (CUSTOMER_REFERENCE_WAIT_MINUTES). */
  customerReferences: { waitMinutes: number; checkEveryMs: number };
}

export function inquirySettings(env: Environment = process.env): InquirySettings {
  const s = loadConfig(
    {
      INQUIRY_FIRST_REPLY_MINUTES: setting.positiveInt(5),
      INQUIRY_PHONE_RINGS: setting.positiveInt(3),
      INQUIRY_RING_SECONDS: setting.positiveInt(6),
      INQUIRY_REPLY_TARGET_MINUTES: setting.positiveInt(60),
      INQUIRY_AT_RISK_PERCENT: setting.positiveInt(25).refine((percent) => percent <= 99, 'must be 1 to 99'),
      ...calendarSettings('INQUIRY'),
      INQUIRY_AGENT_CAPACITY: setting.positiveInt(5),
      INQUIRY_SLA_MONITOR_INTERVAL_MS: setting.milliseconds(30_000).refine((ms) => ms >= 1000, 'must be at least 1000'),
    },
    env,
  );
  return {
    responseTargets: {
      firstReplyMinutes: s.INQUIRY_FIRST_REPLY_MINUTES,
      phoneRings: s.INQUIRY_PHONE_RINGS,
      ringSeconds: s.INQUIRY_RING_SECONDS,
      replyMinutes: s.INQUIRY_REPLY_TARGET_MINUTES,
      atRiskPercent: s.INQUIRY_AT_RISK_PERCENT,
    },
    calendar: BusinessCalendar.fromSettings(s, 'INQUIRY'),
    agentCapacity: s.INQUIRY_AGENT_CAPACITY,
    slaMonitorIntervalMs: s.INQUIRY_SLA_MONITOR_INTERVAL_MS,
    customerReferences: customerReferenceSettings(env),
  };
}
