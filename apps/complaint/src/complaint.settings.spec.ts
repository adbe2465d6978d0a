import { ConfigurationError } from '@carebridge/config';
import { complaintSettings } from './complaint.settings';

describe('complaint settings', () => {
  it('has the defaults of the requirements: 24 hours, around the clock, no DOT rule, approval above 200.00 EUR', () => {
    const settings = complaintSettings({});
    expect(settings).toMatchObject({ feedbackTargetHours: 24, dotRule: false, atRiskPercent: 25, slaMonitorIntervalMs: 30_000 });
    expect(settings.calendar.isAlwaysOpen).toBe(true);
    expect(settings.valuation.options).toMatchObject({ threshold: '200.00', currency: 'EUR', pointValue: 0.01, mileValue: 0.01 });
  });

  it('reads business hours, holidays, the DOT rule and exchange rates', () => {
    const settings = complaintSettings({
      COMPLAINT_BUSINESS_HOURS: 'Mon-Fri 09:00-18:00',
      COMPLAINT_TIME_ZONE: 'America/New_York',
      COMPLAINT_HOLIDAYS: '2026-12-25, 2027-01-01',
      COMPLAINT_DOT_RULE: 'true',
      COMPLAINT_EXCHANGE_RATES: 'USD=0.92,GBP=1.17',
    });
    expect(settings.calendar.timeZone).toBe('America/New_York');
    expect(settings.dotRule).toBe(true);
    expect(settings.valuation.options.exchangeRates).toEqual({ USD: 0.92, GBP: 1.17 });
  });

  it.each([
    ['COMPLAINT_FEEDBACK_TARGET_HOURS', '-1'],
    ['COMPLAINT_BUSINESS_HOURS', 'weekdays'],
    ['COMPLAINT_TIME_ZONE', 'Mars/Olympus'],
    ['COMPLAINT_HOLIDAYS', '25.12.2026'],
    ['COMPLAINT_DOT_RULE', 'maybe'],
    ['COMPLAINT_APPROVAL_THRESHOLD', '-5'],
    ['COMPLAINT_APPROVAL_CURRENCY', 'XYZ'],
    ['COMPLAINT_EXCHANGE_RATES', 'USD:0.9'],
    ['COMPLAINT_SLA_MONITOR_INTERVAL_MS', '10'],
  ])('stops at start on a bad %s, naming it', (name, value) => {
    expect(() => complaintSettings({ [name]: value })).toThrow(ConfigurationError);
    expect(() => complaintSettings({ [name]: value })).toThrow(new RegExp(`${name}: must`));
  });

  it('refuses the old name COMPLAINT_TIMEZONE instead of quietly counting in UTC', () => {
    expect(() => complaintSettings({ COMPLAINT_TIMEZONE: 'Europe/Berlin' })).toThrow(/COMPLAINT_TIMEZONE: was renamed to COMPLAINT_TIME_ZONE/);
  });
});
