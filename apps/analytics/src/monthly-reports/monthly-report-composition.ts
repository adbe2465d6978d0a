import { BadUserInputError } from '@carebridge/domain';
import type { FigureEngine } from '../figures/figure-engine';
import { emptyCounts, type Figures, figuresFrom } from '../figures/figures';
import { SLA_TARGETS } from '../figures/figures.enums';
import type { Period, PeriodCalendar } from '../figures/period-calendar';
import { breachHours } from './breach-hours';
import { controlLimits, controlSignals, type DailyPoint } from './control-chart';
import { decomposeWeekly, trendLevel, WEEKDAYS } from './weekly-decomposition';
import {
  CHARTED_SERIES,
  type ChartedSeries,
  type Compared,
  type DailyRow,
  type Finding,
  HEADLINE_METRICS,
  type HeadlineMetric,
  type MonthlyReportContent,
  type ProcedureFeedbackRow,
  type ReportPeriod,
  type SatisfactionRow,
  type TrendRow,
} from './monthly-report-content';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** The control charts' baseline: the 91 days (13 weeks, so every weekday alike) before the month. */
export const BASELINE_DAYS = 91;
/** A change in complaints smaller than this many, or than this share of the month before, names no contributors. */
const CONTRIBUTOR_MIN_CHANGE = 5;
const CONTRIBUTOR_MIN_SHARE_OF_PREVIOUS = 0.1;
/** Contributors named: the largest, and the next ones making at least a quarter of the change, at most three. */
const CONTRIBUTOR_MIN_SHARE_OF_CHANGE = 0.25;
const MAX_CONTRIBUTORS = 3;
/** An SLA rate or the satisfied share falling by more than this (5 points) is a decline, with enough cases to say so. */
const RATE_DECLINE = 0.05;
const MIN_SLA_BREACHES = 3;
const MIN_ANSWERS = 10;
const NPS_DECLINE = 10;
/** A trend shift: the month's trend level at least 15% from that of the baseline's last 28 days, and at least 5 cases over the month. */
const TREND_SHIFT = 0.15;
const TREND_MIN_CASES = 5;
const TREND_BASELINE_DAYS = 28;
/** The series whose trend the report follows (the volumes: their weekday pattern is strong). */
const TRENDED_SERIES = ['inquiryVolume', 'complaintVolume'] as const;
/** A procedure agents rated 2.5 or lower on average, with at least 5 ratings in the month. */
const PROCEDURE_MIN_RATINGS = 5;
const PROCEDURE_LOW_AVERAGE = 2.5;

/**
 * The content of a month's management report: headline figures beside the month before
 * and the same month last year, the SLA table, complaints by category and root cause, satisfaction,
 * the month's daily series with their control limits, and the findings of explainable rules.
 * Everything is read through the FigureEngine, so the report says what `figures` says.
 */
export class MonthlyReportComposition {
  constructor(
    private readonly engine: FigureEngine,
    private readonly periods: PeriodCalendar,
  ) {}

  /** The month a YYYY-MM names; a BAD_USER_INPUT on `month` otherwise. */
  month(month: string): Period {
    if (!MONTH.test(month)) throw BadUserInputError.field('month', 'month', 'must be a month like 2026-11');
    return this.periods.containing('MONTH', `${month}-01`);
  }

  async compose(month: string): Promise<MonthlyReportContent> {
    const period = this.month(month);
    const previous = this.periods.previous(period);
    const lastYear = this.periods.sameLastYear(period);
    const three = [period, previous, lastYear];
    const baselineFrom = addDays(period.from, -BASELINE_DAYS);
    const days = this.periods.series('DAY', baselineFrom, period.to, BASELINE_DAYS + 31);

    const [totals, byCategory, daily, byHour, feedback] = await Promise.all([
      this.engine.figures({ periods: three, breakdowns: [], filters: [] }),
      this.engine.figures({ periods: three, breakdowns: ['CATEGORY'], filters: [] }),
      this.engine.figures({ periods: days, breakdowns: [], filters: [] }),
      this.engine.figures({ periods: [period], breakdowns: ['CHANNEL', 'OPENED_HOUR'], filters: [] }),
      this.engine.procedureFeedback(period),
    ]);
    const procedureFeedback: ProcedureFeedbackRow[] = feedback.map((p) => ({ articleId: p.articleId, ratings: p.ratings, averageRating: round(p.ratingSum / p.ratings), lowRatings: p.lowRatings, commented: p.commented }));
    const total = new Map(totals.map((row) => [row.period, figuresFrom(row.counts)]));
    const of = (p: Period) => total.get(p.from) ?? figuresFrom(emptyCounts());
    const [f, fp, fy] = [of(period), of(previous), of(lastYear)];

    const compared = (read: (x: Figures) => number | null): Compared => ({ value: read(f), previous: read(fp), sameLastYear: read(fy) });
    const headline = (Object.keys(HEADLINE_METRICS) as HeadlineMetric[]).map((metric) => ({ metric, ...compared(HEADLINE_METRICS[metric]) }));
    const slaRate = (x: Figures, target: string) => x.sla.find((s) => s.target === target)?.rate ?? null;
    const sla = SLA_TARGETS.map((target) => {
      const s = f.sla.find((row) => row.target === target);
      return { target, achieved: s?.achieved ?? 0, breached: s?.breached ?? 0, rate: s?.rate ?? null, previousRate: slaRate(fp, target), sameLastYearRate: slaRate(fy, target) };
    });

    const categoryCounts = new Map<string | null, Compared>();
    for (const row of byCategory) {
      const key = row.dimensions.CATEGORY ?? null;
      const entry = categoryCounts.get(key) ?? { value: 0, previous: 0, sameLastYear: 0 };
      const slot = row.period === period.from ? 'value' : row.period === previous.from ? 'previous' : 'sameLastYear';
      entry[slot] = row.counts.complaintVolume;
      categoryCounts.set(key, entry);
    }
    const complaintsByCategory = trendRows(categoryCounts);
    const rootCauseCounts = new Map<string | null, Compared>();
    for (const [slot, x] of [['value', f], ['previous', fp], ['sameLastYear', fy]] as const) {
      for (const r of x.rootCauses) {
        const entry = rootCauseCounts.get(r.rootCause) ?? { value: 0, previous: 0, sameLastYear: 0 };
        entry[slot] = r.complaints;
        rootCauseCounts.set(r.rootCause, entry);
      }
    }
    const complaintsByRootCause = trendRows(rootCauseCounts);

    const satisfaction: SatisfactionRow[] = [
      { measure: 'csatRate', ...compared((x) => x.csat.rate) },
      { measure: 'csatAverageScore', ...compared((x) => x.csat.averageScore) },
      { measure: 'csatAnswered', ...compared((x) => x.csat.answered) },
      { measure: 'npsScore', ...compared((x) => x.nps.score) },
      { measure: 'npsAnswered', ...compared((x) => x.nps.answered) },
      { measure: 'tripCsatRate', ...compared((x) => x.tripCsat.rate) },
      { measure: 'tripCsatAverageScore', ...compared((x) => x.tripCsat.averageScore) },
    ];

    const dayFigures = new Map(daily.map((row) => [row.period, figuresFrom(row.counts)]));
    const dayOf = (p: Period) => dayFigures.get(p.from) ?? figuresFrom(emptyCounts());
    const monthDays = days.filter((d) => d.from >= period.from);
    const baselineDays = days.filter((d) => d.from < period.from);
    const dailyRows: DailyRow[] = monthDays.map((d) => {
      const x = dayOf(d);
      return {
        date: d.from,
        inquiryVolume: CHARTED_SERIES.inquiryVolume(x),
        complaintVolume: CHARTED_SERIES.complaintVolume(x),
        slaBreaches: CHARTED_SERIES.slaBreaches(x),
        firstResponseP90Seconds: CHARTED_SERIES.firstResponseP90Seconds(x),
      };
    });

    const findings: Omit<Finding, 'id'>[] = [];
    const limits = {} as MonthlyReportContent['controlLimits'];
    for (const series of Object.keys(CHARTED_SERIES) as ChartedSeries[]) {
      const points = (list: Period[]): DailyPoint[] =>
        list.flatMap((d) => {
          const value = CHARTED_SERIES[series](dayOf(d));
          return value === null ? [] : [{ date: d.from, value }];
        });
      const seriesLimits = controlLimits(points(baselineDays));
      limits[series] = seriesLimits;
      if (!seriesLimits) continue;
      for (const signal of controlSignals(points(monthDays), seriesLimits)) {
        findings.push({ kind: signal.rule, subject: series, direction: signal.side === 'ABOVE' ? 'UP' : 'DOWN', dates: signal.dates, evidence: { observed: signal.values, limits: seriesLimits } });
      }
    }
    for (const series of TRENDED_SERIES) {
      const points = days.map((d) => ({ date: d.from, value: CHARTED_SERIES[series](dayOf(d)) as number }));
      const { trend, seasonal } = decomposeWeekly(points);
      const before = trendLevel(trend, baselineDays.length - TREND_BASELINE_DAYS, baselineDays.length);
      const during = trendLevel(trend, baselineDays.length, points.length);
      if (before === null || during === null || before <= 0) continue;
      const change = (during - before) / before;
      if (Math.abs(change) < TREND_SHIFT || Math.abs(during - before) * monthDays.length < TREND_MIN_CASES) continue;
      const busiest = WEEKDAYS.reduce((best, day) => (seasonal[day] > seasonal[best] ? day : best), WEEKDAYS[1]);
      findings.push({ kind: 'TREND_SHIFT', subject: series, direction: change > 0 ? 'UP' : 'DOWN', dates: [], evidence: { value: during, previous: before, change: round(change), key: busiest, observed: [seasonal[busiest]] } });
    }
    findings.push(...contributors(complaintsByCategory, f.complaintVolume - fp.complaintVolume, fp.complaintVolume));
    for (const p of procedureFeedback) {
      if (p.ratings >= PROCEDURE_MIN_RATINGS && p.averageRating <= PROCEDURE_LOW_AVERAGE) {
        findings.push({ kind: 'PROCEDURE_RATED_LOW', subject: 'procedureFeedback', direction: 'DOWN', dates: [], evidence: { key: p.articleId, value: p.averageRating, observed: [p.ratings, p.lowRatings, p.commented] } });
      }
    }
    findings.push(...breachHours(byHour.map((row) => ({ channel: row.dimensions.CHANNEL ?? null, hour: row.dimensions.OPENED_HOUR ?? null, figures: figuresFrom(row.counts) }))));
    for (const row of sla) {
      if (row.rate !== null && row.previousRate !== null && row.previousRate - row.rate > RATE_DECLINE && row.breached >= MIN_SLA_BREACHES) {
        findings.push({ kind: 'SLA_DECLINE', subject: 'sla', direction: 'DOWN', dates: [], evidence: { key: row.target, value: row.rate, previous: row.previousRate, change: round(row.rate - row.previousRate), observed: [row.breached] } });
      }
    }
    if (f.csat.rate !== null && fp.csat.rate !== null && fp.csat.rate - f.csat.rate > RATE_DECLINE && f.csat.answered >= MIN_ANSWERS) {
      findings.push({ kind: 'SATISFACTION_DECLINE', subject: 'csatRate', direction: 'DOWN', dates: [], evidence: { value: f.csat.rate, previous: fp.csat.rate, change: round(f.csat.rate - fp.csat.rate) } });
    }
    if (f.nps.score !== null && fp.nps.score !== null && fp.nps.score - f.nps.score >= NPS_DECLINE && f.nps.answered >= MIN_ANSWERS) {
      findings.push({ kind: 'SATISFACTION_DECLINE', subject: 'npsScore', direction: 'DOWN', dates: [], evidence: { value: f.nps.score, previous: fp.nps.score, change: round(f.nps.score - fp.nps.score) } });
    }

    return {
      month,
      timeZone: this.periods.timeZone,
      period: stored(period),
      previousPeriod: stored(previous),
      sameLastYearPeriod: stored(lastYear),
      headline,
      sla,
      complaintsByCategory,
      complaintsByRootCause,
      satisfaction,
      procedureFeedback,
      daily: dailyRows,
      controlLimits: limits,
      findings: findings.map((finding, i) => ({ id: `F${i + 1}`, ...finding })),
    };
  }
}

/** The categories that make most of the month's change in complaints, when the change is large enough to explain. */
function contributors(rows: TrendRow[], change: number, previousTotal: number): Omit<Finding, 'id'>[] {
  if (Math.abs(change) < Math.max(CONTRIBUTOR_MIN_CHANGE, previousTotal * CONTRIBUTOR_MIN_SHARE_OF_PREVIOUS)) return [];
  const direction = change > 0 ? 'UP' : 'DOWN';
  const ranked = rows
    .map((row) => ({ row, delta: (row.value ?? 0) - (row.previous ?? 0) }))
    .filter((c) => Math.sign(c.delta) === Math.sign(change))
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || String(a.row.key).localeCompare(String(b.row.key)));
  return ranked
    .filter((c, i) => i === 0 || c.delta / change >= CONTRIBUTOR_MIN_SHARE_OF_CHANGE)
    .slice(0, MAX_CONTRIBUTORS)
    .map(({ row, delta }) => ({
      kind: 'LARGEST_CONTRIBUTOR' as const,
      subject: 'complaintVolume',
      direction,
      dates: [],
      evidence: { key: row.key, value: row.value, previous: row.previous, change: delta, shareOfChange: round(delta / change) },
    }));
}

/** Rows with any complaint in the three months, largest this month first. */
function trendRows(counts: Map<string | null, Compared>): TrendRow[] {
  return [...counts.entries()]
    .filter(([, c]) => (c.value ?? 0) + (c.previous ?? 0) + (c.sameLastYear ?? 0) > 0)
    .map(([key, c]) => ({ key, ...c }))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || String(a.key).localeCompare(String(b.key)));
}

function stored(period: Period): ReportPeriod {
  return { from: period.from, to: period.to, start: period.start.toISOString(), end: period.end.toISOString() };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
