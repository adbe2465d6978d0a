/**
 * The one grammar of business hours, holidays and time zones that every service's settings use
 * (`<SERVICE>_BUSINESS_HOURS`, `<SERVICE>_HOLIDAYS`, `<SERVICE>_TIME_ZONE`). It only reads text into
 * plain data; @carebridge/business-calendar computes with it.
 *
 * Weekly hours: `24/7` or `ALWAYS` (the same: always open), or groups of days and opening times:
 *   `Mon-Fri 08:00-18:00; Sat 09:00-13:00`   groups apart by `;` or `,`
 *   `MON-FRI 09:00-18:00, SAT 10:00-14:00`   day names in any case
 *   `Mon, Wed, Fri 09:00-12:00`              a list of days
 *   `Mon-Fri 08:00-12:00, 13:00-17:00`       several times for the same days
 *   `Fri-Mon 10:00-12:00`                    a range may run over the weekend
 * Times are local to the time zone; a day closes at 24:00 at the latest.
 */

/** One opening time of the week, in the calendar's time zone. */
export interface WeeklyInterval {
  /** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
  weekday: number;
  /** Minutes after local midnight: 0 to 1439. */
  startMinute: number;
  /** Minutes after local midnight, after startMinute: at most 1440 (24:00). */
  endMinute: number;
}

/** Weekly hours as data: opening times by weekday and start, overlaps merged. */
export interface WeeklyHours {
  /** `24/7`: every minute of every day (the intervals then cover the whole week). */
  alwaysOpen: boolean;
  intervals: readonly WeeklyInterval[];
}

export const BUSINESS_HOURS_RULE = 'must be ALWAYS, 24/7 or opening hours such as "Mon-Fri 08:00-18:00; Sat 09:00-13:00"';
export const HOLIDAYS_RULE = 'must be dates like 2026-12-25,2027-01-01';
export const TIME_ZONE_RULE = 'must be an IANA time zone such as Europe/Berlin';

/** A text the grammar cannot read; the message is the rule, then what exactly is wrong. */
export class BusinessHoursError extends Error {
  constructor(
    readonly rule: string,
    readonly reason: string,
  ) {
    super(`${rule} (${reason})`);
    this.name = 'BusinessHoursError';
  }
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY = '([a-z]{3})';
const DAYS = new RegExp(`^${DAY}(?:\\s*-\\s*${DAY})?$`, 'i');
const TIMES = /^(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})$/;
const DAYS_AND_TIMES = new RegExp(`^(${DAY}(?:\\s*-\\s*${DAY})?)\\s+(\\d{2}:\\d{2}\\s*-\\s*\\d{2}:\\d{2})$`, 'i');
const DAY_MINUTES = 24 * 60;

export const ALWAYS_OPEN: WeeklyHours = Object.freeze({
  alwaysOpen: true,
  intervals: Object.freeze(WEEKDAYS.map((_, weekday) => Object.freeze({ weekday, startMinute: 0, endMinute: DAY_MINUTES }))),
});

/** Reads weekly hours; throws a BusinessHoursError naming the rule and the part it could not read. */
export function parseBusinessHours(text: string): WeeklyHours {
  const trimmed = text.trim();
  if (/^(24\/7|always)$/i.test(trimmed)) return ALWAYS_OPEN;
  const fail = (reason: string): never => {
    throw new BusinessHoursError(BUSINESS_HOURS_RULE, reason);
  };
  const intervals: WeeklyInterval[] = [];
  // The days of the group being read, and whether it has got its times yet: `Mon, Wed 09:00-12:00`
  // gathers days until the first times; `…, 13:00-17:00` adds times to the same days.
  let days: number[] = [];
  let timed = false;
  for (const part of trimmed.split(/[;,]/).map((p) => p.trim())) {
    if (!part) continue;
    const both = DAYS_AND_TIMES.exec(part);
    const daysOnly = both ? null : DAYS.exec(part);
    const dayNames = both ? [both[2], both[3]] : daysOnly ? [daysOnly[1], daysOnly[2]] : null;
    const times = both ? both[4] : !daysOnly && TIMES.test(part) ? part : null;
    if (!dayNames && !times) fail(`"${part}" is not days and hours like Mon-Fri 08:00-18:00`);
    if (dayNames) {
      const named = readDays(dayNames[0], dayNames[1], part, fail);
      days = timed ? named : [...days, ...named];
      timed = false;
    }
    if (times) {
      if (!days.length) fail(`"${part}" names no day`);
      const [startMinute, endMinute] = readTimes(times, part, fail);
      for (const weekday of days) intervals.push({ weekday, startMinute, endMinute });
      timed = true;
    }
  }
  if (days.length && !timed) fail(`"${trimmed}" names days without hours`);
  if (!intervals.length) fail('no days and hours given');
  return { alwaysOpen: false, intervals: merge(intervals) };
}

function readDays(from: string, to: string | undefined, part: string, fail: (reason: string) => never): number[] {
  const first = WEEKDAYS.indexOf(from.toLowerCase());
  const last = WEEKDAYS.indexOf((to ?? from).toLowerCase());
  if (first < 0 || last < 0) fail(`"${part}" names an unknown weekday (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)`);
  const days: number[] = [];
  // A range runs forward through the week, over the weekend if need be (Fri-Mon).
  for (let day = first; ; day = (day + 1) % 7) {
    days.push(day);
    if (day === last) return days;
  }
}

function readTimes(text: string, part: string, fail: (reason: string) => never): [number, number] {
  const [, h1, m1, h2, m2] = TIMES.exec(text.trim()) ?? fail(`"${part}" has no opening times`);
  if (Number(m1) > 59 || Number(m2) > 59) fail(`"${part}" has minutes past 59`);
  const start = Number(h1) * 60 + Number(m1);
  const end = Number(h2) * 60 + Number(m2);
  if (start >= end || end > DAY_MINUTES) fail(`"${part}" must open before it closes, within one day`);
  return [start, end];
}

/** Sorted by weekday and start; overlapping or touching times of one day become one. */
function merge(intervals: WeeklyInterval[]): WeeklyInterval[] {
  const sorted = [...intervals].sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
  const merged: WeeklyInterval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.weekday === interval.weekday && interval.startMinute <= last.endMinute) last.endMinute = Math.max(last.endMinute, interval.endMinute);
    else merged.push({ ...interval });
  }
  return merged;
}

/** Reads `2026-12-25,2027-01-01` (also apart by `;` or spaces) into sorted, distinct dates; empty is none. */
export function parseHolidays(text: string): string[] {
  const dates = text.split(/[\s,;]+/).filter(Boolean);
  for (const date of dates) {
    if (!isCalendarDate(date)) throw new BusinessHoursError(HOLIDAYS_RULE, `"${date}" is not a date of the form YYYY-MM-DD`);
  }
  return [...new Set(dates)].sort();
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  // A round trip refuses days a month does not have (2026-02-30).
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Whether the runtime knows `value` as a time zone (IANA names such as Europe/Berlin, and UTC). */
export function isTimeZone(value: string): boolean {
  if (!value.trim()) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
