import { ConnectionType } from '@carebridge/service-kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { type ComponentRating, SurveyComponent } from '../follow-up/follow-up.enums';
import { ServiceRecoveryReason, ServiceRecoveryStatus } from './service-recovery.enums';

/**
 * The inner loop of post-trip follow-up (T-4.1): a detractor answer or a poorly rated component
 * opens a task for after-sales, due within the target; it is resolved, or becomes a complaint with
 * one action (escalateServiceRecovery) carrying the customer's words, kept here for that.
 */
@ObjectType('ServiceRecoveryTask', { description: 'A task to win back a dissatisfied customer after a trip, due within the target.' })
@Entity('service_recovery_task')
export class ServiceRecoveryTask {
  @Field(() => ID, { description: 'The service-recovery task.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The follow-up survey whose answers opened it.' })
  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId: string;

  @Field(() => ID, { description: 'The trip the survey was about.' })
  @Column({ name: 'trip_id', type: 'uuid' })
  tripId: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ name: 'booking_reference', type: 'text', nullable: true })
  bookingReference: string | null;

  @Field(() => ServiceRecoveryStatus, { description: 'Open, escalated to a complaint, or resolved.' })
  @Column({ type: 'enum', enum: ServiceRecoveryStatus, enumName: 'service_recovery_status' })
  status: ServiceRecoveryStatus;

  @Field(() => [ServiceRecoveryReason], { description: 'Why the answers called for recovery.' })
  @Column({ type: 'text', array: true })
  reasons: ServiceRecoveryReason[];

  @Field(() => Int, { description: 'The net promoter score the customer gave, 0 to 10.' })
  @Column({ type: 'integer' })
  nps: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  ratings: ComponentRating[];

  @Field(() => [SurveyComponent], { description: 'The components rated at or below the threshold.' })
  @Column({ name: 'low_components', type: 'text', array: true })
  lowComponents: SurveyComponent[];

  /** The customer's "why" and comment, as they wrote them (shown by a field resolver). */
  @Column({ name: 'customer_words', type: 'text', nullable: true })
  customerWords: string | null;

  @Column({ name: 'trip_ended_at', type: 'timestamptz', precision: 3 })
  tripEndedAt: Date;

  @Field({ description: 'The team the task is assigned to: after_sales.' })
  @Column({ name: 'assigned_team', type: 'text' })
  assignedTeam: string;

  @Field(() => String, { nullable: true, description: 'User id of who is to call the customer.' })
  @Column({ name: 'assignee_id', type: 'text', nullable: true })
  assigneeId: string | null;

  @Field()
  @Column({ name: 'opened_at', type: 'timestamptz', precision: 3 })
  openedAt: Date;

  @Field({ description: 'The target: AFTER_SALES_SERVICE_RECOVERY_TARGET_HOURS after it opened.' })
  @Column({ name: 'due_at', type: 'timestamptz', precision: 3 })
  dueAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it became a complaint.' })
  @Column({ name: 'escalated_at', type: 'timestamptz', precision: 3, nullable: true })
  escalatedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'User id of who escalated it.' })
  @Column({ name: 'escalated_by', type: 'text', nullable: true })
  escalatedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was resolved.' })
  @Column({ name: 'resolved_at', type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'User id of who resolved it.' })
  @Column({ name: 'resolved_by', type: 'text', nullable: true })
  resolvedBy: string | null;

  /** Staff's note on how it was resolved (may repeat the customer's words). */
  @Field(() => String, { nullable: true, description: 'How it was resolved.' })
  @Column({ name: 'resolution_note', type: 'text', nullable: true })
  resolutionNote: string | null;

  @Field({ description: 'When the task last changed.' })
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @VersionColumn()
  version: number;

  @Column({ name: 'anonymised_at', type: 'timestamptz', precision: 3, nullable: true })
  anonymisedAt: Date | null;
}

export const ServiceRecoveryTaskConnection = ConnectionType(ServiceRecoveryTask);
