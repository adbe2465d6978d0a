import type { AirPassengerRules, DistanceBand } from './air-passenger-rights.rules';
import { addDays, endOfLocalDay, localDate, localDateTime } from '@carebridge/business-calendar';
import { money, percentOf, toCents } from './money';
import {
  DisruptionKind,
  EntitlementKind,
  EntitlementMeasure,
  NotGrantedReason,
  PassengerOption,
  PassengerRightsRegime,
  RightsDeadlineKind,
} from './passenger-rights.enums';
import { type RuleTable, ruleInForce } from './rule-table';
import { amountText, type AssessmentContext, DAY_MS, type DeadlineSpec, duration, HOUR_MS, kilometres, type RegimeOutcome, Ruling } from './ruling';

const STURGEON = 'Sturgeon and Others, C-402/07 and C-432/07 (CJEU, 19 November 2009)';
const STURGEON_63 = 'Sturgeon and Others, C-402/07 and C-432/07, para. 63';
const FINNAIR = 'Finnair, C-22/11 (CJEU, 4 October 2012)';
const MENNENS = 'Mennens, C-255/15 (CJEU, 22 June 2016)';
const AUSTRIAN_AIRLINES = 'Austrian Airlines, C-826/19 (CJEU, 22 April 2021)';

const REGIME_NAMES: Record<string, string> = { [PassengerRightsRegime.EU261]: 'EU261', [PassengerRightsRegime.UK261]: 'UK261' };

/** Whether the regime covers the flight because it departs from its territory (Art. 3(1)(a)). */
export function appliesByDeparture(table: RuleTable<AirPassengerRules>, context: AssessmentContext): boolean {
  return ruleInForce(table, context.flightDate)?.rules.departureTerritory.includes(context.origin.country) ?? false;
}

interface Band {
  band: DistanceBand;
  /** "1,200 km: band (a), not more than 1,500 km". */
  text: string;
}

/**
 * EU261 or UK261 (one regulation, two rule tables) on one disruption: whether it applies, and then
 * compensation, refund or re-routing, care and the downgrade refund, each with its article.
 * `departureRegime` is the other of the two when it covers the departure: an arrival is then not
 * assessed twice (Art. 3(1)(b): "unless they received benefits … in that third country").
 */
export function assessAirPassengerRights(
  regime: PassengerRightsRegime,
  table: RuleTable<AirPassengerRules>,
  context: AssessmentContext,
  departureRegime: PassengerRightsRegime | null,
): RegimeOutcome {
  const name = REGIME_NAMES[regime];
  const version = ruleInForce(table, context.flightDate);
  if (!version) {
    const ruling = new Ruling(regime, name, null, context.now);
    return ruling.outcome({
      applies: false,
      explanation: `No version of the ${name} rule table is in force on the flight date ${context.flightDate}; the first applies from ${table[0]?.effectiveFrom ?? '(none)'}.`,
      legalBasis: table[0]?.source ?? name,
    });
  }
  const rules = version.rules;
  const ruling = new Ruling(regime, rules.instrument, version.id, context.now);
  const scope = scopeOf(name, rules, context, departureRegime, ruling);
  if (!scope.applies) return ruling.outcome(scope);

  const band = bandOf(rules, context);
  const assess = new AirPassengerAssessment(ruling, rules, context, band);
  ASSESSMENTS[context.facts.kind](assess);
  return ruling.outcome({ ...scope, explanation: `${scope.explanation} Distance ${band.text}.` });
}

/** Which articles a disruption is assessed under. */
const ASSESSMENTS: Record<DisruptionKind, (assess: AirPassengerAssessment) => void> = {
  [DisruptionKind.DELAY]: (assess) => assess.delay(),
  [DisruptionKind.DIVERSION]: (assess) => assess.diversion(),
  [DisruptionKind.CANCELLATION]: (assess) => assess.cancellation(),
  [DisruptionKind.DENIED_BOARDING]: (assess) => assess.deniedBoarding(),
  [DisruptionKind.DOWNGRADE]: (assess) => assess.downgrade(),
};

function scopeOf(name: string, rules: AirPassengerRules, context: AssessmentContext, departureRegime: PassengerRightsRegime | null, ruling: Ruling) {
  const { origin, destination, facts } = context;
  const no = (explanation: string, provisions: string[]) => ({ applies: false, explanation, legalBasis: ruling.cite(provisions).legalBasis });
  if (facts.freeOrNonPublicFare) {
    return no(`${name} does not cover passengers travelling free of charge or at a reduced fare not available to the public (Art. 3(3)).`, ['3(3)']);
  }
  if (rules.departureTerritory.includes(origin.country)) {
    return { applies: true, explanation: `${name} applies: the flight departs from ${origin.iata} (${origin.country}), in its territory (Art. 3(1)(a)).`, legalBasis: ruling.cite(['3(1)(a)']).legalBasis };
  }
  const arrival = rules.arrivals.find((a) => a.territory.includes(destination.country));
  if (!arrival) {
    return no(`${name} does not apply: the flight neither departs from nor arrives in its territory (${origin.iata} ${origin.country} to ${destination.iata} ${destination.country}).`, ['3(1)']);
  }
  const licence = facts.flight.carrierLicenceCountry;
  if (!licence) {
    return no(
      `${name} covers this arrival from outside its territory only if the operating carrier is ${arrival.carriers} (${arrival.article}): input.flight.carrierLicenceCountry is needed to tell.`,
      [arrival.article.replace('Art. ', '')],
    );
  }
  if (!arrival.carrierLicensedIn.includes(licence)) {
    return no(
      `${name} does not apply: the flight does not depart from its territory, and it covers an arrival at ${destination.iata} (${destination.country}) only on ${arrival.carriers}; this carrier is licensed in ${licence} (${arrival.article}).`,
      [arrival.article.replace('Art. ', '')],
    );
  }
  if (facts.benefitsReceivedInDepartureCountry) {
    return no(`${name} does not apply: the passenger received benefits or compensation and assistance in the country of departure (${arrival.article}).`, [arrival.article.replace('Art. ', '')]);
  }
  if (departureRegime) {
    return no(
      `${REGIME_NAMES[departureRegime]} covers the departure from ${origin.iata}; ${name} covers an arrival only where the passenger did not receive benefits, compensation and assistance in the country of departure (${arrival.article}), so it is not owed a second time.`,
      [arrival.article.replace('Art. ', '')],
    );
  }
  return {
    applies: true,
    explanation: `${name} applies: the flight arrives at ${destination.iata} (${destination.country}) from outside its territory, operated by a carrier licensed in ${licence}, ${arrival.carriers} (${arrival.article}).`,
    legalBasis: ruling.cite([arrival.article.replace('Art. ', '')]).legalBasis,
  };
}

function bandOf(rules: AirPassengerRules, context: AssessmentContext): Band {
  const km = kilometres(context.distanceKm);
  const intra = rules.intraTerritory.includes(context.origin.country) && rules.intraTerritory.includes(context.destination.country);
  const { a, b } = rules.bandLimitsKm;
  if (context.distanceKm <= a) return { band: 'a', text: `${km}: band (a), not more than ${a.toLocaleString('en-GB')} km` };
  if (intra) return { band: 'b', text: `${km}: band (b), more than ${a.toLocaleString('en-GB')} km within the territory of the regulation` };
  if (context.distanceKm <= b) return { band: 'b', text: `${km}: band (b), between ${a.toLocaleString('en-GB')} and ${b.toLocaleString('en-GB')} km` };
  return { band: 'c', text: `${km}: band (c), more than ${b.toLocaleString('en-GB')} km` };
}

/** The rights of one disruption under one version of the regulation's numbers. */
class AirPassengerAssessment {
  constructor(
    private readonly ruling: Ruling,
    private readonly rules: AirPassengerRules,
    private readonly context: AssessmentContext,
    private readonly band: Band,
  ) {}

  private get facts() {
    return this.context.facts;
  }

  private get exemptionNote(): string {
    return this.facts.extraordinaryCircumstances ? ' It is owed even in extraordinary circumstances.' : '';
  }

  delay(): void {
    this.careForDelay();
    this.delayCompensation();
  }

  /** A diverted flight is judged by the delay with which the passenger reaches the destination (Austrian Airlines, C-826/19). */
  diversion(): void {
    this.careForDelay();
    const landed = this.facts.diversion?.airport?.toUpperCase();
    if (landed && landed !== this.context.destination.iata) {
      this.ruling.grant({
        kind: EntitlementKind.AIRPORT_TRANSFER,
        measure: EntitlementMeasure.IN_KIND,
        provisions: ['8(3)'],
        caseLaw: [AUSTRIAN_AIRLINES],
        explanation: `The flight landed at ${landed} instead of ${this.context.destination.iata}: the carrier bears the cost of transferring the passenger to ${this.context.destination.iata} or to a close-by destination agreed with the passenger (Art. 8(3)).`,
      });
    }
    this.delayCompensation('reached the destination');
  }

  cancellation(): void {
    const { flight } = this.facts;
    const rerouting = this.facts.rerouting ?? null;
    this.refundOrRerouting(['5(1)(a)', '8(1)'], 'The flight was cancelled');
    this.care(['5(1)(b)'], 'while the passenger waits for the re-routed flight', rerouting?.departure ?? null);

    const told = this.facts.cancellation?.noticeGivenAt ?? null;
    const noticeMs = told ? flight.scheduledDeparture.getTime() - told.getTime() : 0;
    const notice = this.rules.cancellationNotice;
    const toldText = told
      ? `was told ${duration(noticeMs)} before the scheduled departure`
      : 'was not shown to have been told in advance (the carrier must prove when it informed the passenger, Art. 5(4))';
    if (noticeMs >= notice.noCompensationFromDays * DAY_MS) {
      this.ruling.refuse({
        kind: EntitlementKind.COMPENSATION,
        reason: NotGrantedReason.NOTICE_PERIOD,
        provisions: ['5(1)(c)(i)'],
        explanation: `No compensation: the passenger ${toldText}, at least ${notice.noCompensationFromDays} days ahead (Art. 5(1)(c)(i)).`,
      });
      return;
    }
    const middle = noticeMs >= notice.middle.fromDays * DAY_MS;
    const window = middle ? notice.middle : notice.short;
    const point = middle ? '5(1)(c)(ii)' : '5(1)(c)(iii)';
    const noticeBand = middle ? `between ${notice.middle.fromDays} and ${notice.noCompensationFromDays} days ahead` : `less than ${notice.middle.fromDays} days ahead`;
    if (rerouting) {
      const earlier = flight.scheduledDeparture.getTime() - rerouting.departure.getTime();
      const later = rerouting.arrival.getTime() - flight.scheduledArrival.getTime();
      if (earlier <= window.earliestDepartureHoursBefore * HOUR_MS && later < window.arrivalLessThanHoursAfter * HOUR_MS) {
        this.ruling.refuse({
          kind: EntitlementKind.COMPENSATION,
          reason: NotGrantedReason.REROUTING_CLOSE_TO_SCHEDULE,
          provisions: [point],
          explanation:
            `No compensation: the passenger ${toldText}, ${noticeBand}, and was offered a re-routing that departs ${this.relative(earlier, 'before', 'after')} the scheduled departure ` +
            `(no more than ${window.earliestDepartureHoursBefore} h before) and arrives ${this.relative(later, 'after', 'before')} the scheduled arrival (less than ${window.arrivalLessThanHoursAfter} h after) (Art. ${point}).`,
        });
        return;
      }
    }
    if (this.refusedForExtraordinaryCircumstances('5(3)')) return;
    const reroutingText = rerouting
      ? `the re-routing offered arrives ${this.relative(rerouting.arrival.getTime() - flight.scheduledArrival.getTime(), 'after', 'before')} the scheduled arrival, outside the limits of Art. ${point}`
      : 'no re-routing was offered';
    this.compensation(['5(1)(c)'], `${this.context.flightLabel} was cancelled; the passenger ${toldText}, ${noticeBand}, and ${reroutingText}.`, rerouting?.arrival ?? null);
  }

  deniedBoarding(): void {
    const denied = this.facts.deniedBoarding ?? { voluntary: false };
    if (denied.reasonableGrounds) {
      this.ruling.refuse({
        kind: EntitlementKind.COMPENSATION,
        reason: NotGrantedReason.REASONABLE_GROUNDS,
        provisions: ['2(j)', '4(3)'],
        explanation: `Boarding was refused on reasonable grounds (“${denied.reasonableGrounds}”): health, safety, security or inadequate travel documents are not denied boarding (Art. 2(j)), so Art. 4 gives no compensation.`,
      });
      return;
    }
    if (denied.voluntary) {
      this.refundOrRerouting(['4(1)', '8(1)'], 'The passenger gave up the seat voluntarily, for benefits agreed with the carrier, and');
      this.ruling.refuse({
        kind: EntitlementKind.COMPENSATION,
        reason: NotGrantedReason.VOLUNTEERED,
        provisions: ['4(1)'],
        explanation: 'A volunteer receives the benefits agreed with the carrier instead of compensation (Art. 4(1)).',
      });
      return;
    }
    const rerouting = this.facts.rerouting ?? null;
    const exemption = this.facts.extraordinaryCircumstances
      ? ` Extraordinary circumstances do not exempt a carrier from compensating denied boarding (${FINNAIR}).`
      : '';
    this.compensation(['4(3)'], `The passenger was denied boarding against their will on ${this.context.flightLabel}.${exemption}`, rerouting?.arrival ?? null, this.facts.extraordinaryCircumstances ? [FINNAIR] : []);
    this.refundOrRerouting(['4(3)', '8(1)'], 'The passenger was denied boarding');
    this.care(['4(3)'], 'while the passenger waits for the re-routed flight', rerouting?.departure ?? null);
  }

  downgrade(): void {
    const { origin, destination, distanceKm, fare } = this.context;
    let band = this.band.band;
    let text = this.band.text;
    const overseas = this.rules.downgradeLongHaulTerritories;
    const intra = this.rules.intraTerritory.includes(origin.country) && this.rules.intraTerritory.includes(destination.country);
    if (band === 'b' && intra && distanceKm > this.rules.bandLimitsKm.a && overseas.includes(origin.country) !== overseas.includes(destination.country)) {
      band = 'c';
      text = `${kilometres(distanceKm)} between the European territory of the Member States and a French overseas department, which Art. 10(2)(c) counts with the long flights`;
    }
    const percent = this.rules.downgradeRefundPercent[band];
    const amount = fare ? money(percentOf(fare.cents, percent), fare.currency) : null;
    const departed = this.facts.flight.actualDeparture ?? this.facts.flight.scheduledDeparture;
    const due = endOfLocalDay(addDays(localDate(departed, origin.timeZone), this.rules.downgradeRefundWithinDays), origin.timeZone);
    this.ruling.grant({
      kind: EntitlementKind.DOWNGRADE_REFUND,
      measure: EntitlementMeasure.SHARE_OF_FARE,
      amount,
      sharePercent: percent,
      provisions: [`10(2)(${band})`],
      caseLaw: [MENNENS],
      explanation:
        `The passenger was placed in a lower class than the ticket on ${this.context.flightLabel} (${text}): ${percent}% of the price of that flight is reimbursed (Art. 10(2)(${band})); ` +
        `the price is that of the flight itself, without taxes and charges unrelated to the class (${MENNENS}).` +
        (fare && amount ? ` ${percent}% of ${amountText(money(fare.cents, fare.currency))} is ${amountText(amount)}.` : ' input.fare is needed to compute the amount.'),
      deadlines: [
        {
          kind: RightsDeadlineKind.REFUND_DUE,
          dueAt: due,
          description: `Reimbursement within ${this.rules.downgradeRefundWithinDays} days, by the means of Art. 7(3).`,
          article: `${this.rules.instrument}, Art. 10(2)`,
        },
      ],
    });
  }

  /** Care, hotel and the refund option of Art. 6, from the departure delay. */
  private careForDelay(): void {
    const { flight } = this.facts;
    const delay = this.context.departureDelayMs;
    const { band, text } = this.band;
    const threshold = this.rules.careFromDelayHours[band];
    if (delay === null) {
      this.ruling.refuse({
        kind: EntitlementKind.MEALS_AND_REFRESHMENTS,
        reason: NotGrantedReason.MISSING_FACTS,
        provisions: [`6(1)(${band})`],
        explanation: `Care depends on the departure delay: input.flight.actualDeparture (actual or expected) is needed.`,
      });
      return;
    }
    if (delay < threshold * HOUR_MS) {
      this.ruling.refuse({
        kind: EntitlementKind.MEALS_AND_REFRESHMENTS,
        reason: NotGrantedReason.BELOW_THRESHOLD,
        provisions: [`6(1)(${band})`],
        explanation: `Departure is ${duration(Math.max(delay, 0))} late; care (meals, refreshments, two calls) is owed from ${threshold} h for a flight of ${text} (Art. 6(1)(${band})).`,
      });
      return;
    }
    const chapeau = `6(1)(${band})`;
    const reason = `Departure is ${duration(delay)} late, at least ${threshold} h for a flight of ${text}`;
    this.ruling.grant({
      kind: EntitlementKind.MEALS_AND_REFRESHMENTS,
      measure: EntitlementMeasure.IN_KIND,
      provisions: [chapeau, '6(1)(i)', '9(1)(a)'],
      explanation: `${reason}: meals and refreshments in reasonable relation to the waiting time (Art. 6(1)(i), 9(1)(a)).${this.exemptionNote}`,
    });
    this.ruling.grant({
      kind: EntitlementKind.COMMUNICATION,
      measure: EntitlementMeasure.IN_KIND,
      provisions: [chapeau, '6(1)(i)', '9(2)'],
      explanation: `${reason}: two telephone calls, telex or fax messages, or e-mails, free of charge (Art. 9(2)).${this.exemptionNote}`,
    });
    // A departure delay was measured, so the actual departure is known.
    const departs = flight.actualDeparture ?? flight.scheduledDeparture;
    const zone = this.context.origin.timeZone;
    if (localDate(departs, zone) > localDate(flight.scheduledDeparture, zone)) {
      this.hotel([chapeau, '6(1)(ii)'], `The expected departure (${localDateTime(departs, zone)} local time) is at least the day after the scheduled one`);
    } else {
      this.ruling.refuse({
        kind: EntitlementKind.HOTEL,
        reason: NotGrantedReason.BELOW_THRESHOLD,
        provisions: [chapeau, '6(1)(ii)'],
        explanation: `The expected departure (${localDateTime(departs, zone)} local time) is on the scheduled day, so no hotel is owed (Art. 6(1)(ii)).`,
      });
    }
    const refundFrom = this.rules.refundOptionFromDelayHours;
    if (delay >= refundFrom * HOUR_MS) {
      this.ruling.grant({
        kind: EntitlementKind.REFUND,
        measure: EntitlementMeasure.FULL_PRICE,
        amount: this.fareAmount(),
        provisions: [chapeau, '6(1)(iii)', '8(1)(a)'],
        explanation: `Departure is ${duration(delay)} late, ${refundFrom} h or more: the passenger may give up the journey and have the ticket refunded, with a return flight to the first point of departure where relevant (Art. 6(1)(iii), 8(1)(a)).${this.exemptionNote}`,
        deadlines: [this.refundDeadline()],
      });
    } else {
      this.ruling.refuse({
        kind: EntitlementKind.REFUND,
        reason: NotGrantedReason.BELOW_THRESHOLD,
        provisions: ['6(1)(iii)'],
        explanation: `Departure is ${duration(delay)} late; the refund instead of the flight is owed from ${refundFrom} h (Art. 6(1)(iii)).`,
      });
    }
  }

  /** Sturgeon: an arrival 3 h late or more is compensated like a cancellation. */
  private delayCompensation(reached = 'arrived'): void {
    const delay = this.context.arrivalDelayMs;
    const { band, text } = this.band;
    const from = this.rules.delayCompensation.fromHours;
    if (delay === null) {
      this.ruling.refuse({
        kind: EntitlementKind.COMPENSATION,
        reason: NotGrantedReason.MISSING_FACTS,
        provisions: [`7(1)(${band})`],
        caseLaw: [STURGEON],
        explanation: 'Compensation for delay depends on the arrival delay: input.flight.actualArrival (actual or expected) is needed.',
      });
      return;
    }
    if (delay < from * HOUR_MS) {
      this.ruling.refuse({
        kind: EntitlementKind.COMPENSATION,
        reason: NotGrantedReason.BELOW_THRESHOLD,
        provisions: [`7(1)(${band})`],
        caseLaw: [STURGEON],
        explanation: `The flight ${reached} ${duration(Math.max(delay, 0))} late; compensation for delay needs an arrival delay of ${from} h or more (${STURGEON}).`,
      });
      return;
    }
    if (this.refusedForExtraordinaryCircumstances('5(3)', [STURGEON])) return;
    const full = money(toCents(this.rules.compensation[band]), this.rules.currency);
    const within = this.rules.reroutingReduction.withinHours[band];
    const reduced = this.rules.delayCompensation.reducedInBands.includes(band) && delay <= within * HOUR_MS;
    const percent = this.rules.reroutingReduction.percent;
    const amount = reduced ? money(percentOf(toCents(full.amount), 100 - percent), full.currency) : full;
    this.ruling.grant({
      kind: EntitlementKind.COMPENSATION,
      measure: EntitlementMeasure.FIXED_AMOUNT,
      amount,
      fullAmount: reduced ? full : null,
      sharePercent: reduced ? 100 - percent : null,
      provisions: reduced ? [`7(1)(${band})`, `7(2)(${band})`] : [`7(1)(${band})`],
      caseLaw: reduced ? [STURGEON, STURGEON_63] : [STURGEON],
      explanation:
        `${this.context.flightLabel} (${text}) ${reached} ${duration(delay)} late, ${from} h or more, which is compensated as a cancellation (${STURGEON}): ${amountText(full)} under Art. 7(1)(${band}).` +
        (reduced ? ` The delay does not exceed ${within} h, so the carrier may reduce it by ${percent}% (Art. 7(2)(${band}), Sturgeon para. 63): ${amountText(amount)}.` : ''),
    });
  }

  /** Art. 7(1) by band, cut by Art. 7(2) when a re-routing arrives close to the scheduled arrival. */
  private compensation(provisions: string[], reason: string, reroutedArrival: Date | null, caseLaw: string[] = []): void {
    const { band, text } = this.band;
    const full = money(toCents(this.rules.compensation[band]), this.rules.currency);
    const within = this.rules.reroutingReduction.withinHours[band];
    const late = reroutedArrival ? reroutedArrival.getTime() - this.facts.flight.scheduledArrival.getTime() : null;
    const reduced = late !== null && late <= within * HOUR_MS;
    const percent = this.rules.reroutingReduction.percent;
    const amount = reduced ? money(percentOf(toCents(full.amount), 100 - percent), full.currency) : full;
    this.ruling.grant({
      kind: EntitlementKind.COMPENSATION,
      measure: EntitlementMeasure.FIXED_AMOUNT,
      amount,
      fullAmount: reduced ? full : null,
      sharePercent: reduced ? 100 - percent : null,
      provisions: [...provisions, `7(1)(${band})`, ...(reduced ? [`7(2)(${band})`] : [])],
      caseLaw,
      explanation:
        `${reason} Distance ${text}: ${amountText(full)} under Art. 7(1)(${band}).` +
        (reduced && late !== null ? ` The re-routing arrives ${this.relative(late, 'after', 'before')} the scheduled arrival, within ${within} h, so the carrier may reduce it by ${percent}% (Art. 7(2)(${band})): ${amountText(amount)}.` : ''),
    });
  }

  private refusedForExtraordinaryCircumstances(provision: string, caseLaw: string[] = []): boolean {
    const circumstances = this.facts.extraordinaryCircumstances;
    if (!circumstances) return false;
    this.ruling.refuse({
      kind: EntitlementKind.COMPENSATION,
      reason: NotGrantedReason.EXTRAORDINARY_CIRCUMSTANCES,
      provisions: [provision],
      caseLaw,
      explanation:
        `No compensation: the carrier invokes extraordinary circumstances (“${circumstances.reason}”) which could not have been avoided even if all reasonable measures had been taken (Art. ${provision}). ` +
        'The exemption covers compensation only: care, and the refund or re-routing, are still owed. The carrier bears the burden of proving it.',
    });
    return true;
  }

  private refundOrRerouting(provisions: string[], reason: string): void {
    this.ruling.grant({
      kind: EntitlementKind.REFUND_OR_REROUTING,
      measure: EntitlementMeasure.FULL_PRICE,
      amount: this.fareAmount(),
      provisions,
      explanation:
        `${reason}: the passenger chooses between the refund of the ticket within ${this.rules.refundWithinDays} days (with a return flight to the first point of departure where relevant), ` +
        're-routing to the final destination at the earliest opportunity, or re-routing at a later date at the passenger’s convenience (Art. 8(1)).',
      deadlines: [this.refundDeadline()],
    });
  }

  /** Meals and calls (Art. 9(1)(a), 9(2)), and a hotel when the re-routed flight leaves the next day or later. */
  private care(provisions: string[], when: string, reroutedDeparture: Date | null): void {
    this.ruling.grant({
      kind: EntitlementKind.MEALS_AND_REFRESHMENTS,
      measure: EntitlementMeasure.IN_KIND,
      provisions: [...provisions, '9(1)(a)'],
      explanation: `Meals and refreshments in reasonable relation to the waiting time, ${when} (Art. 9(1)(a)).${this.exemptionNote}`,
    });
    this.ruling.grant({
      kind: EntitlementKind.COMMUNICATION,
      measure: EntitlementMeasure.IN_KIND,
      provisions: [...provisions, '9(2)'],
      explanation: `Two telephone calls, telex or fax messages, or e-mails, free of charge (Art. 9(2)).${this.exemptionNote}`,
    });
    const zone = this.context.origin.timeZone;
    if (!reroutedDeparture) {
      this.ruling.refuse({
        kind: EntitlementKind.HOTEL,
        reason: NotGrantedReason.MISSING_FACTS,
        provisions: [...provisions, '9(1)(b)'],
        explanation: 'A hotel is owed when the re-routed flight departs on a later day than the one booked: input.rerouting is needed to tell.',
      });
    } else if (localDate(reroutedDeparture, zone) > localDate(this.facts.flight.scheduledDeparture, zone)) {
      this.hotel(provisions, `The re-routed flight departs ${localDateTime(reroutedDeparture, zone)} local time, at least the day after the scheduled departure`);
    } else {
      this.ruling.refuse({
        kind: EntitlementKind.HOTEL,
        reason: NotGrantedReason.BELOW_THRESHOLD,
        provisions: [...provisions, '9(1)(b)'],
        explanation: `The re-routed flight departs ${localDateTime(reroutedDeparture, zone)} local time, on the scheduled day, so no hotel is owed.`,
      });
    }
  }

  private hotel(provisions: string[], reason: string): void {
    this.ruling.grant({
      kind: EntitlementKind.HOTEL,
      measure: EntitlementMeasure.IN_KIND,
      provisions: [...provisions, '9(1)(b)'],
      explanation: `${reason}: hotel accommodation for the night or nights needed (Art. 9(1)(b)).${this.exemptionNote}`,
    });
    this.ruling.grant({
      kind: EntitlementKind.HOTEL_TRANSFER,
      measure: EntitlementMeasure.IN_KIND,
      provisions: [...provisions, '9(1)(c)'],
      explanation: `${reason}: transport between the airport and the place of accommodation (Art. 9(1)(c)).${this.exemptionNote}`,
    });
  }

  private refundDeadline(): DeadlineSpec {
    const choice = this.facts.passengerChoice;
    const zone = this.context.origin.timeZone;
    const days = this.rules.refundWithinDays;
    const requested = choice?.option === PassengerOption.REFUND ? choice.at : null;
    return {
      kind: RightsDeadlineKind.REFUND_DUE,
      dueAt: requested ? endOfLocalDay(addDays(localDate(requested, zone), days), zone) : null,
      description: requested
        ? `The refund asked for on ${localDateTime(requested, zone)} is due within ${days} days, in money, or in vouchers only with the passenger’s signed agreement (Art. 7(3)).`
        : `Due within ${days} days of the passenger choosing the refund (set input.passengerChoice to date it).`,
      article: `${this.rules.instrument}, Art. 8(1)(a)`,
    };
  }

  private fareAmount() {
    const fare = this.context.fare;
    return fare ? money(fare.cents, fare.currency) : null;
  }

  /** "3 h after", "30 min before", "at the time of". */
  private relative(ms: number, positive: string, negative: string): string {
    if (ms === 0) return 'at the time of';
    return `${duration(ms)} ${ms > 0 ? positive : negative}`;
  }
}
