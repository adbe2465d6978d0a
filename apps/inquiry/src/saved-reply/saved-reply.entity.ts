import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A saved reply (macro) kept by a team, e.g. "Baggage tracing started". */
@ObjectType({ description: 'A saved reply of a team, with placeholders {{customerName}}, {{bookingReference}}, {{agentName}}.' })
@Entity('saved_reply')
@Index('saved_reply_team_title_idx', ['team', 'title', 'id'])
export class SavedReply {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column()
  team: string;

  @Field()
  @Column()
  title: string;

  @Field()
  @Column({ type: 'text' })
  body: string;

  @Field()
  @Column({ name: 'created_by' })
  createdBy: string;

  @Field(() => Date, { nullable: true, description: 'Archived replies are kept for the messages that used them but not offered.' })
  @Column({ name: 'archived_at', type: 'timestamptz', precision: 3, nullable: true })
  archivedAt: Date | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
