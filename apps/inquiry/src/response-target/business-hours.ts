/**
 * Business hours for written channels' response targets: a deadline of "5 minutes" given at 17:58 on
 * a Friday with hours MON-FRI 08:00-18:00 falls due at 08:03 on Monday. Hours are local to a time
 * zone (IANA name), so daylight-saving changes are followed.
 */
export interface BusinessHours {
  /** Null: always open (24/7). */
  windows: { weekday: number; openMinute: number; closeMinute: number }[] | null;
  timeZone: string;
}

const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/**
 * Reads `ALWAYS` or a list like `MON-FRI 08:00-18:00; SAT 09:00-13:00`. Throws with a message that
 * says what is wrong; the settings loader reports it with the variable's name.
 */
export function parseBusinessHours(spec: string, timeZone: string): BusinessHours {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new Error(`"${timeZone}" is not an IANA time zone`);
  }
  if (spec.trim().toUpperCase() === 'ALWAYS') return { windows: null, timeZone };
  const windows: NonNullable<BusinessHours['windows']> = [];
  for (const part of spec.split(';').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([A-Z]{3})(?:-([A-Z]{3}))?\s+(\d{2}):(\d{2})-(\d{2}):(\d{2})$/i.exec(part);
    if (!match) throw new Error(`"${part}" must look like MON-FRI 08:00-18:00`);
    const from = WEEKDAYS.indexOf(match[1].toUpperCase());
    const to = WEEKDAYS.indexOf((match[2] ?? match[1]).toUpperCase());
    if (from < 0 || to < 0) throw new Error(`"${part}" names an unknown weekday (use ${WEEKDAYS.join(', ')})`);
    const openMinute = Number(match[3]) * 60 + Number(match[4]);
    const closeMinute = Number(match[5]) * 60 + Number(match[6]);
    if (openMinute >= closeMinute || closeMinute > 24 * 60) throw new Error(`"${part}" must open before it closes, within one day`);
    for (let day = from; ; day = (day + 1) % 7) {
      windows.push({ weekday: day, openMinute, closeMinute });
      if (day === to) break;
    }
  }
  if (!windows.length) throw new Error('must be ALWAYS or name at least one day and hours');
  return { windows, timeZone };
}

/** The time `durationMs` of business time after `start`. */
export function addBusinessTime(start: Date, durationMs: number, hours: BusinessHours): Date {
  if (!hours.windows) return new Date(start.getTime() + durationMs);
  let at = start.getTime();
  let remaining = durationMs;
  // A year of windows is far more than any response target needs; the bound only guards a bad setting.
  for (let step = 0; step < 800; step++) {
    const window = nextWindow(at, hours);
    if (!window) break;
    at = Math.max(at, window.start);
    if (remaining <= window.end - at) return new Date(at + remaining);
    remaining -= window.end - at;
    at = window.end;
  }
  throw new Error('business hours leave no time to meet the target');
}

/** The business window that contains `at`, or else the next one. */
function nextWindow(at: number, hours: BusinessHours): { start: number; end: number } | undefined {
  const local = localParts(at, hours.timeZone);
  let best: { start: number; end: number } | undefined;
  for (let offset = -1; offset <= 8; offset++) {
    const day = new Date(Date.UTC(local.year, local.month - 1, local.day + offset));
    for (const window of hours.windows ?? []) {
      if (window.weekday !== day.getUTCDay()) continue;
      const start = zonedTime(day, window.openMinute, hours.timeZone);
      const end = zonedTime(day, window.closeMinute, hours.timeZone);
      if (end > at && (!best || start < best.start)) best = { start, end };
    }
  }
  return best;
}

function localParts(at: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** How far the zone is ahead of UTC at an instant, in ms. */
function zoneOffset(at: number, timeZone: string): number {
  const p = localParts(at, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at / 1000) * 1000;
}

/** The instant of a local wall-clock time (minutes after midnight) on a calendar day in a zone. */
function zonedTime(day: Date, minuteOfDay: number, timeZone: string): number {
  const wall = day.getTime() + minuteOfDay * 60_000;
  const guess = wall - zoneOffset(wall, timeZone);
  return wall - zoneOffset(guess, timeZone);
}
