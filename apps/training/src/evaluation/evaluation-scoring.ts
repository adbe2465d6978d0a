import type { PeriodFigures } from './agent-period-figures.entity';
import type { EvaluationResult } from './evaluation.entity';
import { ATTAINMENT_CAP, Kpi, KPI_SCALE } from './evaluation.enums';
import type { KpiStandard } from './kpi-standard.entity';

export interface EvaluationScore {
  results: EvaluationResult[];
  overallScore: number | null;
  excellent: boolean;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** The period's figure for a KPI: analytics' figures, the QA average for QA_SCORE. */
export function actualFigure(kpi: Kpi, figures: PeriodFigures, qaAverage: number | null): number | null {
  switch (kpi) {
    case Kpi.FIRST_RESPONSE_WITHIN_TARGET:
      return figures.firstResponseWithinTargetRate;
    case Kpi.RESOLUTION_RATE:
      return figures.resolutionRate;
    case Kpi.CSAT:
      return figures.csat;
    case Kpi.FIRST_CONTACT_RESOLUTION:
      return figures.firstContactResolutionRate;
    case Kpi.AVERAGE_HANDLING_TIME:
      return figures.averageHandlingSeconds;
    case Kpi.QA_SCORE:
      return qaAverage;
  }
}

/**
 * Scores the period against each standard: attainment is actual ÷ target (target ÷ actual where
 * lower is better), capped at 120 %; the overall score is the weighted average over the standards
 * that were measured; excellent when every standard was measured and met and the overall score
 * reaches `recognitionScore` (a month without QA reviews or surveys is not judged excellent).
 */
export function scoreEvaluation(standards: KpiStandard[], figures: PeriodFigures, qaAverage: number | null, recognitionScore: number): EvaluationScore {
  const results = standards.map((standard): EvaluationResult => {
    const actual = actualFigure(standard.kpi, figures, qaAverage);
    if (actual === null) return { kpi: standard.kpi, target: standard.target, weight: standard.weight, actual: null, score: null, met: null };
    const lowerIsBetter = KPI_SCALE[standard.kpi].lowerIsBetter;
    const ratio = lowerIsBetter ? (actual <= 0 ? ATTAINMENT_CAP : standard.target / actual) : standard.target <= 0 ? ATTAINMENT_CAP : actual / standard.target;
    return {
      kpi: standard.kpi,
      target: standard.target,
      weight: standard.weight,
      actual,
      score: round(Math.min(ratio, ATTAINMENT_CAP) * 100, 1),
      met: lowerIsBetter ? actual <= standard.target : actual >= standard.target,
    };
  });
  const measured = results.filter((r) => r.score !== null);
  const weights = measured.reduce((sum, r) => sum + r.weight, 0);
  const overallScore = weights ? round(measured.reduce((sum, r) => sum + r.weight * (r.score ?? 0), 0) / weights, 2) : null;
  const excellent = overallScore !== null && overallScore >= recognitionScore && measured.length === results.length && measured.every((r) => r.met);
  return { results, overallScore, excellent };
}
