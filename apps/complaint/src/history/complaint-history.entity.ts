import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ComplaintStatus } from '../status/status.enums';
import { type Changes, ComplaintAction, FieldChange } from './complaint-history.enums';

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
