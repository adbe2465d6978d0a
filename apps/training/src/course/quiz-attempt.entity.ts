import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One attempt at a course's quiz, scored when submitted. */
@ObjectType('QuizAttempt', { description: 'An attempt at a course’s quiz and its score.' })
@Entity('quiz_attempt')
@Index('quiz_attempt_person_idx', ['staffUserId', 'courseId', 'attemptedAt'])
export class QuizAttempt {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Field()
  @Column({ name: 'staff_user_id', type: 'text' })
  staffUserId: string;

  @Field(() => [Int], { description: 'The option chosen for each question, by index.' })
  @Column({ type: 'integer', array: true })
  answers: number[];

  @Field(() => Float, { description: 'Share of questions answered right, 0–100.' })
  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  score: number;

  @Field()
  @Column({ type: 'boolean' })
  passed: boolean;

  @Field(() => Int, { description: 'Its number among the attempts since the last certificate.' })
  @Column({ name: 'attempt_number', type: 'integer' })
  attemptNumber: number;

  @Field()
  @Column({ name: 'attempted_at', type: 'timestamptz', precision: 3 })
  attemptedAt: Date;
}
