/**
 * A versioned rule table: every amount and threshold a regime uses, one version per change of the
 * law, each with the date it took effect. The engine applies the version in force on the flight
 * date, so a change of law is a new version appended here, never an edit of code or of an older
 * version (older flights are still judged by the rules of their day).
 */
export interface RuleVersion<T> {
  /** Stable id quoted with every entitlement, e.g. `EU261/2021-01`. */
  id: string;
  /** First day (ISO date, inclusive) the version applies to flights. */
  effectiveFrom: string;
  /** The instrument or publication that made the change. */
  source: string;
  rules: T;
}

export type RuleTable<T> = readonly RuleVersion<T>[];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The version in force on `date` (ISO date): the latest that took effect on or before it; undefined before the first. */
export function ruleInForce<T>(table: RuleTable<T>, date: string): RuleVersion<T> | undefined {
  let found: RuleVersion<T> | undefined;
  for (const version of table) {
    if (version.effectiveFrom <= date && (!found || version.effectiveFrom > found.effectiveFrom)) found = version;
  }
  return found;
}

/** Refuses a table that could pick a version ambiguously: bad dates, two versions on one day, a reused id. */
export function checkRuleTable<T>(name: string, table: RuleTable<T>): void {
  const days = new Set<string>();
  const ids = new Set<string>();
  for (const version of table) {
    if (!ISO_DATE.test(version.effectiveFrom)) throw new Error(`${name} ${version.id}: effectiveFrom must be an ISO date, got ${version.effectiveFrom}`);
    if (days.has(version.effectiveFrom)) throw new Error(`${name}: two versions take effect on ${version.effectiveFrom}`);
    if (ids.has(version.id)) throw new Error(`${name}: version id ${version.id} is used twice`);
    days.add(version.effectiveFrom);
    ids.add(version.id);
  }
}
