import { addBusinessTime, parseBusinessHours } from './business-hours';

const minutes = (n: number) => n * 60_000;

describe('business hours', () => {
  it('adds plain time when always open', () => {
    const always = parseBusinessHours('ALWAYS', 'UTC');
    expect(addBusinessTime(new Date('2026-11-07T23:58:00Z'), minutes(5), always)).toEqual(new Date('2026-11-08T00:03:00Z'));
  });

  it('counts only the hours the department is open, across the weekend', () => {
    const hours = parseBusinessHours('MON-FRI 08:00-18:00', 'UTC');
    // Friday 17:58 + 5 minutes: 2 minutes on Friday, 3 on Monday morning.
    expect(addBusinessTime(new Date('2026-11-06T17:58:00Z'), minutes(5), hours)).toEqual(new Date('2026-11-09T08:03:00Z'));
    // Received on Saturday: the clock starts on Monday.
    expect(addBusinessTime(new Date('2026-11-07T10:00:00Z'), minutes(5), hours)).toEqual(new Date('2026-11-09T08:05:00Z'));
    // Inside the hours it is plain time.
    expect(addBusinessTime(new Date('2026-11-04T10:00:00Z'), minutes(5), hours)).toEqual(new Date('2026-11-04T10:05:00Z'));
  });

  it('follows the time zone and its daylight-saving change', () => {
    const berlin = parseBusinessHours('MON-FRI 08:00-18:00; SAT 09:00-13:00', 'Europe/Berlin');
    // Saturday 12:58 in Berlin (CET, UTC+1) → 2 minutes on Saturday, 3 on Monday at 08:00 CET.
    expect(addBusinessTime(new Date('2026-11-07T11:58:00Z'), minutes(5), berlin)).toEqual(new Date('2026-11-09T07:03:00Z'));
    // Summer time (CEST, UTC+2) ended on 25 October 2026: Friday 23 October 17:59 CEST + 2 min → Saturday 09:01 CEST.
    expect(addBusinessTime(new Date('2026-10-23T15:59:00Z'), minutes(2), berlin)).toEqual(new Date('2026-10-24T07:01:00Z'));
    // Saturday 24 October 12:59 CEST + 2 min → Monday 26 October 08:01 CET.
    expect(addBusinessTime(new Date('2026-10-24T10:59:00Z'), minutes(2), berlin)).toEqual(new Date('2026-10-26T07:01:00Z'));
  });

  it('refuses settings it cannot read', () => {
    expect(() => parseBusinessHours('weekdays 9 to 5', 'UTC')).toThrow(/MON-FRI 08:00-18:00/);
    expect(() => parseBusinessHours('MON-FRI 18:00-08:00', 'UTC')).toThrow(/open before it closes/);
    expect(() => parseBusinessHours('ALWAYS', 'Mars/Olympus')).toThrow(/time zone/);
  });
});
