import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { StaffRole } from './staff.enums';

/**
 * A member of the help desk's staff as training knows them: their user id (as in the sign-in token),
 * their role and team. The platform publishes no staff events, so admins, trainers and supervisors
 * register staff here (registerStaffMember): it says who must take which mandatory course and which
 * KPI standards an agent is evaluated against.
 */
@ObjectType('StaffMember', { description: 'A member of staff on training’s roster: role and team decide mandatory courses and KPI standards.' })
@Entity('staff_member')
export class StaffMember {
  /** Training's own id: the subject of the personal-data access log for this person's evaluations. */
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'The user id of the sign-in token.' })
  @Column({ name: 'user_id', type: 'text', unique: true })
  userId: string;

  @Field()
  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Field(() => String, { description: 'Their role: agent, complaint_specialist, supervisor, crm_manager, after_sales, trainer or analyst.' })
  @Column({ type: 'text' })
  role: StaffRole;

  @Field(() => String, { nullable: true, description: 'Their team, e.g. "hotline-shanghai".' })
  @Column({ type: 'text', nullable: true })
  team: string | null;

  @Field(() => String, { nullable: true, description: 'The user id of their supervisor, who signs off their evaluations.' })
  @Column({ name: 'supervisor_user_id', type: 'text', nullable: true })
  supervisorUserId: string | null;

  @Field({ description: 'False once they left (or were erased): no longer due for training or evaluated.' })
  @Column({ type: 'boolean' })
  active: boolean;

  @Field({ description: 'When they joined the roster: mandatory courses are due counted from then.' })
  @Column({ name: 'registered_at', type: 'timestamptz', precision: 3 })
  registeredAt: Date;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'erased_at', type: 'timestamptz', precision: 3, nullable: true })
  erasedAt: Date | null;
}
