import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import { CustomerCaseDeadlineKind, CustomerCaseKind, CustomerCaseStatus, CustomerCaseStepKind } from './case-view.enums';

/**
 * One case as its customer sees it (A-2.3): built only from other services' events, holding only
 * what the customer may read — kind, reference, status, deadline and the public steps. The source
 * services keep the words, notes and people; nothing here is a copy of their tables.
 */
@ObjectType('CustomerCase', { description: 'One of the customer’s cases as they may see it: status, deadline and the public timeline.' })
@Entity('case_view')
export class CaseView {
  @Field(() => ID, { description: 'The id of the inquiry, complaint, incident, baggage file, document or survey in its own service.' })
  @PrimaryColumn('uuid')
  id: string;

  @Field(() => CustomerCaseKind)
  @Column({ type: 'text' })
  kind: CustomerCaseKind;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => String, { nullable: true, description: 'What the customer knows it by: a complaint’s registration number, a baggage file’s reference, a document’s number.' })
  @Column({ type: 'text', nullable: true })
  reference: string | null;

  @Field(() => String, { nullable: true, description: 'Its classification in the source service (an inquiry’s category, an incident type, a document type).' })
  @Column({ type: 'text', nullable: true })
  category: string | null;

  @Field(() => CustomerCaseStatus)
  @Column({ type: 'text' })
  status: CustomerCaseStatus;

  @Field(() => CustomerCaseDeadlineKind, { nullable: true, description: 'The next thing promised to the customer; null when nothing is pending.' })
  @Column({ name: 'deadline_kind', type: 'text', nullable: true })
  deadlineKind: CustomerCaseDeadlineKind | null;

  @Field(() => Date, { nullable: true, description: 'By when it is promised.' })
  @Column({ name: 'deadline_at', type: 'timestamptz', precision: 3, nullable: true })
  deadlineAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The case this one came from: the inquiry a complaint was escalated from, the incident of a baggage file.' })
  @Column({ name: 'related_case_id', type: 'uuid', nullable: true })
  relatedCaseId: string | null;

  @Field()
  @Column({ name: 'opened_at', type: 'timestamptz', precision: 3 })
  openedAt: Date;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @OneToMany(() => CaseViewStep, (step) => step.customerCase)
  steps?: CaseViewStep[];
}

/** One public step of a case: a status change or something the customer was sent. */
@ObjectType('CustomerCaseStep', { description: 'A step of a case the customer may see. Internal notes, internal deadlines and hand-overs between staff are never steps.' })
@Entity('case_view_step')
export class CaseViewStep {
  /** The id of the event it was learned from: one fact, one step. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => CaseView, (customerCase) => customerCase.steps, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  customerCase?: CaseView;

  @Field(() => CustomerCaseStepKind)
  @Column({ type: 'text' })
  kind: CustomerCaseStepKind;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  at: Date;

  @Field(() => String, { nullable: true, description: 'A value of the step from a closed list: a courier’s status, how a document was sent, a compensation’s kinds.' })
  @Column({ type: 'text', nullable: true })
  detail: string | null;

  /** The staff member who took the step (their user id); shown only where the company's policy shows staff to customers. */
  @Column({ name: 'staff_id', type: 'text', nullable: true })
  staffId: string | null;
}
