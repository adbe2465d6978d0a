import type { Airport } from '../airport/airport-directory';
import { addDays, endOfLocalDay, localDate, localDateTime } from '@carebridge/business-calendar';
import { addBusinessDays } from './business-days';
import { money, readMoney } from './money';
import {
  BaggageEventKind,
  DisruptionKind,
  EntitlementKind,
  EntitlementMeasure,
  NotGrantedReason,
  PassengerOption,
  PassengerRightsRegime,
  PaymentMethod,
  RightsDeadlineKind,
} from './passenger-rights.enums';
import { type RuleTable, ruleInForce } from './rule-table';
import { type AssessmentContext, type DeadlineSpec, duration, HOUR_MS, type RegimeOutcome, Ruling } from './ruling';
import type { UsDotRules } from './us-dot.rules';

const CFR = '14 CFR';

/**
 * The US DOT refund rules (14 CFR Part 260) on one disruption: the automatic fare refund when a
 * flight is cancelled or significantly changed and the passenger does not accept what is offered,
 * and the refund of the fee of a significantly delayed or lost bag, with the refund deadline for
 * the way the ticket was paid.
 */
export function assessUsDotRefunds(table: RuleTable<UsDotRules>, context: AssessmentContext): RegimeOutcome {
  const version = ruleInForce(table, context.flightDate);
  if (!version) {
    return new Ruling(PassengerRightsRegime.US_DOT, `${CFR} Part 260`, null, context.now).outcome({
      applies: false,
      explanation: `No version of the US DOT refund rule table is in force on ${context.flightDate}; the first applies from ${table[0]?.effectiveFrom ?? '(none)'}.`,
      legalBasis: table[0]?.source ?? `${CFR} Part 260`,
    });
  }
  const rules = version.rules;
  const ruling = new Ruling(PassengerRightsRegime.US_DOT, CFR, version.id, context.now, '§');
  const { origin, destination, facts } = context;
  const covered = rules.coveredTerritory;
  if (!covered.includes(origin.country) && !covered.includes(destination.country)) {
    return ruling.outcome({
      applies: false,
      explanation: `The US DOT refund rules cover flights to, from or within the United States; ${origin.iata}–${destination.iata} is none of these (§ 260.3).`,
      legalBasis: ruling.cite(['260.3']).legalBasis,
    });
  }
  const domestic = facts.flight.domestic ?? (covered.includes(origin.country) && covered.includes(destination.country));
  const scope = domestic ? 'a domestic flight' : 'an international flight';
  // Business days are counted where the passenger deals with the US carrier: at the US end of the flight.
  const usAirport = covered.includes(origin.country) ? origin : destination;
  const refunds = new Refunds(rules, context, usAirport);
  fareRefund(rules, ruling, context, domestic, refunds);
  (facts.baggage ?? []).forEach((bag, index) => bagFeeRefund(rules, ruling, context, domestic, refunds, bag, index));
  return ruling.outcome({
    applies: true,
    explanation: `The US DOT refund rules apply to ${scope} to, from or within the United States (§ 260.3), whatever the carrier's nationality.`,
    legalBasis: ruling.cite(['260.3']).legalBasis,
  });
}

/** § 260.10: when a refund that is due must have been paid. */
class Refunds {
  constructor(
    private readonly rules: UsDotRules,
    private readonly context: AssessmentContext,
    private readonly usAirport: Airport,
  ) {}

  deadline(dueFrom: Date | null, pending: string): DeadlineSpec {
    const method = this.context.facts.paymentMethod ?? null;
    const { cardBusinessDays, otherCalendarDays } = this.rules.refund;
    const zone = this.usAirport.timeZone;
    const article = `${CFR} § 260.10`;
    const terms = method === PaymentMethod.CARD
      ? `within ${cardBusinessDays} business days (paid by card)`
      : method === PaymentMethod.OTHER
        ? `within ${otherCalendarDays} calendar days (not paid by card)`
        : `within ${cardBusinessDays} business days for a card payment, ${otherCalendarDays} calendar days otherwise (input.paymentMethod tells which)`;
    if (!dueFrom || !method) {
      return { kind: RightsDeadlineKind.REFUND_DUE, dueAt: null, description: `Refund to the original form of payment ${terms} of ${dueFrom ? `it becoming due (${localDateTime(dueFrom, zone)})` : pending}.`, article };
    }
    const start = localDate(dueFrom, zone);
    const last = method === PaymentMethod.CARD ? addBusinessDays(start, cardBusinessDays, this.rules.holidays) : addDays(start, otherCalendarDays);
    return {
      kind: RightsDeadlineKind.REFUND_DUE,
      dueAt: endOfLocalDay(last, zone),
      description: `Refund to the original form of payment ${terms} of it becoming due on ${localDateTime(dueFrom, zone)} (${this.usAirport.iata} local time; weekends and US federal holidays are not business days).`,
      article,
    };
  }
}

function fareRefund(rules: UsDotRules, ruling: Ruling, context: AssessmentContext, domestic: boolean, refunds: Refunds): void {
  const { facts } = context;
  const hours = domestic ? rules.significantChangeHours.domestic : rules.significantChangeHours.international;
  const limit = hours * HOUR_MS;
  const fare = context.fare ? money(context.fare.cents, context.fare.currency) : null;
  const choice = facts.passengerChoice ?? null;

  if (facts.kind === DisruptionKind.DENIED_BOARDING) {
    ruling.refuse({
      kind: EntitlementKind.REFUND,
      reason: NotGrantedReason.NOT_APPLICABLE,
      provisions: ['260.6'],
      explanation: 'Denied boarding is governed by 14 CFR Part 250 (oversales), whose compensation this engine does not compute.',
    });
    return;
  }
  let change: string | null = null;
  if (facts.kind === DisruptionKind.CANCELLATION) change = 'was cancelled (not operated as published when the ticket was sold)';
  if (facts.kind === DisruptionKind.DOWNGRADE) change = 'was downgraded to a lower class of service';
  if (facts.kind === DisruptionKind.DIVERSION && facts.diversion?.airport && facts.diversion.airport.toUpperCase() !== context.destination.iata) {
    change = `arrives at a different airport (${facts.diversion.airport.toUpperCase()})`;
  }
  const earlier = context.departureDelayMs !== null && -context.departureDelayMs >= limit ? -context.departureDelayMs : null;
  const later = context.arrivalDelayMs !== null && context.arrivalDelayMs >= limit ? context.arrivalDelayMs : null;
  if (!change && earlier !== null) change = `departs ${duration(earlier)} earlier than scheduled, ${hours} h or more for ${domestic ? 'a domestic' : 'an international'} flight`;
  if (!change && later !== null) change = `arrives ${duration(later)} later than scheduled, ${hours} h or more for ${domestic ? 'a domestic' : 'an international'} flight`;

  if (!change) {
    const measured = context.arrivalDelayMs ?? context.departureDelayMs;
    ruling.refuse({
      kind: EntitlementKind.REFUND,
      reason: measured === null ? NotGrantedReason.MISSING_FACTS : NotGrantedReason.BELOW_THRESHOLD,
      provisions: ['260.2', '260.6'],
      explanation:
        measured === null
          ? 'A significant change is judged from the new times: input.flight.actualDeparture and actualArrival are needed.'
          : `The change (${duration(Math.abs(measured))}) stays under the ${hours} h of a significant change for ${domestic ? 'a domestic' : 'an international'} flight (§ 260.2).`,
    });
    return;
  }
  if (choice && choice.option !== PassengerOption.REFUND) {
    ruling.refuse({
      kind: EntitlementKind.REFUND,
      reason: NotGrantedReason.PASSENGER_CHOICE,
      provisions: ['260.6'],
      explanation: `The flight ${change}, but the passenger accepted ${choice.option === PassengerOption.REROUTING ? 'the alternative flight' : 'the changed flight'}, so no refund is due (§ 260.6).`,
    });
    return;
  }
  // The refund becomes due when the passenger turns the change down; with nothing offered after a cancellation, at once.
  const offeredNothing = facts.kind === DisruptionKind.CANCELLATION && !facts.rerouting;
  const dueFrom = choice?.option === PassengerOption.REFUND ? choice.at : offeredNothing ? (facts.cancellation?.noticeGivenAt ?? facts.flight.scheduledDeparture) : null;
  ruling.grant({
    kind: EntitlementKind.REFUND,
    measure: EntitlementMeasure.FULL_PRICE,
    amount: fare,
    provisions: ['260.2', '260.6', '260.10'],
    explanation:
      `The flight ${change}: ${offeredNothing ? 'no alternative was offered, so' : 'unless the passenger accepts the change, an alternative flight, or a voucher or credit,'} the carrier owes an automatic refund of the fare, taxes and fees included, ` +
      `to the original form of payment (§ 260.6).${fare ? '' : ' input.fare gives the amount.'}`,
    deadlines: [refunds.deadline(dueFrom, 'the passenger declining the change or the alternative offered')],
  });
}

function bagFeeRefund(rules: UsDotRules, ruling: Ruling, context: AssessmentContext, domestic: boolean, refunds: Refunds, bag: NonNullable<AssessmentContext['facts']['baggage']>[number], index: number): void {
  if (bag.kind !== BaggageEventKind.DELAYED && bag.kind !== BaggageEventKind.LOST) return;
  const { facts } = context;
  const label = bag.tag ? `Bag ${bag.tag}` : `Bag ${index + 1}`;
  const field = `input.baggage[${index}]`;
  const fee = bag.fee ? readMoney(bag.fee, `${field}.fee`) : facts.bagFees ? readMoney(facts.bagFees, 'input.bagFees') : null;
  const amount = fee ? money(fee.cents, fee.currency) : null;
  // The delay runs from when the passenger could leave the aircraft at the destination.
  const arrival = facts.flight.actualArrival ?? facts.flight.scheduledArrival;
  const scheduledHours = (facts.flight.scheduledArrival.getTime() - facts.flight.scheduledDeparture.getTime()) / HOUR_MS;
  const { domestic: domesticHours, international, internationalLongFlight, longFlightOverHours } = rules.bagDelayHours;
  const hours = domestic ? domesticHours : scheduledHours > longFlightOverHours ? internationalLongFlight : international;
  const flightKind = domestic ? 'a domestic flight' : `an international flight of ${scheduledHours > longFlightOverHours ? 'more' : 'not more'} than ${longFlightOverHours} h`;
  const significantAt = new Date(arrival.getTime() + hours * HOUR_MS);
  const provisions = ['260.2', '260.5', '260.10'];

  let state: string;
  if (bag.kind === BaggageEventKind.LOST) {
    state = 'is lost';
  } else if (bag.receivedAt && bag.receivedAt.getTime() < significantAt.getTime()) {
    ruling.refuse({
      kind: EntitlementKind.BAG_FEE_REFUND,
      reason: NotGrantedReason.BELOW_THRESHOLD,
      provisions: ['260.2', '260.5'],
      explanation: `${label} was delivered ${duration(bag.receivedAt.getTime() - arrival.getTime())} after the passenger could deplane, within the ${hours} h of ${flightKind} (§ 260.2).`,
    });
    return;
  } else if (!bag.receivedAt && context.now.getTime() < significantAt.getTime()) {
    ruling.refuse({
      kind: EntitlementKind.BAG_FEE_REFUND,
      reason: NotGrantedReason.BELOW_THRESHOLD,
      provisions: ['260.2', '260.5'],
      explanation: `${label} is not delivered yet; it becomes significantly delayed, and its fee refundable, if not delivered by ${localDateTime(significantAt, context.destination.timeZone)} local time (${hours} h for ${flightKind}, § 260.2).`,
    });
    return;
  } else {
    state = bag.receivedAt
      ? `was delivered ${duration(bag.receivedAt.getTime() - arrival.getTime())} after the passenger could deplane, ${hours} h or more for ${flightKind}`
      : `was not delivered within ${hours} h for ${flightKind}`;
  }
  const reported = bag.reportedAt ?? null;
  const dueFrom = reported ? new Date(Math.max(reported.getTime(), bag.kind === BaggageEventKind.LOST ? 0 : significantAt.getTime())) : null;
  ruling.grant({
    kind: EntitlementKind.BAG_FEE_REFUND,
    measure: EntitlementMeasure.FULL_PRICE,
    amount,
    provisions,
    explanation:
      `${label} ${state}: the fee paid to check it is refunded (§ 260.5)` +
      (reported ? '.' : ', once the passenger files a Mishandled Baggage Report with the carrier that operated the flight (§ 260.5(b)).') +
      (amount ? '' : ` ${field}.fee (or input.bagFees) gives the amount.`),
    deadlines: [refunds.deadline(dueFrom, 'the Mishandled Baggage Report being filed')],
  });
}
