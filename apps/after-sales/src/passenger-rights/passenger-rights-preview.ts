import type { Clock } from '@carebridge/service-kit';
import { type AirportDirectory, ShippedAirports } from '../airport/airport-directory';
import type { DisruptionFacts } from './disruption-facts';
import { assessPassengerRights } from './passenger-rights-assessment';
import type { PassengerRightsAssessment } from './passenger-rights.enums';
import { PASSENGER_RIGHTS_RULES, type PassengerRightsRules } from './passenger-rights.rules';

/**
 * What a passenger would be owed for the facts an agent enters, now: the pure engine with the
 * service's clock, the shipped airports and rule tables. Nothing is stored or announced.
 */
export class PassengerRightsPreview {
  constructor(
    private readonly clock: Clock,
    private readonly airports: AirportDirectory = new ShippedAirports(),
    private readonly rules: PassengerRightsRules = PASSENGER_RIGHTS_RULES,
  ) {}

  assess(facts: DisruptionFacts): PassengerRightsAssessment {
    return assessPassengerRights(facts, { now: this.clock.now(), airports: this.airports, rules: this.rules });
  }
}
