import { Arg, Authorized, Int, Query, Resolver } from 'type-graphql';
import type { FigureQueries } from './figure-queries';
import { CaseMetric, type CaseMetricValue, Dimension, type DimensionValue, PeriodKind, type PeriodKindValue, SlaTarget, type SlaTargetValue } from './figures.enums';
import { DimensionFilterInput, PeriodSelection } from './figures.inputs';
import { AnalyticsCasePage, FigureSeries, FigureTable } from './figures.types';

/** Who reads figures: analysts, and the supervisors who manage the department (admin passes every check). */
export const FIGURE_READERS = ['analyst', 'supervisor'] as const;

@Resolver()
export class FiguresResolver {
  constructor(private readonly queries: FigureQueries) {}

  @Authorized(...FIGURE_READERS)
  @Query(() => FigureTable, { description: 'Every metric of one period in one answer, in total and broken down by up to three dimensions; no personal data.' })
  figures(
    @Arg('period', () => PeriodSelection) period: PeriodSelection,
    @Arg('breakdowns', () => [Dimension], { nullable: true }) breakdowns?: DimensionValue[],
    @Arg('filters', () => [DimensionFilterInput], { nullable: true }) filters?: DimensionFilterInput[],
  ) {
    return this.queries.table(period, breakdowns ?? [], filters ?? []);
  }

  @Authorized(...FIGURE_READERS)
  @Query(() => FigureSeries, { description: 'Every metric as a series of periods from..to, each beside the period before it and the same period a year earlier.' })
  figureSeries(
    @Arg('kind', () => PeriodKind) kind: PeriodKindValue,
    @Arg('from', { description: 'A local day in the first period.' }) from: string,
    @Arg('to', { description: 'A local day in the last period.' }) to: string,
    @Arg('filters', () => [DimensionFilterInput], { nullable: true }) filters?: DimensionFilterInput[],
  ) {
    return this.queries.series(kind, from, to, filters ?? []);
  }

  @Authorized(...FIGURE_READERS)
  @Query(() => AnalyticsCasePage, { description: 'The cases behind a figure (drill-down), oldest first: ids the inquiry and complaint services resolve.' })
  figureCases(
    @Arg('metric', () => CaseMetric) metric: CaseMetricValue,
    @Arg('period', () => PeriodSelection) period: PeriodSelection,
    @Arg('sla', () => SlaTarget, { nullable: true, description: 'The target, for SLA_ACHIEVED and SLA_BREACHED.' }) sla?: SlaTargetValue,
    @Arg('filters', () => [DimensionFilterInput], { nullable: true }) filters?: DimensionFilterInput[],
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 500 (default 100).' }) first?: number,
    @Arg('offset', () => Int, { nullable: true }) offset?: number,
  ) {
    return this.queries.cases(metric, period, { sla, filters: filters ?? [], first, offset });
  }
}

