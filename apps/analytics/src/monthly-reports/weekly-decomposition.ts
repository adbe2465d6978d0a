import type { DailyPoint } from './control-chart';

export const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WeeklyDecomposition {
  /** The centred 7-day moving average per day (null for the three days at either end). */
  trend: (number | null)[];
  /** The weekday pattern: the mean of value minus trend per weekday, centred on zero. */
  seasonal: Record<Weekday, number>;
}

/**
 * A classical additive decomposition of a daily series with a weekly season (the first step of
 * STL, without its loess smoothing): the trend is the centred 7-day moving average, the season the
 * mean departure from the trend per weekday. Hand-written: a few lines, and no maintained npm
 * library does it for a plain array.
 */
export function decomposeWeekly(points: DailyPoint[]): WeeklyDecomposition {
  const trend = points.map((_, i) => (i < 3 || i > points.length - 4 ? null : points.slice(i - 3, i + 4).reduce((sum, p) => sum + p.value, 0) / 7));
  const sums = new Array(7).fill(0);
  const counts = new Array(7).fill(0);
  points.forEach((p, i) => {
    const t = trend[i];
    if (t === null) return;
    const weekday = new Date(`${p.date}T00:00:00Z`).getUTCDay();
    sums[weekday] += p.value - t;
    counts[weekday] += 1;
  });
  const raw = sums.map((sum, d) => (counts[d] ? sum / counts[d] : 0));
  const centre = raw.reduce((a, b) => a + b, 0) / 7;
  const seasonal = Object.fromEntries(WEEKDAYS.map((day, d) => [day, round(raw[d] - centre)])) as Record<Weekday, number>;
  return { trend: trend.map((t) => (t === null ? null : round(t))), seasonal };
}

/** The mean of the defined trend values from `from` (inclusive) to `to` (exclusive); null when none. */
export function trendLevel(trend: (number | null)[], from: number, to: number): number | null {
  const values = trend.slice(from, to).filter((t): t is number => t !== null);
  return values.length ? round(values.reduce((a, b) => a + b, 0) / values.length) : null;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
