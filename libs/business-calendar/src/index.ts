/**
 * `@carebridge/business-calendar`: business time and deadlines, once for every service. A
 * `BusinessCalendar` knows the opening hours per weekday, the holidays and the time zone (daylight
 * saving followed) and adds business time, measures it between two moments and says whether and
 * when business is open. `calendarSettings('<SERVICE>')` declares `<SERVICE>_TIME_ZONE`,
 * `<SERVICE>_BUSINESS_HOURS` and `<SERVICE>_HOLIDAYS` in the one grammar of @carebridge/config, so a
 * value written for one service is valid for all. `DeadlineMonitor` runs a service's declared
 * deadlines: it finds what is overdue, records each breach once in the service's breach table and
 * publishes the breach event through the outbox in the same transaction.
 *
 * @packageDocumentation
 */
export { ALWAYS_OPEN, BUSINESS_HOURS_RULE, HOLIDAYS_RULE, TIME_ZONE_RULE, type WeeklyHours, type WeeklyInterval } from '@carebridge/config';
export * from './business-calendar';
export * from './calendar-settings';
export * from './deadline-monitor';
export * from './local-time';
