import { IsDate, IsIn, IsInt, IsNumber, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { STAFF_ROLES, type StaffRole } from '../staff/staff.enums';
import { EvaluationPeriodKind, Kpi } from './evaluation.enums';

@InputType({ description: 'A KPI standard of a role; setting one again for the same role, KPI and period replaces it.' })
export class SetKpiStandardInput {
  @Field(() => String)
  @IsIn(STAFF_ROLES, { message: `must be one of ${STAFF_ROLES.join(', ')}` })
  role: StaffRole;

  @Field(() => Kpi)
  @IsIn(Object.values(Kpi))
  kpi: Kpi;

  @Field(() => Float, { description: 'In the KPI’s unit: a rate 0–1, CSAT 1–5, seconds, or a QA score 0–100.' })
  @IsNumber()
  target: number;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'must be 1 to 100' })
  @Max(100, { message: 'must be 1 to 100' })
  weight: number;

  @Field(() => EvaluationPeriodKind, { defaultValue: EvaluationPeriodKind.MONTH })
  @IsIn(Object.values(EvaluationPeriodKind))
  periodKind: EvaluationPeriodKind;
}

@InputType({ description: 'An agent’s period, as analytics closed it.' })
export class EvaluationPeriodInput {
  @Field()
  @Length(1, 200)
  agentUserId: string;

  @Field(() => EvaluationPeriodKind, { defaultValue: EvaluationPeriodKind.MONTH })
  @IsIn(Object.values(EvaluationPeriodKind))
  periodKind: EvaluationPeriodKind;

  @Field()
  @IsDate({ message: 'must be a date and time' })
  periodStart: Date;
}

@InputType()
export class EvaluationFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  agentUserId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  team?: string | null;

  @Field(() => EvaluationPeriodKind, { nullable: true })
  @IsOptional()
  periodKind?: EvaluationPeriodKind | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  periodStart?: Date | null;

  @Field({ nullable: true, description: 'Only those flagged for recognition.' })
  @IsOptional()
  excellent?: boolean;
}
