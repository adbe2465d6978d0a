import { useAnalytics } from '../analytics.fixture';
import { analyticsJobs } from '../analytics.jobs';
import { analyticsSettings } from '../analytics.settings';

const ENV = { ANALYTICS_TIME_ZONE: 'Asia/Shanghai', ANALYTICS_DEMO_HISTORY_DAYS: '35' };

describe('the demo history of npm start -- --demo (real Postgres)', () => {
  const world = useAnalytics(ENV);
  const now = new Date('2026-12-02T03:00:00.000Z');

  it('loads the days before today once, through the handlers, and reports last month', async () => {
    expect(analyticsJobs(world, analyticsSettings(ENV)).map((job) => job.name)).toContain('demo-history');
    expect(analyticsJobs(world, analyticsSettings({})).map((job) => job.name)).not.toContain('demo-history');

    const loaded = await world.demoHistory.loadOnce(now);
    expect(loaded).toEqual({ events: expect.any(Number), reportedMonth: '2026-11' });
    expect(loaded?.events).toBeGreaterThan(1000);
    const november = (await world.figureQueries.table({ kind: 'MONTH', date: '2026-11-15' })).figures;
    expect(november.inquiryVolume).toBeGreaterThan(100);
    expect(november.complaintVolume).toBeGreaterThan(0);
    expect(november.csat.answered).toBeGreaterThan(0);
    // Nothing after now.
    expect((await world.figureQueries.table({ kind: 'MONTH', date: '2026-12-15' })).figures.inquiryVolume).toBeLessThan(november.inquiryVolume / 10);
    expect((await world.monthlyReporting.latest(5)).map((r) => [r.month, r.generatedBy])).toEqual([['2026-11', 'schedule']]);

    expect(await world.demoHistory.loadOnce(new Date(now.getTime() + 60_000))).toBeNull();
    expect((await world.figureQueries.table({ kind: 'MONTH', date: '2026-11-15' })).figures.inquiryVolume).toBe(november.inquiryVolume);
  });
});
