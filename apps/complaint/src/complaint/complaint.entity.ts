import type { CustomFieldValues } from '@carebridge/help-desk';
import { ConnectionType, PersonalText } from '@carebridge/service-kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { ComplaintStatus } from '../status/status.enums';
import { Urgency } from '../urgency/urgency.enums';
import { Attachment, ComplaintCategory, ContactChannel, InvolvedParty, RootCauseCategory } from './complaint.enums';
import { COMPLAINT_PEOPLE, COMPLAINT_TEXT } from '../access-log/personal-text';

const milliseconds = { to: (value: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/**
 * A complaint's file (T-3.1): registered as the customer told it, classified, assigned,
 * handled within its deadlines, resolved and closed. Never deleted: its history is in
 * `complaint_history`, and an erased customer's words are anonymised in place.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A customer complaint and its file.' })
@Entity('complaint')
export class Complaint {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Readable registration number, e.g. CMP-2026-000123.' })
  @Column({ name: 'registration_number' })
  registrationNumber: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => ID, { nullable: true, description: 'The inquiry this complaint was escalated from.' })
  @Column({ name: 'inquiry_id', type: 'uuid', nullable: true })
  inquiryId: string | null;

  @Field(() => ComplaintStatus)
  @Column({ type: 'enum', enum: ComplaintStatus, enumName: 'complaint_status', default: ComplaintStatus.REGISTERED })
  status: ComplaintStatus;

  @Field(() => ContactChannel)
  @Column({ type: 'enum', enum: ContactChannel, enumName: 'contact_channel' })
  channel: ContactChannel;

  @Field(() => ComplaintCategory)
  @Column({ type: 'enum', enum: ComplaintCategory, enumName: 'complaint_category' })
  category: ComplaintCategory;

  @Field(() => Urgency)
  @Column({ type: 'enum', enum: Urgency, enumName: 'urgency' })
  urgency: Urgency;

  @Field(() => RootCauseCategory, { nullable: true, description: 'Set in the analysis (T-3.2).' })
  @Column({ name: 'root_cause', type: 'enum', enum: RootCauseCategory, enumName: 'root_cause_category', nullable: true })
  rootCause: RootCauseCategory | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'root_cause_note', type: 'text', nullable: true })
  rootCauseNote: string | null;

  @PersonalText('Complaint.description', COMPLAINT_TEXT)
  @Field({ description: "The customer's own words (A-2.1)." })
  @Column({ type: 'text' })
  description: string;

  @Field(() => Date, { nullable: true, description: 'When the matter complained about happened (unknown for some escalated inquiries).' })
  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3, nullable: true })
  occurredAt: Date | null;

  @PersonalText('Complaint.location', COMPLAINT_TEXT)
  @Field(() => String, { nullable: true, description: 'Where it happened: airport, hotel, city.' })
  @Column({ type: 'text', nullable: true })
  location: string | null;

  @PersonalText('Complaint.peopleInvolved', COMPLAINT_PEOPLE)
  @Field(() => [InvolvedParty])
  @Column({ name: 'people_involved', type: 'jsonb', default: () => "'[]'" })
  peopleInvolved: InvolvedParty[];

  @Field(() => String, { nullable: true, description: 'Booking or ticket reference (PNR).' })
  @Column({ name: 'booking_reference', type: 'text', nullable: true })
  bookingReference: string | null;

  @Field(() => String, { nullable: true, description: 'The flight it concerns, upper case without spaces (e.g. LH721).' })
  @Column({ name: 'flight_number', type: 'text', nullable: true })
  flightNumber: string | null;

  @Field(() => [Attachment])
  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments: Attachment[];

  @Field(() => [String], { description: 'Tags, in lower case, each once (tagComplaint).' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  /** Values of the custom fields admins defined (custom-field/); shown through Complaint.customFields. */
  @Column({ name: 'custom_fields', type: 'jsonb', default: () => "'{}'" })
  customFields: CustomFieldValues;

  @Field({ description: 'User id of who registered the complaint.' })
  @Column({ name: 'registered_by' })
  registeredBy: string;

  @Field(() => String, { nullable: true, description: 'Name of who registered the complaint.' })
  @Column({ name: 'registered_by_name', type: 'text', nullable: true })
  registeredByName: string | null;

  @Field({ description: 'When the complaint was registered.' })
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @Field(() => Int, { description: 'Changes with every change; send it back as expectedVersion to refuse acting on a stale view.' })
  @VersionColumn()
  version: number;

  @Field(() => String, { nullable: true, description: 'User id of the responsible person (T-3.1).' })
  @Column({ name: 'assignee_id', type: 'text', nullable: true })
  assigneeId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'assignee_name', type: 'text', nullable: true })
  assigneeName: string | null;

  @Field(() => String, { nullable: true, description: 'The department responsible.' })
  @Column({ type: 'text', nullable: true })
  department: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'assigned_at', type: 'timestamptz', precision: 3, nullable: true })
  assignedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Set while the complaint waits on the customer; the feedback clock is paused meanwhile.' })
  @Column({ name: 'waiting_since', type: 'timestamptz', precision: 3, nullable: true })
  waitingSince: Date | null;

  /** Wall-clock time spent waiting on the customer, over all waits. */
  @Column({ name: 'paused_ms', type: 'bigint', default: 0, transformer: milliseconds })
  pausedMs: number;

  @Column({ name: 'feedback_started_at', type: 'timestamptz', precision: 3 })
  feedbackStartedAt: Date;

  /** Business time allowed for feedback, from the urgency's policy when the clock started. */
  @Column({ name: 'feedback_target_ms', type: 'bigint', transformer: milliseconds })
  feedbackTargetMs: number;

  /** Business time the feedback clock stood still (waits on the customer) in this round. */
  @Column({ name: 'feedback_paused_ms', type: 'bigint', default: 0, transformer: milliseconds })
  feedbackPausedMs: number;

  @Field({ description: 'When feedback to the customer is due (A-3.2.4); moves on by the time spent waiting on the customer.' })
  @Column({ name: 'feedback_due_at', type: 'timestamptz', precision: 3 })
  feedbackDueAt: Date;

  @Field(() => Date, { nullable: true, description: 'When feedback was first given in this round (since registration or the last reopening).' })
  @Column({ name: 'feedback_given_at', type: 'timestamptz', precision: 3, nullable: true })
  feedbackGivenAt: Date | null;

  @Column({ name: 'feedback_breached_at', type: 'timestamptz', precision: 3, nullable: true })
  feedbackBreachedAt: Date | null;

  @Column({ name: 'dot_acknowledgment_due_at', type: 'timestamptz', precision: 3, nullable: true })
  dotAcknowledgmentDueAt: Date | null;

  @Column({ name: 'dot_acknowledged_at', type: 'timestamptz', precision: 3, nullable: true })
  dotAcknowledgedAt: Date | null;

  @Column({ name: 'dot_acknowledgment_breached_at', type: 'timestamptz', precision: 3, nullable: true })
  dotAcknowledgmentBreachedAt: Date | null;

  @Column({ name: 'dot_response_due_at', type: 'timestamptz', precision: 3, nullable: true })
  dotResponseDueAt: Date | null;

  @Column({ name: 'dot_responded_at', type: 'timestamptz', precision: 3, nullable: true })
  dotRespondedAt: Date | null;

  @Column({ name: 'dot_response_breached_at', type: 'timestamptz', precision: 3, nullable: true })
  dotResponseBreachedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a missed deadline escalated the complaint to the supervisors.' })
  @Column({ name: 'escalated_at', type: 'timestamptz', precision: 3, nullable: true })
  escalatedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The role the complaint was escalated to.' })
  @Column({ name: 'escalated_to_role', type: 'text', nullable: true })
  escalatedToRole: string | null;

  @PersonalText('Complaint.resolutionExplanation', COMPLAINT_TEXT)
  @Field(() => String, { nullable: true, description: 'The explanation given to the customer with the resolution plan (T-1.5, T-3.3).' })
  @Column({ name: 'resolution_explanation', type: 'text', nullable: true })
  resolutionExplanation: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'resolved_at', type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'resolved_by', type: 'text', nullable: true })
  resolvedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  @Field(() => Int, { description: 'How often the complaint was reopened.' })
  @Column({ name: 'reopened_count', type: 'integer', default: 0 })
  reopenedCount: number;

  @Field(() => ID, { nullable: true, description: 'The complaint this duplicate was merged into (it is then CLOSED).' })
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @Field(() => Date, { nullable: true, description: "When the customer's personal data in this complaint was anonymised (erasure)." })
  @Column({ name: 'anonymised_at', type: 'timestamptz', precision: 3, nullable: true })
  anonymisedAt: Date | null;
}

/** A page of complaints (Relay connection). */
export const ComplaintConnection = ConnectionType(Complaint);

/** Registration numbers run per year without gaps: the counter row is locked in the registering transaction. */
@Entity('complaint_number_counter')
export class ComplaintNumberCounter {
  @Column({ primary: true, type: 'integer' })
  year: number;

  @Column({ name: 'last_number', type: 'integer' })
  lastNumber: number;
}
