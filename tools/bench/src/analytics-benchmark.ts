// Analytics benchmark: a generated year of activity (tools: apps/analytics/src/reconciliation), side by side.
//
//   node tools/run.js tools/bench/src/analytics-benchmark.ts [--events 100000] [--kafka-events 20000]
//        [--transport embedded|kafka|both] [--rounds 100] [--raw-rounds 3] [--no-rebuild] [--per-event-events 30000]
//
// 1. Generates the year (seasons, weekdays, incident days, reopenings, late cases) and publishes it
//    to the embedded event log (and, for Kafka, its first --kafka-events events to a mock cluster).
// 2. Ingestion: analytics' own consumer (the kit's idempotent EventConsumer, group
//    carebridge.analytics) reads the log from the beginning into fresh fact tables: events/s. Then, on
//    groups of their own, the first --per-event-events events twice more: with each event's facts
//    written at once (the baseline), and gathered per transaction again (the ratio of the two).
// 3. Checks the answers first: each query served by analytics must equal the same query computed
//    by brute force from the raw events of the log. Then times both, rounds interleaved:
//    a month of every metric with two breakdowns (CHANNEL, CATEGORY), and a 12-month series
//    (each month with its previous month and the same month a year before).
// 4. Rebuild: `npm run analytics:rebuild`'s replay and swap on the same data; figures checked equal after.
// Prints a markdown table on stdout; progress goes to stderr.
import { mkdtemp } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres, type LocalPostgres } from '@carebridge/local-platform';
import { EmbeddedTransport, encodeEvent, EventConsumer, type EventTransport, KafkaTransport, Outbox, type TransportMessage } from '@carebridge/messaging';
import { migrationsOf, openDatabase, systemClock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
// There is no @carebridge/* alias for tools; tools build on each other by path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startMockKafka } from '../../kafka-mock-broker/src/index';

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');
const ANALYTICS = join(REPOSITORY_ROOT, 'apps', 'analytics', 'src');
const ENV = { ANALYTICS_TIME_ZONE: 'Asia/Shanghai', ANALYTICS_BUSINESS_HOURS: 'Mon-Sat 08:00-22:00', ANALYTICS_HOLIDAYS: '2026-01-01,2026-10-01,2026-10-02,2026-10-03' };
const FROM = '2025-12-01';
/** Events per inquiry in the generated year, measured: sets the daily volume for --events. */
const EVENTS_PER_INQUIRY = 4.4;

const log = (message: string) => process.stderr.write(`[analytics-bench] ${message}\n`);

// The analytics service's own modules, reached at run time as tools reach subgraphs (tools/supergraph).
async function analyticsModules() {
  const load = <T>(path: string) => import(join(ANALYTICS, path)) as Promise<T>;
  return {
    ...(await load<typeof import('../../../apps/analytics/src/analytics.subgraph')>('analytics.subgraph.ts')),
    ...(await load<typeof import('../../../apps/analytics/src/analytics.domain')>('analytics.domain.ts')),
    ...(await load<typeof import('../../../apps/analytics/src/analytics.event-handlers')>('analytics.event-handlers.ts')),
    ...(await load<typeof import('../../../apps/analytics/src/analytics.settings')>('analytics.settings.ts')),
    ...(await load<typeof import('../../../apps/analytics/src/reconciliation/activity-generator')>('reconciliation/activity-generator.ts')),
    ...(await load<typeof import('../../../apps/analytics/src/reconciliation/raw-event-figures')>('reconciliation/raw-event-figures.ts')),
    ...(await load<typeof import('../../../apps/analytics/src/rebuild/fact-rebuild')>('rebuild/fact-rebuild.ts')),
    ...(await load<typeof import('../../../apps/analytics/src/figures/figures')>('figures/figures.ts')),
    ...(await load<typeof import('../../../apps/analytics/src/facts/fact-recording')>('facts/fact-recording.ts')),
    ...(await load<typeof import('../../../apps/analytics/src/figures/postgres-figure-engine')>('figures/postgres-figure-engine.ts')),
    ...(await load<typeof import('../../../apps/analytics/src/figures/figure-queries')>('figures/figure-queries.ts')),
  };
}
type Analytics = Awaited<ReturnType<typeof analyticsModules>>;

function options() {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '100000' },
      'kafka-events': { type: 'string', default: '20000' },
      transport: { type: 'string', default: 'both' },
      rounds: { type: 'string', default: '100' },
      'raw-rounds': { type: 'string', default: '3' },
      'no-rebuild': { type: 'boolean', default: false },
      'per-event-events': { type: 'string', default: '30000' },
    },
  });
  const int = (name: string, value: string | undefined, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
    return n;
  };
  if (!['embedded', 'kafka', 'both'].includes(values.transport ?? '')) throw new Error('--transport must be embedded, kafka or both');
  return {
    events: int('events', values.events, 1000),
    kafkaEvents: int('kafka-events', values['kafka-events'], 1000),
    kafka: values.transport !== 'embedded',
    rounds: int('rounds', values.rounds, 1),
    rawRounds: int('raw-rounds', values['raw-rounds'], 1),
    rebuild: !values['no-rebuild'],
    /** 0: no per-event baseline. */
    perEventEvents: int('per-event-events', values['per-event-events'], 0),
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
};
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

async function time<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

/** `perEvent`: the facts written as each event is handled (the baseline) instead of gathered per transaction. */
async function openAnalytics(a: Analytics, postgres: LocalPostgres, database: string, perEvent = false) {
  const dataSource = await openDatabase({ serverUrl: postgres.url, database, entities: a.analyticsSubgraph.entities, migrations: migrationsOf(a.analyticsSubgraph), poolSize: 10 });
  const settings = a.analyticsSettings(ENV);
  const domain = a.analyticsDomain({ dataSource, outbox: new Outbox('analytics', () => systemClock.now()), clock: systemClock }, settings);
  const facts = perEvent ? new a.FactRecording(settings.calendar, { gathering: false }) : domain.facts;
  return { dataSource, domain, handlers: a.analyticsEventHandlers({ facts }) };
}

/** Consumes everything on `transport` with analytics' consumer (`service` names its group); resolves with the events per second. */
async function ingest(
  dataSource: DataSource,
  transport: EventTransport,
  handlers: ReturnType<Analytics['analyticsEventHandlers']>,
  expected: number,
  service = 'analytics',
): Promise<{ seconds: number; perSecond: number }> {
  const consumer = new EventConsumer({ service, dataSource, transport, handlers });
  const started = Date.now();
  await consumer.start();
  let last = -1;
  for (;;) {
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM processed_event`);
    if (n >= expected) break;
    if (n !== last && Math.floor(n / 50_000) !== Math.floor(last / 50_000)) log(`  ${n} / ${expected} applied`);
    last = n;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const seconds = (Date.now() - started) / 1000;
  await consumer.stop();
  return { seconds, perSecond: expected / seconds };
}

/** The brute-force baseline: every raw event read back from the log and folded, then the query aggregated in memory. */
async function rawFigures(a: Analytics, transport: EmbeddedTransport, topics: string[]) {
  const settings = a.analyticsSettings(ENV);
  const raw = new a.RawEventFigures(settings.calendar, settings.dotRule);
  for (const topic of topics) {
    const offsets = new Map<number, bigint>();
    for (;;) {
      const messages = await transport.read(topic, offsets, 5000);
      if (!messages.length) break;
      for (const m of messages) {
        raw.apply({ contract: { type: m.headers.ce_type } as never, data: JSON.parse(m.value.toString('utf8')), id: m.headers.ce_id, at: new Date(m.headers.ce_time) });
        offsets.set(m.partition ?? 0, BigInt(m.offset ?? '-1') + 1n);
      }
    }
  }
  return raw;
}

async function main(): Promise<void> {
  const o = options();
  process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
  const a = await analyticsModules();
  const dataDir = await mkdtemp(join(tmpdir(), 'carebridge-analytics-bench-'));
  log('starting embedded Postgres');
  const postgres = await startEmbeddedPostgres({ dataDir, persistent: false });
  const rows: string[][] = [];
  const load = loadavg()[0];
  try {
    const logUrl = new URL(postgres.url);
    logUrl.pathname = '/bench_event_log';
    const admin = await openDatabase({ serverUrl: postgres.url, database: 'bench_event_log', entities: [], migrations: [] });
    await admin.destroy();
    const transport = new EmbeddedTransport({ url: logUrl.toString(), partitions: 4 });
    const inquiriesPerDay = Math.max(1, Math.round(o.events / 365 / EVENTS_PER_INQUIRY));
    log(`generating a year at ${inquiriesPerDay} inquiries a day and publishing it to the embedded log`);
    const live = await openAnalytics(a, postgres, 'bench_analytics');
    const topics = [...new Set(live.handlers.map((h) => h.contract.topic))];
    await transport.ensureTopics(topics);
    let events = 0;
    const kafkaBatch: TransportMessage[] = [];
    let batch: TransportMessage[] = [];
    const published = await time(async () => {
      for (const event of a.generateActivity({ from: FROM, days: 365, inquiriesPerDay, seed: 2026 })) {
        const message = encodeEvent(event.contract, event.data, { source: event.contract.producer, time: event.at, id: event.id });
        batch.push(message);
        if (o.kafka && kafkaBatch.length < o.kafkaEvents) kafkaBatch.push(message);
        events++;
        if (batch.length === 2000) {
          await transport.publish(batch);
          batch = [];
        }
      }
      if (batch.length) await transport.publish(batch);
    });
    log(`${events} events published in ${(published.ms / 1000).toFixed(1)} s`);

    log('ingestion from the embedded log, facts gathered per transaction');
    const embedded = await ingest(live.dataSource, transport, live.handlers, events);
    rows.push([`Ingestion, embedded log (${events} events)`, `${Math.round(embedded.perSecond)} events/s (${embedded.seconds.toFixed(1)} s)`, '—', '—', '≥ 5,000 events/s']);
    if (o.perEventEvents) {
      // The same consumer writing each event's facts at once, into a database of its own, on its own group; then the gathered one again: A, B, A.
      const subset = Math.min(o.perEventEvents, events);
      log(`ingestion, the first ${subset} events: facts written per event, then gathered again`);
      const side = async (database: string, perEventWrites: boolean, group: string) => {
        const target = await openAnalytics(a, postgres, database, perEventWrites);
        const reader = new EmbeddedTransport({ url: logUrl.toString(), partitions: 4 });
        try {
          return await ingest(target.dataSource, reader, target.handlers, subset, group);
        } finally {
          await reader.close();
          await target.dataSource.destroy();
        }
      };
      const baseline = await side('bench_analytics_per_event', true, 'analytics-per-event');
      const gathered = await side('bench_analytics_again', false, 'analytics-again');
      rows.push([
        `Ingestion, first ${subset} events: gathered per transaction / written per event`,
        `${Math.round(gathered.perSecond)} / ${Math.round(baseline.perSecond)} events/s`,
        '—',
        `${(gathered.perSecond / baseline.perSecond).toFixed(1)}× faster`,
        '≥ 5,000 events/s',
      ]);
    }

    if (o.kafka) {
      const kafkaEvents = kafkaBatch.length;
      log(`ingestion from Kafka (mock cluster, ${kafkaEvents} events)`);
      const kafka = await startMockKafka({ brokers: 1, partitions: 4, topics });
      try {
        const producer = new KafkaTransport({ brokers: kafka.brokers, clientId: 'bench-producer', partitions: 4, maxWaitTimeMs: 100 });
        for (let i = 0; i < kafkaBatch.length; i += 2000) await producer.publish(kafkaBatch.slice(i, i + 2000));
        await producer.close();
        const consumerTransport = new KafkaTransport({ brokers: kafka.brokers, clientId: 'bench-analytics', partitions: 4, maxWaitTimeMs: 100 });
        const target = await openAnalytics(a, postgres, 'bench_analytics_kafka');
        const result = await ingest(target.dataSource, consumerTransport, target.handlers, kafkaEvents);
        await consumerTransport.close();
        await target.dataSource.destroy();
        rows.push([`Ingestion, Kafka mock cluster (${kafkaEvents} events)`, `${Math.round(result.perSecond)} events/s (${result.seconds.toFixed(1)} s)`, '—', '—', '≥ 5,000 events/s']);
      } finally {
        await kafka.stop();
      }
    }

    const queries = live.domain.figureQueries;
    const periods = a.analyticsSettings(ENV).periods;
    const month = periods.containing('MONTH', '2026-08-15');
    const series = periods.series('MONTH', '2025-12-01', '2026-11-30', 12);
    const seriesPeriods = [...new Map(series.flatMap((p) => [p, periods.previous(p), periods.sameLastYear(p)]).map((p) => [p.from, p])).values()];
    const monthQuery = { periods: [month], breakdowns: ['CHANNEL', 'CATEGORY'] as ('CHANNEL' | 'CATEGORY')[], filters: [] };
    const seriesQuery = { periods: seriesPeriods, breakdowns: [], filters: [] };
    const comparable = (list: ReturnType<Analytics['RawEventFigures']['prototype']['figures']>) =>
      list.map((r) => ({ period: r.period, dimensions: r.dimensions, figures: a.figuresFrom(r.counts) })).sort((x, y) => `${x.period}${JSON.stringify(x.dimensions)}`.localeCompare(`${y.period}${JSON.stringify(y.dimensions)}`));

    log('checking the answers against the raw events');
    const reference = await rawFigures(a, transport, topics);
    for (const query of [monthQuery, seriesQuery]) {
      const served = JSON.stringify(comparable(await live.domain.engine.figures(query)));
      if (served !== JSON.stringify(comparable(reference.figures(query)))) throw new Error('analytics and the raw events disagree: the benchmark stops before timing anything');
    }

    if (JSON.stringify(await queries.series('MONTH', '2025-12-01', '2026-11-30')) !== JSON.stringify(await new a.FigureQueries(new a.PostgresFigureEngine(live.dataSource, a.analyticsSettings(ENV).dotRule, periods.timeZone), periods).series('MONTH', '2025-12-01', '2026-11-30'))) {
      throw new Error('remembered and computed figures disagree: the benchmark stops before timing anything');
    }
    log(`timing: ${o.rounds} rounds of each served query, ${o.rawRounds} of each raw one, interleaved`);
    const settings = a.analyticsSettings(ENV);
    // The same queries computed from the fact tables every time (no remembered periods), and the series while events arrive in its last month.
    const computing = new a.FigureQueries(new a.PostgresFigureEngine(live.dataSource, settings.dotRule, settings.periods.timeZone), settings.periods);
    const lastMonth = periods.containing('MONTH', '2026-11-15');
    const servedMonth: number[] = [];
    const servedSeries: number[] = [];
    const computedMonth: number[] = [];
    const computedSeries: number[] = [];
    const arrivingSeries: number[] = [];
    const rawMonth: number[] = [];
    const rawSeries: number[] = [];
    const rawEvery = Math.max(1, Math.floor(o.rounds / o.rawRounds));
    for (let round = 0; round < o.rounds; round++) {
      servedMonth.push((await time(() => queries.table({ kind: 'MONTH', date: '2026-08-15' }, ['CHANNEL', 'CATEGORY']))).ms);
      servedSeries.push((await time(() => queries.series('MONTH', '2025-12-01', '2026-11-30'))).ms);
      computedMonth.push((await time(() => computing.table({ kind: 'MONTH', date: '2026-08-15' }, ['CHANNEL', 'CATEGORY']))).ms);
      computedSeries.push((await time(() => computing.series('MONTH', '2025-12-01', '2026-11-30'))).ms);
      // What a fact written in the series' last month records: that month's figures (and those of later periods) are computed again.
      await live.dataSource.query(`INSERT INTO fact_change (affected_from) VALUES ($1)`, [lastMonth.start]);
      arrivingSeries.push((await time(() => queries.series('MONTH', '2025-12-01', '2026-11-30'))).ms);
      if (round % rawEvery === 0 && rawMonth.length < o.rawRounds) {
        rawMonth.push((await time(async () => (await rawFigures(a, transport, topics)).figures(monthQuery))).ms);
        rawSeries.push((await time(async () => (await rawFigures(a, transport, topics)).figures(seriesQuery))).ms);
      }
    }
    const median = (values: number[]) => percentile(values, 0.5);
    const pp = (values: number[]) => `${ms(median(values))} / ${ms(percentile(values, 0.99))} ms`;
    rows.push(['A month, 2 breakdowns, computed from the facts each time: p50 / p99', pp(computedMonth), `${ms(median(rawMonth))} ms`, `${(median(rawMonth) / median(computedMonth)).toFixed(0)}× faster`, 'p99 < 50 ms']);
    rows.push(['12-month series, computed from the facts each time: p50 / p99', pp(computedSeries), `${ms(median(rawSeries))} ms`, `${(median(rawSeries) / median(computedSeries)).toFixed(0)}× faster`, 'p99 < 50 ms']);
    rows.push(['12-month series, a fact written in its last month before each round: p50 / p99', pp(arrivingSeries), `${ms(median(rawSeries))} ms`, `${(median(rawSeries) / median(arrivingSeries)).toFixed(0)}× faster`, 'p99 < 50 ms']);
    rows.push([
      'A month of every metric, 2 breakdowns, remembered: p50 / p99',
      `${ms(median(servedMonth))} / ${ms(percentile(servedMonth, 0.99))} ms`,
      `${ms(median(rawMonth))} ms (median of ${rawMonth.length})`,
      `${(median(rawMonth) / median(servedMonth)).toFixed(0)}× faster`,
      'p99 < 50 ms',
    ]);
    rows.push([
      '12-month series (+ previous, + last year), remembered: p50 / p99',
      `${ms(median(servedSeries))} / ${ms(percentile(servedSeries, 0.99))} ms`,
      `${ms(median(rawSeries))} ms (median of ${rawSeries.length})`,
      `${(median(rawSeries) / median(servedSeries)).toFixed(0)}× faster`,
      'p99 < 50 ms',
    ]);

    if (o.rebuild) {
      log('rebuild: replay into fresh tables and swap');
      const before = JSON.stringify(await queries.series('MONTH', '2025-12-01', '2026-11-30'));
      const rebuild = new a.FactRebuild(live.dataSource, transport, topics, (dataSource) => new EventConsumer({ service: 'analytics', dataSource, transport, handlers: live.handlers }));
      const report = await rebuild.run();
      if (JSON.stringify(await queries.series('MONTH', '2025-12-01', '2026-11-30')) !== before) throw new Error('figures changed across the rebuild');
      rows.push([
        `Rebuild of ${report.events} events (replay + swap)`,
        `${((report.replayedMs + report.swappedMs) / 1000).toFixed(1)} s (swap ${report.swappedMs} ms), figures equal`,
        '—',
        '—',
        `< 5 min for 1 M`,
      ]);
    }
    await live.dataSource.destroy();
    await transport.close();
  } finally {
    await postgres.stop();
  }
  process.stdout.write(
    `Analytics (${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${load.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at the end)\n\n` +
      `| Measure | analytics | from raw events | ratio | target |\n| --- | --- | --- | --- | --- |\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
