import type { CaseMetricValue, DimensionValue, SlaTargetValue } from './figures.enums';
import type { CaseReference, FigureRow } from './figures';
import type { Period } from './period-calendar';

export interface DimensionFilter {
  dimension: DimensionValue;
  /** null selects the cases that do not carry the dimension. */
  value: string | null;
}

export interface FigureQuery {
  /** Each period becomes rows of its own, labelled by its first day. */
  periods: Period[];
  breakdowns: DimensionValue[];
  filters: DimensionFilter[];
  /** Also the rows of each period in total (marked `total`), computed in the same pass as the breakdown. */
  withTotal?: boolean;
}

export interface CaseQuery {
  metric: CaseMetricValue;
  sla?: SlaTargetValue;
  period: Period;
  filters: DimensionFilter[];
  limit: number;
  offset: number;
}

/** The ratings of one procedure article in a period (training's procedure feedback, A-6). */
export interface ProcedureFeedbackCount {
  articleId: string;
  ratings: number;
  ratingSum: number;
  /** Ratings of 1 or 2. */
  lowRatings: number;
  /** Ratings that came with a comment (the words stay in training). */
  commented: number;
}

/**
 * Where figures are computed. The facts live in PostgreSQL today (PostgresFigureEngine); an engine
 * over ClickHouse fed by the same streams answers the same two questions (docs/services/analytics.md, Scale).
 */
export interface FigureEngine {
  /** The counts of every metric per period and breakdown value. */
  figures(query: FigureQuery): Promise<FigureRow[]>;
  /** The cases behind one figure, oldest first, and how many there are. */
  cases(query: CaseQuery): Promise<{ total: number; cases: CaseReference[] }>;
  /** The procedure feedback given in a period, per article, most ratings first. */
  procedureFeedback(period: Period): Promise<ProcedureFeedbackCount[]>;
}
