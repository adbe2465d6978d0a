import { BadUserInputError } from '@carebridge/domain';
import type { CaseQuery, DimensionFilter, FigureEngine } from './figure-engine';
import type { CaseMetricValue, DimensionValue, PeriodKindValue, SlaTargetValue } from './figures.enums';
import { emptyCounts, type Figures, figuresFrom } from './figures';
import type { Period, PeriodCalendar } from './period-calendar';

/** How a caller names a period: a kind and a day inside it, or a free range of days. */
export interface PeriodChoice {
  kind?: PeriodKindValue;
  date?: string;
  from?: string;
  to?: string;
}

const MAX_BREAKDOWNS = 3;
const MAX_SERIES_PERIODS = 400;
const MAX_PAGE = 500;

export interface FigureTableResult {
  period: Period;
  timeZone: string;
  figures: Figures;
  breakdown: { values: { dimension: DimensionValue; value: string | null }[]; figures: Figures }[];
}

/** Reading figures: a period with breakdowns, a series beside its previous periods and last year's, the cases behind a figure. */
export class FigureQueries {
  constructor(
    private readonly engine: FigureEngine,
    private readonly periods: PeriodCalendar,
  ) {}

  /** The company's time zone, which every period is local to. */
  get timeZone(): string {
    return this.periods.timeZone;
  }

  period(choice: PeriodChoice): Period {
    if (choice.kind && choice.date && !choice.from && !choice.to) return this.periods.containing(choice.kind, choice.date);
    if (choice.from && choice.to && !choice.kind && !choice.date) return this.periods.range(choice.from, choice.to);
    throw BadUserInputError.field('period', 'kind-and-date-or-range', 'give kind and date, or from and to');
  }

  async table(choice: PeriodChoice, breakdowns: DimensionValue[] = [], filters: DimensionFilter[] = []): Promise<FigureTableResult> {
    const period = this.period(choice);
    const dimensions = [...new Set(breakdowns)];
    if (dimensions.length > MAX_BREAKDOWNS) throw BadUserInputError.field('breakdowns', 'at-most-3', `at most ${MAX_BREAKDOWNS} breakdowns at once`);
    const answered = await this.engine.figures({ periods: [period], breakdowns: dimensions, filters, withTotal: true });
    const total = dimensions.length ? answered.find((row) => row.total) : answered[0];
    return {
      period,
      timeZone: this.periods.timeZone,
      figures: figuresFrom(total?.counts ?? emptyCounts()),
      breakdown: answered
        .filter((row) => dimensions.length && !row.total)
        .map((row) => ({ values: dimensions.map((dimension) => ({ dimension, value: row.dimensions[dimension] ?? null })), figures: figuresFrom(row.counts) }))
        .sort((a, b) => JSON.stringify(a.values).localeCompare(JSON.stringify(b.values))),
    };
  }

  /** Every period of a kind over a range, each with the period before it and the same one a year earlier, in one engine call. */
  async series(kind: PeriodKindValue, from: string, to: string, filters: DimensionFilter[] = []) {
    const points = this.periods.series(kind, from, to, MAX_SERIES_PERIODS).map((period) => ({
      period,
      previousPeriod: this.periods.previous(period),
      sameLastYearPeriod: this.periods.sameLastYear(period),
    }));
    const wanted = new Map<string, Period>();
    for (const p of points) for (const q of [p.period, p.previousPeriod, p.sameLastYearPeriod]) wanted.set(q.from, q);
    const rows = await this.engine.figures({ periods: [...wanted.values()], breakdowns: [], filters });
    const byFrom = new Map(rows.map((row) => [row.period, figuresFrom(row.counts)]));
    const figures = (p: Period) => byFrom.get(p.from) ?? figuresFrom(emptyCounts());
    return {
      kind,
      timeZone: this.periods.timeZone,
      points: points.map((p) => ({ ...p, figures: figures(p.period), previous: figures(p.previousPeriod), sameLastYear: figures(p.sameLastYearPeriod) })),
    };
  }

  async cases(metric: CaseMetricValue, choice: PeriodChoice, options: { sla?: SlaTargetValue; filters?: DimensionFilter[]; first?: number; offset?: number }) {
    if ((metric === 'SLA_ACHIEVED' || metric === 'SLA_BREACHED') && !options.sla) throw BadUserInputError.field('sla', 'required', `is needed for ${metric}`);
    const limit = options.first ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw BadUserInputError.field('first', 'range', `must be 1 to ${MAX_PAGE}`);
    const offset = options.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0) throw BadUserInputError.field('offset', 'not-negative', 'must be 0 or more');
    const query: CaseQuery = { metric, sla: options.sla, period: this.period(choice), filters: options.filters ?? [], limit, offset };
    const page = await this.engine.cases(query);
    return {
      total: page.total,
      cases: page.cases.map((c) => ({
        ...c,
        complaint: c.kind === 'COMPLAINT' ? { id: c.caseId } : null,
        inquiry: c.kind === 'INQUIRY' ? { id: c.caseId } : null,
      })),
    };
  }
}
