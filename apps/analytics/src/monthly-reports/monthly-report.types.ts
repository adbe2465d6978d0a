import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AnalyticsPeriod } from '../figures/figures.types';
import { SlaTarget, type SlaTargetValue } from '../figures/figures.enums';

@ObjectType('ReportComparedFigure', { description: 'A value of the report month beside the month before and the same month a year earlier (null: nothing to measure).' })
export class ReportComparedFigure {
  @Field({ description: 'headline: inquiryVolume, complaintVolume, complaintsResolved, resolutionRate, firstResponseP50Seconds, firstResponseP90Seconds, complaintResolutionP50Seconds, csatRate, npsScore, reopenRate, oneTouchResolutionRate, escalationRate; satisfaction: csatRate, csatAverageScore, csatAnswered, npsScore, npsAnswered, tripCsatRate, tripCsatAverageScore; a category or root cause in the trend tables ("" for none).' })
  name: string;
  @Field(() => Float, { nullable: true, description: 'The value in the report month (rates 0 to 1, durations in seconds); null when there was nothing to measure.' })
  value: number | null;
  @Field(() => Float, { nullable: true, description: 'The same value in the month before; null when there was nothing to measure.' })
  previous: number | null;
  @Field(() => Float, { nullable: true, description: 'The same value in the same month a year earlier; null when there was nothing to measure.' })
  sameLastYear: number | null;
}

@ObjectType('ReportSlaRow', { description: "A row of the report's SLA table (the definitions of `sla` in FigureSet)." })
export class ReportSlaRow {
  @Field(() => SlaTarget, { description: 'The SLA target this row counts.' })
  target: SlaTargetValue;
  @Field(() => Int, { description: 'Cases that met the target in the report month.' })
  achieved: number;
  @Field(() => Int, { description: 'Cases that breached the target in the report month.' })
  breached: number;
  @Field(() => Float, { nullable: true, description: 'achieved / (achieved + breached) in the report month (0 to 1); null when neither.' })
  rate: number | null;
  @Field(() => Float, { nullable: true, description: 'The rate in the month before (0 to 1); null when that month had neither.' })
  previousRate: number | null;
  @Field(() => Float, { nullable: true, description: 'The rate in the same month a year earlier (0 to 1); null when that month had neither.' })
  sameLastYearRate: number | null;
}

@ObjectType('ReportDay', { description: 'One day of the report month, as its control charts show it.' })
export class ReportDay {
  @Field({ description: "The local day (YYYY-MM-DD) in the report's time zone." })
  date: string;
  @Field(() => Int, { description: 'Inquiries received that day.' })
  inquiryVolume: number;
  @Field(() => Int, { description: 'Complaints registered that day.' })
  complaintVolume: number;
  @Field(() => Int, { description: 'SLA breaches that day, over all targets.' })
  slaBreaches: number;
  @Field(() => Float, { nullable: true, description: 'The 90th percentile of first-response times that day, in seconds; null when nothing was answered.' })
  firstResponseP90Seconds: number | null;
}

@ObjectType('ReportFinding', {
  description:
    'A finding of an explainable rule. kind: BEYOND_3_SIGMA, TWO_OF_THREE_BEYOND_2_SIGMA, RUN_OF_8 (control charts of a daily series against the 91 days before the month), TREND_SHIFT (the weekly-decomposed trend 15% or more from that of the last 28 days of the baseline; key: the busiest weekday), LARGEST_CONTRIBUTOR (a category making most of the change in complaints), SLA_DECLINE, SATISFACTION_DECLINE (more than 5 points down on the month before), BREACH_HOURS (4 consecutive local hours holding at least half of a channel\'s SLA breaches and half again their share of its cases; key: the channel; value: the share of breaches; previous: the share of cases; observed: breaches in those hours, all breaches, first hour, hour after), PROCEDURE_RATED_LOW (a procedure rated 2.5 or lower on average by agents, at least 5 ratings; key: the article; value: the average; observed: ratings, ratings of 1 or 2, with a comment).',
})
export class ReportFinding {
  @Field(() => ID, { description: 'F1, F2, … within the version.' })
  id: string;
  @Field({ description: 'The rule that found it: BEYOND_3_SIGMA, TWO_OF_THREE_BEYOND_2_SIGMA, RUN_OF_8, TREND_SHIFT, LARGEST_CONTRIBUTOR, SLA_DECLINE, SATISFACTION_DECLINE, BREACH_HOURS or PROCEDURE_RATED_LOW.' })
  kind: string;
  @Field({ description: 'The daily series (inquiryVolume, complaintVolume, slaBreaches, firstResponseP90Seconds) or the metric.' })
  subject: string;
  @Field({ description: 'UP or DOWN.' })
  direction: string;
  @Field(() => [String], { description: 'The days of a control-chart signal, oldest first.' })
  dates: string[];
  @Field(() => [Float], { description: 'The values of those days (SLA_DECLINE: the breaches; TREND_SHIFT: how far the busiest weekday runs above the week).' })
  observed: number[];
  @Field(() => Float, { nullable: true, description: "The control chart's centre line: the baseline's daily mean." })
  mean: number | null;
  @Field(() => Float, { nullable: true, description: "The baseline's standard deviation." })
  sigma: number | null;
  @Field(() => String, { nullable: true, description: 'The category, SLA target or measure concerned; the busiest weekday for TREND_SHIFT.' })
  key: string | null;
  @Field(() => Float, { nullable: true, description: 'The level in the report month (TREND_SHIFT, LARGEST_CONTRIBUTOR, SLA_DECLINE, SATISFACTION_DECLINE); null for control-chart findings.' })
  value: number | null;
  @Field(() => Float, { nullable: true, description: 'The level it is compared with (the baseline or the month before); null for control-chart findings.' })
  previous: number | null;
  @Field(() => Float, { nullable: true, description: 'Of the month’s change in complaints, the share this category makes (0 to 1).' })
  shareOfChange: number | null;
}

@ObjectType('ReportProcedureFeedback', { description: "Agents' ratings of one procedure article in the report month (training's procedure feedback, A-6); neither the agents nor their words." })
export class ReportProcedureFeedback {
  @Field(() => ID, { description: 'The knowledge article (of kind PROCEDURE) rated.' })
  articleId: string;
  @Field(() => Int, { description: 'Ratings given in the month.' })
  ratings: number;
  @Field(() => Float, { description: 'Their average, 1 to 5.' })
  averageRating: number;
  @Field(() => Int, { description: 'Ratings of 1 or 2.' })
  lowRatings: number;
  @Field(() => Int, { description: 'Ratings given with a comment (the comments are read in training).' })
  commented: number;
}

@ObjectType('ReportRecommendation', { description: 'What a finding suggests doing, in plain words with its evidence.' })
export class ReportRecommendation {
  @Field(() => ID, { description: 'The finding it follows from.' })
  findingId: string;
  @Field({ description: 'The recommendation and its evidence, in the locale asked for (en or zh-CN).' })
  text: string;
}

@ObjectType('ReportDownloadLink', { description: 'A signed link to a file of the report, for a browser: GET the path at the gateway until it expires.' })
export class ReportDownloadLinkType {
  @Field({ description: 'report-en.pdf, report-zh-CN.pdf or report.csv.' })
  file: string;
  @Field({ description: '/reports/<report id>/<file>?token=…' })
  path: string;
  @Field({ description: 'When the link stops working (ANALYTICS_REPORT_LINK_TTL_MINUTES after it was given); ask for the report again for a new one.' })
  expiresAt: Date;
}

@ObjectType('MonthlyReport', { description: 'A version of the monthly management report (A-3.3.3): the figures as they were when it was generated, and its findings. No personal data.' })
export class MonthlyReportType {
  @Field(() => ID, { description: 'The id of this version of the report, as used in its download paths.' })
  id: string;
  @Field({ description: 'YYYY-MM.' })
  month: string;
  @Field(() => Int, { description: 'Each generation of a month is its next version.' })
  version: number;
  @Field({ description: 'When this version was generated; its figures are as they stood then.' })
  generatedAt: Date;
  @Field({ description: "The manager's user id, or `schedule`." })
  generatedBy: string;
  @Field({ description: 'The IANA time zone the months and days of the report are local to.' })
  timeZone: string;
  @Field(() => AnalyticsPeriod, { description: 'The report month.' })
  period: AnalyticsPeriod;
  @Field(() => AnalyticsPeriod, { description: 'The month before, that the figures are compared with.' })
  previousPeriod: AnalyticsPeriod;
  @Field(() => AnalyticsPeriod, { description: 'The same month a year earlier, that the figures are compared with.' })
  sameLastYearPeriod: AnalyticsPeriod;
  @Field(() => [ReportComparedFigure], { description: 'The headline figures (volumes, resolution, response times, satisfaction, reopen, one-touch and escalation rates).' })
  headline: ReportComparedFigure[];
  @Field(() => [ReportSlaRow], { description: 'One row per SLA target.' })
  sla: ReportSlaRow[];
  @Field(() => [ReportComparedFigure], { description: 'Complaints registered, by category.' })
  complaintsByCategory: ReportComparedFigure[];
  @Field(() => [ReportComparedFigure], { description: 'Complaints resolved, by root cause as last resolved.' })
  complaintsByRootCause: ReportComparedFigure[];
  @Field(() => [ReportComparedFigure], { description: 'The CSAT, NPS and trip-survey measures.' })
  satisfaction: ReportComparedFigure[];
  @Field(() => [ReportProcedureFeedback], { description: "Agents' ratings of procedures in the month, per article, most ratings first (empty for versions made before procedure feedback was reported)." })
  procedureFeedback: ReportProcedureFeedback[];
  @Field(() => [ReportDay], { description: 'Each day of the report month, oldest first, as charted.' })
  daily: ReportDay[];
  @Field(() => [ReportFinding], { description: 'What the rules found in the month, in report order (F1, F2, …); empty when nothing stood out.' })
  findings: ReportFinding[];
}
