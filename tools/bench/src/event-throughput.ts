// Event backbone benchmark: outbox → relay → transport → EventConsumer, end to end, on the embedded
// Postgres event log and on Kafka (librdkafka's mock cluster through kafkajs).
//
//   node tools/run.js tools/bench/src/event-throughput.ts [--events 5000] [--transport embedded|kafka|both]
//                                                         [--writers 8] [--paced-events 1000] [--rate 200]
//
// Two phases per transport, both with one event per transaction (a domain row plus its outbox row,
// as a service's command writes them) from several concurrent writers:
//   burst  N events as fast as the writers go: throughput from the first outbox commit to the last
//          consumer effect, and latency under that backlog;
//   paced  events at a fixed rate well below capacity: the latency of an event on a quiet system.
// Latency per event = the time the consumer's handler applies the effect − the event's ce_time (set
// when the event is recorded in the outbox transaction, which commits right after).
// Prints a markdown table on stdout; progress goes to stderr.
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { defineEvent } from '@carebridge/event-contracts';
import { startEmbeddedPostgres, type LocalPostgres } from '@carebridge/local-platform';
import {
  CreateMessagingTables1763700000000,
  EmbeddedTransport,
  EventConsumer,
  type EventTransport,
  KafkaTransport,
  onEvent,
  Outbox,
  OutboxRelay,
} from '@carebridge/messaging';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
// There is no @carebridge/* alias for tools; tools build on each other by path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startMockKafka, type MockKafka } from '../../kafka-mock-broker/src/index';

type TransportKind = 'embedded' | 'kafka';

interface Options {
  events: number;
  transports: TransportKind[];
  writers: number;
  pacedEvents: number;
  rate: number;
}

interface PhaseResult {
  transport: TransportKind;
  phase: 'burst' | 'paced';
  events: number;
  seconds: number;
  perSecond: number;
  /** How fast the writers committed their outbox transactions (the producing side alone). */
  writesPerSecond: number;
  latencies: number[];
  exactlyOnce: boolean;
}

const contract = defineEvent({
  type: 'bench.recorded',
  version: 1,
  producer: 'bench',
  topic: 'carebridge.bench.ticket',
  description: 'A benchmark event.',
  schema: z.object({ ticketId: z.string(), seq: z.number().int(), note: z.string() }),
  key: (data) => data.ticketId,
  personalData: 'none',
});

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const suffix = () => randomBytes(4).toString('hex');

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '5000' },
      transport: { type: 'string', default: 'both' },
      writers: { type: 'string', default: '8' },
      'paced-events': { type: 'string', default: '1000' },
      rate: { type: 'string', default: '200' },
    },
  });
  const int = (name: string, value: string | undefined, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
    return n;
  };
  const transport = values.transport ?? 'both';
  if (!['embedded', 'kafka', 'both'].includes(transport)) throw new Error('--transport must be embedded, kafka or both');
  return {
    events: int('events', values.events, 1),
    transports: transport === 'both' ? ['embedded', 'kafka'] : [transport as TransportKind],
    writers: int('writers', values.writers, 1),
    pacedEvents: int('paced-events', values['paced-events'], 0),
    rate: int('rate', values.rate, 1),
  };
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return databaseUrl(serverUrl, name);
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** One transport: a producing service's database with its outbox and relay, a consuming service's database. */
async function runTransport(kind: TransportKind, postgres: LocalPostgres, options: Options): Promise<PhaseResult[]> {
  let kafka: MockKafka | undefined;
  let transport: EventTransport;
  const producerTransports: EventTransport[] = [];
  if (kind === 'kafka') {
    kafka = await startMockKafka({ brokers: 3, partitions: 4, topics: [contract.topic] });
    log(`mock Kafka cluster: ${kafka.brokers.join(',')}`);
    const brokers = kafka.brokers;
    // Service settings, except the fetch wait: the mock answers an empty fetch only after the full
    // wait (a real broker answers as soon as data arrives), so kafkajs' 5 s default would measure the mock.
    const make = (name: string) => new KafkaTransport({ brokers, clientId: `bench-${name}`, partitions: 4, maxWaitTimeMs: 100 });
    transport = make('consumer');
    producerTransports.push(make('relay'));
  } else {
    const url = await createDatabase(postgres.url, `bench_events_${suffix()}`);
    // As createTransport configures it for a service (4 partitions, batches of 100, NOTIFY wake-ups).
    transport = new EmbeddedTransport({ url, partitions: 4 });
    producerTransports.push(new EmbeddedTransport({ url, partitions: 4 }));
  }

  // The producing service (its outbox and relay) and the consuming service, each with its own database.
  const open = async (name: string, withEffects: boolean) => {
    const url = await createDatabase(postgres.url, `bench_${name}_${suffix()}`);
    const dataSource = new DataSource({ type: 'postgres', url, entities: [], migrations: [CreateMessagingTables1763700000000], extra: { max: options.writers + 4 } });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.query(
      withEffects
        ? 'CREATE TABLE effect (event_id uuid NOT NULL, seq integer NOT NULL, applied_at timestamptz NOT NULL DEFAULT clock_timestamp())'
        : 'CREATE TABLE ticket_note (id bigserial PRIMARY KEY, ticket_id text NOT NULL, note text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())',
    );
    return dataSource;
  };
  const producerDb = await open('producer', false);
  const consumerDb = await open('consumer', true);

  const outbox = new Outbox('bench', () => new Date());
  // Settings as a service runs them (OUTBOX_BATCH_SIZE 100, OUTBOX_POLL_INTERVAL_MS 1000; LISTEN wakes the relay).
  const relay = new OutboxRelay({ dataSource: producerDb, transport: producerTransports[0], batchSize: 100, pollIntervalMs: 1000 });
  let latencies: number[] = [];
  let applied = 0;
  const consumer = new EventConsumer({
    service: `bench-${suffix()}`,
    dataSource: consumerDb,
    transport,
    handlers: [
      onEvent(contract, async (event, manager) => {
        await manager.query('INSERT INTO effect (event_id, seq) VALUES ($1, $2)', [event.id, event.data.seq]);
        latencies.push(Date.now() - event.time.getTime());
        applied += 1;
      }),
    ],
  });
  await transport.ensureTopics([contract.topic]);
  await relay.start();
  await consumer.start();

  let seq = 0;
  const writeOne = () => {
    const n = seq++;
    const ticketId = `ticket-${n % 64}`;
    return producerDb.transaction(async (manager) => {
      await manager.query('INSERT INTO ticket_note (ticket_id, note) VALUES ($1, $2)', [ticketId, `note ${n}`]);
      await outbox.publish(manager, contract, { ticketId, seq: n, note: `note ${n}` });
    });
  };
  const waitForApplied = async (count: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (applied < count) {
      if (Date.now() > deadline) throw new Error(`${kind}: only ${applied} of ${count} events applied after ${timeoutMs} ms`);
      await sleep(5);
    }
  };

  // Warm up: the consumer has joined (Kafka: its group has formed), connections are open.
  log(`${kind}: warming up`);
  for (let i = 0; i < 20; i++) await writeOne();
  await waitForApplied(20, 60_000);

  const results: PhaseResult[] = [];
  const measure = async (phase: 'burst' | 'paced', events: number, write: () => Promise<void>) => {
    const start = applied;
    latencies = [];
    const started = Date.now();
    await write();
    const writeSeconds = (Date.now() - started) / 1000;
    await waitForApplied(start + events, 120_000);
    const seconds = (Date.now() - started) / 1000;
    await sleep(300); // a duplicate would show up here
    const [{ effects, processed }] = await consumerDb.query(
      `SELECT (SELECT count(*) FROM effect)::int AS effects, (SELECT count(*) FROM processed_event)::int AS processed`,
    );
    const exactlyOnce = effects === start + events && processed === start + events && applied === start + events;
    results.push({ transport: kind, phase, events, seconds, perSecond: events / seconds, writesPerSecond: events / writeSeconds, latencies: [...latencies].sort((a, b) => a - b), exactlyOnce });
    log(`${kind} ${phase}: ${events} events in ${seconds.toFixed(2)} s`);
  };

  log(`${kind}: burst of ${options.events} events from ${options.writers} writers`);
  await measure('burst', options.events, async () => {
    let remaining = options.events;
    await Promise.all(
      Array.from({ length: options.writers }, async () => {
        while (remaining > 0) {
          remaining -= 1;
          await writeOne();
        }
      }),
    );
  });

  if (options.pacedEvents > 0) {
    log(`${kind}: ${options.pacedEvents} events paced at ${options.rate}/s`);
    await measure('paced', options.pacedEvents, async () => {
      const interval = 1000 / options.rate;
      const begin = Date.now();
      const pending: Promise<void>[] = [];
      for (let i = 0; i < options.pacedEvents; i++) {
        const due = begin + i * interval;
        if (due > Date.now()) await sleep(due - Date.now());
        pending.push(writeOne());
      }
      await Promise.all(pending);
    });
  }

  await consumer.stop();
  await relay.stop();
  await Promise.all([transport, ...producerTransports].map((t) => t.close().catch(() => undefined)));
  await Promise.all([producerDb.destroy(), consumerDb.destroy()]);
  await kafka?.stop();
  return results;
}

function table(results: PhaseResult[], options: Options): string {
  const ms = (n: number) => (Number.isNaN(n) ? '–' : String(Math.round(n)));
  const lines = [
    '| transport | phase | events | writers | outbox commits/s | duration (s) | events/s end to end | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | exactly once |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.transport} | ${r.phase === 'paced' ? `paced ${options.rate}/s` : 'burst'} | ${r.events} | ${options.writers} | ${Math.round(r.writesPerSecond)} | ${r.seconds.toFixed(2)} | ${Math.round(r.perSecond)} | ` +
        `${ms(percentile(r.latencies, 50))} | ${ms(percentile(r.latencies, 95))} | ${ms(percentile(r.latencies, 99))} | ${ms(r.latencies[r.latencies.length - 1])} | ${r.exactlyOnce ? 'yes' : 'NO'} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions();
  process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
  const dataDir = await mkdtemp(join(tmpdir(), 'carebridge-bench-pg-'));
  log('starting embedded Postgres');
  const postgres = await startEmbeddedPostgres({ dataDir, persistent: false });
  const results: PhaseResult[] = [];
  try {
    for (const kind of options.transports) results.push(...(await runTransport(kind, postgres, options)));
  } finally {
    await postgres.stop();
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(
    `Event backbone: outbox → relay → transport → EventConsumer (${new Date().toISOString().slice(0, 10)}, ` +
      `${availableParallelism()} cores, ${cpu}, Node ${process.version})\n\n${table(results, options)}\n`,
  );
  if (results.some((r) => !r.exactlyOnce)) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
