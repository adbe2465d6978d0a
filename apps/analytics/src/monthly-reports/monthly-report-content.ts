import type { SlaTargetValue } from '../figures/figures.enums';
import type { Figures } from '../figures/figures';
import type { ControlLimits, ControlRule } from './control-chart';

/** The headline figures of the report, each read from a period's figures the same way. */
export const HEADLINE_METRICS = {
  inquiryVolume: (f: Figures) => f.inquiryVolume,
  complaintVolume: (f: Figures) => f.complaintVolume,
  complaintsResolved: (f: Figures) => f.complaintsResolved,
  resolutionRate: (f: Figures) => f.resolutionRate,
  firstResponseP50Seconds: (f: Figures) => f.firstResponseSeconds.p50,
  firstResponseP90Seconds: (f: Figures) => f.firstResponseSeconds.p90,
  complaintResolutionP50Seconds: (f: Figures) => f.complaintResolutionSeconds.p50,
  csatRate: (f: Figures) => f.csat.rate,
  npsScore: (f: Figures) => f.nps.score,
  reopenRate: (f: Figures) => f.reopenRate,
  oneTouchResolutionRate: (f: Figures) => f.oneTouchResolutionRate,
  escalationRate: (f: Figures) => f.escalationRate,
  qaAverageScore: (f: Figures) => f.qa.averageScore,
  trainingCompletions: (f: Figures) => f.training.completions,
  trainingOverdue: (f: Figures) => f.training.overdue,
} as const;
export type HeadlineMetric = keyof typeof HEADLINE_METRICS;

/** The daily series the control charts test. */
export const CHARTED_SERIES = {
  inquiryVolume: (f: Figures) => f.inquiryVolume,
  complaintVolume: (f: Figures) => f.complaintVolume,
  slaBreaches: (f: Figures) => f.sla.reduce((sum, s) => sum + s.breached, 0),
  firstResponseP90Seconds: (f: Figures) => f.firstResponseSeconds.p90,
} as const;
export type ChartedSeries = keyof typeof CHARTED_SERIES;

export interface ReportPeriod {
  from: string;
  to: string;
  start: string;
  end: string;
}

/** A value this month beside the month before and the same month a year earlier. */
export interface Compared {
  value: number | null;
  previous: number | null;
  sameLastYear: number | null;
}

export interface HeadlineRow extends Compared {
  metric: HeadlineMetric;
}

export interface SlaRow {
  target: SlaTargetValue;
  achieved: number;
  breached: number;
  rate: number | null;
  previousRate: number | null;
  sameLastYearRate: number | null;
}

/** Complaints of one category (registered in the month) or root cause (resolved in the month). */
export interface TrendRow extends Compared {
  /** null: without a category / root cause. */
  key: string | null;
}

export interface SatisfactionRow extends Compared {
  measure: 'csatRate' | 'csatAverageScore' | 'csatAnswered' | 'npsScore' | 'npsAnswered' | 'tripCsatRate' | 'tripCsatAverageScore';
}

export type FindingKind = ControlRule | 'TREND_SHIFT' | 'LARGEST_CONTRIBUTOR' | 'SLA_DECLINE' | 'SATISFACTION_DECLINE' | 'BREACH_HOURS' | 'PROCEDURE_RATED_LOW';

/**
 * One finding, with the evidence its recommendation quotes. Control-chart findings name the series,
 * the rule and the days; a trend shift the levels before and in the month and the busiest weekday; a contributor names the category and its share of the month's change; a
 * decline names the target or measure and both rates; breach hours name the channel, the four hours and
 * their shares of its breaches and of its cases; a procedure rated low names the article and its ratings.
 */
export interface Finding {
  /** F1, F2, … in the order of the report. */
  id: string;
  kind: FindingKind;
  /** The series, or the metric the finding is about. */
  subject: string;
  direction: 'UP' | 'DOWN';
  /** Days concerned (control charts), oldest first. */
  dates: string[];
  evidence: {
    observed?: number[];
    limits?: ControlLimits;
    /** The category (contributor), the SLA target, the satisfaction measure, the busiest weekday (trend shift), the channel (breach hours), the procedure's article id. */
    key?: string | null;
    value?: number | null;
    previous?: number | null;
    change?: number;
    /** Of the month's total change, the part this key contributes (0 to 1). */
    shareOfChange?: number;
  };
}

/** Agents' ratings of one procedure article in the month (training's procedure feedback, A-6). */
export interface ProcedureFeedbackRow {
  articleId: string;
  ratings: number;
  /** 1 to 5. */
  averageRating: number;
  /** Ratings of 1 or 2. */
  lowRatings: number;
  /** Ratings given with a comment (read in training). */
  commented: number;
}

export interface DailyRow {
  date: string;
  inquiryVolume: number;
  complaintVolume: number;
  slaBreaches: number;
  firstResponseP90Seconds: number | null;
}

/** What a version of the monthly report holds, as generated and stored. */
export interface MonthlyReportContent {
  month: string;
  timeZone: string;
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  sameLastYearPeriod: ReportPeriod;
  headline: HeadlineRow[];
  sla: SlaRow[];
  complaintsByCategory: TrendRow[];
  complaintsByRootCause: TrendRow[];
  satisfaction: SatisfactionRow[];
  /** Procedure feedback of the month per article, most ratings first (absent from versions made before it was reported). */
  procedureFeedback?: ProcedureFeedbackRow[];
  /** The month's days, as charted. */
  daily: DailyRow[];
  /** The control limits of each charted series (null when the baseline was too short or flat). */
  controlLimits: Record<ChartedSeries, ControlLimits | null>;
  findings: Finding[];
}
