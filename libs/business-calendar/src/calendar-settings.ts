import { setting } from '@carebridge/config';

type TimeZoneSetting = ReturnType<typeof setting.timeZone>;
type BusinessHoursSetting = ReturnType<typeof setting.businessHours>;
type HolidaysSetting = ReturnType<typeof setting.holidays>;

/** The zod entries of a service's calendar: `<SERVICE>_TIME_ZONE`, `<SERVICE>_BUSINESS_HOURS`, `<SERVICE>_HOLIDAYS`. */
export type CalendarSettings<S extends string> = { [K in `${S}_TIME_ZONE`]: TimeZoneSetting } & { [K in `${S}_BUSINESS_HOURS`]: BusinessHoursSetting } & {
  [K in `${S}_HOLIDAYS`]: HolidaysSetting;
};

/**
 * A service's calendar settings, to spread into its loadConfig shape; every service names and reads
 * them alike, so a value written for one is valid for all:
 *
 *   const s = loadConfig({ ...calendarSettings('COMPLAINT'), COMPLAINT_DOT_RULE: setting.boolean(false) }, env);
 *   const calendar = BusinessCalendar.fromSettings(s, 'COMPLAINT');
 *
 * Defaults: `24/7`, `UTC`, no holidays.
 */
export function calendarSettings<S extends string>(service: S): CalendarSettings<S> {
  if (!/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(service)) throw new Error(`calendarSettings: "${service}" must be the upper-case prefix of the service's variables, e.g. COMPLAINT`);
  return {
    [`${service}_TIME_ZONE`]: setting.timeZone(),
    [`${service}_BUSINESS_HOURS`]: setting.businessHours(),
    [`${service}_HOLIDAYS`]: setting.holidays(),
  } as CalendarSettings<S>;
}
