import { BadUserInputError, type FieldProblem } from '@carebridge/domain';
import { type AirportDirectory, requireAirport } from '../airport/airport-directory';
import { greatCircleKm } from '../airport/great-circle';
import { appliesByDeparture, assessAirPassengerRights } from './air-passenger-rights';
import type { DisruptionFacts } from './disruption-facts';
import { localDate } from '@carebridge/business-calendar';
import { readMoney } from './money';
import { assessMontrealConvention } from './montreal-convention';
import { DisruptionKind, type PassengerRightsAssessment, PassengerRightsRegime, type RightsDeadline } from './passenger-rights.enums';
import { PASSENGER_RIGHTS_RULES, type PassengerRightsRules } from './passenger-rights.rules';
import type { AssessmentContext } from './ruling';
import { assessUsDotRefunds } from './us-dot-refunds';

export interface AssessmentOptions {
  /** The moment the assessment is made for: deadlines are judged passed against it. The engine reads no clock. */
  now: Date;
  airports: AirportDirectory;
  /** The rule tables; the shipped ones unless a test or a what-if passes others. */
  rules?: PassengerRightsRules;
}

/**
 * What a passenger is owed for one disrupted flight segment under EU261, UK261, the Montreal
 * Convention and the US DOT refund rules, each by the rule version in force on the flight date:
 * every entitlement with its amount, article, explanation and deadlines, and every right considered
 * and not granted with the reason. Pure: the same facts, "now" and tables give the same answer.
 *
 * Throws `BadUserInputError` naming the field for facts that contradict each other, and
 * `UnknownAirportError` (a BadUserInputError) for an airport the directory does not know.
 */
export function assessPassengerRights(facts: DisruptionFacts, options: AssessmentOptions): PassengerRightsAssessment {
  const rules = options.rules ?? PASSENGER_RIGHTS_RULES;
  checkFacts(facts);
  const origin = requireAirport(options.airports, facts.flight.origin, 'input.flight.origin');
  const destination = requireAirport(options.airports, facts.flight.destination, 'input.flight.destination');
  if (origin.iata === destination.iata) throw BadUserInputError.field('input.flight.destination', 'different', 'must differ from the origin');
  if (facts.diversion?.airport) requireAirport(options.airports, facts.diversion.airport, 'input.diversion.airport');
  (facts.baggage ?? []).forEach((bag, index) => bag.fee && readMoney(bag.fee, `input.baggage[${index}].fee`));
  if (facts.bagFees) readMoney(facts.bagFees, 'input.bagFees');

  const { flight } = facts;
  const reached = facts.kind === DisruptionKind.CANCELLATION || facts.kind === DisruptionKind.DENIED_BOARDING ? (facts.rerouting?.arrival ?? flight.actualArrival) : flight.actualArrival;
  const carrier = flight.carrier.trim().toUpperCase();
  const number = flight.flightNumber.trim().toUpperCase();
  const context: AssessmentContext = {
    facts,
    now: options.now,
    origin,
    destination,
    distanceKm: greatCircleKm(origin, destination),
    flightDate: localDate(flight.scheduledDeparture, origin.timeZone),
    flightLabel: `${carrier} ${number.startsWith(carrier) ? number.slice(carrier.length).trim() : number} ${origin.iata}–${destination.iata}`,
    departureDelayMs: flight.actualDeparture ? flight.actualDeparture.getTime() - flight.scheduledDeparture.getTime() : null,
    arrivalDelayMs: reached ? reached.getTime() - flight.scheduledArrival.getTime() : null,
    fare: facts.fare ? readMoney(facts.fare, 'input.fare') : null,
  };

  const euByDeparture = appliesByDeparture(rules.eu261, context);
  const ukByDeparture = appliesByDeparture(rules.uk261, context);
  const outcomes = [
    assessAirPassengerRights(PassengerRightsRegime.EU261, rules.eu261, context, ukByDeparture ? PassengerRightsRegime.UK261 : null),
    assessAirPassengerRights(PassengerRightsRegime.UK261, rules.uk261, context, euByDeparture ? PassengerRightsRegime.EU261 : null),
    assessMontrealConvention(rules.montreal, context),
    assessUsDotRefunds(rules.usDot, context),
  ];
  const entitlements = outcomes.flatMap((o) => o.entitlements);
  return {
    assessedAt: options.now,
    kind: facts.kind,
    flight: {
      origin: { iata: origin.iata, country: origin.country, timeZone: origin.timeZone },
      destination: { iata: destination.iata, country: destination.country, timeZone: destination.timeZone },
      distanceKm: Math.round(context.distanceKm * 10) / 10,
      flightDate: context.flightDate,
      departureDelayMinutes: minutes(context.departureDelayMs),
      arrivalDelayMinutes: minutes(context.arrivalDelayMs),
    },
    regimes: outcomes.map((o) => o.finding),
    entitlements,
    notGranted: outcomes.flatMap((o) => o.notGranted),
    deadlines: entitlements.flatMap((e) => e.deadlines).sort(byDueDate),
    airportData: options.airports.source,
  };
}

function minutes(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms / 60_000);
}

function byDueDate(a: RightsDeadline, b: RightsDeadline): number {
  if (a.dueAt === null || b.dueAt === null) return a.dueAt === b.dueAt ? 0 : a.dueAt === null ? 1 : -1;
  return a.dueAt.getTime() - b.dueAt.getTime();
}

/** Facts that cannot all be true, named by their input field. Every problem at once. */
function checkFacts(facts: DisruptionFacts): void {
  const problems: FieldProblem[] = [];
  const problem = (field: string, rule: string, message: string) => problems.push({ field: `input.${field}`, rule, message });
  const times: [string, Date | null | undefined][] = [
    ['flight.scheduledDeparture', facts.flight.scheduledDeparture],
    ['flight.scheduledArrival', facts.flight.scheduledArrival],
    ['flight.actualDeparture', facts.flight.actualDeparture],
    ['flight.actualArrival', facts.flight.actualArrival],
    ['cancellation.noticeGivenAt', facts.cancellation?.noticeGivenAt],
    ['rerouting.departure', facts.rerouting?.departure],
    ['rerouting.arrival', facts.rerouting?.arrival],
    ['passengerChoice.at', facts.passengerChoice?.at],
    ...(facts.baggage ?? []).flatMap((bag, i): [string, Date | null | undefined][] => [
      [`baggage[${i}].reportedAt`, bag.reportedAt],
      [`baggage[${i}].receivedAt`, bag.receivedAt],
    ]),
  ];
  for (const [field, time] of times) {
    if (time !== null && time !== undefined && !(time instanceof Date && Number.isFinite(time.getTime()))) problem(field, 'date', 'must be a date and time');
  }
  if (problems.length) throw new BadUserInputError(problems);

  const { flight } = facts;
  if (flight.scheduledArrival <= flight.scheduledDeparture) problem('flight.scheduledArrival', 'after', 'must be after the scheduled departure');
  if (flight.actualDeparture && flight.actualArrival && flight.actualArrival <= flight.actualDeparture) problem('flight.actualArrival', 'after', 'must be after the actual departure');
  if (facts.rerouting && facts.rerouting.arrival <= facts.rerouting.departure) problem('rerouting.arrival', 'after', 'must be after the re-routed departure');
  if (flight.carrierLicenceCountry && !/^[A-Z]{2}$/.test(flight.carrierLicenceCountry)) problem('flight.carrierLicenceCountry', 'country', 'must be an ISO 3166-1 alpha-2 country code such as DE');
  if (!flight.carrier.trim()) problem('flight.carrier', 'required', 'must name the operating carrier');
  if (!flight.flightNumber.trim()) problem('flight.flightNumber', 'required', 'must be the flight number');
  if (facts.extraordinaryCircumstances && !facts.extraordinaryCircumstances.reason.trim()) {
    problem('extraordinaryCircumstances.reason', 'required', 'must record the reason the carrier gives');
  }
  (facts.baggage ?? []).forEach((bag, i) => {
    if (bag.receivedAt && bag.receivedAt < flight.scheduledDeparture) problem(`baggage[${i}].receivedAt`, 'after', 'must be after the flight departed');
  });
  if (problems.length) throw new BadUserInputError(problems);
}
