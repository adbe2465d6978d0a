import type { RuleTable } from './rule-table';
import { UNITED_STATES_AND_TERRITORIES } from './territories';

/** A public holiday: a fixed date, or the nth (-1: last) weekday (0 Sunday … 6 Saturday) of a month. */
export type HolidayRule =
  | { name: string; month: number; day: number; since?: number }
  | { name: string; month: number; weekday: number; nth: number; since?: number };

/** The numbers of 14 CFR Part 260 (refunds). */
export interface UsDotRules {
  instrument: string;
  /** Flights to, from or within these are covered (§ 260.3). */
  coveredTerritory: readonly string[];
  /** § 260.2 "significant change": departure earlier or arrival later by this many hours. */
  significantChangeHours: { domestic: number; international: number };
  /** § 260.10: card refunds within business days; other payment within calendar days. */
  refund: { cardBusinessDays: number; otherCalendarDays: number };
  /** § 260.2 "significantly delayed checked bag", hours after the passenger could deplane. */
  bagDelayHours: { domestic: number; international: number; internationalLongFlight: number; longFlightOverHours: number };
  /** Days that are not business days besides weekends: US federal holidays, 5 U.S.C. 6103(a), moved to Friday or Monday when they fall on a weekend. */
  holidays: readonly HolidayRule[];
}

const FEDERAL_HOLIDAYS: readonly HolidayRule[] = [
  { name: "New Year's Day", month: 1, day: 1 },
  { name: 'Birthday of Martin Luther King, Jr.', month: 1, weekday: 1, nth: 3 },
  { name: "Washington's Birthday", month: 2, weekday: 1, nth: 3 },
  { name: 'Memorial Day', month: 5, weekday: 1, nth: -1 },
  { name: 'Juneteenth National Independence Day', month: 6, day: 19, since: 2021 },
  { name: 'Independence Day', month: 7, day: 4 },
  { name: 'Labor Day', month: 9, weekday: 1, nth: 1 },
  { name: 'Columbus Day', month: 10, weekday: 1, nth: 2 },
  { name: 'Veterans Day', month: 11, day: 11 },
  { name: 'Thanksgiving Day', month: 11, weekday: 4, nth: 4 },
  { name: 'Christmas Day', month: 12, day: 25 },
];

/**
 * Checked against the Federal Register on 2 December 2026 (search of stored copies): the final rule
 * "Refunds and Other Consumer Protections", 89 FR 32760 (26 April 2024), which adds the bag-fee
 * refund for significantly delayed bags (§ 260.5) beside the fare refund; Part 260 as codified by it
 * is in force from 25 June 2024 (89 FR 32832) and was amended by 89 FR 65534 (12 August 2024,
 * effective that day) for the FAA Reauthorization Act of 2024. Not verified: the compliance date.
 * The version applies from 28 October 2024, the carriers' compliance date as this table was first
 * written; the rule's DATES section, which sets the compliance dates (and any later extension for
 * the bag-fee refund), could not be read here. Check it, and if the bag-fee refund's compliance
 * date differs, add a version from that date rather than editing this one.
 */
export const US_DOT_RULES: RuleTable<UsDotRules> = [
  {
    id: 'DOT-260/2024-10',
    effectiveFrom: '2024-10-28',
    source:
      'Refunds and Other Consumer Protections, 89 FR 32760 (26 April 2024; Part 260 in force 25 June 2024, 89 FR 32832), as amended by 89 FR 65534 (12 August 2024); applied from 28 October 2024, the compliance date assumed (not verified against the rule’s DATES section)',
    rules: {
      instrument: '14 CFR Part 260',
      coveredTerritory: UNITED_STATES_AND_TERRITORIES,
      significantChangeHours: { domestic: 3, international: 6 },
      refund: { cardBusinessDays: 7, otherCalendarDays: 20 },
      bagDelayHours: { domestic: 12, international: 15, internationalLongFlight: 30, longFlightOverHours: 12 },
      holidays: FEDERAL_HOLIDAYS,
    },
  },
];
