import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { StaffRole } from '../staff/staff.enums';
import { EvaluationPeriodKind, Kpi } from './evaluation.enums';

/** A KPI standard of a role (T-5.4): the target, its weight in the evaluation, and the period it is measured over. */
@ObjectType('KpiStandard', { description: 'A KPI standard of a role: target, weight and period.' })
@Entity('kpi_standard')
@Index('kpi_standard_key', ['role', 'kpi', 'periodKind'], { unique: true })
export class KpiStandard {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  role: StaffRole;

  @Field(() => Kpi)
  @Column({ type: 'text' })
  kpi: Kpi;

  @Field(() => Float, { description: 'In the KPI’s unit: a rate 0–1, CSAT 1–5, seconds, or a QA score 0–100.' })
  @Column({ type: 'double precision' })
  target: number;

  @Field(() => Int, { description: 'Its weight among the role’s standards of the period.' })
  @Column({ type: 'integer' })
  weight: number;

  @Field(() => EvaluationPeriodKind)
  @Column({ name: 'period_kind', type: 'text' })
  periodKind: EvaluationPeriodKind;

  @Field()
  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
