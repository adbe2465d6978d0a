import { localDate, startOfLocalDay } from '@carebridge/business-calendar';
import { BadUserInputError } from '@carebridge/domain';
import type { PeriodKindValue } from './figures.enums';

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One period of the company's calendar: local dates `from`..`to` (inclusive) and the instants they span. */
export interface Period {
  kind: PeriodKindValue | 'RANGE';
  /** First local day, YYYY-MM-DD. */
  from: string;
  /** Last local day, YYYY-MM-DD (inclusive). */
  to: string;
  start: Date;
  /** The first instant after the period. */
  end: Date;
}

/**
 * Days, ISO weeks, months and quarters in the company's time zone, with daylight saving followed.
 * Local-date arithmetic runs on UTC dates (no zone involved); only the edges are placed in the zone.
 */
export class PeriodCalendar {
  constructor(readonly timeZone: string) {}

  /** The local date (YYYY-MM-DD) of an instant. */
  localDate(at: Date): string {
    return localDate(at, this.timeZone);
  }

  /** The instant a local day begins. */
  startOfDay(date: string): Date {
    return startOfLocalDay(date, this.timeZone);
  }

  /** The period of a kind that contains a local date. */
  containing(kind: PeriodKindValue | 'QUARTER', date: string): Period {
    const day = parseDate(date, 'date');
    let from: Date;
    let to: Date;
    if (kind === 'DAY') {
      from = day;
      to = day;
    } else if (kind === 'WEEK') {
      from = addDays(day, -((day.getUTCDay() + 6) % 7));
      to = addDays(from, 6);
    } else if (kind === 'MONTH') {
      from = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
      to = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0));
    } else {
      const firstMonth = day.getUTCMonth() - (day.getUTCMonth() % 3);
      from = new Date(Date.UTC(day.getUTCFullYear(), firstMonth, 1));
      to = new Date(Date.UTC(day.getUTCFullYear(), firstMonth + 3, 0));
    }
    return this.period(kind as PeriodKindValue, iso(from), iso(to));
  }

  /** Any range of local days, both ends included. */
  range(from: string, to: string): Period {
    parseDate(from, 'from');
    if (parseDate(to, 'to').getTime() < parseDate(from, 'from').getTime()) throw BadUserInputError.field('period.to', 'not-before-from', 'must not be before from');
    return this.period('RANGE', from, to);
  }

  /** The period of the same kind just before. */
  previous(period: Period): Period {
    if (period.kind === 'RANGE') {
      const days = daysBetween(period.from, period.to) + 1;
      return this.range(iso(addDays(parseDate(period.from), -days)), iso(addDays(parseDate(period.from), -1)));
    }
    return this.containing(period.kind as PeriodKindValue, iso(addDays(parseDate(period.from), -1)));
  }

  /** The next period of the same kind. */
  next(period: Period): Period {
    return this.containing(period.kind as PeriodKindValue, iso(addDays(parseDate(period.to), 1)));
  }

  /**
   * The same period a year before: the same month, the same ISO week number (the 53rd week of a
   * long year maps to the 52nd), the same date (29 February to the 28th), the same dates of a range.
   */
  sameLastYear(period: Period): Period {
    if (period.kind === 'WEEK') {
      const { year, week } = isoWeek(parseDate(period.from));
      return this.containing('WEEK', iso(isoWeekMonday(year - 1, Math.min(week, isoWeeksIn(year - 1)))));
    }
    const shift = (date: string) => {
      const d = parseDate(date);
      const target = new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), 1));
      const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
      return iso(new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), lastDay))));
    };
    if (period.kind === 'RANGE') return this.range(shift(period.from), shift(period.to));
    return this.containing(period.kind as PeriodKindValue, shift(period.from));
  }

  /** Every period of a kind from the one containing `from` to the one containing `to`. */
  series(kind: PeriodKindValue, from: string, to: string, limit: number): Period[] {
    const last = this.containing(kind, to);
    const periods: Period[] = [];
    for (let p = this.containing(kind, from); p.from <= last.from; p = this.next(p)) {
      if (periods.length >= limit) throw BadUserInputError.field('to', 'series-length', `a series has at most ${limit} periods`);
      periods.push(p);
    }
    if (!periods.length) throw BadUserInputError.field('to', 'not-before-from', 'must not be before from');
    return periods;
  }

  private period(kind: Period['kind'], from: string, to: string): Period {
    return { kind, from, to, start: this.startOfDay(from), end: this.startOfDay(iso(addDays(parseDate(to), 1))) };
  }
}

function parseDate(date: string, field = 'date'): Date {
  const parsed = DATE.test(date) ? new Date(`${date}T00:00:00.000Z`) : new Date(NaN);
  if (Number.isNaN(parsed.getTime()) || iso(parsed) !== date) throw BadUserInputError.field(`period.${field}`, 'date', 'must be a calendar date like 2026-12-01');
  return parsed;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

function isoWeek(d: Date): { year: number; week: number } {
  const thursday = addDays(d, 3 - ((d.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const firstThursday = addDays(new Date(Date.UTC(year, 0, 4)), 3 - ((new Date(Date.UTC(year, 0, 4)).getUTCDay() + 6) % 7));
  return { year, week: 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * DAY_MS)) };
}

function isoWeekMonday(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  return addDays(jan4, -((jan4.getUTCDay() + 6) % 7) + (week - 1) * 7);
}

function isoWeeksIn(year: number): number {
  return isoWeek(new Date(Date.UTC(year, 11, 28))).week;
}
