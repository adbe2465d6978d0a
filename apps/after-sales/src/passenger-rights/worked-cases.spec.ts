import { BadUserInputError } from '@carebridge/domain';
import { ShippedAirports, UnknownAirportError } from '../airport/airport-directory';
import type { DisruptionFacts, FlightFacts } from './disruption-facts';
import { assessPassengerRights } from './passenger-rights-assessment';
import {
  BaggageEventKind,
  DisruptionKind,
  type Entitlement,
  EntitlementKind,
  NotGrantedReason,
  PassengerOption,
  type PassengerRightsAssessment,
  PassengerRightsRegime,
  PaymentMethod,
  RightsDeadlineKind,
} from './passenger-rights.enums';

/**
 * Worked cases from the regulations, the Court of Justice's case law and the official guidance
 * (European Commission Interpretative Guidelines on Regulation 261/2004, 2016/C 214/04; UK CAA
 * guidance; ICAO's revisions of the Montreal limits; DOT's 2024 refund rule). Each case states the
 * facts as an after-sales desk records them and what the engine must answer, with the article.
 */

const airports = new ShippedAirports();
const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;
const { EU261, UK261, MONTREAL_CONVENTION, US_DOT } = PassengerRightsRegime;

function flight(route: string, carrier: string, licence: string | null, departure: string, arrival: string, actual: Partial<FlightFacts> = {}): FlightFacts {
  const [origin, destination] = route.split('-');
  return { carrier, carrierLicenceCountry: licence, flightNumber: `${carrier}1234`, origin, destination, scheduledDeparture: at(departure), scheduledArrival: at(arrival), ...actual };
}

/** The flight's times moved by hours: `late(f, 3.5)` for a delay of 3 h 30 at departure and arrival. */
function late(facts: FlightFacts, departureHours: number, arrivalHours = departureHours): FlightFacts {
  return {
    ...facts,
    actualDeparture: new Date(facts.scheduledDeparture.getTime() + departureHours * HOUR),
    actualArrival: new Date(facts.scheduledArrival.getTime() + arrivalHours * HOUR),
  };
}

function assess(facts: DisruptionFacts, now = at('2026-03-20T12:00:00Z')): PassengerRightsAssessment {
  return assessPassengerRights(facts, { now, airports });
}

function granted(assessment: PassengerRightsAssessment, regime: PassengerRightsRegime, kind: EntitlementKind): Entitlement {
  const found = assessment.entitlements.filter((e) => e.regime === regime && e.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${regime} ${kind}, found ${found.length}: ${JSON.stringify(assessment.entitlements.map((e) => `${e.regime} ${e.kind}`))}`);
  return found[0];
}

function refused(assessment: PassengerRightsAssessment, regime: PassengerRightsRegime, kind: EntitlementKind) {
  const found = assessment.notGranted.find((n) => n.regime === regime && n.kind === kind);
  if (!found) throw new Error(`expected ${regime} ${kind} among the rights not granted`);
  return found;
}

function hasNo(assessment: PassengerRightsAssessment, regime: PassengerRightsRegime, kind: EntitlementKind): boolean {
  return !assessment.entitlements.some((e) => e.regime === regime && e.kind === kind);
}

function regime(assessment: PassengerRightsAssessment, which: PassengerRightsRegime) {
  const found = assessment.regimes.find((r) => r.regime === which);
  if (!found) throw new Error(`no finding for ${which}`);
  return found;
}

// A 1,167 km flight within the EU (Düsseldorf–Barcelona) on a German carrier.
const DUS_BCN = flight('DUS-BCN', 'EW', 'DE', '2026-03-12T07:00:00Z', '2026-03-12T09:10:00Z');

describe('worked cases: EU261 cancellations (Art. 5, 7, 8, 9)', () => {
  it('1. a 1,200 km EU flight cancelled 3 days ahead with no re-routing offered: EUR 250, Art. 5(1)(c) and 7(1)(a)', () => {
    const result = assess({ kind: DisruptionKind.CANCELLATION, flight: DUS_BCN, cancellation: { noticeGivenAt: at('2026-03-09T07:00:00Z') } });
    const compensation = granted(result, EU261, EntitlementKind.COMPENSATION);
    expect(compensation.amount).toEqual({ amount: '250.00', currency: 'EUR' });
    expect(compensation.fullAmount).toBeNull();
    expect(compensation.legalBasis).toBe('Regulation (EC) No 261/2004, Art. 5(1)(c) and 7(1)(a)');
    expect(compensation.articles).toEqual(['Regulation (EC) No 261/2004, Art. 5(1)(c)', 'Regulation (EC) No 261/2004, Art. 7(1)(a)']);
    expect(compensation.explanation).toContain('told 3 days before the scheduled departure, less than 7 days ahead, and no re-routing was offered');
    expect(compensation.explanation).toContain('1,167 km: band (a)');
    expect(compensation.ruleVersion).toBe('EU261/2021-01');
    // The choice of Art. 8 and care of Art. 9 come with every cancellation.
    expect(granted(result, EU261, EntitlementKind.REFUND_OR_REROUTING).legalBasis).toBe('Regulation (EC) No 261/2004, Art. 5(1)(a) and 8(1)');
    expect(granted(result, EU261, EntitlementKind.MEALS_AND_REFRESHMENTS).articles).toContain('Regulation (EC) No 261/2004, Art. 9(1)(a)');
    expect(granted(result, EU261, EntitlementKind.COMMUNICATION).articles).toContain('Regulation (EC) No 261/2004, Art. 9(2)');
    expect(result.flight).toMatchObject({ distanceKm: 1166.5, flightDate: '2026-03-12', origin: { country: 'DE' }, destination: { country: 'ES' } });
    expect(regime(result, EU261)).toMatchObject({ applies: true, ruleVersion: 'EU261/2021-01' });
    expect(regime(result, UK261).applies).toBe(false);
  });

  it('2. re-routed to arrive 3 h late on a 2,000 km flight: EUR 400 halved to EUR 200 (Art. 7(2)(b))', () => {
    const result = assess({
      kind: DisruptionKind.CANCELLATION,
      flight: flight('MUC-LIS', 'LH', 'DE', '2026-03-12T09:00:00Z', '2026-03-12T12:00:00Z'),
      cancellation: { noticeGivenAt: at('2026-03-10T09:00:00Z') },
      rerouting: { departure: at('2026-03-12T12:00:00Z'), arrival: at('2026-03-12T15:00:00Z') },
    });
    const compensation = granted(result, EU261, EntitlementKind.COMPENSATION);
    expect(compensation).toMatchObject({ amount: { amount: '200.00', currency: 'EUR' }, fullAmount: { amount: '400.00', currency: 'EUR' }, sharePercent: 50 });
    expect(compensation.legalBasis).toBe('Regulation (EC) No 261/2004, Art. 5(1)(c), 7(1)(b) and 7(2)(b)');
    expect(compensation.explanation).toContain('within 3 h, so the carrier may reduce it by 50% (Art. 7(2)(b)): EUR 200.00');
    // The re-routed flight leaves the same day: no hotel.
    expect(refused(result, EU261, EntitlementKind.HOTEL).reason).toBe(NotGrantedReason.BELOW_THRESHOLD);
  });

  it('3. notified 14 days ahead: no compensation (Art. 5(1)(c)(i)), the refund or re-routing remains', () => {
    const result = assess({ kind: DisruptionKind.CANCELLATION, flight: DUS_BCN, cancellation: { noticeGivenAt: at('2026-02-26T07:00:00Z') } });
    expect(hasNo(result, EU261, EntitlementKind.COMPENSATION)).toBe(true);
    const notice = refused(result, EU261, EntitlementKind.COMPENSATION);
    expect(notice).toMatchObject({ reason: NotGrantedReason.NOTICE_PERIOD, legalBasis: 'Regulation (EC) No 261/2004, Art. 5(1)(c)(i)' });
    expect(notice.explanation).toContain('14 days');
    granted(result, EU261, EntitlementKind.REFUND_OR_REROUTING);
  });

  it('4. notified 10 days ahead, re-routed 1 h earlier and 3 h 59 later: no compensation (Art. 5(1)(c)(ii))', () => {
    const result = assess({
      kind: DisruptionKind.CANCELLATION,
      flight: DUS_BCN,
      cancellation: { noticeGivenAt: at('2026-03-02T07:00:00Z') },
      rerouting: { departure: at('2026-03-12T06:00:00Z'), arrival: at('2026-03-12T13:09:00Z') },
    });
    expect(refused(result, EU261, EntitlementKind.COMPENSATION)).toMatchObject({ reason: NotGrantedReason.REROUTING_CLOSE_TO_SCHEDULE, legalBasis: 'Regulation (EC) No 261/2004, Art. 5(1)(c)(ii)' });
  });

  it('5. notified 10 days ahead, re-routed to arrive 4 h later: compensated, as Art. 5(1)(c)(ii) needs "less than four hours"', () => {
    const result = assess({
      kind: DisruptionKind.CANCELLATION,
      flight: DUS_BCN,
      cancellation: { noticeGivenAt: at('2026-03-02T07:00:00Z') },
      rerouting: { departure: at('2026-03-12T11:00:00Z'), arrival: at('2026-03-12T13:10:00Z') },
    });
    // 4 h is beyond the 2 h of Art. 7(2)(a): the full amount.
    expect(granted(result, EU261, EntitlementKind.COMPENSATION)).toMatchObject({ amount: { amount: '250.00' }, fullAmount: null });
  });

  it('6. notified 5 days ahead, re-routed 1 h earlier and 1 h 59 later: no compensation (Art. 5(1)(c)(iii)); 2 h 01 earlier: compensated, halved', () => {
    const close = assess({
      kind: DisruptionKind.CANCELLATION,
      flight: DUS_BCN,
      cancellation: { noticeGivenAt: at('2026-03-07T07:00:00Z') },
      rerouting: { departure: at('2026-03-12T06:00:00Z'), arrival: at('2026-03-12T11:09:00Z') },
    });
    expect(refused(close, EU261, EntitlementKind.COMPENSATION)).toMatchObject({ reason: NotGrantedReason.REROUTING_CLOSE_TO_SCHEDULE, legalBasis: 'Regulation (EC) No 261/2004, Art. 5(1)(c)(iii)' });
    const early = assess({
      kind: DisruptionKind.CANCELLATION,
      flight: DUS_BCN,
      cancellation: { noticeGivenAt: at('2026-03-07T07:00:00Z') },
      rerouting: { departure: at('2026-03-12T04:59:00Z'), arrival: at('2026-03-12T07:10:00Z') },
    });
    expect(granted(early, EU261, EntitlementKind.COMPENSATION)).toMatchObject({ amount: { amount: '125.00' }, fullAmount: { amount: '250.00' } });
  });

  it('7. no notice proven: counted as told on the day (Art. 5(4)); a re-routing the next morning brings a hotel', () => {
    const result = assess({
      kind: DisruptionKind.CANCELLATION,
      flight: flight('DUS-BCN', 'EW', 'DE', '2026-03-12T18:00:00Z', '2026-03-12T20:10:00Z'),
      rerouting: { departure: at('2026-03-13T07:00:00Z'), arrival: at('2026-03-13T09:10:00Z') },
    });
    expect(granted(result, EU261, EntitlementKind.COMPENSATION).explanation).toContain('Art. 5(4)');
    expect(granted(result, EU261, EntitlementKind.HOTEL).legalBasis).toBe('Regulation (EC) No 261/2004, Art. 5(1)(b) and 9(1)(b)');
    expect(granted(result, EU261, EntitlementKind.HOTEL_TRANSFER).legalBasis).toBe('Regulation (EC) No 261/2004, Art. 5(1)(b) and 9(1)(c)');
  });
});

describe('worked cases: EU261 delays (Art. 6, Sturgeon)', () => {
  it('8. a 4 h 30 arrival delay on a 4,800 km flight from the EU: EUR 600 (Art. 7(1)(c), Sturgeon)', () => {
    const result = assess({ kind: DisruptionKind.DELAY, flight: late(flight('FRA-DXB', 'LH', 'DE', '2026-03-12T10:00:00Z', '2026-03-12T16:10:00Z'), 4.5) });
    const compensation = granted(result, EU261, EntitlementKind.COMPENSATION);
    expect(compensation).toMatchObject({ amount: { amount: '600.00', currency: 'EUR' }, fullAmount: null });
    expect(compensation.legalBasis).toBe('Regulation (EC) No 261/2004, Art. 7(1)(c); Sturgeon and Others, C-402/07 and C-432/07 (CJEU, 19 November 2009)');
    // 4 h 30 at departure, the 4 h of band (c): care.
    expect(granted(result, EU261, EntitlementKind.MEALS_AND_REFRESHMENTS).legalBasis).toBe('Regulation (EC) No 261/2004, Art. 6(1)(c), 6(1)(i) and 9(1)(a)');
  });

  it('9. a 3 h 30 delay on a 4,000 km flight: the EUR 600 of band (c), which Art. 7(2)(c) lets the carrier halve for a delay of 3 to 4 h (Sturgeon para. 63)', () => {
    const result = assess({ kind: DisruptionKind.DELAY, flight: late(flight('VIE-DXB', 'OS', 'AT', '2026-03-12T10:00:00Z', '2026-03-12T15:50:00Z'), 3.5) });
    const compensation = granted(result, EU261, EntitlementKind.COMPENSATION);
    expect(compensation.fullAmount).toEqual({ amount: '600.00', currency: 'EUR' });
    expect(compensation.amount).toEqual({ amount: '300.00', currency: 'EUR' });
    expect(compensation.articles).toEqual([
      'Regulation (EC) No 261/2004, Art. 7(1)(c)',
      'Regulation (EC) No 261/2004, Art. 7(2)(c)',
      'Sturgeon and Others, C-402/07 and C-432/07 (CJEU, 19 November 2009)',
      'Sturgeon and Others, C-402/07 and C-432/07, para. 63',
    ]);
    // Departure 3 h 30 late is under the 4 h of band (c): no care yet.
    expect(refused(result, EU261, EntitlementKind.MEALS_AND_REFRESHMENTS).reason).toBe(NotGrantedReason.BELOW_THRESHOLD);
  });

  it('10. extraordinary circumstances on a 5 h delay: no compensation, with the reason recorded; care and the refund option still owed', () => {
    const result = assess({
      kind: DisruptionKind.DELAY,
      flight: late(DUS_BCN, 5, 5),
      extraordinaryCircumstances: { reason: 'Air traffic control strike in France' },
      passengerChoice: { option: PassengerOption.REFUND, at: at('2026-03-12T10:00:00Z') },
      fare: { amount: '189.90', currency: 'EUR' },
    }, at('2026-03-13T08:00:00Z'));
    const exemption = refused(result, EU261, EntitlementKind.COMPENSATION);
    expect(exemption.reason).toBe(NotGrantedReason.EXTRAORDINARY_CIRCUMSTANCES);
    expect(exemption.legalBasis).toContain('Art. 5(3)');
    expect(exemption.explanation).toContain('Air traffic control strike in France');
    expect(hasNo(result, EU261, EntitlementKind.COMPENSATION)).toBe(true);
    expect(granted(result, EU261, EntitlementKind.MEALS_AND_REFRESHMENTS).explanation).toContain('even in extraordinary circumstances');
    granted(result, EU261, EntitlementKind.COMMUNICATION);
    const refund = granted(result, EU261, EntitlementKind.REFUND);
    expect(refund.amount).toEqual({ amount: '189.90', currency: 'EUR' });
    expect(refund.legalBasis).toBe('Regulation (EC) No 261/2004, Art. 6(1)(a), 6(1)(iii) and 8(1)(a)');
    // Asked on 12 March (Düsseldorf): due by the end of 19 March, local time.
    expect(refund.deadlines[0]).toMatchObject({ kind: RightsDeadlineKind.REFUND_DUE, dueAt: at('2026-03-19T22:59:59.999Z'), passed: false, article: 'Regulation (EC) No 261/2004, Art. 8(1)(a)' });
  });

  it('11. a 2 h 40 delay on a 1,063 km flight: care from 2 h (Art. 6(1)(a)), no compensation under 3 h, no refund option under 5 h', () => {
    const result = assess({ kind: DisruptionKind.DELAY, flight: late(flight('CDG-MAD', 'AF', 'FR', '2026-03-12T10:00:00Z', '2026-03-12T12:05:00Z'), 2 + 40 / 60, 2.5) });
    granted(result, EU261, EntitlementKind.MEALS_AND_REFRESHMENTS);
    expect(refused(result, EU261, EntitlementKind.COMPENSATION)).toMatchObject({ reason: NotGrantedReason.BELOW_THRESHOLD });
    expect(refused(result, EU261, EntitlementKind.REFUND).explanation).toContain('from 5 h');
    expect(result.flight).toMatchObject({ departureDelayMinutes: 160, arrivalDelayMinutes: 150 });
  });

  it('12. a 2 h 50 delay on a 1,817 km flight: no care, band (b) starts at 3 h (Art. 6(1)(b))', () => {
    const result = assess({ kind: DisruptionKind.DELAY, flight: late(flight('FRA-ATH', 'LH', 'DE', '2026-03-12T10:00:00Z', '2026-03-12T13:00:00Z'), 2 + 50 / 60) });
    const care = refused(result, EU261, EntitlementKind.MEALS_AND_REFRESHMENTS);
    expect(care.legalBasis).toBe('Regulation (EC) No 261/2004, Art. 6(1)(b)');
    expect(care.explanation).toContain('from 3 h');
  });

  it('13. an evening flight delayed to the next morning: hotel and transfer (Art. 6(1)(ii), 9(1)(b), 9(1)(c))', () => {
    const result = assess({ kind: DisruptionKind.DELAY, flight: late(flight('DUS-BCN', 'EW', 'DE', '2026-03-12T19:00:00Z', '2026-03-12T21:10:00Z'), 12) });
    expect(granted(result, EU261, EntitlementKind.HOTEL).legalBasis).toBe('Regulation (EC) No 261/2004, Art. 6(1)(a), 6(1)(ii) and 9(1)(b)');
    granted(result, EU261, EntitlementKind.HOTEL_TRANSFER);
    expect(granted(result, EU261, EntitlementKind.COMPENSATION).amount).toEqual({ amount: '250.00', currency: 'EUR' });
  });

  it('14. a 4,700 km flight within the EU (Helsinki–Gran Canaria): EUR 400, as every intra-Community flight over 1,500 km (Art. 7(1)(b))', () => {
    const result = assess({ kind: DisruptionKind.DELAY, flight: late(flight('HEL-LPA', 'AY', 'FI', '2026-03-12T08:00:00Z', '2026-03-12T14:00:00Z'), 4.5) });
    const compensation = granted(result, EU261, EntitlementKind.COMPENSATION);
    expect(compensation.amount).toEqual({ amount: '400.00', currency: 'EUR' });
    expect(compensation.explanation).toContain('within the territory of the regulation');
  });
});

describe('worked cases: EU261 scope (Art. 3)', () => {
  it('15. New York–Frankfurt: covered on a Community carrier, not on a US one (Art. 3(1)(b)); Frankfurt–New York on a US carrier is covered (Art. 3(1)(a))', () => {
    const inbound = (carrier: string, licence: string) => assess({ kind: DisruptionKind.DELAY, flight: late(flight('JFK-FRA', carrier, licence, '2026-03-12T22:00:00Z', '2026-03-13T05:30:00Z'), 5) });
    expect(granted(inbound('LH', 'DE'), EU261, EntitlementKind.COMPENSATION).amount).toEqual({ amount: '600.00', currency: 'EUR' });
    const united = inbound('UA', 'US');
    expect(regime(united, EU261)).toMatchObject({ applies: false, legalBasis: 'Regulation (EC) No 261/2004, Art. 3(1)(b)' });
    expect(united.entitlements.filter((e) => e.regime === EU261)).toEqual([]);
    const outbound = assess({ kind: DisruptionKind.DELAY, flight: late(flight('FRA-JFK', 'UA', 'US', '2026-03-12T10:00:00Z', '2026-03-12T18:45:00Z'), 5) });
    expect(regime(outbound, EU261)).toMatchObject({ applies: true, legalBasis: 'Regulation (EC) No 261/2004, Art. 3(1)(a)' });
    granted(outbound, EU261, EntitlementKind.COMPENSATION);
  });

  it('16. an arrival from outside with the carrier licence unknown, or a free ticket: not applied, and the reason names what is missing', () => {
    const unknown = assess({ kind: DisruptionKind.DELAY, flight: late(flight('JFK-FRA', 'LH', null, '2026-03-12T22:00:00Z', '2026-03-13T05:30:00Z'), 5) });
    expect(regime(unknown, EU261).explanation).toContain('input.flight.carrierLicenceCountry');
    const free = assess({ kind: DisruptionKind.DELAY, flight: late(DUS_BCN, 5), freeOrNonPublicFare: true });
    expect(regime(free, EU261)).toMatchObject({ applies: false, legalBasis: 'Regulation (EC) No 261/2004, Art. 3(3)' });
  });
});

describe('worked cases: denied boarding and downgrading (Art. 4, 10)', () => {
  const BRU_MAD = flight('BRU-MAD', 'SN', 'BE', '2026-03-12T07:00:00Z', '2026-03-12T09:20:00Z');

  it('17. denied boarding against their will, re-routed to arrive 1 h 30 late: EUR 250 halved (Art. 4(3), 7(1)(a), 7(2)(a)); extraordinary circumstances do not exempt it (Finnair)', () => {
    const result = assess({
      kind: DisruptionKind.DENIED_BOARDING,
      flight: BRU_MAD,
      deniedBoarding: { voluntary: false },
      rerouting: { departure: at('2026-03-12T08:30:00Z'), arrival: at('2026-03-12T10:50:00Z') },
      extraordinaryCircumstances: { reason: 'Crew rest limits after a strike the day before' },
    });
    const compensation = granted(result, EU261, EntitlementKind.COMPENSATION);
    expect(compensation).toMatchObject({ amount: { amount: '125.00' }, fullAmount: { amount: '250.00' } });
    expect(compensation.legalBasis).toBe('Regulation (EC) No 261/2004, Art. 4(3), 7(1)(a) and 7(2)(a); Finnair, C-22/11 (CJEU, 4 October 2012)');
    granted(result, EU261, EntitlementKind.REFUND_OR_REROUTING);
    granted(result, EU261, EntitlementKind.MEALS_AND_REFRESHMENTS);
  });

  it('18. a volunteer gets the agreed benefits and the choice of Art. 8, not compensation; boarding refused for inadequate documents is not denied boarding (Art. 2(j))', () => {
    const volunteer = assess({ kind: DisruptionKind.DENIED_BOARDING, flight: BRU_MAD, deniedBoarding: { voluntary: true } });
    expect(refused(volunteer, EU261, EntitlementKind.COMPENSATION).reason).toBe(NotGrantedReason.VOLUNTEERED);
    expect(granted(volunteer, EU261, EntitlementKind.REFUND_OR_REROUTING).legalBasis).toBe('Regulation (EC) No 261/2004, Art. 4(1) and 8(1)');
    const documents = assess({ kind: DisruptionKind.DENIED_BOARDING, flight: BRU_MAD, deniedBoarding: { voluntary: false, reasonableGrounds: 'No valid visa for Spain' } });
    expect(refused(documents, EU261, EntitlementKind.COMPENSATION)).toMatchObject({ reason: NotGrantedReason.REASONABLE_GROUNDS, legalBasis: 'Regulation (EC) No 261/2004, Art. 2(j) and 4(3)' });
    expect(documents.entitlements.filter((e) => e.regime === EU261)).toEqual([]);
  });

  it('19. downgrades: 75% on Paris–Dubai (Art. 10(2)(c)), 50% on Frankfurt–Lisbon (Art. 10(2)(b)), 75% on Paris–Réunion, which Art. 10(2)(c) counts with the long flights', () => {
    const downgrade = (route: string, fare: string) =>
      granted(
        assess({ kind: DisruptionKind.DOWNGRADE, flight: flight(route, 'AF', 'FR', '2026-03-12T10:00:00Z', '2026-03-12T18:00:00Z'), fare: { amount: fare, currency: 'EUR' } }),
        EU261,
        EntitlementKind.DOWNGRADE_REFUND,
      );
    const dubai = downgrade('CDG-DXB', '1200.00');
    expect(dubai).toMatchObject({ sharePercent: 75, amount: { amount: '900.00', currency: 'EUR' } });
    expect(dubai.legalBasis).toBe('Regulation (EC) No 261/2004, Art. 10(2)(c); Mennens, C-255/15 (CJEU, 22 June 2016)');
    // Due 7 days after the flight (Paris time).
    expect(dubai.deadlines[0]).toMatchObject({ kind: RightsDeadlineKind.REFUND_DUE, dueAt: at('2026-03-19T22:59:59.999Z') });
    expect(downgrade('FRA-LIS', '333.33')).toMatchObject({ sharePercent: 50, amount: { amount: '166.67' } });
    const reunion = downgrade('CDG-RUN', '980.00');
    expect(reunion).toMatchObject({ sharePercent: 75, amount: { amount: '735.00' } });
    expect(reunion.explanation).toContain('French overseas department');
  });
});

describe('worked cases: UK261, the UK copy in pounds', () => {
  it('20. London–Madrid (1,245 km) cancelled 3 days ahead without re-routing: GBP 220, Art. 5(1)(c) and 7(1)(a) of UK261', () => {
    const result = assess({ kind: DisruptionKind.CANCELLATION, flight: flight('LHR-MAD', 'BA', 'GB', '2026-03-12T07:00:00Z', '2026-03-12T09:25:00Z'), cancellation: { noticeGivenAt: at('2026-03-09T07:00:00Z') } });
    const compensation = granted(result, UK261, EntitlementKind.COMPENSATION);
    expect(compensation.amount).toEqual({ amount: '220.00', currency: 'GBP' });
    expect(compensation.legalBasis).toBe('Regulation (EC) No 261/2004 as it has effect in UK law (UK261), Art. 5(1)(c) and 7(1)(a)');
    expect(compensation.ruleVersion).toBe('UK261/2021-01');
    // Madrid is in the EU but the carrier is British: EU261 covers only Community carriers' arrivals.
    expect(regime(result, EU261).applies).toBe(false);
  });

  it('21. London–Larnaca (3,278 km) 3 h 10 late: GBP 350; London–New York 4 h 30 late: GBP 520; 3 h 30 late: GBP 520 the carrier may halve to GBP 260', () => {
    const larnaca = assess({ kind: DisruptionKind.DELAY, flight: late(flight('LHR-LCA', 'BA', 'GB', '2026-03-12T08:00:00Z', '2026-03-12T12:50:00Z'), 3 + 10 / 60) });
    expect(granted(larnaca, UK261, EntitlementKind.COMPENSATION).amount).toEqual({ amount: '350.00', currency: 'GBP' });
    const jfk = (hours: number) => granted(assess({ kind: DisruptionKind.DELAY, flight: late(flight('LHR-JFK', 'BA', 'GB', '2026-03-12T10:00:00Z', '2026-03-12T18:00:00Z'), hours) }), UK261, EntitlementKind.COMPENSATION);
    expect(jfk(4.5)).toMatchObject({ amount: { amount: '520.00', currency: 'GBP' }, fullAmount: null });
    expect(jfk(3.5)).toMatchObject({ amount: { amount: '260.00', currency: 'GBP' }, fullAmount: { amount: '520.00', currency: 'GBP' } });
  });

  it('22. where UK261 and EU261 meet, compensation is owed once: the departure regime applies, the arrival regime is recorded as covered elsewhere (Art. 3(1)(b))', () => {
    const toParis = assess({ kind: DisruptionKind.DELAY, flight: late(flight('LHR-CDG', 'AF', 'FR', '2026-03-12T08:00:00Z', '2026-03-12T09:20:00Z'), 3.5) });
    expect(granted(toParis, UK261, EntitlementKind.COMPENSATION).amount).toEqual({ amount: '220.00', currency: 'GBP' });
    expect(regime(toParis, EU261).applies).toBe(false);
    expect(regime(toParis, EU261).explanation).toContain('UK261 covers the departure from LHR');
    const toLondon = assess({ kind: DisruptionKind.DELAY, flight: late(flight('CDG-LHR', 'BA', 'GB', '2026-03-12T08:00:00Z', '2026-03-12T09:20:00Z'), 3.5) });
    expect(granted(toLondon, EU261, EntitlementKind.COMPENSATION).amount).toEqual({ amount: '250.00', currency: 'EUR' });
    expect(regime(toLondon, UK261).explanation).toContain('EU261 covers the departure from CDG');
    // New York–Paris on a UK carrier: UK261 Art. 3(1)(b)(ii); EU261 no longer counts a UK carrier as a Community carrier.
    const fromNewYork = assess({ kind: DisruptionKind.DELAY, flight: late(flight('JFK-CDG', 'BA', 'GB', '2026-03-12T22:00:00Z', '2026-03-13T05:30:00Z'), 5) });
    expect(regime(fromNewYork, UK261)).toMatchObject({ applies: true, legalBasis: 'Regulation (EC) No 261/2004 as it has effect in UK law (UK261), Art. 3(1)(b)(ii)' });
    expect(regime(fromNewYork, EU261).applies).toBe(false);
  });

  it('23. the rule version of the flight date: London–New York in 2019 fell under EU261 (the UK was in its territory), not UK261', () => {
    const result = assess({ kind: DisruptionKind.DELAY, flight: late(flight('LHR-JFK', 'BA', 'GB', '2019-06-12T10:00:00Z', '2019-06-12T18:00:00Z'), 5) }, at('2019-06-20T12:00:00Z'));
    expect(regime(result, UK261)).toMatchObject({ applies: false, ruleVersion: null });
    expect(regime(result, UK261).explanation).toContain('2021-01-01');
    expect(granted(result, EU261, EntitlementKind.COMPENSATION)).toMatchObject({ amount: { amount: '600.00', currency: 'EUR' }, ruleVersion: 'EU261/2013-07' });
  });
});

describe('worked cases: Montreal Convention limits and claim windows', () => {
  const bagOn = (date: string, kind: BaggageEventKind, extra: object = {}) =>
    assess(
      {
        kind: DisruptionKind.DELAY,
        flight: late(flight('FRA-JFK', 'LH', 'DE', `${date}T10:00:00Z`, `${date}T18:45:00Z`), 0.5),
        baggage: [{ kind, tag: 'LH123456', ...extra }],
      },
      at(`${date}T20:00:00Z`),
    );

  it('24. the baggage limit is 1,288 SDR for a flight on 27 December 2024 and 1,519 SDR from 28 December 2024 (Art. 22(2), ICAO revision)', () => {
    const before = granted(bagOn('2024-12-27', BaggageEventKind.LOST), MONTREAL_CONVENTION, EntitlementKind.BAGGAGE_DAMAGES);
    expect(before).toMatchObject({ amount: { amount: '1288', currency: 'XDR' }, ruleVersion: 'MC99/2019-12' });
    const after = granted(bagOn('2024-12-28', BaggageEventKind.LOST), MONTREAL_CONVENTION, EntitlementKind.BAGGAGE_DAMAGES);
    expect(after).toMatchObject({ amount: { amount: '1519', currency: 'XDR' }, ruleVersion: 'MC99/2024-12' });
    expect(after.legalBasis).toBe('Montreal Convention 1999, Art. 17(2), 17(3) and 22(2)');
  });

  it('25. the delay limit is 5,346 SDR before and 6,303 SDR from 28 December 2024 (Art. 19, 22(1))', () => {
    const delayLimit = (date: string) => granted(bagOn(date, BaggageEventKind.LOST), MONTREAL_CONVENTION, EntitlementKind.DELAY_DAMAGES).amount;
    expect(delayLimit('2024-12-27')).toEqual({ amount: '5346', currency: 'XDR' });
    expect(delayLimit('2024-12-28')).toEqual({ amount: '6303', currency: 'XDR' });
    expect(delayLimit('2015-06-01')).toEqual({ amount: '4694', currency: 'XDR' });
  });

  it('26. a damaged bag: complain within 7 days of receipt (Art. 31(2)); a delayed bag: within 21 days of delivery; a missing bag counts as lost after 21 days (Art. 17(3)); the action is barred after 2 years (Art. 35)', () => {
    const barcelona = (baggage: DisruptionFacts['baggage'], now: Date) => assess({ kind: DisruptionKind.DELAY, flight: late(DUS_BCN, 0.5), baggage }, now);
    const damaged = granted(barcelona([{ kind: BaggageEventKind.DAMAGED, receivedAt: at('2026-03-12T10:00:00Z') }], at('2026-03-20T12:00:00Z')), MONTREAL_CONVENTION, EntitlementKind.BAGGAGE_DAMAGES);
    expect(damaged.deadlines).toEqual([
      expect.objectContaining({ kind: RightsDeadlineKind.CLAIM_WINDOW_ENDS, dueAt: at('2026-03-19T22:59:59.999Z'), passed: true, article: 'Montreal Convention 1999, Art. 31(2)' }),
      expect.objectContaining({ kind: RightsDeadlineKind.ACTION_TIME_BAR, dueAt: at('2028-03-12T22:59:59.999Z'), passed: false, article: 'Montreal Convention 1999, Art. 35(1)' }),
    ]);
    const delayed = granted(barcelona([{ kind: BaggageEventKind.DELAYED, receivedAt: at('2026-03-15T16:00:00Z') }], at('2026-03-20T12:00:00Z')), MONTREAL_CONVENTION, EntitlementKind.BAGGAGE_DAMAGES);
    // Delivered on 15 March: 21 days run to 5 April, Barcelona summer time by then (UTC+2).
    expect(delayed.deadlines[0]).toMatchObject({ kind: RightsDeadlineKind.CLAIM_WINDOW_ENDS, dueAt: at('2026-04-05T21:59:59.999Z'), passed: false });
    const missing = barcelona([{ kind: BaggageEventKind.DELAYED }], at('2026-04-03T12:00:00Z'));
    const presumption = granted(missing, MONTREAL_CONVENTION, EntitlementKind.BAGGAGE_DAMAGES);
    expect(presumption.deadlines[0]).toMatchObject({ kind: RightsDeadlineKind.BAG_PRESUMED_LOST, dueAt: at('2026-04-02T21:59:59.999Z'), passed: true });
    expect(presumption.explanation).toContain('may now be claimed as lost');
    // The assessment lists every deadline, earliest first.
    expect(missing.deadlines.map((d) => d.kind)).toEqual([RightsDeadlineKind.BAG_PRESUMED_LOST, RightsDeadlineKind.ACTION_TIME_BAR, RightsDeadlineKind.ACTION_TIME_BAR]);
  });

  it('27. a domestic US flight on a US carrier is outside the Convention; the same on an EU carrier is inside (Regulation (EC) No 2027/97)', () => {
    const domestic = (carrier: string, licence: string) =>
      assess({ kind: DisruptionKind.DELAY, flight: late(flight('ORD-LGA', carrier, licence, '2026-03-12T13:00:00Z', '2026-03-12T15:20:00Z'), 1), baggage: [{ kind: BaggageEventKind.LOST }] });
    expect(regime(domestic('AA', 'US', ), MONTREAL_CONVENTION).applies).toBe(false);
    expect(regime(domestic('LH', 'DE'), MONTREAL_CONVENTION)).toMatchObject({ applies: true });
    expect(regime(domestic('LH', 'DE'), MONTREAL_CONVENTION).legalBasis).toContain('Regulation (EC) No 2027/97');
  });

  it('27a. international carriage is governed by the Convention only between two States Parties (Art. 1(2)): Kabul–Dubai and Taipei–Tokyo are not, Tokyo–Dubai is; an EU carrier applies it anyway', () => {
    const facts = (route: string, carrier: string, licence: string): DisruptionFacts => ({
      kind: DisruptionKind.DELAY,
      flight: late(flight(route, carrier, licence, '2026-03-12T04:00:00Z', '2026-03-12T09:00:00Z'), 0.5),
      baggage: [{ kind: BaggageEventKind.LOST }],
    });
    const lostBag = (route: string, carrier: string, licence: string) => assess(facts(route, carrier, licence));
    const kabul = regime(lostBag('KBL-DXB', 'FG', 'AF'), MONTREAL_CONVENTION);
    expect(kabul).toMatchObject({ applies: false, legalBasis: 'Montreal Convention 1999, Art. 1(2)' });
    expect(kabul.explanation).toMatch(/^Carriage from AF to AE is international carriage under the Convention only between two States Parties \(Art\. 1\(2\)\), and AF is not on the list of Parties \(as of \d{4}-\d{2}-\d{2}\)/);
    expect(hasNo(lostBag('KBL-DXB', 'FG', 'AF'), MONTREAL_CONVENTION, EntitlementKind.BAGGAGE_DAMAGES)).toBe(true);
    expect(regime(lostBag('TPE-NRT', 'CI', 'TW'), MONTREAL_CONVENTION).explanation).toContain('TW is not on the list of Parties');
    const tokyo = regime(lostBag('NRT-DXB', 'EK', 'AE'), MONTREAL_CONVENTION);
    expect(tokyo).toMatchObject({ applies: true });
    expect(tokyo.explanation).toContain('from JP to AE, both States Parties');
    expect(regime(lostBag('KBL-DXB', 'LH', 'DE'), MONTREAL_CONVENTION)).toMatchObject({ applies: true });
    // A state that joined after the list was transcribed: the caller says so.
    expect(regime(assess({ ...facts('KBL-DXB', 'FG', 'AF'), montrealConventionApplies: true }), MONTREAL_CONVENTION).applies).toBe(true);
  });
});

describe('worked cases: US DOT refunds (14 CFR 260)', () => {
  const ORD_LGA = flight('ORD-LGA', 'AA', 'US', '2026-11-23T13:00:00Z', '2026-11-23T15:20:00Z');

  it('28. a domestic flight arriving 3 h 10 late, refused by a passenger who paid by card: refund due in 7 business days, Thanksgiving not counted', () => {
    const result = assess({
      kind: DisruptionKind.DELAY,
      flight: late(ORD_LGA, 3 + 10 / 60),
      paymentMethod: PaymentMethod.CARD,
      fare: { amount: '249.00', currency: 'USD' },
      passengerChoice: { option: PassengerOption.REFUND, at: at('2026-11-24T15:00:00Z') },
    });
    const refund = granted(result, US_DOT, EntitlementKind.REFUND);
    expect(refund.amount).toEqual({ amount: '249.00', currency: 'USD' });
    expect(refund.legalBasis).toBe('14 CFR § 260.2, 260.6 and 260.10');
    expect(refund.explanation).toContain('3 h or more for a domestic flight');
    // Tuesday 24 November 2026 + 7 business days (Thursday 26 is Thanksgiving) = Friday 4 December, Chicago time.
    expect(refund.deadlines[0]).toMatchObject({ kind: RightsDeadlineKind.REFUND_DUE, dueAt: at('2026-12-05T05:59:59.999Z'), article: '14 CFR § 260.10' });
    expect(regime(result, US_DOT)).toMatchObject({ applies: true, ruleVersion: 'DOT-260/2024-10' });
  });

  it('29. an international flight 5 h late is not significantly changed (6 h); a cancellation with nothing offered, paid otherwise than by card: refund due in 20 calendar days', () => {
    const jfkCdg = flight('JFK-CDG', 'AF', 'FR', '2026-03-10T22:00:00Z', '2026-03-11T05:30:00Z');
    const delayed = assess({ kind: DisruptionKind.DELAY, flight: late(jfkCdg, 5) });
    expect(refused(delayed, US_DOT, EntitlementKind.REFUND)).toMatchObject({ reason: NotGrantedReason.BELOW_THRESHOLD });
    const cancelled = assess({ kind: DisruptionKind.CANCELLATION, flight: jfkCdg, cancellation: { noticeGivenAt: at('2026-03-10T15:00:00Z') }, paymentMethod: PaymentMethod.OTHER });
    // Told on 10 March (New York, summer time since 8 March): 20 days to 30 March.
    expect(granted(cancelled, US_DOT, EntitlementKind.REFUND).deadlines[0]).toMatchObject({ dueAt: at('2026-03-31T03:59:59.999Z') });
    const accepted = assess({ kind: DisruptionKind.CANCELLATION, flight: jfkCdg, rerouting: { departure: at('2026-03-11T22:00:00Z'), arrival: at('2026-03-12T05:30:00Z') }, passengerChoice: { option: PassengerOption.REROUTING, at: at('2026-03-10T16:00:00Z') } });
    expect(refused(accepted, US_DOT, EntitlementKind.REFUND).reason).toBe(NotGrantedReason.PASSENGER_CHOICE);
  });

  it('30. bag fees: refunded for a domestic bag delivered 13 h late with a report filed; not for an international bag 14 h late (15 h), nor 20 h late after a flight over 12 h (30 h)', () => {
    const domestic = assess({
      kind: DisruptionKind.DELAY,
      flight: late(ORD_LGA, 0),
      paymentMethod: PaymentMethod.CARD,
      baggage: [{ kind: BaggageEventKind.DELAYED, tag: 'AA778899', reportedAt: at('2026-11-23T16:00:00Z'), receivedAt: at('2026-11-24T04:20:00Z'), fee: { amount: '40.00', currency: 'USD' } }],
    }, at('2026-11-25T12:00:00Z'));
    const fee = granted(domestic, US_DOT, EntitlementKind.BAG_FEE_REFUND);
    expect(fee.amount).toEqual({ amount: '40.00', currency: 'USD' });
    expect(fee.legalBasis).toBe('14 CFR § 260.2, 260.5 and 260.10');
    // Significantly delayed from 03:20 UTC on 24 November (12 h after arrival), still Monday 23 in Chicago:
    // 7 business days, Thanksgiving skipped, end on Thursday 3 December, Chicago time.
    expect(fee.deadlines[0].dueAt).toEqual(at('2026-12-04T05:59:59.999Z'));
    const london = assess({
      kind: DisruptionKind.DELAY,
      flight: late(flight('JFK-LHR', 'BA', 'GB', '2026-03-12T22:00:00Z', '2026-03-13T05:00:00Z'), 0),
      baggage: [{ kind: BaggageEventKind.DELAYED, receivedAt: at('2026-03-13T19:00:00Z') }],
    });
    expect(refused(london, US_DOT, EntitlementKind.BAG_FEE_REFUND).explanation).toContain('within the 15 h of an international flight of not more than 12 h');
    const singapore = assess({
      kind: DisruptionKind.DELAY,
      flight: late(flight('SFO-SIN', 'SQ', 'SG', '2026-03-12T06:00:00Z', '2026-03-12T23:00:00Z'), 0),
      baggage: [{ kind: BaggageEventKind.DELAYED, receivedAt: at('2026-03-13T19:00:00Z') }],
    });
    expect(refused(singapore, US_DOT, EntitlementKind.BAG_FEE_REFUND).explanation).toContain('30 h of an international flight of more than 12 h');
  });

  it('31. a bag still missing past the threshold without a report: the fee refund waits for the Mishandled Baggage Report (§ 260.5(b))', () => {
    const result = assess({ kind: DisruptionKind.DELAY, flight: late(ORD_LGA, 0), baggage: [{ kind: BaggageEventKind.DELAYED }] }, at('2026-11-24T12:00:00Z'));
    const fee = granted(result, US_DOT, EntitlementKind.BAG_FEE_REFUND);
    expect(fee.explanation).toContain('Mishandled Baggage Report');
    expect(fee.deadlines[0].dueAt).toBeNull();
  });

  it('32. before the compliance date of 28 October 2024 the refund rule table has no version', () => {
    const result = assess({ kind: DisruptionKind.CANCELLATION, flight: flight('ORD-LGA', 'AA', 'US', '2024-10-01T13:00:00Z', '2024-10-01T15:20:00Z') }, at('2024-10-02T12:00:00Z'));
    expect(regime(result, US_DOT)).toMatchObject({ applies: false, ruleVersion: null });
  });
});

describe('worked cases: diversions', () => {
  it('33. landed at Nuremberg instead of Munich and bussed on, 3 h 20 late: the transfer at the carrier’s cost (Art. 8(3)) and compensation by the arrival delay (Austrian Airlines, C-826/19)', () => {
    const result = assess({
      kind: DisruptionKind.DIVERSION,
      flight: late(flight('CDG-MUC', 'AF', 'FR', '2026-03-12T10:00:00Z', '2026-03-12T11:30:00Z'), 0, 3 + 20 / 60),
      diversion: { airport: 'NUE' },
    });
    expect(granted(result, EU261, EntitlementKind.AIRPORT_TRANSFER).legalBasis).toBe('Regulation (EC) No 261/2004, Art. 8(3); Austrian Airlines, C-826/19 (CJEU, 22 April 2021)');
    expect(granted(result, EU261, EntitlementKind.COMPENSATION).amount).toEqual({ amount: '250.00', currency: 'EUR' });
  });
});

describe('bad input gets typed errors naming the field', () => {
  it('refuses an unknown airport, naming the field', () => {
    const facts = { kind: DisruptionKind.DELAY, flight: { ...DUS_BCN, origin: 'QQQ' } };
    expect(() => assess(facts)).toThrow(UnknownAirportError);
    expect(() => assess(facts)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.flight.origin' }) }));
    expect(() => assess({ kind: DisruptionKind.DIVERSION, flight: DUS_BCN, diversion: { airport: 'ZZZ' } })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field: 'input.diversion.airport' }) }));
  });

  it('refuses facts that contradict each other, every problem at once', () => {
    try {
      assess({ kind: DisruptionKind.CANCELLATION, flight: { ...DUS_BCN, scheduledArrival: at('2026-03-12T06:00:00Z'), carrierLicenceCountry: 'Germany' }, rerouting: { departure: at('2026-03-13T10:00:00Z'), arrival: at('2026-03-13T09:00:00Z') } });
      throw new Error('expected a BadUserInputError');
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      expect((error as BadUserInputError).problems.map((p) => p.field)).toEqual(['input.flight.scheduledArrival', 'input.rerouting.arrival', 'input.flight.carrierLicenceCountry']);
    }
    expect(() => assess({ kind: DisruptionKind.DELAY, flight: { ...DUS_BCN, destination: 'DUS' } })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field: 'input.flight.destination' }) }));
    expect(() => assess({ kind: DisruptionKind.DELAY, flight: DUS_BCN, fare: { amount: '12,50', currency: 'EUR' } })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field: 'input.fare.amount' }) }));
    expect(() => assess({ kind: DisruptionKind.DELAY, flight: { ...DUS_BCN, actualArrival: new Date('nonsense') } })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field: 'input.flight.actualArrival' }) }));
  });
});

describe('the engine is pure', () => {
  it('gives the same answer for the same facts and moment, and judges deadlines against the moment it is given', () => {
    const facts: DisruptionFacts = { kind: DisruptionKind.DELAY, flight: late(DUS_BCN, 0.5), baggage: [{ kind: BaggageEventKind.DAMAGED, receivedAt: at('2026-03-12T10:00:00Z') }] };
    expect(assess(facts, at('2026-03-14T00:00:00Z'))).toEqual(assess(facts, at('2026-03-14T00:00:00Z')));
    const window = (now: string) => granted(assess(facts, at(now)), MONTREAL_CONVENTION, EntitlementKind.BAGGAGE_DAMAGES).deadlines[0].passed;
    expect(window('2026-03-19T22:59:00Z')).toBe(false);
    expect(window('2026-03-19T23:00:00Z')).toBe(true);
  });
});
