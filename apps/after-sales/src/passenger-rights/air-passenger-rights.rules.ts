import type { RuleTable } from './rule-table';
import { EEA_EFTA_STATES, EU_MEMBER_STATES, EU_TERRITORIES_WITH_OWN_CODE, FRENCH_OVERSEAS_DEPARTMENTS, SWITZERLAND, UNITED_KINGDOM } from './territories';

/** The distance bands of Arts. 6(1), 7(1), 7(2) and 10(2), by the letter of their point: (a), (b), (c). */
export type DistanceBand = 'a' | 'b' | 'c';

/** The numbers of Regulation (EC) No 261/2004, for the EU and for its UK copy. */
export interface AirPassengerRules {
  /** How the instrument is cited, e.g. "Regulation (EC) No 261/2004". */
  instrument: string;
  currency: string;
  /** Airports from which every departure is covered (Art. 3(1)(a)). */
  departureTerritory: readonly string[];
  /** Arrivals covered from elsewhere (Art. 3(1)(b)): into which territory, on carriers licensed where. */
  arrivals: readonly { territory: readonly string[]; carrierLicensedIn: readonly string[]; article: string; carriers: string }[];
  /** A flight within this territory is "intra-Community" (UK261: within the UK) in band (b). */
  intraTerritory: readonly string[];
  /** Upper limits of bands (a) and (b), inclusive, in great-circle kilometres (Art. 7(4)). */
  bandLimitsKm: { a: number; b: number };
  /** Art. 7(1). */
  compensation: Record<DistanceBand, string>;
  /** Art. 6(1): departure delay from which care is owed. */
  careFromDelayHours: Record<DistanceBand, number>;
  /** Art. 6(1)(iii): departure delay from which the passenger may take the refund instead. */
  refundOptionFromDelayHours: number;
  /** Art. 8(1)(a): days within which a refund is paid. */
  refundWithinDays: number;
  /** Art. 7(2): the carrier may cut compensation when the re-routing arrives within these hours of the schedule. */
  reroutingReduction: { withinHours: Record<DistanceBand, number>; percent: number };
  /**
   * Sturgeon (C-402/07 and C-432/07): an arrival delay of this many hours or more is compensated as a
   * cancellation; in the listed bands a delay up to the Art. 7(2) hours is reduced as Art. 7(2) allows
   * (para. 63: the €600 of a long-haul flight is halved for a delay of 3 to 4 hours).
   */
  delayCompensation: { fromHours: number; reducedInBands: readonly DistanceBand[] };
  /** Art. 5(1)(c): notice that takes compensation away, with the re-routing it needs below two weeks. */
  cancellationNotice: {
    noCompensationFromDays: number;
    middle: { fromDays: number; earliestDepartureHoursBefore: number; arrivalLessThanHoursAfter: number };
    short: { earliestDepartureHoursBefore: number; arrivalLessThanHoursAfter: number };
  };
  /** Art. 10(2): share of the ticket price refunded after a downgrade, and in how many days. */
  downgradeRefundPercent: Record<DistanceBand, number>;
  downgradeRefundWithinDays: number;
  /** Art. 10(2)(b)/(c): intra flights of more than 1500 km between these and the rest of the territory count in (c). */
  downgradeLongHaulTerritories: readonly string[];
}

const EU_TREATY_TERRITORY = [...EU_MEMBER_STATES, ...EU_TERRITORIES_WITH_OWN_CODE];
const EU261_TERRITORY = [...EU_TREATY_TERRITORY, ...EEA_EFTA_STATES, SWITZERLAND];
/** Carriers licensed in the EU, the EEA or Switzerland are Community carriers for the regulation. */
const COMMUNITY_CARRIER_STATES = [...EU_MEMBER_STATES, ...EEA_EFTA_STATES, SWITZERLAND];

const REGULATION_261: Omit<AirPassengerRules, 'instrument' | 'currency' | 'departureTerritory' | 'arrivals' | 'intraTerritory' | 'compensation' | 'downgradeLongHaulTerritories'> = {
  bandLimitsKm: { a: 1500, b: 3500 },
  careFromDelayHours: { a: 2, b: 3, c: 4 },
  refundOptionFromDelayHours: 5,
  refundWithinDays: 7,
  reroutingReduction: { withinHours: { a: 2, b: 3, c: 4 }, percent: 50 },
  delayCompensation: { fromHours: 3, reducedInBands: ['c'] },
  cancellationNotice: {
    noCompensationFromDays: 14,
    middle: { fromDays: 7, earliestDepartureHoursBefore: 2, arrivalLessThanHoursAfter: 4 },
    short: { earliestDepartureHoursBefore: 1, arrivalLessThanHoursAfter: 2 },
  },
  downgradeRefundPercent: { a: 30, b: 50, c: 75 },
  downgradeRefundWithinDays: 7,
};

const EU261_2021: AirPassengerRules = {
  ...REGULATION_261,
  instrument: 'Regulation (EC) No 261/2004',
  currency: 'EUR',
  departureTerritory: EU261_TERRITORY,
  arrivals: [{ territory: EU261_TERRITORY, carrierLicensedIn: COMMUNITY_CARRIER_STATES, article: 'Art. 3(1)(b)', carriers: 'a Community carrier (licensed in the EU, the EEA or Switzerland)' }],
  intraTerritory: EU261_TERRITORY,
  compensation: { a: '250.00', b: '400.00', c: '600.00' },
  downgradeLongHaulTerritories: FRENCH_OVERSEAS_DEPARTMENTS,
};

/** EU261: until the end of the Brexit transition period the United Kingdom was part of its territory. */
export const EU261_RULES: RuleTable<AirPassengerRules> = [
  {
    id: 'EU261/2013-07',
    effectiveFrom: '2013-07-01',
    source: 'Regulation (EC) No 261/2004; territory of the EU-28 (Croatia joined on 1 July 2013), the EEA and Switzerland',
    rules: {
      ...EU261_2021,
      departureTerritory: [...EU261_TERRITORY, UNITED_KINGDOM],
      arrivals: [{ ...EU261_2021.arrivals[0], territory: [...EU261_TERRITORY, UNITED_KINGDOM], carrierLicensedIn: [...COMMUNITY_CARRIER_STATES, UNITED_KINGDOM] }],
      intraTerritory: [...EU261_TERRITORY, UNITED_KINGDOM],
    },
  },
  {
    id: 'EU261/2021-01',
    effectiveFrom: '2021-01-01',
    source: 'Regulation (EC) No 261/2004; the United Kingdom left its territory at the end of the transition period (31 December 2020)',
    rules: EU261_2021,
  },
];

/**
 * UK261: Regulation 261/2004 as amended for UK law by the Air Passenger Rights and Air Travel
 * Organisers' Licensing (Amendment) (EU Exit) Regulations 2019 (SI 2019/278): departures from the
 * UK; arrivals in the UK on a UK or Community carrier (Art. 3(1)(b)(i)); arrivals in the EU on a UK
 * carrier (Art. 3(1)(b)(ii)). "Community carrier" there means licensed by an EU Member State.
 */
export const UK261_RULES: RuleTable<AirPassengerRules> = [
  {
    id: 'UK261/2021-01',
    effectiveFrom: '2021-01-01',
    source: 'Regulation (EC) No 261/2004 as amended by SI 2019/278, in force at the end of the transition period',
    rules: {
      ...REGULATION_261,
      instrument: 'Regulation (EC) No 261/2004 as it has effect in UK law (UK261)',
      currency: 'GBP',
      departureTerritory: [UNITED_KINGDOM],
      arrivals: [
        { territory: [UNITED_KINGDOM], carrierLicensedIn: [UNITED_KINGDOM, ...EU_MEMBER_STATES], article: 'Art. 3(1)(b)(i)', carriers: 'a UK or Community carrier' },
        { territory: EU_TREATY_TERRITORY, carrierLicensedIn: [UNITED_KINGDOM], article: 'Art. 3(1)(b)(ii)', carriers: 'a UK carrier' },
      ],
      intraTerritory: [UNITED_KINGDOM],
      compensation: { a: '220.00', b: '350.00', c: '520.00' },
      downgradeLongHaulTerritories: [],
    },
  },
];
