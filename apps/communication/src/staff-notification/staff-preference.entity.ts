import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A staff member's choice to be told by e-mail too, with their roles as they last signed in (for notifications to a role). */
@ObjectType('StaffNotificationPreferences', { description: 'Whether a staff member is told by e-mail too, and in which language.' })
@Entity('staff_preference')
export class StaffPreference {
  @PrimaryColumn({ name: 'user_id', type: 'text' })
  userId: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Field()
  @Column({ name: 'email_enabled', type: 'boolean', default: false })
  emailEnabled: boolean;

  @Field()
  @Column({ type: 'text', default: 'en' })
  locale: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: string[];

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
