import { type AirPassengerRules, EU261_RULES, UK261_RULES } from './air-passenger-rights.rules';
import { MONTREAL_RULES, type MontrealRules } from './montreal-convention.rules';
import { checkRuleTable, type RuleTable } from './rule-table';
import { US_DOT_RULES, type UsDotRules } from './us-dot.rules';

/** Every rule table the engine reads. Tests pass their own to show that a new version is picked up. */
export interface PassengerRightsRules {
  eu261: RuleTable<AirPassengerRules>;
  uk261: RuleTable<AirPassengerRules>;
  montreal: RuleTable<MontrealRules>;
  usDot: RuleTable<UsDotRules>;
}

export const PASSENGER_RIGHTS_RULES: PassengerRightsRules = { eu261: EU261_RULES, uk261: UK261_RULES, montreal: MONTREAL_RULES, usDot: US_DOT_RULES };

for (const [name, table] of Object.entries(PASSENGER_RIGHTS_RULES)) checkRuleTable(name, table as RuleTable<unknown>);
