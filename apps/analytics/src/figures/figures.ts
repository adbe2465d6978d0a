import type { CaseKindValue, DimensionValue, SlaTargetValue } from './figures.enums';
import { SLA_TARGETS } from './figures.enums';

/** A distribution of durations: how many, the median and 90th percentile (nearest rank), the mean. */
export interface Distribution {
  count: number;
  p50: number | null;
  p90: number | null;
  mean: number | null;
}

export interface SlaCount {
  target: SlaTargetValue;
  achieved: number;
  breached: number;
}

export interface CompensationTotal {
  kind: string;
  currency: string | null;
  items: number;
  /** Sum of the amounts, two decimals (null for points and miles). */
  amount: string | null;
  /** Sum of points or miles (null for money). */
  quantity: number | null;
}

/** The counts and order statistics behind one row of figures, as an engine computes them. */
export interface FigureCounts {
  inquiryVolume: number;
  complaintVolume: number;
  complaintsResolved: number;
  complaintsDue: number;
  firstResponseSeconds: DistributionCounts;
  firstResponseBusinessSeconds: DistributionCounts;
  inquiryResolutionSeconds: DistributionCounts;
  complaintResolutionSeconds: DistributionCounts;
  handlingSeconds: DistributionCounts;
  sla: SlaCount[];
  satisfactionAnswers: number;
  satisfied: number;
  satisfactionScoreSum: number;
  surveyAnswers: number;
  promoters: number;
  detractors: number;
  tripRatings: number;
  tripRatingsSatisfied: number;
  tripRatingSum: number;
  qaReviews: number;
  qaScoreHundredthsSum: number;
  qaAutoFailed: number;
  trainingCompletions: number;
  trainingRecertifications: number;
  trainingQuizScores: number;
  trainingQuizScoreHundredthsSum: number;
  trainingOverdueNeverCompleted: number;
  trainingOverdueCertificateExpired: number;
  casesEnded: number;
  casesReopened: number;
  inquiriesClosed: number;
  oneTouchResolved: number;
  inquiriesEscalated: number;
  compensation: CompensationTotal[];
  rootCauses: { rootCause: string | null; complaints: number }[];
}

export interface DistributionCounts {
  count: number;
  /** Sum in whole milliseconds, so that every engine adds exactly alike. */
  sumMs: number;
  p50: number | null;
  p90: number | null;
}

export interface Figures {
  inquiryVolume: number;
  complaintVolume: number;
  complaintsResolved: number;
  complaintsDue: number;
  resolutionRate: number | null;
  firstResponseSeconds: Distribution;
  firstResponseBusinessSeconds: Distribution;
  inquiryResolutionSeconds: Distribution;
  complaintResolutionSeconds: Distribution;
  handlingSeconds: Distribution;
  sla: (SlaCount & { rate: number | null })[];
  csat: { answered: number; satisfied: number; rate: number | null; averageScore: number | null };
  nps: { answered: number; promoters: number; passives: number; detractors: number; score: number | null };
  tripCsat: { answered: number; satisfied: number; rate: number | null; averageScore: number | null };
  qa: { reviews: number; averageScore: number | null; autoFailed: number };
  training: { completions: number; recertifications: number; averageQuizScore: number | null; overdue: number; overdueNeverCompleted: number; overdueCertificateExpired: number };
  reopened: number;
  reopenRate: number | null;
  oneTouchResolved: number;
  oneTouchResolutionRate: number | null;
  escalated: number;
  escalationRate: number | null;
  compensation: CompensationTotal[];
  rootCauses: { rootCause: string | null; complaints: number; share: number; cumulativeShare: number }[];
}

/** One row an engine answers: a period (by its first day), the breakdown's values, the counts. */
export interface FigureRow {
  period: string;
  /** The period's total, when asked for beside a breakdown. */
  total?: true;
  dimensions: Partial<Record<DimensionValue, string | null>>;
  counts: FigureCounts;
}

export interface CaseReference {
  kind: CaseKindValue;
  caseId: string;
  reference: string | null;
  openedAt: Date | null;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
const ratio = (part: number, whole: number) => (whole > 0 ? round(part / whole, 6) : null);

export function emptyDistribution(): DistributionCounts {
  return { count: 0, sumMs: 0, p50: null, p90: null };
}

export function emptyCounts(): FigureCounts {
  return {
    inquiryVolume: 0,
    complaintVolume: 0,
    complaintsResolved: 0,
    complaintsDue: 0,
    firstResponseSeconds: emptyDistribution(),
    firstResponseBusinessSeconds: emptyDistribution(),
    inquiryResolutionSeconds: emptyDistribution(),
    complaintResolutionSeconds: emptyDistribution(),
    handlingSeconds: emptyDistribution(),
    sla: SLA_TARGETS.map((target) => ({ target, achieved: 0, breached: 0 })),
    satisfactionAnswers: 0,
    satisfied: 0,
    satisfactionScoreSum: 0,
    surveyAnswers: 0,
    promoters: 0,
    detractors: 0,
    tripRatings: 0,
    tripRatingsSatisfied: 0,
    tripRatingSum: 0,
    qaReviews: 0,
    qaScoreHundredthsSum: 0,
    qaAutoFailed: 0,
    trainingCompletions: 0,
    trainingRecertifications: 0,
    trainingQuizScores: 0,
    trainingQuizScoreHundredthsSum: 0,
    trainingOverdueNeverCompleted: 0,
    trainingOverdueCertificateExpired: 0,
    casesEnded: 0,
    casesReopened: 0,
    inquiriesClosed: 0,
    oneTouchResolved: 0,
    inquiriesEscalated: 0,
    compensation: [],
    rootCauses: [],
  };
}

function distribution(d: DistributionCounts): Distribution {
  return { count: d.count, p50: d.p50, p90: d.p90, mean: d.count ? round(d.sumMs / 1000 / d.count, 3) : null };
}

/** The figures from their counts: every rate, share and mean is derived here, once, for every engine. */
export function figuresFrom(c: FigureCounts): Figures {
  const ranked = [...c.rootCauses].sort((a, b) => b.complaints - a.complaints || String(a.rootCause).localeCompare(String(b.rootCause)));
  const paretoTotal = ranked.reduce((sum, r) => sum + r.complaints, 0);
  let cumulative = 0;
  return {
    inquiryVolume: c.inquiryVolume,
    complaintVolume: c.complaintVolume,
    complaintsResolved: c.complaintsResolved,
    complaintsDue: c.complaintsDue,
    resolutionRate: ratio(c.complaintsResolved, c.complaintsDue),
    firstResponseSeconds: distribution(c.firstResponseSeconds),
    firstResponseBusinessSeconds: distribution(c.firstResponseBusinessSeconds),
    inquiryResolutionSeconds: distribution(c.inquiryResolutionSeconds),
    complaintResolutionSeconds: distribution(c.complaintResolutionSeconds),
    handlingSeconds: distribution(c.handlingSeconds),
    sla: c.sla.map((s) => ({ ...s, rate: ratio(s.achieved, s.achieved + s.breached) })),
    csat: {
      answered: c.satisfactionAnswers,
      satisfied: c.satisfied,
      rate: ratio(c.satisfied, c.satisfactionAnswers),
      averageScore: c.satisfactionAnswers ? round(c.satisfactionScoreSum / c.satisfactionAnswers, 3) : null,
    },
    nps: {
      answered: c.surveyAnswers,
      promoters: c.promoters,
      passives: c.surveyAnswers - c.promoters - c.detractors,
      detractors: c.detractors,
      score: c.surveyAnswers ? round(((c.promoters - c.detractors) * 100) / c.surveyAnswers, 1) : null,
    },
    tripCsat: {
      answered: c.tripRatings,
      satisfied: c.tripRatingsSatisfied,
      rate: ratio(c.tripRatingsSatisfied, c.tripRatings),
      averageScore: c.tripRatings ? round(c.tripRatingSum / c.tripRatings, 3) : null,
    },
    qa: { reviews: c.qaReviews, averageScore: c.qaReviews ? round(c.qaScoreHundredthsSum / 100 / c.qaReviews, 3) : null, autoFailed: c.qaAutoFailed },
    training: {
      completions: c.trainingCompletions,
      recertifications: c.trainingRecertifications,
      averageQuizScore: c.trainingQuizScores ? round(c.trainingQuizScoreHundredthsSum / 100 / c.trainingQuizScores, 3) : null,
      overdue: c.trainingOverdueNeverCompleted + c.trainingOverdueCertificateExpired,
      overdueNeverCompleted: c.trainingOverdueNeverCompleted,
      overdueCertificateExpired: c.trainingOverdueCertificateExpired,
    },
    reopened: c.casesReopened,
    reopenRate: ratio(c.casesReopened, c.casesEnded),
    oneTouchResolved: c.oneTouchResolved,
    oneTouchResolutionRate: ratio(c.oneTouchResolved, c.inquiriesClosed),
    escalated: c.inquiriesEscalated,
    escalationRate: ratio(c.inquiriesEscalated, c.inquiryVolume),
    compensation: [...c.compensation].sort((a, b) => a.kind.localeCompare(b.kind) || String(a.currency).localeCompare(String(b.currency))),
    rootCauses: ranked.map((r) => {
      cumulative += r.complaints;
      return { ...r, share: round(r.complaints / paretoTotal, 6), cumulativeShare: round(cumulative / paretoTotal, 6) };
    }),
  };
}

/** Nearest-rank percentile of sorted values (what Postgres' percentile_disc answers). */
export function nearestRank(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}
