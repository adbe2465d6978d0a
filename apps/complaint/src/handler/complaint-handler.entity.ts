import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A complaint specialist who takes complaints: the roster automatic assignment picks from. */
@ObjectType('ComplaintHandler')
@Entity('complaint_handler')
export class ComplaintHandler {
  @Field({ description: 'The user id, as in the sign-in token.' })
  @PrimaryColumn({ name: 'user_id' })
  userId: string;

  @Field()
  @Column()
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  department: string | null;

  @Field({ description: 'Takes new complaints (automatic assignment skips inactive handlers).' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'last_assigned_at', type: 'timestamptz', precision: 3, nullable: true })
  lastAssignedAt: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
