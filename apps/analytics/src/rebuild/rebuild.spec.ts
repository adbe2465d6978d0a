import { type EmbeddedTransport, EventConsumer, type EventTransport } from '@carebridge/messaging';
import { embeddedHarness, type TransportHarness } from '@carebridge/testing';
import { inquiryReceived } from '@carebridge/event-contracts';
import { randomUUID } from 'node:crypto';
import { useAnalytics } from '../analytics.fixture';
import { analyticsEventHandlers } from '../analytics.event-handlers';
import { generateActivity } from '../reconciliation/activity-generator';
import { FactRebuild } from './fact-rebuild';

describe('npm run analytics:rebuild: replay every stream into fresh tables, then swap them in (real Postgres, embedded log)', () => {
  const world = useAnalytics({ ANALYTICS_TIME_ZONE: 'Asia/Shanghai' });
  let harness: TransportHarness;
  let log: EventTransport;
  const events = [...generateActivity({ from: '2026-06-01', days: 75, inquiriesPerDay: 2, seed: 11 })];

  beforeAll(async () => {
    harness = await embeddedHarness();
    log = harness.transport();
    const messages = events.map((event) => world.message(event.contract, event.data, { id: event.id }));
    await log.ensureTopics([...new Set(messages.map((m) => m.topic))]);
    for (let i = 0; i < messages.length; i += 500) await log.publish(messages.slice(i, i + 500));
    // The live service consumed the same streams as they came.
    for (const message of messages) await world.consumer.deliver(message);
  }, 120_000);
  afterAll(() => harness?.close());

  const snapshot = async () => ({
    months: await world.figureQueries.series('MONTH', '2026-06-01', '2026-08-31'),
    byTwo: await world.figureQueries.table({ kind: 'MONTH', date: '2026-07-01' }, ['CHANNEL', 'ROOT_CAUSE']),
    agents: await world.figureQueries.table({ kind: 'WEEK', date: '2026-07-15' }, ['AGENT']),
  });
  const rebuild = () =>
    new FactRebuild(
      world.db.dataSource,
      log as EmbeddedTransport,
      [...new Set(analyticsEventHandlers(world).map((h) => h.contract.topic))],
      (dataSource) => new EventConsumer({ service: 'analytics', dataSource, transport: log, handlers: analyticsEventHandlers(world) }),
    ).run();

  it('serves the same figures after a rebuild as before it, even when the live tables had gone wrong', async () => {
    const before = await snapshot();
    expect(before.byTwo.figures.complaintsResolved).toBeGreaterThan(0);
    // Facts damaged (say, by a faulty release): the rebuild does not read them.
    await world.db.dataSource.query(`DELETE FROM resolution WHERE case_id IN (SELECT case_id FROM resolution ORDER BY case_id LIMIT 5)`);
    await world.db.dataSource.query(`UPDATE case_fact SET channel = 'FAX' WHERE kind = 'INQUIRY'`);
    // A write beside the consumer says what it changed, or the figures remembered from before are served on.
    await world.db.dataSource.query(`INSERT INTO fact_change (affected_from) VALUES ('-infinity')`);
    expect(await snapshot()).not.toEqual(before);

    const report = await rebuild();

    expect(report.events).toBe(events.length);
    expect(await snapshot()).toEqual(before);
  });

  it('after the swap, the live consumer skips what the rebuild applied and applies what is new, once', async () => {
    const before = await world.figureQueries.table({ kind: 'MONTH', date: '2026-07-01' });
    const replayed = events.find((e) => e.contract.type === 'inquiry.received' && e.at.toISOString().startsWith('2026-07'));
    if (!replayed) throw new Error('the generated activity has no inquiry in July');
    await world.consumer.deliver(world.message(replayed.contract, replayed.data, { id: replayed.id }));
    expect((await world.figureQueries.table({ kind: 'MONTH', date: '2026-07-01' })).figures).toEqual(before.figures);

    await world.deliver(inquiryReceived, { inquiryId: randomUUID(), customerId: null, channel: 'CHAT', category: 'GENERAL', receivedAt: '2026-07-20T03:00:00.000Z', firstResponseDueAt: '2026-07-20T03:05:00.000Z' });
    expect((await world.figureQueries.table({ kind: 'MONTH', date: '2026-07-01' })).figures.inquiryVolume).toBe(before.figures.inquiryVolume + 1);
  });
});
