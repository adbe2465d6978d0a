import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A notification in staff's in-app inbox: to one user (an assignee) or to everyone with a role (a
 * supervisor's approval). Once per event, kind and recipient.
 */
@ObjectType('StaffNotification', { description: 'A notification in the staff inbox: an assignment, an approval waiting, a deadline breached, a task.' })
@Entity('staff_notification')
@Index('staff_notification_once_per_event', ['causeEventId', 'kind', 'recipient'], { unique: true })
export class StaffNotification {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'What it is about: COMPLAINT_ASSIGNED, COMPENSATION_APPROVAL_WAITING, COMPLAINT_SLA_BREACHED, INQUIRY_SLA_BREACHED, SERVICE_RECOVERY_TASK, PARTNER_TASK_OVERDUE.' })
  @Column({ type: 'text' })
  kind: string;

  /** `user:<id>` or `role:<role>`. */
  @Column({ type: 'text' })
  recipient: string;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field()
  @Column({ type: 'text' })
  body: string;

  @Field({ description: 'The kind of record it is about: Complaint, Inquiry, ServiceRecoveryTask, …' })
  @Column({ name: 'subject_type', type: 'text' })
  subjectType: string;

  @Field(() => ID)
  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ name: 'cause_event_id', type: 'uuid' })
  causeEventId: string;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  /** When the caller read it (each reader's own mark, from staff_notification_read). */
  @Field(() => Date, { nullable: true, description: 'When you read it; null while unread.' })
  readAt?: Date | null;
}
