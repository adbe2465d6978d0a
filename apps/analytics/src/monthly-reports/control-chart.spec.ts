import { controlLimits, controlSignals, type DailyPoint } from './control-chart';

const days = (values: number[], first = 1): DailyPoint[] => values.map((value, i) => ({ date: `2026-11-${String(first + i).padStart(2, '0')}`, value }));
/** A baseline with mean 10 and σ 1: alternating 9 and 11. */
const baseline = days(Array.from({ length: 28 }, (_, i) => (i % 2 ? 11 : 9)));

describe('control-chart rules on a daily series', () => {
  it('takes the centre line and σ from the baseline, and none from a short or flat one', () => {
    expect(controlLimits(baseline)).toEqual({ mean: 10, sigma: 1, days: 28 });
    expect(controlLimits(baseline.slice(0, 10))).toBeNull();
    expect(controlLimits(days(Array(20).fill(4)))).toBeNull();
  });

  it('flags a point beyond 3σ, two of three beyond 2σ on one side, and a run of 8 on one side', () => {
    const limits = { mean: 10, sigma: 1, days: 28 };
    const signals = controlSignals(days([10, 14, 10, 10, 12.5, 9, 12.2, 10, 10.5, 10.2, 10.1, 10.3, 10.4, 10.6, 10.2, 10.9, 9.5]), limits);
    expect(signals).toEqual([
      { rule: 'BEYOND_3_SIGMA', side: 'ABOVE', dates: ['2026-11-02'], values: [14] },
      { rule: 'TWO_OF_THREE_BEYOND_2_SIGMA', side: 'ABOVE', dates: ['2026-11-05', '2026-11-07'], values: [12.5, 12.2] },
      { rule: 'RUN_OF_8', side: 'ABOVE', dates: days([0, 0, 0, 0, 0, 0, 0, 0], 9).map((d) => d.date), values: [10.5, 10.2, 10.1, 10.3, 10.4, 10.6, 10.2, 10.9] },
    ]);
  });

  it('finds nothing in a series that stays within its limits', () => {
    expect(controlSignals(days([9, 11, 10, 9.5, 10.5, 11, 9, 10, 11.5, 8.5]), { mean: 10, sigma: 1, days: 28 })).toEqual([]);
  });
});
