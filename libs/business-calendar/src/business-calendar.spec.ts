import { BusinessCalendar } from './business-calendar';

const HOUR = 3_600_000;
const minutes = (n: number) => n * 60_000;
const at = (iso: string) => new Date(iso);

// The cases of complaint's deadline calendar (deadline/business-calendar.spec.ts).
describe('BusinessCalendar (complaint deadlines)', () => {
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
      expect(() => BusinessCalendar.parse(bad)).toThrow(/24\/7 or opening hours/);
    }
    expect(BusinessCalendar.parse('Fri-Mon 10:00-12:00').hours.intervals.map((w) => w.weekday)).toEqual([0, 1, 5, 6]);
  });
});

// The cases of inquiry's response targets (response-target/business-hours.spec.ts).
describe('BusinessCalendar (inquiry response targets)', () => {
  it('adds plain time when always open', () => {
    const always = BusinessCalendar.parse('ALWAYS', 'UTC');
    expect(always.isAlwaysOpen).toBe(true);
    expect(always.add(at('2026-11-07T23:58:00Z'), minutes(5))).toEqual(at('2026-11-08T00:03:00Z'));
  });

  it('counts only the hours the department is open, across the weekend', () => {
    const hours = BusinessCalendar.parse('MON-FRI 08:00-18:00', 'UTC');
    // Friday 17:58 + 5 minutes: 2 minutes on Friday, 3 on Monday morning.
    expect(hours.add(at('2026-11-06T17:58:00Z'), minutes(5))).toEqual(at('2026-11-09T08:03:00Z'));
    // Received on Saturday: the clock starts on Monday.
    expect(hours.add(at('2026-11-07T10:00:00Z'), minutes(5))).toEqual(at('2026-11-09T08:05:00Z'));
    // Inside the hours it is plain time.
    expect(hours.add(at('2026-11-04T10:00:00Z'), minutes(5))).toEqual(at('2026-11-04T10:05:00Z'));
  });

  it('follows the time zone and its daylight-saving change', () => {
    const berlin = BusinessCalendar.parse('MON-FRI 08:00-18:00; SAT 09:00-13:00', 'Europe/Berlin');
    // Saturday 12:58 in Berlin (CET, UTC+1) → 2 minutes on Saturday, 3 on Monday at 08:00 CET.
    expect(berlin.add(at('2026-11-07T11:58:00Z'), minutes(5))).toEqual(at('2026-11-09T07:03:00Z'));
    // Summer time (CEST, UTC+2) ended on 25 October 2026: Friday 23 October 17:59 CEST + 2 min → Saturday 09:01 CEST.
    expect(berlin.add(at('2026-10-23T15:59:00Z'), minutes(2))).toEqual(at('2026-10-24T07:01:00Z'));
    // Saturday 24 October 12:59 CEST + 2 min → Monday 26 October 08:01 CET.
    expect(berlin.add(at('2026-10-24T10:59:00Z'), minutes(2))).toEqual(at('2026-10-26T07:01:00Z'));
  });

  it('refuses settings it cannot read', () => {
    expect(() => BusinessCalendar.parse('weekdays 9 to 5', 'UTC')).toThrow(/Mon-Fri 08:00-18:00/);
    expect(() => BusinessCalendar.parse('MON-FRI 18:00-08:00', 'UTC')).toThrow(/open before it closes/);
    expect(() => BusinessCalendar.parse('ALWAYS', 'Mars/Olympus')).toThrow(/time zone/);
  });
});

describe('BusinessCalendar', () => {
  const office = BusinessCalendar.parse('Mon-Fri 09:00-12:00, 13:00-17:00', 'Europe/Berlin', '2026-12-25,2027-01-01');

  it('defaults to 24/7 in UTC without holidays', () => {
    const calendar = new BusinessCalendar();
    expect(calendar).toMatchObject({ timeZone: 'UTC', holidays: [] });
    expect(calendar.isAlwaysOpen).toBe(true);
    expect(BusinessCalendar.always().isOpen(at('2026-12-25T03:00:00Z'))).toBe(true);
  });

  it('is not plain time around the clock when holidays close whole days', () => {
    const calendar = BusinessCalendar.parse('24/7', 'UTC', ['2026-12-25']);
    expect(calendar.isAlwaysOpen).toBe(false);
    expect(calendar.add(at('2026-12-24T23:00:00Z'), 2 * HOUR)).toEqual(at('2026-12-26T01:00:00Z'));
    expect(calendar.between(at('2026-12-24T00:00:00Z'), at('2026-12-27T00:00:00Z'))).toBe(48 * HOUR);
    expect(calendar.isOpen(at('2026-12-25T12:00:00Z'))).toBe(false);
  });

  it('takes a holiday as the whole local day in its time zone', () => {
    const tokyo = BusinessCalendar.parse('24/7', 'Asia/Tokyo', ['2026-12-25']);
    // 25 December in Tokyo (UTC+9) is 24 Dec 15:00Z to 25 Dec 15:00Z.
    expect(tokyo.isOpen(at('2026-12-24T14:59:00Z'))).toBe(true);
    expect(tokyo.isOpen(at('2026-12-24T15:00:00Z'))).toBe(false);
    expect(tokyo.nextOpening(at('2026-12-24T15:00:00Z'))).toEqual(at('2026-12-25T15:00:00Z'));
  });

  it('says whether it is open and when it opens next', () => {
    // Wednesday 4 November 2026, Berlin is UTC+1.
    expect(office.isOpen(at('2026-11-04T08:00:00Z'))).toBe(true); // 09:00 opens
    expect(office.isOpen(at('2026-11-04T11:00:00Z'))).toBe(false); // 12:00 lunch
    expect(office.isOpen(at('2026-11-04T16:00:00Z'))).toBe(false); // 17:00 closed
    expect(office.nextOpening(at('2026-11-04T09:30:00Z'))).toEqual(at('2026-11-04T09:30:00Z'));
    expect(office.nextOpening(at('2026-11-04T11:30:00Z'))).toEqual(at('2026-11-04T12:00:00Z'));
    // Friday evening → Monday 09:00.
    expect(office.nextOpening(at('2026-11-06T17:00:00Z'))).toEqual(at('2026-11-09T08:00:00Z'));
    // Christmas Eve evening: Friday 25th is a holiday, then the weekend → Monday 28th.
    expect(office.nextOpening(at('2026-12-24T18:00:00Z'))).toEqual(at('2026-12-28T08:00:00Z'));
  });

  it('measures business time across lunch, nights and holidays', () => {
    // Wednesday 10:00 to Thursday 10:00 Berlin: 2 + 4 on Wednesday, 1 on Thursday.
    expect(office.between(at('2026-11-04T09:00:00Z'), at('2026-11-05T09:00:00Z'))).toBe(7 * HOUR);
    // Thursday 24 December 09:00 to Tuesday 29th 09:00: Thursday and Monday; Friday is a holiday.
    expect(office.between(at('2026-12-24T08:00:00Z'), at('2026-12-29T08:00:00Z'))).toBe(2 * 7 * HOUR);
    expect(office.between(at('2026-11-05T09:00:00Z'), at('2026-11-04T09:00:00Z'))).toBe(0);
    expect(office.between(at('2026-11-07T09:00:00Z'), at('2026-11-08T09:00:00Z'))).toBe(0);
  });

  it('adds what it measures, so a pause measured in business time moves a deadline by as much', () => {
    const start = at('2026-11-04T09:17:00Z');
    for (const ms of [0, minutes(1), 2 * HOUR, 7 * HOUR, 40 * HOUR]) expect(office.between(start, office.add(start, ms))).toBe(ms);
  });

  it('ends a deadline at the closing minute when it fits exactly, and starts counting at the next opening', () => {
    expect(office.add(at('2026-11-04T15:00:00Z'), HOUR)).toEqual(at('2026-11-04T16:00:00Z'));
    expect(office.add(at('2026-11-04T16:00:00Z'), 0)).toEqual(at('2026-11-05T08:00:00Z'));
  });

  it('follows the start of summer time: an hour of the night is missing, business hours stay local', () => {
    // 29 March 2026, Berlin moves from UTC+1 to UTC+2 at 02:00.
    const sundays = BusinessCalendar.parse('Sun 00:00-24:00', 'Europe/Berlin');
    expect(sundays.between(at('2026-03-28T00:00:00Z'), at('2026-03-31T00:00:00Z'))).toBe(23 * HOUR);
    expect(sundays.nextOpening(at('2026-03-28T12:00:00Z'))).toEqual(at('2026-03-28T23:00:00Z'));
    const mornings = BusinessCalendar.parse('Mon-Sun 08:00-09:00', 'Europe/Berlin');
    expect(mornings.nextOpening(at('2026-03-28T09:00:00Z'))).toEqual(at('2026-03-29T06:00:00Z'));
    // And back: on 25 October the Sunday has 25 hours.
    expect(sundays.between(at('2026-10-24T00:00:00Z'), at('2026-10-27T00:00:00Z'))).toBe(25 * HOUR);
  });

  it('reads hours, zone and holidays as data too', () => {
    const calendar = new BusinessCalendar({ hours: { alwaysOpen: false, intervals: [{ weekday: 1, startMinute: 540, endMinute: 600 }] }, timeZone: 'UTC', holidays: ['2026-11-09'] });
    expect(calendar.nextOpening(at('2026-11-06T12:00:00Z'))).toEqual(at('2026-11-16T09:00:00Z'));
    expect(() => new BusinessCalendar({ holidays: ['9 Nov'] })).toThrow(/must be dates like 2026-12-25/);
  });
});
