import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ComplaintReference } from '../references/complaint.reference';
import { InquiryReference } from '../references/inquiry.reference';
import { CaseKind, type CaseKindValue, Dimension, type DimensionValue, PeriodKind, type PeriodKindValue, SlaTarget, type SlaTargetValue } from './figures.enums';
import { METRIC_DEFINITIONS as D } from './metric-definitions';

@ObjectType('DurationFigure', { description: 'A distribution of durations in seconds: how many, median and 90th percentile (nearest rank), mean.' })
export class DurationFigure {
  @Field(() => Int)
  count: number;
  @Field(() => Float, { nullable: true })
  p50: number | null;
  @Field(() => Float, { nullable: true })
  p90: number | null;
  @Field(() => Float, { nullable: true })
  mean: number | null;
}

@ObjectType('SlaFigure', { description: D.sla })
export class SlaFigure {
  @Field(() => SlaTarget)
  target: SlaTargetValue;
  @Field(() => Int)
  achieved: number;
  @Field(() => Int)
  breached: number;
  @Field(() => Float, { nullable: true, description: 'achieved / (achieved + breached); null when neither.' })
  rate: number | null;
}

@ObjectType('CsatFigure', { description: D.csat })
export class CsatFigure {
  @Field(() => Int)
  answered: number;
  @Field(() => Int)
  satisfied: number;
  @Field(() => Float, { nullable: true })
  rate: number | null;
  @Field(() => Float, { nullable: true })
  averageScore: number | null;
}

@ObjectType('NpsFigure', { description: D.nps })
export class NpsFigure {
  @Field(() => Int)
  answered: number;
  @Field(() => Int)
  promoters: number;
  @Field(() => Int)
  passives: number;
  @Field(() => Int)
  detractors: number;
  @Field(() => Float, { nullable: true, description: '-100 to 100; null without answers.' })
  score: number | null;
}

@ObjectType('QaFigure', { description: D.qa })
export class QaFigure {
  @Field(() => Int)
  reviews: number;
  @Field(() => Float, { nullable: true })
  averageScore: number | null;
  @Field(() => Int)
  autoFailed: number;
}

@ObjectType('TrainingFigure', { description: D.training })
export class TrainingFigure {
  @Field(() => Int, { description: 'Course completions in the period, by completedAt.' })
  completions: number;
  @Field(() => Int, { description: 'Completions that renewed a certificate.' })
  recertifications: number;
  @Field(() => Float, { nullable: true, description: 'Average quiz score (0 to 100) of the completions with a quiz.' })
  averageQuizScore: number | null;
  @Field(() => Int, { description: 'overdueNeverCompleted + overdueCertificateExpired.' })
  overdue: number;
  @Field(() => Int, { description: 'Mandatory courses found overdue in the period (by detectedAt) that the staff member never completed.' })
  overdueNeverCompleted: number;
  @Field(() => Int, { description: 'Mandatory courses found overdue in the period (by detectedAt) because their certificate expired.' })
  overdueCertificateExpired: number;
}

@ObjectType('CompensationFigure', { description: D.compensation })
export class CompensationFigure {
  @Field({ description: 'REFUND, VOUCHER, LOYALTY_POINTS, MILES or SERVICE_GESTURE.' })
  kind: string;
  @Field(() => String, { nullable: true, description: 'ISO 4217, for money.' })
  currency: string | null;
  @Field(() => Int)
  items: number;
  @Field(() => String, { nullable: true, description: 'Sum of the amounts, a decimal string with two decimals.' })
  amount: string | null;
  @Field(() => Float, { nullable: true, description: 'Sum of points or miles.' })
  quantity: number | null;
}

@ObjectType('RootCauseFigure', { description: D.rootCauses })
export class RootCauseFigure {
  @Field(() => String, { nullable: true, description: 'null: resolved without a root cause.' })
  rootCause: string | null;
  @Field(() => Int)
  complaints: number;
  @Field(() => Float)
  share: number;
  @Field(() => Float)
  cumulativeShare: number;
}

@ObjectType('FigureSet', { description: 'Every metric of one period (and breakdown value); each field says how it is defined.' })
export class FigureSet {
  @Field(() => Int, { description: D.inquiryVolume })
  inquiryVolume: number;
  @Field(() => Int, { description: D.complaintVolume })
  complaintVolume: number;
  @Field(() => Int, { description: D.complaintsResolved })
  complaintsResolved: number;
  @Field(() => Int, { description: D.complaintsDue })
  complaintsDue: number;
  @Field(() => Float, { nullable: true, description: D.resolutionRate })
  resolutionRate: number | null;
  @Field(() => DurationFigure, { description: D.firstResponseSeconds })
  firstResponseSeconds: DurationFigure;
  @Field(() => DurationFigure, { description: D.firstResponseBusinessSeconds })
  firstResponseBusinessSeconds: DurationFigure;
  @Field(() => DurationFigure, { description: D.inquiryResolutionSeconds })
  inquiryResolutionSeconds: DurationFigure;
  @Field(() => DurationFigure, { description: D.complaintResolutionSeconds })
  complaintResolutionSeconds: DurationFigure;
  @Field(() => DurationFigure, { description: D.handlingSeconds })
  handlingSeconds: DurationFigure;
  @Field(() => [SlaFigure], { description: D.sla })
  sla: SlaFigure[];
  @Field(() => CsatFigure, { description: D.csat })
  csat: CsatFigure;
  @Field(() => NpsFigure, { description: D.nps })
  nps: NpsFigure;
  @Field(() => CsatFigure, { description: D.tripCsat })
  tripCsat: CsatFigure;
  @Field(() => QaFigure, { description: D.qa })
  qa: QaFigure;
  @Field(() => TrainingFigure, { description: D.training })
  training: TrainingFigure;
  @Field(() => Int, { description: D.reopened })
  reopened: number;
  @Field(() => Float, { nullable: true, description: D.reopenRate })
  reopenRate: number | null;
  @Field(() => Int, { description: D.oneTouchResolved })
  oneTouchResolved: number;
  @Field(() => Float, { nullable: true, description: D.oneTouchResolutionRate })
  oneTouchResolutionRate: number | null;
  @Field(() => Int, { description: D.escalated })
  escalated: number;
  @Field(() => Float, { nullable: true, description: D.escalationRate })
  escalationRate: number | null;
  @Field(() => [CompensationFigure], { description: D.compensation })
  compensation: CompensationFigure[];
  @Field(() => [RootCauseFigure], { description: D.rootCauses })
  rootCauses: RootCauseFigure[];
}

@ObjectType('AnalyticsPeriod', { description: "A period of the company's calendar: local days from..to (both included) and the instants it spans." })
export class AnalyticsPeriod {
  @Field(() => PeriodKind, { nullable: true, description: 'null for a free date range.' })
  kind: PeriodKindValue | null;
  @Field({ description: 'First local day (YYYY-MM-DD).' })
  from: string;
  @Field({ description: 'Last local day (YYYY-MM-DD), included.' })
  to: string;
  @Field({ description: 'The instant the period begins.' })
  start: Date;
  @Field({ description: 'The first instant after the period.' })
  end: Date;
}

@ObjectType('BreakdownValue')
export class BreakdownValue {
  @Field(() => Dimension)
  dimension: DimensionValue;
  @Field(() => String, { nullable: true, description: 'null: the cases that do not carry this dimension.' })
  value: string | null;
}

@ObjectType('FigureBreakdownRow', { description: 'The figures of one combination of breakdown values.' })
export class FigureBreakdownRow {
  @Field(() => [BreakdownValue])
  values: BreakdownValue[];
  @Field(() => FigureSet)
  figures: FigureSet;
}

@ObjectType('FigureTable', { description: 'The figures of a period: in total, and per combination of the breakdown values asked for.' })
export class FigureTable {
  @Field(() => AnalyticsPeriod)
  period: AnalyticsPeriod;
  @Field({ description: 'The IANA time zone the periods are local to.' })
  timeZone: string;
  @Field(() => FigureSet)
  figures: FigureSet;
  @Field(() => [FigureBreakdownRow])
  breakdown: FigureBreakdownRow[];
}

@ObjectType('FigureSeriesPoint', { description: 'One period of a series, with the period before it and the same period a year before.' })
export class FigureSeriesPoint {
  @Field(() => AnalyticsPeriod)
  period: AnalyticsPeriod;
  @Field(() => FigureSet)
  figures: FigureSet;
  @Field(() => AnalyticsPeriod)
  previousPeriod: AnalyticsPeriod;
  @Field(() => FigureSet)
  previous: FigureSet;
  @Field(() => AnalyticsPeriod)
  sameLastYearPeriod: AnalyticsPeriod;
  @Field(() => FigureSet)
  sameLastYear: FigureSet;
}

@ObjectType('FigureSeries')
export class FigureSeries {
  @Field(() => PeriodKind)
  kind: PeriodKindValue;
  @Field()
  timeZone: string;
  @Field(() => [FigureSeriesPoint])
  points: FigureSeriesPoint[];
}

@ObjectType('AnalyticsCase', { description: 'A case behind a figure, by id: the inquiry or complaint service resolves it through the graph.' })
export class AnalyticsCase {
  @Field(() => CaseKind)
  kind: CaseKindValue;
  @Field(() => ID)
  caseId: string;
  @Field(() => String, { nullable: true, description: "A complaint's registration number." })
  reference: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was received or registered.' })
  openedAt: Date | null;
  @Field(() => ComplaintReference, { nullable: true })
  complaint: ComplaintReference | null;
  @Field(() => InquiryReference, { nullable: true })
  inquiry: InquiryReference | null;
}

@ObjectType('AnalyticsCasePage')
export class AnalyticsCasePage {
  @Field(() => Int, { description: 'How many cases the figure counts.' })
  total: number;
  @Field(() => [AnalyticsCase])
  cases: AnalyticsCase[];
}
