import { ALWAYS_OPEN, BusinessHoursError, isTimeZone, parseBusinessHours, parseHolidays, TIME_ZONE_RULE, type WeeklyHours } from '@carebridge/config';
import { instantOfWallTime, wallClock } from './local-time';

const DAY_MS = 86_400_000;
/** Ten years of calendar days: far beyond any deadline, and a guard against endless loops. */
const MAX_DAYS = 3660;

/** A service's calendar settings as loadConfig returns them (declared by `calendarSettings(service)`). */
export type CalendarSettingValues<S extends string> = { [K in `${S}_TIME_ZONE`]: string } & { [K in `${S}_BUSINESS_HOURS`]: WeeklyHours } & {
  [K in `${S}_HOLIDAYS`]: readonly string[];
};

export interface BusinessCalendarOptions {
  /** Weekly hours as text in the one grammar (`Mon-Fri 08:00-18:00`) or read already; default 24/7. */
  hours?: WeeklyHours | string;
  /** IANA time zone the hours and holidays are local to; default UTC. */
  timeZone?: string;
  /** Closed days (`2026-12-25`), as a list or as the settings text; default none. */
  holidays?: readonly string[] | string;
}

/**
 * Business time: opening hours per weekday in one time zone, minus holidays. Deadlines are added in
 * business time ("5 minutes" given at 17:58 on a Friday with Mon-Fri 08:00-18:00 fall due at 08:03 on
 * Monday), and time spent waiting is measured in it. Wall-clock times are local to the zone, so
 * daylight-saving changes are followed; a holiday is a whole local day.
 */
export class BusinessCalendar {
  readonly hours: WeeklyHours;
  readonly timeZone: string;
  readonly holidays: readonly string[];
  private readonly holidaySet: ReadonlySet<string>;

  constructor(options: BusinessCalendarOptions = {}) {
    this.hours = typeof options.hours === 'string' ? parseBusinessHours(options.hours) : (options.hours ?? ALWAYS_OPEN);
    this.timeZone = options.timeZone ?? 'UTC';
    if (!isTimeZone(this.timeZone)) throw new BusinessHoursError(TIME_ZONE_RULE, `"${this.timeZone}" is not a time zone`);
    this.holidays = typeof options.holidays === 'string' ? parseHolidays(options.holidays) : parseHolidays((options.holidays ?? []).join(','));
    this.holidaySet = new Set(this.holidays);
  }

  /** Every hour of every day counts. */
  static always(): BusinessCalendar {
    return new BusinessCalendar();
  }

  /** Reads `24/7`, `ALWAYS` or `Mon-Fri 09:00-18:00, Sat 10:00-14:00`; throws with the rule on a bad value. */
  static parse(hours: string, timeZone = 'UTC', holidays: readonly string[] | string = []): BusinessCalendar {
    return new BusinessCalendar({ hours, timeZone, holidays });
  }

  /** The calendar of a service's loaded settings: `BusinessCalendar.fromSettings(settings, 'COMPLAINT')`. */
  static fromSettings<S extends string>(values: CalendarSettingValues<S>, service: S): BusinessCalendar {
    const read = values as unknown as Record<string, unknown>;
    return new BusinessCalendar({
      timeZone: read[`${service}_TIME_ZONE`] as string,
      hours: read[`${service}_BUSINESS_HOURS`] as WeeklyHours,
      holidays: read[`${service}_HOLIDAYS`] as readonly string[],
    });
  }

  /** Around the clock and no holidays: business time is plain time. */
  get isAlwaysOpen(): boolean {
    return this.hours.alwaysOpen && this.holidays.length === 0;
  }

  /** The moment `ms` of business time after `start` (with 0: the next opening, or `start` when open). */
  add(start: Date, ms: number): Date {
    if (this.isAlwaysOpen) return new Date(start.getTime() + ms);
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

  /** Business time between two moments, in ms (0 when `to` is not after `from`). */
  between(from: Date, to: Date): number {
    if (to.getTime() <= from.getTime()) return 0;
    if (this.isAlwaysOpen) return to.getTime() - from.getTime();
    let total = 0;
    for (const [start, end] of this.openIntervals(from)) {
      if (start >= to.getTime()) break;
      total += Math.max(0, Math.min(end, to.getTime()) - Math.max(start, from.getTime()));
    }
    return total;
  }

  /** Whether business time runs at `at`. */
  isOpen(at: Date): boolean {
    return this.nextOpening(at).getTime() === at.getTime();
  }

  /** When business time next runs: `at` itself when open, else the start of the next opening. */
  nextOpening(at: Date): Date {
    return this.add(at, 0);
  }

  /** Open intervals (UTC milliseconds) from the local day of `from` on, in order. */
  private *openIntervals(from: Date): Generator<[number, number]> {
    const local = wallClock(from, this.timeZone);
    const firstDay = Date.UTC(local.year, local.month - 1, local.day);
    for (let i = 0; i < MAX_DAYS; i++) {
      const day = new Date(firstDay + i * DAY_MS);
      if (this.holidaySet.has(day.toISOString().slice(0, 10))) continue;
      for (const interval of this.hours.intervals) {
        if (interval.weekday !== day.getUTCDay()) continue;
        yield [this.toInstant(day, interval.startMinute), this.toInstant(day, interval.endMinute)];
      }
    }
  }

  /** The instant of a wall-clock time on a local calendar day in this calendar's time zone. */
  private toInstant(day: Date, minute: number): number {
    return instantOfWallTime(day.getTime() + minute * 60_000, this.timeZone).getTime();
  }
}
