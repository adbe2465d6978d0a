import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OverdueReason } from './compliance.enums';

/** That a person became overdue on a mandatory course by a due date: recorded once, with its training.overdue event. */
@Entity('training_overdue')
@Index('training_overdue_key', ['staffUserId', 'courseId', 'dueAt'], { unique: true })
export class TrainingOverdue {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'staff_user_id', type: 'text' })
  staffUserId: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ name: 'due_at', type: 'timestamptz', precision: 3 })
  dueAt: Date;

  @Column({ type: 'text' })
  reason: OverdueReason;

  @Column({ name: 'detected_at', type: 'timestamptz', precision: 3 })
  detectedAt: Date;
}
