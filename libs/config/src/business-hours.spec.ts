import { ALWAYS_OPEN, BUSINESS_HOURS_RULE, isTimeZone, parseBusinessHours, parseHolidays, type WeeklyInterval } from './business-hours';
import { ConfigurationError, loadConfig, setting } from './config';

const MON_FRI = [1, 2, 3, 4, 5];
const window = (weekday: number, start: string, end: string): WeeklyInterval => ({ weekday, startMinute: minutes(start), endMinute: minutes(end) });
function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

describe('parseBusinessHours', () => {
  it.each(['24/7', 'ALWAYS', 'always', ' Always ', '24/7 '])('reads %j as always open', (text) => {
    const hours = parseBusinessHours(text);
    expect(hours).toBe(ALWAYS_OPEN);
    expect(hours.alwaysOpen).toBe(true);
    expect(hours.intervals).toEqual([0, 1, 2, 3, 4, 5, 6].map((d) => window(d, '00:00', '24:00')));
  });

  it('reads the spellings both services used, to the same hours', () => {
    const expected = [...MON_FRI.map((d) => window(d, '08:00', '18:00')), window(6, '09:00', '13:00')];
    for (const text of [
      'Mon-Fri 08:00-18:00; Sat 09:00-13:00',
      'MON-FRI 08:00-18:00; SAT 09:00-13:00',
      'Mon-Fri 08:00-18:00, Sat 09:00-13:00',
      'mon-fri 08:00-18:00;sat 09:00-13:00;',
      '  Sat 09:00-13:00 ;  Mon-Fri   08:00-18:00 ',
    ]) {
      expect(parseBusinessHours(text)).toEqual({ alwaysOpen: false, intervals: expected });
    }
  });

  it('reads lists of days and several times for the same days', () => {
    expect(parseBusinessHours('Mon, Wed, Fri 09:00-12:00').intervals).toEqual([1, 3, 5].map((d) => window(d, '09:00', '12:00')));
    expect(parseBusinessHours('Mon-Tue 08:00-12:00, 13:00-17:00; Sat 10:00-12:00').intervals).toEqual([
      window(1, '08:00', '12:00'),
      window(1, '13:00', '17:00'),
      window(2, '08:00', '12:00'),
      window(2, '13:00', '17:00'),
      window(6, '10:00', '12:00'),
    ]);
  });

  it('runs a range over the weekend and closes a day at 24:00 at the latest', () => {
    expect(parseBusinessHours('Fri-Mon 10:00-12:00').intervals.map((w) => w.weekday)).toEqual([0, 1, 5, 6]);
    expect(parseBusinessHours('Sun 00:00-24:00').intervals).toEqual([window(0, '00:00', '24:00')]);
  });

  it('merges times of one day that overlap or touch', () => {
    expect(parseBusinessHours('Mon 08:00-12:00; Mon 11:00-14:00; Mon 14:00-15:00; Mon 16:00-17:00').intervals).toEqual([window(1, '08:00', '15:00'), window(1, '16:00', '17:00')]);
  });

  it.each([
    ['weekdays', /"weekdays" is not days and hours/],
    ['weekdays 9 to 5', /is not days and hours like Mon-Fri 08:00-18:00/],
    ['Mon-Fri', /names days without hours/],
    ['Mon-Fri 09:00-18:00; Sat', /names days without hours/],
    ['Mon-Fri 18:00-09:00', /must open before it closes/],
    ['MON-FRI 18:00-08:00', /must open before it closes/],
    ['Mon-Fri 09:00-25:00', /must open before it closes, within one day/],
    ['Mon 09:00-09:00', /must open before it closes/],
    ['Mon 09:75-18:00', /minutes past 59/],
    ['Monday 09:00-18:00', /is not days and hours/],
    ['Abc 09:00-18:00', /unknown weekday/],
    ['09:00-18:00', /names no day/],
    ['', /no days and hours given/],
    [' ; ', /no days and hours given/],
    ['24/7; Mon 09:00-10:00', /is not days and hours/],
  ])('refuses %j, with the rule and what is wrong', (text, reason) => {
    expect(() => parseBusinessHours(text)).toThrow(reason);
    expect(() => parseBusinessHours(text)).toThrow(BUSINESS_HOURS_RULE);
    expect(() => parseBusinessHours(text)).toThrow(/24\/7 or opening hours/);
  });
});

describe('parseHolidays', () => {
  it('reads dates apart by commas (spaces and semicolons too), sorted and once each; empty is none', () => {
    expect(parseHolidays('2026-12-25, 2027-01-01')).toEqual(['2026-12-25', '2027-01-01']);
    expect(parseHolidays('2027-01-01;2026-12-25 2026-12-25,')).toEqual(['2026-12-25', '2027-01-01']);
    expect(parseHolidays('')).toEqual([]);
    expect(parseHolidays('  ')).toEqual([]);
  });

  it.each(['25.12.2026', '2026-2-1', '2026-02-30', '2026-13-01', 'Christmas'])('refuses %j', (text) => {
    expect(() => parseHolidays(text)).toThrow(/must be dates like 2026-12-25,2027-01-01 \(".*" is not a date of the form YYYY-MM-DD\)/);
  });
});

describe('isTimeZone', () => {
  it('knows IANA zones and UTC, nothing else', () => {
    for (const zone of ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata']) expect(isTimeZone(zone)).toBe(true);
    for (const zone of ['Mars/Olympus', '', ' ', 'Berlin']) expect(isTimeZone(zone)).toBe(false);
  });
});

describe('the calendar settings', () => {
  const shape = { TIME_ZONE: setting.timeZone(), BUSINESS_HOURS: setting.businessHours(), HOLIDAYS: setting.holidays() };

  it('default to UTC, 24/7 and no holidays', () => {
    expect(loadConfig(shape, {})).toEqual({ TIME_ZONE: 'UTC', BUSINESS_HOURS: ALWAYS_OPEN, HOLIDAYS: [] });
    expect(loadConfig(shape, { TIME_ZONE: '', BUSINESS_HOURS: '', HOLIDAYS: '' })).toEqual({ TIME_ZONE: 'UTC', BUSINESS_HOURS: ALWAYS_OPEN, HOLIDAYS: [] });
  });

  it('take other defaults', () => {
    expect(loadConfig({ ZONE: setting.timeZone('Europe/Berlin'), HOURS: setting.businessHours('Mon-Fri 09:00-17:00') }, {})).toEqual({
      ZONE: 'Europe/Berlin',
      HOURS: { alwaysOpen: false, intervals: MON_FRI.map((d) => window(d, '09:00', '17:00')) },
    });
  });

  it('read the values into data', () => {
    expect(loadConfig(shape, { TIME_ZONE: 'America/New_York', BUSINESS_HOURS: 'Mon-Fri 09:00-18:00', HOLIDAYS: '2026-12-25, 2027-01-01' })).toEqual({
      TIME_ZONE: 'America/New_York',
      BUSINESS_HOURS: { alwaysOpen: false, intervals: MON_FRI.map((d) => window(d, '09:00', '18:00')) },
      HOLIDAYS: ['2026-12-25', '2027-01-01'],
    });
  });

  it('name each bad variable with the rule, what is wrong and the value', () => {
    let error: unknown;
    try {
      loadConfig(shape, { TIME_ZONE: 'Mars/Olympus', BUSINESS_HOURS: 'weekdays', HOLIDAYS: '25.12.2026' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).problems).toEqual([
      'TIME_ZONE: must be an IANA time zone such as Europe/Berlin (got "Mars/Olympus")',
      'BUSINESS_HOURS: must be ALWAYS, 24/7 or opening hours such as "Mon-Fri 08:00-18:00; Sat 09:00-13:00" ("weekdays" is not days and hours like Mon-Fri 08:00-18:00) (got "weekdays")',
      'HOLIDAYS: must be dates like 2026-12-25,2027-01-01 ("25.12.2026" is not a date of the form YYYY-MM-DD) (got "25.12.2026")',
    ]);
  });
});
