import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One closing of a complaint with the customer's satisfaction; a reopened complaint keeps its earlier closings. */
@ObjectType('ComplaintClosure')
@Entity('complaint_closure')
export class ComplaintClosure {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @Field()
  @Column({ name: 'closed_by' })
  closedBy: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'closed_by_name', type: 'text', nullable: true })
  closedByName: string | null;

  @Field()
  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3 })
  closedAt: Date;

  @Field(() => Int, { nullable: true, description: '1 (very unsatisfied) to 5 (very satisfied).' })
  @Column({ name: 'satisfaction_score', type: 'smallint', nullable: true })
  satisfactionScore: number | null;

  @Field(() => String, { nullable: true, description: "The customer's words about the outcome." })
  @Column({ name: 'satisfaction_comment', type: 'text', nullable: true })
  satisfactionComment: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was closed without asking, e.g. the customer could not be reached.' })
  @Column({ name: 'without_satisfaction_reason', type: 'text', nullable: true })
  withoutSatisfactionReason: string | null;
}
