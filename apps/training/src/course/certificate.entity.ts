import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CertificateStatus } from './course.enums';

/** A course completed: the certificate, its expiry, and when recertification falls due before it. */
@ObjectType('TrainingCertificate', { description: 'A certificate of a completed course, with its expiry and recertification date.' })
@Entity('training_certificate')
@Index('training_certificate_current_key', ['courseId', 'staffUserId'], { unique: true, where: `status <> 'RENEWED'` })
export class Certificate {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Field()
  @Column({ name: 'staff_user_id', type: 'text' })
  staffUserId: string;

  @Field(() => CertificateStatus)
  @Column({ type: 'text' })
  status: CertificateStatus;

  @Field()
  @Column({ name: 'issued_at', type: 'timestamptz', precision: 3 })
  issuedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3, nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'From when the holder is to recertify.' })
  @Column({ name: 'recertification_due_at', type: 'timestamptz', precision: 3, nullable: true })
  recertificationDueAt: Date | null;

  @Field(() => Float, { nullable: true, description: 'The best quiz score that completed it.' })
  @Column({ name: 'quiz_score', type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  quizScore: number | null;

  @Field(() => ID, { nullable: true, description: 'The certificate this one renewed.' })
  @Column({ name: 'renews_certificate_id', type: 'uuid', nullable: true })
  renewsCertificateId: string | null;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
