import type { Airport } from '../airport/airport-directory';
import type { DisruptionFacts } from './disruption-facts';
import {
  type ConsideredRight,
  type Entitlement,
  type EntitlementKind,
  type EntitlementMeasure,
  type Money,
  type NotGrantedReason,
  type PassengerRightsRegime,
  type RegimeFinding,
  type RightsDeadline,
  type RightsDeadlineKind,
} from './passenger-rights.enums';

/** What every regime's rules read: the facts, "now", and what the engine derived from them once. */
export interface AssessmentContext {
  facts: DisruptionFacts;
  now: Date;
  origin: Airport;
  destination: Airport;
  distanceKm: number;
  /** The scheduled departure's date at the origin: picks the rule versions. */
  flightDate: string;
  /** "LH 1234 FRA–MAD", for explanations. */
  flightLabel: string;
  departureDelayMs: number | null;
  arrivalDelayMs: number | null;
  fare: { cents: number; currency: string } | null;
}

/** What one regime found: whether it applies, what it grants and what it considered and refused. */
export interface RegimeOutcome {
  finding: RegimeFinding;
  entitlements: Entitlement[];
  notGranted: ConsideredRight[];
}

/** A provision of an instrument and the case law read with it, cited in full and in one line. */
export interface Citation {
  legalBasis: string;
  articles: string[];
}

/** `cite('Regulation (EC) No 261/2004', ['5(1)(c)', '7(1)(a)'])` → "…, Art. 5(1)(c) and 7(1)(a)". */
export function cite(instrument: string, provisions: readonly string[], caseLaw: readonly string[] = [], prefix = 'Art.'): Citation {
  const list = provisions.length > 1 ? `${provisions.slice(0, -1).join(', ')} and ${provisions[provisions.length - 1]}` : (provisions[0] ?? '');
  // "Regulation (EC) No 261/2004, Art. 7(1)(a)" but "14 CFR § 260.6".
  const main = provisions.length ? `${instrument}${prefix === '§' ? ' ' : ', '}${prefix} ${list}` : instrument;
  return {
    legalBasis: [main, ...caseLaw].join('; '),
    articles: [...provisions.map((p) => `${instrument}${prefix === '§' ? ' ' : ', '}${prefix} ${p}`), ...caseLaw],
  };
}

export interface DeadlineSpec {
  kind: RightsDeadlineKind;
  dueAt: Date | null;
  description: string;
  article: string;
}

export interface Grant {
  kind: EntitlementKind;
  measure: EntitlementMeasure;
  amount?: Money | null;
  fullAmount?: Money | null;
  sharePercent?: number | null;
  provisions: readonly string[];
  caseLaw?: readonly string[];
  explanation: string;
  deadlines?: readonly DeadlineSpec[];
}

export interface Refusal {
  kind: EntitlementKind;
  reason: NotGrantedReason;
  provisions: readonly string[];
  caseLaw?: readonly string[];
  explanation: string;
}

/** One regime's decision on one disruption, built up right by right, citing its instrument. */
export class Ruling {
  readonly entitlements: Entitlement[] = [];
  readonly notGranted: ConsideredRight[] = [];

  constructor(
    readonly regime: PassengerRightsRegime,
    readonly instrument: string,
    readonly ruleVersion: string | null,
    private readonly now: Date,
    private readonly prefix = 'Art.',
  ) {}

  cite(provisions: readonly string[], caseLaw: readonly string[] = []): Citation {
    return cite(this.instrument, provisions, caseLaw, this.prefix);
  }

  grant(grant: Grant): void {
    const citation = this.cite(grant.provisions, grant.caseLaw);
    this.entitlements.push({
      regime: this.regime,
      kind: grant.kind,
      measure: grant.measure,
      amount: grant.amount ?? null,
      fullAmount: grant.fullAmount ?? null,
      sharePercent: grant.sharePercent ?? null,
      ...citation,
      explanation: grant.explanation,
      deadlines: (grant.deadlines ?? []).map((spec) => this.deadline(grant.kind, spec)),
      ruleVersion: this.ruleVersion ?? '',
    });
  }

  refuse(refusal: Refusal): void {
    this.notGranted.push({
      regime: this.regime,
      kind: refusal.kind,
      reason: refusal.reason,
      ...this.cite(refusal.provisions, refusal.caseLaw),
      explanation: refusal.explanation,
      ruleVersion: this.ruleVersion,
    });
  }

  outcome(finding: Omit<RegimeFinding, 'regime' | 'ruleVersion'>): RegimeOutcome {
    return { finding: { regime: this.regime, ruleVersion: this.ruleVersion, ...finding }, entitlements: this.entitlements, notGranted: this.notGranted };
  }

  private deadline(entitlement: EntitlementKind, spec: DeadlineSpec): RightsDeadline {
    return {
      regime: this.regime,
      entitlement,
      kind: spec.kind,
      dueAt: spec.dueAt,
      passed: spec.dueAt !== null && spec.dueAt.getTime() < this.now.getTime(),
      description: spec.description,
      article: spec.article,
    };
  }
}

/** "3 h 30 min", "45 min", "2 days 4 h". */
export function duration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days ? `${days} day${days > 1 ? 's' : ''}` : '', hours ? `${hours} h` : '', rest || (!days && !hours) ? `${rest} min` : ''];
  return parts.filter(Boolean).join(' ');
}

export function amountText(value: Money): string {
  return `${value.currency} ${value.amount}`;
}

export function kilometres(distanceKm: number): string {
  return `${Math.round(distanceKm).toLocaleString('en-GB')} km`;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
