import { randomUUID } from 'node:crypto';
import { customerUpdated, inquiryClosed, inquiryFirstResponded, inquiryReceived } from '@carebridge/event-contracts';
import { useAnalytics } from '../analytics.fixture';
import { CachingFigureEngine } from './caching-figure-engine';
import type { FigureEngine, FigureQuery } from './figure-engine';
import { PeriodCalendar } from './period-calendar';
import { PostgresFigureEngine } from './postgres-figure-engine';

describe('remembered figures: served again until a fact that could change them is written (real Postgres)', () => {
  const world = useAnalytics();
  const periods = new PeriodCalendar('UTC');
  const [november, december] = [periods.containing('MONTH', '2026-11-10'), periods.containing('MONTH', '2026-12-10')];

  /** The caching engine over the service's own, counting the periods it had to compute. */
  const open = () => {
    const inner = new PostgresFigureEngine(world.db.dataSource, false);
    const computed: string[][] = [];
    const counting: FigureEngine = { figures: (q) => (computed.push(q.periods.map((p) => p.from)), inner.figures(q)), cases: (q) => inner.cases(q), procedureFeedback: (p) => inner.procedureFeedback(p) };
    return { cached: new CachingFigureEngine(counting, world.db.dataSource), inner, computed };
  };
  const received = (inquiryId: string, customerId: string | null, at: string) =>
    world.deliver(inquiryReceived, { inquiryId, customerId, channel: 'EMAIL', category: 'GENERAL', receivedAt: at, firstResponseDueAt: at, subject: 'Seat change', message: null });

  it('computes only the periods a change reaches, and answers as the engine does', async () => {
    const customerId = await world.learnCustomer();
    const [old, current] = [randomUUID(), randomUUID()];
    await received(old, customerId, '2026-11-05T10:00:00.000Z');
    await received(current, null, '2026-12-03T10:00:00.000Z');
    const { cached, inner, computed } = open();
    const query: FigureQuery = { periods: [november, december], breakdowns: ['CUSTOMER_TIER'], filters: [], withTotal: true };
    const same = async () => expect(await cached.figures(query)).toEqual(await inner.figures(query));

    await same();
    await same();
    expect(computed).toEqual([['2026-11-01', '2026-12-01']]);

    // A step of December's case: November's figures stay remembered.
    await world.deliver(inquiryFirstResponded, { inquiryId: current, customerId: null, channel: 'EMAIL', respondedBy: 'agent-1', respondedAt: '2026-12-03T10:04:00.000Z', firstResponseSeconds: 240, withinTarget: true });
    await same();
    expect(computed.at(-1)).toEqual(['2026-12-01']);

    // A late step of November's case reaches back to its opening.
    await world.deliver(inquiryClosed, {
      inquiryId: old,
      customerId,
      channel: 'EMAIL',
      category: 'GENERAL',
      closedBy: 'agent-1',
      closedAt: '2026-12-04T10:00:00.000Z',
      handlingSeconds: 300,
      satisfied: true,
      satisfactionScore: 5,
      dissatisfactionReason: null,
      closedWithoutSatisfactionReason: null,
      subject: 'Seat change',
      conversation: [],
      contactName: null,
    });
    await same();
    expect(computed.at(-1)).toEqual(['2026-11-01', '2026-12-01']);

    // The customer's new tier changes the breakdown of every period with the customer's cases.
    await world.deliver(customerUpdated, { customerId, changedFields: ['tier'], tier: 'VIP', preferredLanguage: 'en', updatedAt: '2026-12-05T00:00:00.000Z' });
    await same();
    expect(computed.at(-1)).toEqual(['2026-11-01', '2026-12-01']);
    await same();
    expect(computed).toHaveLength(4);
  });
});
