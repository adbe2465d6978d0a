import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { StaffRole } from '../staff/staff.enums';
import { CompletionRule } from './course.enums';

@ObjectType('CourseModule', { description: 'A module of a course, with the knowledge articles it teaches from.' })
export class CourseModule {
  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  summary: string | null;

  @Field(() => [ID], { description: 'Knowledge articles the module links to, by id.' })
  articleIds: string[];
}

@ObjectType('QuizQuestion', { description: 'A single-choice question of a course’s quiz.' })
export class QuizQuestion {
  @Field()
  prompt: string;

  @Field(() => [String])
  options: string[];

  /** The index of the right option (shown to trainers only, by the resolver). */
  correctOption: number;
}

/** A course (T-5.1, A-5.2): what it teaches, for whom it is mandatory, what completes it and how long its certificate lasts. */
@Directive('@key(fields: "id")')
@ObjectType('Course', { description: 'A training course: modules, completion criteria and certificate.' })
@Entity('course')
export class Course {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => [CourseModule])
  @Column({ type: 'jsonb' })
  modules: CourseModule[];

  @Field(() => [String], { description: 'The staff roles for which the course is mandatory.' })
  @Column({ name: 'mandatory_for_roles', type: 'text', array: true })
  mandatoryForRoles: StaffRole[];

  /** Since when it is mandatory for each of its roles (ISO time by role): a role added later gets the full time from then. */
  @Column({ name: 'mandatory_since', type: 'jsonb' })
  mandatorySince: Record<string, string>;

  @Field(() => Int, { description: 'Days a member of staff has to complete a mandatory course, from joining the roster or from when it became mandatory for their role, whichever is later.' })
  @Column({ name: 'completion_due_days', type: 'integer' })
  completionDueDays: number;

  @Field(() => CompletionRule)
  @Column({ name: 'completion_rule', type: 'text' })
  completionRule: CompletionRule;

  @Field(() => Int, { nullable: true, description: 'The quiz score (0–100) that passes, when the rule needs the quiz.' })
  @Column({ name: 'quiz_pass_mark', type: 'integer', nullable: true })
  quizPassMark: number | null;

  @Column({ type: 'jsonb' })
  quiz: QuizQuestion[];

  @Field(() => Int, { nullable: true, description: 'How many quiz attempts a person has per certification; none means unlimited.' })
  @Column({ name: 'max_quiz_attempts', type: 'integer', nullable: true })
  maxQuizAttempts: number | null;

  @Field(() => Int, { nullable: true, description: 'How long a certificate is valid, in days; none means it never expires.' })
  @Column({ name: 'certificate_validity_days', type: 'integer', nullable: true })
  certificateValidityDays: number | null;

  @Field(() => Int, { description: 'Recertification is due this many days before the certificate expires.' })
  @Column({ name: 'recertification_notice_days', type: 'integer' })
  recertificationNoticeDays: number;

  @Field({ description: 'The user id of the trainer who created it.' })
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @Field(() => Int)
  @VersionColumn()
  version: number;
}
