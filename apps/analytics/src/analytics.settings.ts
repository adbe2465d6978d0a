import { developmentLinkSecret, MIN_LINK_SECRET_LENGTH } from '@carebridge/auth';
import { BusinessCalendar, calendarSettings } from '@carebridge/business-calendar';
import { ConfigurationError, type Environment, loadConfig, setting } from '@carebridge/config';
import { z } from 'zod';
import { REPORT_LINK_PURPOSE } from './monthly-reports/report-downloads';
import { PeriodCalendar } from './figures/period-calendar';

/** The analytics service's own settings (validated at start; a bad value stops it naming the variable). */
export interface AnalyticsSettings {
  /** Opening hours for first-response times in business hours; its time zone is the company's, for every period. */
  calendar: BusinessCalendar;
  periods: PeriodCalendar;
  /** The US DOT deadlines (14 CFR 259.7) apply to every complaint, as the complaint service's COMPLAINT_DOT_RULE says. */
  dotRule: boolean;
  /** How often the agent-period close and the monthly report's run look for work. */
  jobIntervalMs: number;
  /** Signs the download links of the monthly report's files. */
  reportLinkSecret: string;
  reportLinkTtlMs: number;
  /** Days of generated history to load once for a demo (`npm start -- --demo`); 0: none. */
  demoHistoryDays: number;
}

export function analyticsSettings(env: Environment = process.env): AnalyticsSettings {
  const s = loadConfig(
    {
      ...calendarSettings('ANALYTICS'),
      ANALYTICS_DOT_RULE: setting.boolean(false),
      ANALYTICS_JOB_INTERVAL_MS: setting.positiveInt(300_000),
      ANALYTICS_REPORT_LINK_SECRET: z.string().min(MIN_LINK_SECRET_LENGTH, `must be at least ${MIN_LINK_SECRET_LENGTH} characters`).optional(),
      ANALYTICS_REPORT_LINK_TTL_MINUTES: setting.positiveInt(15),
      ANALYTICS_DEMO_HISTORY_DAYS: z.coerce.number({ message: 'must be a number of days' }).int('must be a whole number').min(0, 'must be 0 to 800').max(800, 'must be 0 to 800').default(0),
    },
    env,
  );
  if (!s.ANALYTICS_REPORT_LINK_SECRET && env.NODE_ENV === 'production') {
    throw new ConfigurationError(['ANALYTICS_REPORT_LINK_SECRET: must be set in production (it signs the monthly report download links)']);
  }
  const calendar = BusinessCalendar.fromSettings(s, 'ANALYTICS');
  return {
    calendar,
    periods: new PeriodCalendar(calendar.timeZone),
    dotRule: s.ANALYTICS_DOT_RULE,
    jobIntervalMs: s.ANALYTICS_JOB_INTERVAL_MS,
    // Development and tests: derived from a fixed seed, like the subgraph secrets.
    reportLinkSecret: s.ANALYTICS_REPORT_LINK_SECRET ?? developmentLinkSecret(REPORT_LINK_PURPOSE),
    reportLinkTtlMs: s.ANALYTICS_REPORT_LINK_TTL_MINUTES * 60_000,
    demoHistoryDays: s.ANALYTICS_DEMO_HISTORY_DAYS,
  };
}
