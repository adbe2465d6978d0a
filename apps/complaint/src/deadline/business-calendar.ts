/**
 * Business time for deadlines: opening hours per weekday in one time zone, minus
 * holidays. "24/7" (the default) counts every hour. Deadlines are added in business time, and the
 * time a complaint waited on the customer is measured in business time too, so a pause over a
 * weekend does not push the deadline by two extra days.
 */
export interface OpeningWindow {
  /** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
  weekday: number;
  startMinute: number;
  endMinute: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SEGMENT = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat)(?:-(Sun|Mon|Tue|Wed|Thu|Fri|Sat))?\s+(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;
/** Ten years of calendar days: far beyond any complaint deadline, and a guard against endless loops. */
const MAX_DAYS = 3660;

export const BUSINESS_HOURS_RULE = 'must be 24/7 or opening hours like "Mon-Fri 09:00-18:00, Sat 10:00-14:00"';

export class BusinessCalendar {
  private readonly holidays: Set<string>;
  private readonly formatter?: Intl.DateTimeFormat;

  private constructor(
    private readonly windows: OpeningWindow[] | null,
    readonly timeZone: string,
    holidays: string[],
  ) {
    this.holidays = new Set(holidays);
    if (windows) {
      this.formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    }
  }

  /** Every hour of every day counts. */
  static always(): BusinessCalendar {
    return new BusinessCalendar(null, 'UTC', []);
  }

  /** Reads "24/7" or "Mon-Fri 09:00-18:00, Sat 10:00-14:00"; throws with the rule on a bad value. */
  static parse(hours: string, timeZone = 'UTC', holidays: string[] = []): BusinessCalendar {
    const windows = parseOpeningHours(hours);
    if (!windows) return holidays.length ? new BusinessCalendar(everyDay(), timeZone, holidays) : BusinessCalendar.always();
    return new BusinessCalendar(windows, timeZone, holidays);
  }

  get isAlwaysOpen(): boolean {
    return this.windows === null;
  }

  /** The moment `ms` of business time after `start`. */
  add(start: Date, ms: number): Date {
    if (!this.windows) return new Date(start.getTime() + ms);
    let remaining = ms;
    let cursor = start.getTime();
    for (const [from, to] of this.openIntervals(start)) {
      const begin = Math.max(from, cursor);
      if (to <= begin) continue;
      if (to - begin >= remaining) return new Date(begin + remaining);
      remaining -= to - begin;
      cursor = to;
    }
    throw new Error('the business calendar has no opening hours within ten years');
  }

  /** Business time between two moments (0 when `to` is not after `from`). */
  between(from: Date, to: Date): number {
    if (to.getTime() <= from.getTime()) return 0;
    if (!this.windows) return to.getTime() - from.getTime();
    let total = 0;
    for (const [start, end] of this.openIntervals(from)) {
      if (start >= to.getTime()) break;
      total += Math.max(0, Math.min(end, to.getTime()) - Math.max(start, from.getTime()));
    }
    return total;
  }

  /** Open intervals (UTC milliseconds) from the local day of `from` on, in order. */
  private *openIntervals(from: Date): Generator<[number, number]> {
    const local = this.localParts(from.getTime());
    const firstDay = Date.UTC(local.year, local.month - 1, local.day);
    for (let i = 0; i < MAX_DAYS; i++) {
      const day = new Date(firstDay + i * DAY_MS);
      const date = day.toISOString().slice(0, 10);
      if (this.holidays.has(date)) continue;
      for (const window of this.windows ?? []) {
        if (window.weekday !== day.getUTCDay()) continue;
        yield [this.toInstant(day, window.startMinute), this.toInstant(day, window.endMinute)];
      }
    }
  }

  /** The instant of a wall-clock time on a local calendar day in this calendar's time zone. */
  private toInstant(day: Date, minute: number): number {
    const wall = day.getTime() + minute * 60_000;
    // Two rounds settle the offset also on days when daylight saving time changes.
    let instant = wall - this.offset(wall);
    instant = wall - this.offset(instant);
    return instant;
  }

  private offset(instant: number): number {
    const p = this.localParts(instant);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
  }

  private localParts(instant: number) {
    if (!this.formatter) {
      const d = new Date(instant);
      return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
    }
    const parts = Object.fromEntries(this.formatter.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
    return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour, minute: +parts.minute, second: +parts.second };
  }
}

/** null for 24/7. */
export function parseOpeningHours(hours: string): OpeningWindow[] | null {
  const text = hours.trim();
  if (text === '24/7') return null;
  const windows: OpeningWindow[] = [];
  for (const segment of text.split(/[,;]/).map((s) => s.trim())) {
    const match = SEGMENT.exec(segment);
    if (!match) throw new Error(BUSINESS_HOURS_RULE);
    const [, fromDay, toDay, h1, m1, h2, m2] = match;
    const startMinute = Number(h1) * 60 + Number(m1);
    const endMinute = Number(h2) * 60 + Number(m2);
    if (Number(m1) > 59 || Number(m2) > 59 || endMinute > 24 * 60 || startMinute >= endMinute) throw new Error(BUSINESS_HOURS_RULE);
    const first = WEEKDAYS.indexOf(fromDay);
    const last = WEEKDAYS.indexOf(toDay ?? fromDay);
    for (let d = first; ; d = (d + 1) % 7) {
      windows.push({ weekday: d, startMinute, endMinute });
      if (d === last) break;
    }
  }
  return windows;
}

function everyDay(): OpeningWindow[] {
  return Array.from({ length: 7 }, (_, weekday) => ({ weekday, startMinute: 0, endMinute: 24 * 60 }));
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
