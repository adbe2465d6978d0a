import { BusinessCalendar, parseOpeningHours } from './business-calendar';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

describe('BusinessCalendar', () => {
  it('counts every hour by default (24/7)', () => {
    const calendar = BusinessCalendar.parse('24/7');
    expect(calendar.isAlwaysOpen).toBe(true);
    expect(calendar.add(at('2026-11-06T17:00:00Z'), 24 * HOUR)).toEqual(at('2026-11-07T17:00:00Z'));
    expect(calendar.between(at('2026-11-06T17:00:00Z'), at('2026-11-07T17:00:00Z'))).toBe(24 * HOUR);
  });

  it('adds business hours across the evening and the weekend', () => {
    const calendar = BusinessCalendar.parse('Mon-Fri 09:00-18:00', 'UTC');
    // Friday 17:00 + 4 business hours: 1 hour on Friday, 3 on Monday.
    expect(calendar.add(at('2026-11-06T17:00:00Z'), 4 * HOUR)).toEqual(at('2026-11-09T12:00:00Z'));
    // Registered on Saturday: the clock starts on Monday morning.
    expect(calendar.add(at('2026-11-07T10:00:00Z'), 24 * HOUR)).toEqual(at('2026-11-11T15:00:00Z'));
    expect(calendar.between(at('2026-11-06T17:00:00Z'), at('2026-11-09T12:00:00Z'))).toBe(4 * HOUR);
  });

  it('skips holidays and follows the time zone, daylight saving time included', () => {
    const calendar = BusinessCalendar.parse('Mon-Fri 09:00-18:00, Sat 10:00-14:00', 'Europe/Berlin', ['2026-12-25']);
    // Thursday 24 Dec 17:00 Berlin (16:00Z) + 2 h: 1 h on Thursday, Friday is a holiday, 1 h on Saturday from 10:00 Berlin.
    expect(calendar.add(at('2026-12-24T16:00:00Z'), 2 * HOUR)).toEqual(at('2026-12-26T10:00:00Z'));
    // Across the end of summer time (25 Oct 2026): Saturday 13:00 CEST + 2 h → Monday 10:00 CET.
    expect(calendar.add(at('2026-10-24T11:00:00Z'), 2 * HOUR)).toEqual(at('2026-10-26T09:00:00Z'));
  });

  it('refuses opening hours it cannot read', () => {
    for (const bad of ['Mon-Fri', 'Mon-Fri 18:00-09:00', 'Monday 09:00-18:00', 'Mon-Fri 09:00-25:00', '']) {
      expect(() => parseOpeningHours(bad)).toThrow(/24\/7 or opening hours/);
    }
    expect(parseOpeningHours('Fri-Mon 10:00-12:00')?.map((w) => w.weekday)).toEqual([5, 6, 0, 1]);
  });
});
