import { ConnectionType } from '@carebridge/service-kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { IncidentAction, IncidentCategory, type IncidentPartner, IncidentSeverity, IncidentStatus, IncidentType, ReportChannel } from './incident.enums';

/** The facts of a flight disruption as staff recorded them (what the passenger-rights engine reads besides the segment). */
export interface DisruptionRecord {
  actualDeparture?: string | null;
  actualArrival?: string | null;
  /** The actual times are the carrier's estimates. */
  timesEstimated?: boolean | null;
  cause?: string | null;
  causeDetail?: string | null;
  noticeGivenAt?: string | null;
  rerouting?: { departure: string; arrival: string } | null;
  extraordinaryCircumstances?: string | null;
  deniedBoardingVoluntary?: boolean | null;
  diversionAirport?: string | null;
  fare?: { amount: string; currency: string } | null;
  bagFees?: { amount: string; currency: string } | null;
  paymentMethod?: string | null;
  carrierLicenceCountry?: string | null;
}

/**
 * An in-trip incident case (T-1.4, T-4.3): what went wrong on the way, on which trip and segment,
 * with the partners involved. Its steps follow incident-lifecycle.ts; what happened to it is told
 * by its append-only timeline.
 */
@Directive('@key(fields: "id")')
@ObjectType('Incident', { description: 'An in-trip incident case: a flight disruption, a baggage irregularity, an accommodation problem or an emergency.' })
@Entity('incident')
export class Incident {
  @Field(() => ID, { description: 'The incident.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'INC-2026-000123: numbered per calendar year.' })
  @Index('incident_number_key', { unique: true })
  @Column({ type: 'text' })
  number: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => ID, { nullable: true, description: 'The trip it happened on.' })
  @Column({ name: 'trip_id', type: 'uuid', nullable: true })
  tripId: string | null;

  @Field(() => ID, { nullable: true, description: 'The segment of the trip it concerns (a flight, a hotel stay…).' })
  @Column({ name: 'segment_id', type: 'uuid', nullable: true })
  segmentId: string | null;

  @Field(() => IncidentType, { description: 'What went wrong.' })
  @Column({ type: 'enum', enum: IncidentType, enumName: 'incident_type' })
  type: IncidentType;

  @Field(() => IncidentCategory, { description: 'The area of the trip it concerns.' })
  @Column({ type: 'enum', enum: IncidentCategory, enumName: 'incident_category' })
  category: IncidentCategory;

  @Field(() => IncidentSeverity, { description: 'How badly it affects the passenger.' })
  @Column({ type: 'enum', enum: IncidentSeverity, enumName: 'incident_severity' })
  severity: IncidentSeverity;

  @Field(() => IncidentStatus, { description: 'Open, in progress, resolved or closed.' })
  @Column({ type: 'enum', enum: IncidentStatus, enumName: 'incident_status' })
  status: IncidentStatus;

  @Field(() => ReportChannel, { description: 'How the incident reached us.' })
  @Column({ name: 'reported_via', type: 'text' })
  reportedVia: ReportChannel;

  /** What happened, in the words of the passenger or staff: personal data, masked for trainers and analysts. */
  @Column({ type: 'text' })
  description: string;

  /** Where it happened (an airport, a hotel, a city). */
  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Field(() => Date, { nullable: true, description: 'When it happened, if known.' })
  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3, nullable: true })
  occurredAt: Date | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  partners: IncidentPartner[];

  /** The disruption's facts as last recorded (computeIncidentEntitlements). */
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The disruption facts last used to compute the entitlements.' })
  @Column({ name: 'disruption', type: 'jsonb', nullable: true })
  disruption: DisruptionRecord | null;

  @Column({ name: 'emergency_article_id', type: 'text', nullable: true })
  emergencyArticleId: string | null;

  @Field({ description: 'User id of who opened it.' })
  @Column({ name: 'opened_by', type: 'text' })
  openedBy: string;

  @Field({ description: 'When it was opened.' })
  @Column({ name: 'opened_at', type: 'timestamptz', precision: 3 })
  openedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was resolved.' })
  @Column({ name: 'resolved_at', type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt: Date | null;

  /** How it was resolved, in staff's words. */
  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was closed.' })
  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a complaint was raised for it (the complaint service registers it).' })
  @Column({ name: 'complaint_raised_at', type: 'timestamptz', precision: 3, nullable: true })
  complaintRaisedAt: Date | null;

  @Field({ description: 'When the incident last changed.' })
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @Field(() => Int, { description: 'Increases with every change of the incident.' })
  @VersionColumn()
  version: number;

  @Field(() => Date, { nullable: true, description: 'When its personal data was anonymised (erasure).' })
  @Column({ name: 'anonymised_at', type: 'timestamptz', precision: 3, nullable: true })
  anonymisedAt: Date | null;
}

export const IncidentConnection = ConnectionType(Incident);

/** One entry of an incident's timeline: append-only (the table refuses deletes; only erasure rewrites a note). */
@ObjectType('IncidentTimelineEntry', { description: 'A step of an incident, who took it and when.' })
@Entity('incident_timeline_entry')
@Index('incident_timeline_entry_incident_idx', ['incidentId', 'seq'])
export class IncidentTimelineEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The order entries were written in (entries of one step share its time). */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId: string;

  @Field(() => IncidentAction)
  @Column({ type: 'text' })
  action: IncidentAction;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  at: Date;

  @Field()
  @Column({ name: 'actor_id', type: 'text' })
  actorId: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName: string | null;

  /** Words of staff or a partner: personal data. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => GraphQLJSONObject, { description: 'What changed: classifications, ids and times, never words.' })
  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: Record<string, unknown>;
}
