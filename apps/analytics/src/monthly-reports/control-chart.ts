/**
 * Control-chart rules (Western Electric rules 1, 2 and 4) on a daily series: the centre line and σ
 * come from a baseline of days before the month, and the month's days are tested against them.
 * Hand-written: the three rules are a few lines each, and no maintained npm library implements them.
 */
export interface DailyPoint {
  date: string;
  value: number;
}

export type ControlRule = 'BEYOND_3_SIGMA' | 'TWO_OF_THREE_BEYOND_2_SIGMA' | 'RUN_OF_8';

export interface ControlSignal {
  rule: ControlRule;
  /** ABOVE or BELOW the centre line. */
  side: 'ABOVE' | 'BELOW';
  /** The days that make the signal (for a run, all of it), oldest first. */
  dates: string[];
  /** The values of those days. */
  values: number[];
}

export interface ControlLimits {
  mean: number;
  sigma: number;
  /** Days of the baseline. */
  days: number;
}

/** A baseline shorter than this gives no limits worth testing against. */
export const MIN_BASELINE_DAYS = 14;

/** Centre line and σ (population standard deviation) of the baseline; null when too short or flat. */
export function controlLimits(baseline: DailyPoint[]): ControlLimits | null {
  if (baseline.length < MIN_BASELINE_DAYS) return null;
  const mean = baseline.reduce((sum, p) => sum + p.value, 0) / baseline.length;
  const sigma = Math.sqrt(baseline.reduce((sum, p) => sum + (p.value - mean) ** 2, 0) / baseline.length);
  if (sigma === 0) return null;
  return { mean: round(mean), sigma: round(sigma), days: baseline.length };
}

/**
 * The signals of the tested days: each day beyond 3σ (rule 1); 2 of 3 consecutive days beyond 2σ on
 * the same side (rule 2), each window once and not when rule 1 already flags all its outer days; and
 * each maximal run of 8 or more consecutive days on one side of the centre line (rule 4).
 */
export function controlSignals(days: DailyPoint[], limits: ControlLimits): ControlSignal[] {
  const { mean, sigma } = limits;
  const side = (v: number): 'ABOVE' | 'BELOW' | null => (v > mean ? 'ABOVE' : v < mean ? 'BELOW' : null);
  const signals: ControlSignal[] = [];
  for (const p of days) {
    if (Math.abs(p.value - mean) > 3 * sigma) signals.push({ rule: 'BEYOND_3_SIGMA', side: side(p.value) as 'ABOVE' | 'BELOW', dates: [p.date], values: [p.value] });
  }
  let coveredUntil = -1;
  for (let i = 2; i < days.length; i++) {
    if (i - 2 <= coveredUntil) continue;
    const window = days.slice(i - 2, i + 1);
    for (const s of ['ABOVE', 'BELOW'] as const) {
      const beyond = window.filter((p) => (s === 'ABOVE' ? p.value - mean > 2 * sigma : mean - p.value > 2 * sigma));
      if (beyond.length < 2 || beyond.every((p) => Math.abs(p.value - mean) > 3 * sigma)) continue;
      signals.push({ rule: 'TWO_OF_THREE_BEYOND_2_SIGMA', side: s, dates: beyond.map((p) => p.date), values: beyond.map((p) => p.value) });
      coveredUntil = i;
    }
  }
  let start = 0;
  for (let i = 1; i <= days.length; i++) {
    const same = i < days.length && side(days[i].value) !== null && side(days[i].value) === side(days[start].value);
    if (same) continue;
    const run = days.slice(start, i);
    const runSide = side(days[start].value);
    if (runSide && run.length >= 8) signals.push({ rule: 'RUN_OF_8', side: runSide, dates: run.map((p) => p.date), values: run.map((p) => p.value) });
    start = i;
  }
  return signals;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
