import { IsIn, IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Dimension, type DimensionValue, PERIOD_KINDS, PeriodKind, type PeriodKindValue } from './figures.enums';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType('PeriodSelection', { description: 'A period: `kind` with any `date` inside it (this month: MONTH and today), or a free range `from`..`to` (local days, both included).' })
export class PeriodSelection {
  @Field(() => PeriodKind, { nullable: true })
  @IsOptional()
  @IsIn(PERIOD_KINDS, { message: 'must be DAY, WEEK or MONTH' })
  kind?: PeriodKindValue;

  @Field({ nullable: true, description: 'A local day (YYYY-MM-DD) inside the period; with kind.' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date like 2026-12-01' })
  date?: string;

  @Field({ nullable: true, description: 'First local day of a range (YYYY-MM-DD); with to.' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date like 2026-12-01' })
  from?: string;

  @Field({ nullable: true, description: 'Last local day of a range (YYYY-MM-DD), included; with from.' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date like 2026-12-31' })
  to?: string;
}

@InputType('DimensionFilterInput', { description: 'Keep only the cases with this value of a dimension (null: those without it).' })
export class DimensionFilterInput {
  @Field(() => Dimension)
  dimension: DimensionValue;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  value: string | null;
}
