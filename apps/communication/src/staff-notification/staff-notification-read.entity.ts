import { Column, Entity, PrimaryColumn } from 'typeorm';

/** That one user read one notification (a notification to a role is read by each of its users alone). */
@Entity('staff_notification_read')
export class StaffNotificationRead {
  @PrimaryColumn({ name: 'notification_id', type: 'uuid' })
  notificationId: string;

  @PrimaryColumn({ name: 'user_id', type: 'text' })
  userId: string;

  @Column({ name: 'read_at', type: 'timestamptz', precision: 3 })
  readAt: Date;
}
