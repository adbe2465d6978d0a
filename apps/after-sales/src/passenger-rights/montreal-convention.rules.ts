import type { RuleTable } from './rule-table';
import { EEA_EFTA_STATES, EU_MEMBER_STATES, SWITZERLAND, UNITED_KINGDOM } from './territories';

/** The limits and time limits of the Montreal Convention 1999. Limits are in SDR (ISO 4217: XDR). */
export interface MontrealRules {
  instrument: string;
  /** Art. 22(1): delay of passengers, per passenger. */
  passengerDelayLimitSdr: string;
  /** Art. 22(2): destruction, loss, damage or delay of baggage, per passenger. */
  baggageLimitSdr: string;
  /** Art. 31(2): written complaint after damage, days from receipt of the baggage. */
  damageComplaintDays: number;
  /** Art. 31(2): written complaint after delay, days from the baggage being placed at the passenger's disposal. */
  delayComplaintDays: number;
  /** Art. 17(3): a bag not arrived this many days after it should have counts as lost. */
  lostAfterDays: number;
  /** Art. 35(1): years to bring an action, from arrival (or when the aircraft ought to have arrived). */
  actionYears: number;
  /** Carriers that apply the Convention to all their flights, domestic ones included. */
  carriersOnAllFlights: readonly { licensedIn: readonly string[]; article: string }[];
}

const BASE: Omit<MontrealRules, 'passengerDelayLimitSdr' | 'baggageLimitSdr'> = {
  instrument: 'Montreal Convention 1999',
  damageComplaintDays: 7,
  delayComplaintDays: 21,
  lostAfterDays: 21,
  actionYears: 2,
  carriersOnAllFlights: [
    { licensedIn: [...EU_MEMBER_STATES, ...EEA_EFTA_STATES, SWITZERLAND], article: 'Regulation (EC) No 2027/97 as amended by Regulation (EC) No 889/2002, Art. 3(1)' },
    { licensedIn: [UNITED_KINGDOM], article: 'Regulation (EC) No 2027/97 as it has effect in UK law, Art. 3(1)' },
  ],
};

/** The limits are revised by ICAO every five years (Art. 24); each revision is a version. */
export const MONTREAL_RULES: RuleTable<MontrealRules> = [
  {
    id: 'MC99/2003-11',
    effectiveFrom: '2003-11-04',
    source: 'Montreal Convention 1999, Art. 22, as it entered into force on 4 November 2003',
    rules: { ...BASE, passengerDelayLimitSdr: '4150', baggageLimitSdr: '1000' },
  },
  {
    id: 'MC99/2009-12',
    effectiveFrom: '2009-12-30',
    source: 'ICAO revision of the limits under Art. 24, effective 30 December 2009',
    rules: { ...BASE, passengerDelayLimitSdr: '4694', baggageLimitSdr: '1131' },
  },
  {
    id: 'MC99/2019-12',
    effectiveFrom: '2019-12-28',
    source: 'ICAO revision of the limits under Art. 24, effective 28 December 2019',
    rules: { ...BASE, passengerDelayLimitSdr: '5346', baggageLimitSdr: '1288' },
  },
  {
    id: 'MC99/2024-12',
    effectiveFrom: '2024-12-28',
    source: 'ICAO revision of the limits under Art. 24, effective 28 December 2024',
    rules: { ...BASE, passengerDelayLimitSdr: '6303', baggageLimitSdr: '1519' },
  },
];
