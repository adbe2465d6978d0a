import type { HolidayRule } from './us-dot.rules';

/**
 * Dates as people at an airport read them. Deadlines "within 7 days", "the day after", "two years
 * from the date of arrival" count local calendar days, so they are computed in the airport's IANA
 * time zone, daylight saving included, and fall at the end of their last local day.
 */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format;
}

function wallClock(instant: Date, timeZone: string): { year: number; month: number; day: number; ms: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  const ms = Date.UTC(year, month - 1, day, Number(parts.hour), Number(parts.minute), Number(parts.second)) + instant.getUTCMilliseconds();
  return { year, month, day, ms };
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const { year, month, day } = wallClock(instant, timeZone);
  return isoDate(year, month, day);
}

/** The last millisecond of a local calendar day, as an instant. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, day, 23, 59, 59, 999);
  // The offset at a first guess, then again at the result: right across a daylight-saving change.
  let instant = wall - (wallClock(new Date(wall), timeZone).ms - wall);
  instant = wall - (wallClock(new Date(instant), timeZone).ms - instant);
  return new Date(instant);
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** The same calendar date some years on (29 February becomes 28 February in a common year). */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const last = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  return isoDate(year + years, month, Math.min(day, last));
}

/** Adds business days: weekends and the given holidays (as observed) do not count. */
export function addBusinessDays(date: string, days: number, holidays: readonly HolidayRule[]): string {
  let current = date;
  for (let counted = 0; counted < days; ) {
    current = addDays(current, 1);
    if (isBusinessDay(current, holidays)) counted++;
  }
  return current;
}

export function isBusinessDay(date: string, holidays: readonly HolidayRule[]): boolean {
  const weekday = weekdayOf(date);
  if (weekday === 0 || weekday === 6) return false;
  const year = Number(date.slice(0, 4));
  // A holiday on 1 January of next year may be observed on 31 December of this one.
  return ![year, year + 1].some((y) => observedHolidays(y, holidays).includes(date));
}

/** The days a year's holidays are observed: a Saturday holiday on the Friday before, a Sunday one on the Monday after. */
export function observedHolidays(year: number, holidays: readonly HolidayRule[]): string[] {
  const days: string[] = [];
  for (const rule of holidays) {
    if (rule.since !== undefined && year < rule.since) continue;
    if ('day' in rule) {
      const date = isoDate(year, rule.month, rule.day);
      const weekday = weekdayOf(date);
      days.push(weekday === 6 ? addDays(date, -1) : weekday === 0 ? addDays(date, 1) : date);
    } else {
      days.push(nthWeekday(year, rule.month, rule.weekday, rule.nth));
    }
  }
  return days;
}

function nthWeekday(year: number, month: number, weekday: number, nth: number): string {
  if (nth > 0) {
    const first = weekdayOf(isoDate(year, month, 1));
    return isoDate(year, month, 1 + ((weekday - first + 7) % 7) + (nth - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = weekdayOf(isoDate(year, month, lastDay));
  return isoDate(year, month, lastDay - ((last - weekday + 7) % 7));
}

function weekdayOf(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2026-03-12 14:05" in the time zone, for explanations. */
export function localDateTime(instant: Date, timeZone: string): string {
  const { ms } = wallClock(instant, timeZone);
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
