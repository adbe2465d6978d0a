import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EntitlementKind, EntitlementMeasure, PassengerRightsRegime, RightsDeadlineKind } from '../../passenger-rights/passenger-rights.enums';

const decimal = { to: (value: string | null) => value, from: (value: string | null) => value };

/**
 * What the passenger is owed for an incident, as the passenger-rights engine computed it: one row
 * per entitlement, with the rule version and the article that gives it. A new computation
 * supersedes the previous one (`supersededAt`); nothing is deleted.
 */
@ObjectType('IncidentEntitlement', { description: 'An entitlement the passenger-rights engine computed for an incident, with its rule and article.' })
@Entity('incident_entitlement')
@Index('incident_entitlement_incident_idx', ['incidentId', 'computedAt'])
export class IncidentEntitlement {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId: string;

  @Field(() => ID, { description: 'The computation it came from (the id of entitlement.computed).' })
  @Column({ name: 'computation_id', type: 'uuid' })
  computationId: string;

  @Field(() => PassengerRightsRegime)
  @Column({ type: 'text' })
  regime: PassengerRightsRegime;

  @Field(() => EntitlementKind)
  @Column({ type: 'text' })
  kind: EntitlementKind;

  @Field(() => EntitlementMeasure)
  @Column({ type: 'text' })
  measure: EntitlementMeasure;

  @Field(() => String, { nullable: true, description: 'Decimal amount, e.g. "250.00".' })
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: decimal })
  amount: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code (XDR for SDR).' })
  @Column({ type: 'text', nullable: true })
  currency: string | null;

  @Field(() => Number, { nullable: true })
  @Column({ name: 'share_percent', type: 'integer', nullable: true })
  sharePercent: number | null;

  @Field({ description: 'The instrument and articles, e.g. "Regulation (EC) No 261/2004, Art. 5(1)(c) and 7(1)(a)".' })
  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis: string;

  @Field(() => [String])
  @Column({ type: 'text', array: true })
  articles: string[];

  @Field({ description: 'Why it is owed, in words the passenger can read.' })
  @Column({ type: 'text' })
  explanation: string;

  @Field({ description: 'The version of the rule table it was computed with.' })
  @Column({ name: 'rule_version', type: 'text' })
  ruleVersion: string;

  @Field()
  @Column({ name: 'computed_at', type: 'timestamptz', precision: 3 })
  computedAt: Date;

  @Field(() => Date, { nullable: true, description: 'Set when a later computation replaced it.' })
  @Column({ name: 'superseded_at', type: 'timestamptz', precision: 3, nullable: true })
  supersededAt: Date | null;
}

/** A deadline on the incident that follows from its entitlements: the Montreal claim windows, refund due dates. */
@ObjectType('IncidentDeadline', { description: 'A deadline on the incident from its entitlements (Montreal claim windows, refunds due).' })
@Entity('incident_deadline')
export class IncidentDeadline {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId: string;

  @Column({ name: 'computation_id', type: 'uuid' })
  computationId: string;

  @Field(() => PassengerRightsRegime)
  @Column({ type: 'text' })
  regime: PassengerRightsRegime;

  @Field(() => RightsDeadlineKind)
  @Column({ type: 'text' })
  kind: RightsDeadlineKind;

  @Field(() => EntitlementKind)
  @Column({ type: 'text' })
  entitlement: EntitlementKind;

  @Field(() => Date, { nullable: true, description: 'Null while it has not started (a claim window from receipt of a bag still missing).' })
  @Column({ name: 'due_at', type: 'timestamptz', precision: 3, nullable: true })
  dueAt: Date | null;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Field()
  @Column({ type: 'text' })
  article: string;

  @Column({ name: 'superseded_at', type: 'timestamptz', precision: 3, nullable: true })
  supersededAt: Date | null;
}

/** The full assessment of one computation (regimes found, rights not granted and why), kept as computed. */
@Entity('incident_entitlement_computation')
export class IncidentEntitlementComputation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId: string;

  @Column({ name: 'computed_by', type: 'text' })
  computedBy: string;

  @Column({ name: 'computed_at', type: 'timestamptz', precision: 3 })
  computedAt: Date;

  @Column({ type: 'jsonb' })
  assessment: Record<string, unknown>;
}
