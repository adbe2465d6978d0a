import { addDays, isoDate, weekdayOf } from '@carebridge/business-calendar';
import type { HolidayRule } from './us-dot.rules';

/**
 * Business days as a regulation counts them: weekends and a country's public holidays (as observed)
 * do not count. Local dates and times themselves come from @carebridge/business-calendar.
 */
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
