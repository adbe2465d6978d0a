import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EnrolmentStatus, SessionMode, SessionStatus } from './training-session.enums';

/** A date on which a course is taught: trainer, capacity, online or in a room. */
@ObjectType('TrainingSession', { description: 'A session of a course: when, who teaches, how many seats, online or in a room.' })
@Entity('training_session')
@Index('training_session_course_idx', ['courseId', 'startsAt'])
export class TrainingSession {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Field()
  @Column({ name: 'starts_at', type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Field()
  @Column({ name: 'ends_at', type: 'timestamptz', precision: 3 })
  endsAt: Date;

  @Field({ description: 'The user id of the trainer who teaches it.' })
  @Column({ name: 'trainer_user_id', type: 'text' })
  trainerUserId: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  capacity: number;

  @Field(() => SessionMode)
  @Column({ type: 'text' })
  mode: SessionMode;

  @Field({ description: 'The room, or the meeting link of an online session.' })
  @Column({ type: 'text' })
  location: string;

  @Field(() => SessionStatus)
  @Column({ type: 'text' })
  status: SessionStatus;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** A person's place on a session, or on its waiting list. */
@ObjectType('SessionEnrolment', { description: 'A place on a training session, or on its waiting list.' })
@Entity('session_enrolment')
@Index('session_enrolment_person_key', ['sessionId', 'staffUserId'], { unique: true })
export class SessionEnrolment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Field()
  @Column({ name: 'staff_user_id', type: 'text' })
  staffUserId: string;

  @Field(() => EnrolmentStatus)
  @Column({ type: 'text' })
  status: EnrolmentStatus;

  /** When they asked for the place: the waiting list is promoted in this order. */
  @Field()
  @Column({ name: 'requested_at', type: 'timestamptz', precision: 3 })
  requestedAt: Date;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
