/**
 * Dates as people at a place read them. Periods ("this month"), deadlines ("within 7 days", "the day
 * after") and printed times count local calendar days, so they are computed in an IANA time zone,
 * daylight saving included. Dates are `YYYY-MM-DD` strings: a calendar day, not an instant.
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

/** The wall clock at an instant in a time zone: its date, and the wall time as if it were UTC (ms). */
export function wallClock(instant: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; ms: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  const [year, month, day, hour, minute] = [Number(parts.year), Number(parts.month), Number(parts.day), Number(parts.hour), Number(parts.minute)];
  const ms = Date.UTC(year, month - 1, day, hour, minute, Number(parts.second)) + instant.getUTCMilliseconds();
  return { year, month, day, hour, minute, ms };
}

/** How far a time zone is ahead of UTC at an instant, in ms. */
export function zoneOffset(instant: Date, timeZone: string): number {
  return wallClock(instant, timeZone).ms - instant.getTime();
}

/** The instant a wall-clock time (given as if it were UTC, in ms) happens in a time zone. */
export function instantOfWallTime(wall: number, timeZone: string): Date {
  // The offset at a first guess, then again at the result: right across a daylight-saving change.
  const guess = wall - zoneOffset(new Date(wall), timeZone);
  return new Date(wall - zoneOffset(new Date(guess), timeZone));
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const { year, month, day } = wallClock(instant, timeZone);
  return isoDate(year, month, day);
}

/** "2026-03-12 14:05" in the time zone, for explanations. */
export function localDateTime(instant: Date, timeZone: string): string {
  return new Date(wallClock(instant, timeZone).ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** An instant as the clocks at a place showed it, with their UTC offset: `2026-11-01T09:40:00+01:00`. */
export function localTimeWithOffset(instant: Date, timeZone: string): string {
  const wall = wallClock(instant, timeZone);
  const offsetMinutes = Math.round((wall.ms - instant.getTime()) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${new Date(wall.ms).toISOString().slice(0, 19)}${offset}`;
}

/** The instant a local calendar day begins. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return instantOfWallTime(Date.UTC(year, month - 1, day), timeZone);
}

/** The last millisecond of a local calendar day, as an instant. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return instantOfWallTime(Date.UTC(year, month - 1, day, 23, 59, 59, 999), timeZone);
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

/** The weekday of a calendar date, 0 = Sunday. */
export function weekdayOf(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
