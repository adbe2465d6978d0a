import { ConfigurationError, loadConfig, setting } from '@carebridge/config';
import { BusinessCalendar } from './business-calendar';
import { calendarSettings } from './calendar-settings';

const at = (iso: string) => new Date(iso);

describe('calendarSettings', () => {
  it('declares the three variables of a service, to spread into its loadConfig, with the defaults 24/7, UTC and no holidays', () => {
    const shape = calendarSettings('COMPLAINT');
    expect(Object.keys(shape)).toEqual(['COMPLAINT_TIME_ZONE', 'COMPLAINT_BUSINESS_HOURS', 'COMPLAINT_HOLIDAYS']);
    const settings = loadConfig({ ...shape, COMPLAINT_DOT_RULE: setting.boolean(false) }, {});
    const calendar = BusinessCalendar.fromSettings(settings, 'COMPLAINT');
    expect(settings.COMPLAINT_DOT_RULE).toBe(false);
    expect(calendar.isAlwaysOpen).toBe(true);
    expect(calendar).toMatchObject({ timeZone: 'UTC', holidays: [] });
  });

  it('builds the calendar the variables describe', () => {
    const env = { INQUIRY_TIME_ZONE: 'Europe/Berlin', INQUIRY_BUSINESS_HOURS: 'MON-FRI 08:00-18:00; SAT 09:00-13:00', INQUIRY_HOLIDAYS: '2026-12-25' };
    const calendar = BusinessCalendar.fromSettings(loadConfig(calendarSettings('INQUIRY'), env), 'INQUIRY');
    expect(calendar.timeZone).toBe('Europe/Berlin');
    expect(calendar.holidays).toEqual(['2026-12-25']);
    // Thursday 24 December 17:58 Berlin + 5 minutes: 2 on Thursday, Friday a holiday, 3 on Saturday from 09:00.
    expect(calendar.add(at('2026-12-24T16:58:00Z'), 5 * 60_000)).toEqual(at('2026-12-26T08:03:00Z'));
  });

  it('accepts for every service what was written for another', () => {
    const values = { TIME_ZONE: 'America/New_York', BUSINESS_HOURS: 'Mon-Fri 09:00-18:00, Sat 10:00-14:00', HOLIDAYS: '2026-12-25, 2027-01-01' };
    const calendars = ['COMPLAINT', 'INQUIRY', 'AFTER_SALES'].map((service) => {
      const env = Object.fromEntries(Object.entries(values).map(([name, value]) => [`${service}_${name}`, value]));
      return BusinessCalendar.fromSettings(loadConfig(calendarSettings(service), env), service);
    });
    for (const calendar of calendars) expect(calendar).toEqual(calendars[0]);
  });

  it('stops the service naming each bad variable and its rule', () => {
    let error: unknown;
    try {
      loadConfig(calendarSettings('INQUIRY'), { INQUIRY_TIME_ZONE: 'Mars/Olympus', INQUIRY_BUSINESS_HOURS: 'weekdays', INQUIRY_HOLIDAYS: '25.12.2026' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(
      /INQUIRY_TIME_ZONE: must be an IANA time zone[\s\S]*INQUIRY_BUSINESS_HOURS: must be ALWAYS, 24\/7 or opening hours[\s\S]*INQUIRY_HOLIDAYS: must be dates like 2026-12-25,2027-01-01/,
    );
  });

  it('wants the upper-case prefix of the variables', () => {
    expect(() => calendarSettings('complaint')).toThrow(/upper-case prefix/);
    expect(() => calendarSettings('COMPLAINT_')).toThrow(/upper-case prefix/);
    expect(Object.keys(calendarSettings('AFTER_SALES'))).toContain('AFTER_SALES_TIME_ZONE');
  });
});
