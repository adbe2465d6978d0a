import { BusinessCalendar } from '@carebridge/business-calendar';
import { useAnalytics } from '../analytics.fixture';
import type { FigureQuery } from '../figures/figure-engine';
import { type FigureRow, figuresFrom } from '../figures/figures';
import { PeriodCalendar } from '../figures/period-calendar';
import { generateActivity } from './activity-generator';
import { RawEventFigures } from './raw-event-figures';

const ENV = { ANALYTICS_TIME_ZONE: 'Asia/Shanghai', ANALYTICS_BUSINESS_HOURS: 'Mon-Fri 09:00-18:00; Sat 10:00-16:00', ANALYTICS_HOLIDAYS: '2026-01-01,2026-10-01,2026-10-02' };

/** Rows as comparable values: figures derived from the counts, ordered by period and breakdown values. */
const comparable = (rows: FigureRow[]) =>
  rows
    .map((row) => ({ period: row.period, dimensions: row.dimensions, figures: figuresFrom(row.counts) }))
    .sort((a, b) => `${a.period}${JSON.stringify(a.dimensions)}`.localeCompare(`${b.period}${JSON.stringify(b.dimensions)}`));

describe('reconciliation: what analytics serves equals the figures recomputed from the raw events (real Postgres)', () => {
  const world = useAnalytics(ENV);
  const events = [...generateActivity({ from: '2025-10-01', days: 430, inquiriesPerDay: 2, seed: 7 })];
  const reference = RawEventFigures.from(events, new BusinessCalendar({ timeZone: ENV.ANALYTICS_TIME_ZONE, hours: ENV.ANALYTICS_BUSINESS_HOURS, holidays: ENV.ANALYTICS_HOLIDAYS }));
  const periods = new PeriodCalendar(ENV.ANALYTICS_TIME_ZONE);
  const both = async (query: FigureQuery) => ({ served: comparable(await world.engine.figures(query)), recomputed: comparable(reference.figures(query)) });

  beforeAll(async () => {
    // As the embedded log delivers them: runs of events per transaction, their facts written together (waves per case).
    const messages = events.map((event) => world.message(event.contract, event.data, { id: event.id }));
    for (let i = 0; i < messages.length; i += 250) await world.consumer.deliverBatch(messages.slice(i, i + 250));
  }, 120_000);

  it('a year of generated activity has seasons, reopenings, escalations, breaches and late events', () => {
    const types = new Set(events.map((e) => e.contract.type));
    expect(events.length).toBeGreaterThan(2500);
    for (const type of ['inquiry.reopened', 'inquiry.escalated', 'inquiry.sla_breached', 'complaint.reopened', 'complaint.sla_breached', 'followup_survey.answered', 'qa_review.completed', 'course.completed', 'training.overdue', 'customer.service_terms_changed', 'procedure_feedback.given']) expect(types).toContain(type);
    const late = events.filter((e, i) => i > 0 && e.at.getTime() < events[i - 1].at.getTime() - 3_600_000);
    expect(late.length).toBeGreaterThan(0);
  });

  it('a month of every metric, with two breakdowns, and in total', async () => {
    for (const breakdowns of [[], ['CHANNEL', 'CUSTOMER_TIER'], ['ROOT_CAUSE', 'TEAM'], ['AGENT', 'URGENCY'], ['KEY_ACCOUNT', 'OPENED_HOUR']] as const) {
      const { served, recomputed } = await both({ periods: [periods.containing('MONTH', '2026-08-15')], breakdowns: [...breakdowns], filters: [] });
      expect(served.length).toBeGreaterThan(0);
      expect(served).toEqual(recomputed);
    }
  });

  it('a month broken down with its total in one pass equals the total and the rows asked for apart', async () => {
    const month = periods.containing('MONTH', '2026-02-10');
    const together = await world.engine.figures({ periods: [month], breakdowns: ['CHANNEL', 'ROOT_CAUSE'], filters: [], withTotal: true });
    expect(comparable(together.filter((row) => row.total))).toEqual(comparable(reference.figures({ periods: [month], breakdowns: [], filters: [] })));
    expect(comparable(together.filter((row) => !row.total))).toEqual(comparable(reference.figures({ periods: [month], breakdowns: ['CHANNEL', 'ROOT_CAUSE'], filters: [] })));
  });

  it('a 14-month series with the previous periods and the same months a year before', async () => {
    const months = periods.series('MONTH', '2025-10-01', '2026-11-30', 400);
    const all = new Map(months.flatMap((p) => [p, periods.previous(p), periods.sameLastYear(p)]).map((p) => [p.from, p]));
    const { served, recomputed } = await both({ periods: [...all.values()], breakdowns: [], filters: [] });
    expect(served.length).toBe(14);
    expect(served).toEqual(recomputed);
    expect(served.some((row) => row.figures.complaintsResolved > 0 && row.figures.rootCauses.length > 0 && row.figures.compensation.length > 0)).toBe(true);
  });

  it('ISO weeks, days and a free range, with filters', async () => {
    const weeks = periods.series('WEEK', '2026-02-01', '2026-03-31', 400);
    const days = periods.series('DAY', '2026-09-28', '2026-10-08', 400);
    for (const query of [
      { periods: weeks, breakdowns: ['CATEGORY' as const], filters: [] },
      { periods: days, breakdowns: [], filters: [{ dimension: 'CHANNEL' as const, value: 'PHONE' }] },
      { periods: [periods.range('2025-12-24', '2026-01-06')], breakdowns: ['TEAM' as const], filters: [{ dimension: 'URGENCY' as const, value: null }] },
    ]) {
      const { served, recomputed } = await both(query);
      expect(served).toEqual(recomputed);
    }
  });

  it('a drill-down lists exactly the cases a figure counts', async () => {
    const month = periods.containing('MONTH', '2026-07-10');
    const [total] = (await world.engine.figures({ periods: [month], breakdowns: [], filters: [] })).map((r) => figuresFrom(r.counts));
    const count = async (metric: Parameters<typeof world.engine.cases>[0]['metric'], sla?: Parameters<typeof world.engine.cases>[0]['sla']) =>
      (await world.engine.cases({ metric, sla, period: month, filters: [], limit: 500, offset: 0 })).total;
    expect(await count('INQUIRIES_RECEIVED')).toBe(total.inquiryVolume);
    expect(await count('COMPLAINTS_REGISTERED')).toBe(total.complaintVolume);
    expect(await count('COMPLAINTS_RESOLVED')).toBe(total.complaintsResolved);
    expect(await count('COMPLAINTS_DUE')).toBe(total.complaintsDue);
    expect(await count('SLA_BREACHED', 'FIVE_MINUTES')).toBe(total.sla.find((s) => s.target === 'FIVE_MINUTES')?.breached);
    expect(await count('ESCALATED')).toBe(total.escalated);
    expect(await count('ONE_TOUCH_RESOLVED')).toBe(total.oneTouchResolved);
  });
});
