import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An agent as the inquiry service knows them: availability, capacity and team, for assignment. */
@ObjectType({ description: 'An agent who takes inquiries.' })
@Entity('inquiry_agent')
export class InquiryAgent {
  @Field(() => ID, { description: 'The user id.' })
  @PrimaryColumn({ name: 'agent_id' })
  agentId: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Field({ description: 'The team whose saved replies the agent uses.' })
  @Column()
  team: string;

  @Field({ description: 'Whether automatic assignment gives the agent new inquiries.' })
  @Column()
  available: boolean;

  @Field(() => Int, { description: 'How many open inquiries the agent holds at most through automatic assignment.' })
  @Column({ type: 'integer' })
  capacity: number;

  /** Round robin: the available agent assigned longest ago goes next. */
  @Field(() => Date, { nullable: true })
  @Column({ name: 'last_assigned_at', type: 'timestamptz', precision: 3, nullable: true })
  lastAssignedAt: Date | null;
}
