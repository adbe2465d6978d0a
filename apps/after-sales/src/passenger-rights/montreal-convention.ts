import type { BaggageFacts } from './disruption-facts';
import { addDays, addYears, endOfLocalDay, localDate, localDateTime } from '@carebridge/business-calendar';
import type { MontrealRules } from './montreal-convention.rules';
import { BaggageEventKind, DisruptionKind, EntitlementKind, EntitlementMeasure, PassengerRightsRegime, RightsDeadlineKind } from './passenger-rights.enums';
import { type RuleTable, ruleInForce } from './rule-table';
import { type AssessmentContext, type DeadlineSpec, duration, type RegimeOutcome, Ruling } from './ruling';
import { isMontrealConventionParty, MONTREAL_CONVENTION_PARTIES_AS_OF } from './montreal-convention-parties';
import { sovereignState } from './territories';

/** SDR, the IMF's Special Drawing Right, in which the Convention states its limits. */
const SDR = 'XDR';

/**
 * The Montreal Convention on one disruption: the carrier's liability for the passenger's delay and
 * for each bag, up to the limits of the version in force on the flight date, and the time limits the
 * passenger must keep (written complaint, lost-bag presumption, action in court), tracked as deadlines.
 */
export function assessMontrealConvention(table: RuleTable<MontrealRules>, context: AssessmentContext): RegimeOutcome {
  const version = ruleInForce(table, context.flightDate);
  if (!version) {
    return new Ruling(PassengerRightsRegime.MONTREAL_CONVENTION, 'Montreal Convention 1999', null, context.now).outcome({
      applies: false,
      explanation: `No version of the Montreal Convention rule table is in force on ${context.flightDate}; the Convention entered into force on ${table[0]?.effectiveFrom ?? '(none)'}.`,
      legalBasis: 'Montreal Convention 1999, Art. 53',
    });
  }
  const rules = version.rules;
  const ruling = new Ruling(PassengerRightsRegime.MONTREAL_CONVENTION, rules.instrument, version.id, context.now);
  const scope = scopeOf(rules, context, ruling);
  if (!scope.applies) return ruling.outcome(scope);

  const arrival = context.facts.flight.actualArrival ?? context.facts.flight.scheduledArrival;
  const timeBar = actionTimeBar(rules, context, arrival);
  passengerDelay(rules, context, ruling, timeBar);
  (context.facts.baggage ?? []).forEach((bag, index) => baggage(rules, context, ruling, bag, index, arrival, timeBar));
  return ruling.outcome(scope);
}

function scopeOf(rules: MontrealRules, context: AssessmentContext, ruling: Ruling) {
  const { facts, origin, destination } = context;
  const from = sovereignState(origin.country);
  const to = sovereignState(destination.country);
  if (facts.montrealConventionApplies === false) {
    return { applies: false, explanation: 'The Montreal Convention does not govern this carriage, as the caller states.', legalBasis: ruling.cite(['1(2)']).legalBasis };
  }
  if (facts.montrealConventionApplies === true) {
    return { applies: true, explanation: 'The Montreal Convention governs this carriage, as the caller states.', legalBasis: ruling.cite(['1']).legalBasis };
  }
  const licence = facts.flight.carrierLicenceCountry;
  const carrierRule = licence ? rules.carriersOnAllFlights.find((r) => r.licensedIn.includes(licence)) : undefined;
  if (carrierRule) {
    return {
      applies: true,
      explanation: `The Montreal Convention's liability rules apply: the carrier is licensed in ${licence}, and applies them to all its carriage, domestic flights included (${carrierRule.article}).`,
      legalBasis: `${carrierRule.article}; ${ruling.cite(['17', '19', '22']).legalBasis}`,
    };
  }
  if (from !== to) {
    const outside = [from, to].filter((state) => !isMontrealConventionParty(state));
    if (outside.length) {
      return {
        applies: false,
        explanation: `Carriage from ${from} to ${to} is international carriage under the Convention only between two States Parties (Art. 1(2)), and ${outside.join(' and ')} ${
          outside.length > 1 ? 'are' : 'is'
        } not on the list of Parties (as of ${MONTREAL_CONVENTION_PARTIES_AS_OF}): another regime (the Warsaw Convention, national law) governs the carrier's liability. Set input.montrealConventionApplies to true if ${outside.length > 1 ? 'they have' : 'it has'} joined since.`,
        legalBasis: ruling.cite(['1(2)']).legalBasis,
      };
    }
    return {
      applies: true,
      explanation: `International carriage from ${from} to ${to}, both States Parties (Art. 1(2); list of Parties as of ${MONTREAL_CONVENTION_PARTIES_AS_OF}).`,
      legalBasis: ruling.cite(['1(2)']).legalBasis,
    };
  }
  return {
    applies: false,
    explanation: `Carriage within ${from} by a carrier not bound to apply the Convention to domestic flights: national law governs its liability.`,
    legalBasis: ruling.cite(['1(2)']).legalBasis,
  };
}

function actionTimeBar(rules: MontrealRules, context: AssessmentContext, arrival: Date): DeadlineSpec {
  const zone = context.destination.timeZone;
  return {
    kind: RightsDeadlineKind.ACTION_TIME_BAR,
    dueAt: endOfLocalDay(addYears(localDate(arrival, zone), rules.actionYears), zone),
    description: `An action for damages must be brought within ${rules.actionYears} years of the arrival at the destination (or of the date the aircraft ought to have arrived).`,
    article: `${rules.instrument}, Art. 35(1)`,
  };
}

/** Art. 19: damage occasioned by the delay of the passenger, up to the Art. 22(1) limit. */
function passengerDelay(rules: MontrealRules, context: AssessmentContext, ruling: Ruling, timeBar: DeadlineSpec): void {
  const delay = context.arrivalDelayMs;
  if (context.facts.kind === DisruptionKind.DOWNGRADE || delay === null || delay <= 0) return;
  ruling.grant({
    kind: EntitlementKind.DELAY_DAMAGES,
    measure: EntitlementMeasure.UP_TO_LIMIT,
    amount: { amount: rules.passengerDelayLimitSdr, currency: SDR },
    provisions: ['19', '22(1)'],
    explanation:
      `The passenger reached the destination ${duration(delay)} late: the carrier is liable for the damage the delay caused (expenses, lost earnings…) as the passenger proves it, ` +
      `up to ${rules.passengerDelayLimitSdr} SDR, unless it proves that it took all reasonable measures to avoid it or could not (Art. 19, 22(1)). ` +
      'Fixed compensation under EU261/UK261 is not such damages and is owed besides, though it may be deducted from further compensation.',
    deadlines: [timeBar],
  });
}

function baggage(rules: MontrealRules, context: AssessmentContext, ruling: Ruling, bag: BaggageFacts, index: number, arrival: Date, timeBar: DeadlineSpec): void {
  const zone = context.destination.timeZone;
  const label = bag.tag ? `Bag ${bag.tag}` : `Bag ${index + 1}`;
  const limit = { amount: rules.baggageLimitSdr, currency: SDR };
  const limitText = `up to ${rules.baggageLimitSdr} SDR per passenger for all checked baggage, unless a special declaration of interest was made (Art. 22(2))`;
  const windowEnd = (from: Date, days: number) => endOfLocalDay(addDays(localDate(from, zone), days), zone);
  const complaint = (from: Date, days: number, what: string): DeadlineSpec => ({
    kind: RightsDeadlineKind.CLAIM_WINDOW_ENDS,
    dueAt: windowEnd(from, days),
    description: `${label}: complain to the carrier in writing within ${days} days ${what}; without it no action lies, save fraud (Art. 31(2)–(4)).`,
    article: `${rules.instrument}, Art. 31(2)`,
  });

  switch (bag.kind) {
    case BaggageEventKind.DAMAGED:
    case BaggageEventKind.PILFERED: {
      const received = bag.receivedAt ?? arrival;
      const what = bag.kind === BaggageEventKind.DAMAGED ? 'damaged' : 'pilfered (contents missing, treated as damage)';
      ruling.grant({
        kind: EntitlementKind.BAGGAGE_DAMAGES,
        measure: EntitlementMeasure.UP_TO_LIMIT,
        amount: limit,
        provisions: ['17(2)', '22(2)', '31(2)'],
        explanation: `${label} was ${what}: the carrier is liable for the damage, ${limitText}.${bag.receivedAt ? '' : ' Received at the arrival of the flight, as no receipt time was given.'}`,
        deadlines: [complaint(received, rules.damageComplaintDays, `of receiving the bag (received ${localDateTime(received, zone)})`), timeBar],
      });
      return;
    }
    case BaggageEventKind.DELAYED: {
      const deadlines: DeadlineSpec[] = [];
      let state: string;
      if (bag.receivedAt) {
        deadlines.push(complaint(bag.receivedAt, rules.delayComplaintDays, `of the bag being placed at the passenger's disposal (${localDateTime(bag.receivedAt, zone)})`));
        state = `was delivered ${duration(bag.receivedAt.getTime() - arrival.getTime())} after the flight arrived`;
      } else {
        const presumed = windowEnd(arrival, rules.lostAfterDays);
        deadlines.push({
          kind: RightsDeadlineKind.BAG_PRESUMED_LOST,
          dueAt: presumed,
          description: `${label}: if it has not arrived ${rules.lostAfterDays} days after the day it ought to have, the passenger may claim it as lost (Art. 17(3)).`,
          article: `${rules.instrument}, Art. 17(3)`,
        });
        state = presumed.getTime() < context.now.getTime() ? `has still not arrived, more than ${rules.lostAfterDays} days on: it may now be claimed as lost (Art. 17(3))` : 'has not arrived yet';
      }
      ruling.grant({
        kind: EntitlementKind.BAGGAGE_DAMAGES,
        measure: EntitlementMeasure.UP_TO_LIMIT,
        amount: limit,
        provisions: ['19', '22(2)', ...(bag.receivedAt ? ['31(2)'] : ['17(3)'])],
        explanation: `${label} ${state}: the carrier is liable for the damage the delay caused (essentials bought meanwhile…), ${limitText}.`,
        deadlines: [...deadlines, timeBar],
      });
      return;
    }
    case BaggageEventKind.LOST:
      ruling.grant({
        kind: EntitlementKind.BAGGAGE_DAMAGES,
        measure: EntitlementMeasure.UP_TO_LIMIT,
        amount: limit,
        provisions: ['17(2)', '17(3)', '22(2)'],
        explanation: `${label} is lost: the carrier is liable for its loss, ${limitText}. The written-complaint periods of Art. 31 concern damage and delay; a loss must still be claimed within the time bar.`,
        deadlines: [timeBar],
      });
  }
}
