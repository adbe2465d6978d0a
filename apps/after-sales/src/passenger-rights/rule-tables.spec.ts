import { ShippedAirports } from '../airport/airport-directory';
import { type AirPassengerRules, EU261_RULES } from './air-passenger-rights.rules';
import type { DisruptionFacts } from './disruption-facts';
import { addYears, endOfLocalDay, localDate } from '@carebridge/business-calendar';
import { addBusinessDays, isBusinessDay, observedHolidays } from './business-days';
import { assessPassengerRights } from './passenger-rights-assessment';
import { DisruptionKind, EntitlementKind, NotGrantedReason, PassengerRightsRegime } from './passenger-rights.enums';
import { PASSENGER_RIGHTS_RULES } from './passenger-rights.rules';
import { checkRuleTable, type RuleTable, ruleInForce } from './rule-table';
import { US_DOT_RULES } from './us-dot.rules';

const airports = new ShippedAirports();
const at = (iso: string) => new Date(iso);

describe('versioned rule tables', () => {
  it('pick the latest version that took effect on or before the flight date', () => {
    expect(ruleInForce(EU261_RULES, '2013-06-30')).toBeUndefined();
    expect(ruleInForce(EU261_RULES, '2013-07-01')?.id).toBe('EU261/2013-07');
    expect(ruleInForce(EU261_RULES, '2020-12-31')?.id).toBe('EU261/2013-07');
    expect(ruleInForce(EU261_RULES, '2021-01-01')?.id).toBe('EU261/2021-01');
    expect(ruleInForce(PASSENGER_RIGHTS_RULES.montreal, '2024-12-27')?.id).toBe('MC99/2019-12');
    expect(ruleInForce(PASSENGER_RIGHTS_RULES.montreal, '2024-12-28')?.id).toBe('MC99/2024-12');
  });

  it('refuse a table that could pick a version ambiguously', () => {
    const version = EU261_RULES[1];
    expect(() => checkRuleTable('eu261', [version, { ...version, id: 'EU261/other' }])).toThrow('two versions take effect on 2021-01-01');
    expect(() => checkRuleTable('eu261', [version, { ...version, effectiveFrom: '2030-01-01' }])).toThrow('version id EU261/2021-01 is used twice');
    expect(() => checkRuleTable('eu261', [{ ...version, effectiveFrom: '1 Jan 2021' }])).toThrow('must be an ISO date');
    for (const [name, table] of Object.entries(PASSENGER_RIGHTS_RULES)) expect(() => checkRuleTable(name, table as RuleTable<unknown>)).not.toThrow();
  });

  it('make a change of law new data: a version appended for 2027 applies to flights from then, older flights keep their rules', () => {
    // A hypothetical reform: compensation from 4 h of delay, EUR 300 for the short band.
    const current = EU261_RULES[EU261_RULES.length - 1];
    const reform: AirPassengerRules = { ...current.rules, compensation: { ...current.rules.compensation, a: '300.00' }, delayCompensation: { ...current.rules.delayCompensation, fromHours: 4 } };
    const rules = { ...PASSENGER_RIGHTS_RULES, eu261: [...EU261_RULES, { id: 'EU261/2027-01', effectiveFrom: '2027-01-01', source: 'a reform (example)', rules: reform }] };
    const delayed = (date: string, hours: number): DisruptionFacts => ({
      kind: DisruptionKind.DELAY,
      flight: {
        carrier: 'EW', carrierLicenceCountry: 'DE', flightNumber: 'EW9580', origin: 'DUS', destination: 'BCN',
        scheduledDeparture: at(`${date}T07:00:00Z`), scheduledArrival: at(`${date}T09:10:00Z`),
        actualDeparture: at(`${date}T07:00:00Z`), actualArrival: new Date(at(`${date}T09:10:00Z`).getTime() + hours * 3_600_000),
      },
    });
    const compensation = (facts: DisruptionFacts) => {
      const result = assessPassengerRights(facts, { now: at('2027-06-01T00:00:00Z'), airports, rules });
      return { granted: result.entitlements.find((e) => e.regime === PassengerRightsRegime.EU261 && e.kind === EntitlementKind.COMPENSATION), refused: result.notGranted.find((n) => n.kind === EntitlementKind.COMPENSATION) };
    };
    expect(compensation(delayed('2026-12-31', 3.5)).granted).toMatchObject({ amount: { amount: '250.00' }, ruleVersion: 'EU261/2021-01' });
    expect(compensation(delayed('2027-01-02', 3.5)).refused).toMatchObject({ reason: NotGrantedReason.BELOW_THRESHOLD, ruleVersion: 'EU261/2027-01' });
    expect(compensation(delayed('2027-01-02', 4.5)).granted).toMatchObject({ amount: { amount: '300.00' }, ruleVersion: 'EU261/2027-01' });
  });
});

describe('local calendar days', () => {
  it('end a day at its last local millisecond, across daylight-saving changes', () => {
    expect(endOfLocalDay('2026-03-28', 'Europe/Berlin')).toEqual(at('2026-03-28T22:59:59.999Z'));
    expect(endOfLocalDay('2026-03-29', 'Europe/Berlin')).toEqual(at('2026-03-29T21:59:59.999Z'));
    expect(endOfLocalDay('2026-11-01', 'America/New_York')).toEqual(at('2026-11-02T04:59:59.999Z'));
    expect(endOfLocalDay('2026-06-01', 'Asia/Kolkata')).toEqual(at('2026-06-01T18:29:59.999Z'));
    expect(localDate(at('2026-03-12T23:30:00Z'), 'Europe/Berlin')).toBe('2026-03-13');
    expect(localDate(at('2026-03-12T03:30:00Z'), 'America/Los_Angeles')).toBe('2026-03-11');
    expect(addYears('2024-02-29', 2)).toBe('2026-02-28');
  });

  it('count US business days without weekends and federal holidays as observed', () => {
    const holidays = US_DOT_RULES[0].rules.holidays;
    expect(observedHolidays(2026, holidays)).toEqual([
      '2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25',
    ]);
    expect(observedHolidays(2020, holidays)).not.toContain('2020-06-19');
    // New Year's Day 2028 is a Saturday: observed on Friday 31 December 2027.
    expect(isBusinessDay('2027-12-31', holidays)).toBe(false);
    expect(isBusinessDay('2027-12-24', holidays)).toBe(false);
    expect(addBusinessDays('2026-07-01', 2, holidays)).toBe('2026-07-06');
    expect(addBusinessDays('2026-11-24', 7, holidays)).toBe('2026-12-04');
  });
});
