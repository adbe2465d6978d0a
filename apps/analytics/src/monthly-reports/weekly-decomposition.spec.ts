import { decomposeWeekly, trendLevel } from './weekly-decomposition';

describe('weekly decomposition of a daily series', () => {
  it('separates a level shift from the weekday pattern', () => {
    // 2026-11-02 is a Monday: Mondays run 3 above the rest; the level rises from 10 to 14 after four weeks.
    const points = Array.from({ length: 56 }, (_, i) => ({
      date: new Date(Date.UTC(2026, 10, 2 + i)).toISOString().slice(0, 10),
      value: (i < 28 ? 10 : 14) + (i % 7 === 0 ? 3 : 0),
    }));
    const { trend, seasonal } = decomposeWeekly(points);
    expect(trend.slice(0, 3)).toEqual([null, null, null]);
    expect(trend[10]).toBeCloseTo(10 + 3 / 7, 3);
    // Mondays stand out; the other days sit a little below the week's average (the shift's weeks smear it a little).
    expect(seasonal.MONDAY).toBeGreaterThan(2.5);
    for (const day of ['TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const) expect(Math.abs(seasonal[day])).toBeLessThan(0.7);
    expect(Object.values(seasonal).reduce((a, b) => a + b, 0)).toBeCloseTo(0, 2);
    expect(trendLevel(trend, 0, 21)).toBeCloseTo(10 + 3 / 7, 3);
    expect(trendLevel(trend, 35, 56)).toBeCloseTo(14 + 3 / 7, 3);
    expect(trendLevel(trend, 0, 3)).toBeNull();
  });
});
