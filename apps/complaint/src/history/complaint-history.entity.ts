import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ComplaintStatus } from '../complaint/complaint.entity';

export enum ComplaintAction {
  REGISTERED = 'REGISTERED',
  ESCALATED_FROM_INQUIRY = 'ESCALATED_FROM_INQUIRY',
  CLASSIFIED = 'CLASSIFIED',
  ASSIGNED = 'ASSIGNED',
  REASSIGNED = 'REASSIGNED',
  WORK_STARTED = 'WORK_STARTED',
  WAITING_ON_CUSTOMER = 'WAITING_ON_CUSTOMER',
  WAIT_ENDED = 'WAIT_ENDED',
  FEEDBACK_GIVEN = 'FEEDBACK_GIVEN',
  RESOLUTION_PLANNED = 'RESOLUTION_PLANNED',
  COMPENSATION_APPROVED = 'COMPENSATION_APPROVED',
  COMPENSATION_REJECTED = 'COMPENSATION_REJECTED',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
  REOPENED = 'REOPENED',
  DEADLINE_BREACHED = 'DEADLINE_BREACHED',
  ESCALATED = 'ESCALATED',
  CUSTOMER_MERGED = 'CUSTOMER_MERGED',
  ANONYMISED = 'ANONYMISED',
}

registerEnumType(ComplaintAction, { name: 'ComplaintAction', description: 'What was done to a complaint.' });

/** What changed in one field: values as text (JSON for anything but text). */
@ObjectType('ComplaintFieldChange')
export class FieldChange {
  @Field()
  field: string;

  @Field(() => String, { nullable: true })
  from: string | null;

  @Field(() => String, { nullable: true })
  to: string | null;
}

export type Changes = Record<string, { from?: unknown; to?: unknown }>;

/**
 * One line of a complaint's timeline (A-4, T-3.4): who did what, when, and which fields changed.
 * Append-only (a trigger refuses UPDATE and DELETE). It holds no customer's words, so an erasure
 * never has to rewrite it.
 */
@ObjectType('ComplaintHistoryEntry', { description: 'One action on a complaint.' })
@Entity('complaint_history')
export class ComplaintHistoryEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  at: Date;

  @Field({ description: 'User id, or "system" for the deadline monitor and events from other services.' })
  @Column({ name: 'actor_id' })
  actorId: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName: string | null;

  @Field(() => ComplaintAction)
  @Column({ type: 'enum', enum: ComplaintAction, enumName: 'complaint_action' })
  action: ComplaintAction;

  @Field(() => ComplaintStatus, { nullable: true })
  @Column({ name: 'from_status', type: 'enum', enum: ComplaintStatus, enumName: 'complaint_status', nullable: true })
  fromStatus: ComplaintStatus | null;

  @Field(() => ComplaintStatus, { nullable: true })
  @Column({ name: 'to_status', type: 'enum', enum: ComplaintStatus, enumName: 'complaint_status', nullable: true })
  toStatus: ComplaintStatus | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: Changes;

  @Field(() => String, { nullable: true, description: 'The reason given, where the action needs one.' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => [FieldChange], { name: 'changes', description: 'Which fields changed, from what to what.' })
  get fieldChanges(): FieldChange[] {
    return Object.entries(this.changes ?? {}).map(([field, change]) => ({ field, from: asText(change.from), to: asText(change.to) }));
  }
}

function asText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
