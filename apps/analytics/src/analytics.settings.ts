import { BusinessCalendar, calendarSettings } from '@carebridge/business-calendar';
import { type Environment, loadConfig, setting } from '@carebridge/config';
import { PeriodCalendar } from './figures/period-calendar';

/** The analytics service's own settings (validated at start; a bad value stops it naming the variable). */
export interface AnalyticsSettings {
  /** Opening hours for first-response times in business hours; its time zone is the company's, for every period. */
  calendar: BusinessCalendar;
  periods: PeriodCalendar;
  /** The US DOT deadlines (14 CFR 259.7) apply to every complaint, as the complaint service's COMPLAINT_DOT_RULE says. */
  dotRule: boolean;
  /** How often the agent-period close runs. */
  jobIntervalMs: number;
}

export function analyticsSettings(env: Environment = process.env): AnalyticsSettings {
  const s = loadConfig(
    {
      ...calendarSettings('ANALYTICS'),
      ANALYTICS_DOT_RULE: setting.boolean(false),
      ANALYTICS_JOB_INTERVAL_MS: setting.positiveInt(300_000),
    },
    env,
  );
  const calendar = BusinessCalendar.fromSettings(s, 'ANALYTICS');
  return { calendar, periods: new PeriodCalendar(calendar.timeZone), dotRule: s.ANALYTICS_DOT_RULE, jobIntervalMs: s.ANALYTICS_JOB_INTERVAL_MS };
}
