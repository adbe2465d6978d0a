import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { PartnerKind } from '../incident.enums';

export enum PartnerTaskStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(PartnerTaskStatus, { name: 'PartnerTaskStatus' });

/**
 * A coordination task of an incident: what a department or partner (hotel, ground handler, courier,
 * insurer) is asked to do, who owns the follow-up and by when. The partner's answer is recorded on it.
 */
@ObjectType('PartnerTask', { description: 'A task of an incident for a department or partner, with its owner, due time and the partner’s answer.' })
@Entity('partner_task')
@Index('partner_task_open_due_idx', ['dueAt'], { where: `status = 'OPEN'` })
export class PartnerTask {
  @Field(() => ID, { description: 'The partner task.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The incident it is for.' })
  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId: string;

  @Field(() => PartnerKind, { description: 'Which kind of partner is asked: a hotel, a ground handler, a courier, an insurer, an airline…' })
  @Column({ name: 'partner_kind', type: 'enum', enum: PartnerKind, enumName: 'partner_kind' })
  partnerKind: PartnerKind;

  @Field({ description: 'The partner or department, e.g. the hotel’s name or "Ground handling PVG".' })
  @Column({ name: 'partner_name', type: 'text' })
  partnerName: string;

  @Field({ description: 'The staff member who follows the task up.' })
  @Column({ name: 'owner_id', type: 'text' })
  ownerId: string;

  /** What is asked: staff's words, may name the passenger. */
  @Column({ type: 'text' })
  request: string;

  @Field({ description: 'When the partner is to answer.' })
  @Column({ name: 'due_at', type: 'timestamptz', precision: 3 })
  dueAt: Date;

  @Field(() => PartnerTaskStatus, { description: 'Open, answered or cancelled.' })
  @Column({ type: 'text' })
  status: PartnerTaskStatus;

  /** The partner's answer: personal data. */
  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Field(() => Date, { nullable: true, description: 'When the partner answered.' })
  @Column({ name: 'answered_at', type: 'timestamptz', precision: 3, nullable: true })
  answeredAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who recorded the answer.' })
  @Column({ name: 'answered_by', type: 'text', nullable: true })
  answeredBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When the task was found overdue (announced once).' })
  @Column({ name: 'overdue_at', type: 'timestamptz', precision: 3, nullable: true })
  overdueAt: Date | null;

  @Field({ description: 'User id of who asked the partner.' })
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field({ description: 'When the partner was asked.' })
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
