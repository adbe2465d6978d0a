import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { deadLetterTopic } from '@carebridge/event-contracts';
import type { EntityManager } from 'typeorm';
import { consumerGroup, EventConsumer, onEvent } from './consumer';
import { encodeEvent, type ReceivedEvent } from './envelope';
import { Outbox, OutboxRelay, type OutboxRelayOptions } from './outbox';
import type { EventTransport, TransportMessage } from './transport';
import { withTestServer } from '@carebridge/local-platform';
import {
  BOTH_TRANSPORTS,
  CONSUMER_PROCESS_ENTRY,
  type ConsumerProcessConfig,
  freshGroup,
  freshTopic,
  openServiceTestDatabase,
  randomSuffix,
  Recorder,
  recordEffect,
  type ServiceTestDatabase,
  sleep,
  Subscriptions,
  testContract,
  type TransportHarness,
  waitFor,
} from '@carebridge/testing';

const REPO_ROOT = path.resolve(__dirname, '../../..');

type TicketContract = ReturnType<typeof testContract>;
type TicketEvent = ReceivedEvent<TicketContract>;

/**
 * The event backbone end to end, on both transports: a service writes events through its outbox in
 * its own transactions, the relay sends them, another service's EventConsumer applies them once.
 * The faults: rollbacks, a relay crash between send and mark, a consumer killed mid-batch, its
 * database gone mid-batch, the event log unreachable for a while, poison and malformed events.
 */
describe.each(BOTH_TRANSPORTS)('outbox → relay → consumer: %s', (kind, createHarness) => {
  let harness: TransportHarness;
  const subscriptions = new Subscriptions();
  /** Run after each test, last registered first. */
  let cleanups: (() => Promise<unknown>)[] = [];
  const onCleanup = (fn: () => Promise<unknown>) => cleanups.push(fn);

  beforeAll(async () => {
    harness = await createHarness();
  });
  afterEach(async () => {
    await subscriptions.stopAll();
    const pending = cleanups.reverse();
    cleanups = [];
    for (const fn of pending) await fn().catch((error) => console.warn(`cleanup failed: ${(error as Error).message}`));
  });
  afterAll(() => harness?.close());

  interface Pipeline {
    db: ServiceTestDatabase;
    service: string;
    topic: string;
    contract: TicketContract;
    outbox: Outbox;
    /** Events written, one transaction each; `keyOf(i)` picks the ticket (the key). */
    write(count: number, keyOf?: (i: number) => string): Promise<string[]>;
    relay(options?: Partial<OutboxRelayOptions>): OutboxRelay;
    startRelay(options?: Partial<OutboxRelayOptions>): Promise<OutboxRelay>;
    startConsumer(options?: { handle?: (event: TicketEvent, manager: EntityManager) => Promise<void>; maxAttempts?: number }): Promise<EventConsumer>;
    /** A transport of its own (as a separate process would have), closed after the test. */
    transport(name: string): EventTransport;
    distinctEffects(): Promise<number>;
    expectOneEffectPerEvent(ids: string[]): Promise<void>;
    /** Records what crosses the wire on the topic (a group of its own), duplicates included. */
    tapWire(): Promise<Recorder>;
  }

  async function pipeline(on: TransportHarness = harness): Promise<Pipeline> {
    const db = await openServiceTestDatabase('svc');
    onCleanup(() => db.close());
    const service = `svc_${randomSuffix()}`;
    const topic = freshTopic('tickets');
    const contract = testContract(topic);
    const outbox = new Outbox('test-producer', () => new Date());
    let written = 0;
    const transport = (name: string) => {
      const t = on.transport(name);
      onCleanup(() => t.close());
      return t;
    };
    const relay = (options: Partial<OutboxRelayOptions> = {}) => new OutboxRelay({ dataSource: db.dataSource, transport: transport('relay'), pollIntervalMs: 50, batchSize: 20, ...options });
    const self: Pipeline = {
      db,
      service,
      topic,
      contract,
      outbox,
      transport,
      async write(count, keyOf = (i) => `ticket-${i % 5}`) {
        const ids: string[] = [];
        for (let i = 0; i < count; i++, written++) {
          const seq = written;
          ids.push(await db.dataSource.transaction((manager) => outbox.publish(manager, contract, { ticketId: keyOf(seq), seq })));
        }
        return ids;
      },
      relay,
      async startRelay(options) {
        const r = relay(options);
        await r.start();
        onCleanup(() => r.stop());
        return r;
      },
      async startConsumer(options = {}) {
        const consumer = new EventConsumer({
          service,
          dataSource: db.dataSource,
          transport: transport('consumer'),
          handlers: [onEvent(contract, options.handle ?? ((event, manager) => recordEffect(manager, event)))],
          maxAttempts: options.maxAttempts ?? 3,
          retryBackoffMs: 20,
        });
        await consumer.start();
        onCleanup(() => consumer.stop());
        return consumer;
      },
      async distinctEffects() {
        const [{ n }] = await db.dataSource.query('SELECT count(DISTINCT event_id)::int AS n FROM effect');
        return n;
      },
      async expectOneEffectPerEvent(ids) {
        const effects = await db.effects();
        const perEvent = new Map<string, number>();
        for (const e of effects) perEvent.set(e.event_id, (perEvent.get(e.event_id) ?? 0) + 1);
        expect([...perEvent.keys()].sort()).toEqual([...ids].sort());
        expect([...perEvent.entries()].filter(([, n]) => n !== 1)).toEqual([]);
        const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM processed_event');
        expect(n).toBe(ids.length);
        // Each ticket's events took effect in the order they were written.
        const perKey = new Map<string, number[]>();
        for (const e of effects) perKey.set(e.key, [...(perKey.get(e.key) ?? []), e.seq]);
        for (const [key, seqs] of perKey) expect({ key, seqs }).toEqual({ key, seqs: [...seqs].sort((a, b) => a - b) });
      },
      async tapWire() {
        const wire = new Recorder();
        await subscriptions.subscribe(transport('wire'), { groupId: freshGroup('wire'), topics: [topic], fromBeginning: true, handle: wire.handler('wire') });
        return wire;
      },
    };
    return self;
  }

  const waitForEffects = (p: Pipeline, count: number, timeoutMs = 30_000) =>
    waitFor(async () => (await p.distinctEffects()) >= count, `${count} effects`, timeoutMs, () => p.distinctEffects());

  it('publishes nothing for a transaction that rolls back', async () => {
    const p = await pipeline();
    await expect(
      p.db.dataSource.transaction(async (manager) => {
        await p.outbox.publish(manager, p.contract, { ticketId: 'rolled-back', seq: 0 });
        throw new Error('business rule violated after the event was recorded');
      }),
    ).rejects.toThrow('business rule violated');
    const [{ n }] = await p.db.dataSource.query('SELECT count(*)::int AS n FROM outbox_event');
    expect(n).toBe(0);
    expect(await p.relay().drainOnce()).toBe(0);

    // A committed event after it goes through; the rolled-back one never shows up.
    const wire = await p.tapWire();
    const [committed] = await p.write(1, () => 'committed');
    await p.startRelay();
    await p.startConsumer();
    await waitForEffects(p, 1);
    await waitFor(() => wire.count >= 1, 'the committed event on the wire');
    await sleep(300);
    expect(wire.received.map((m) => m.key)).toEqual(['committed']);
    expect(wire.received[0].headers.ce_id).toBe(committed);
    await p.expectOneEffectPerEvent([committed]);
  });

  it('absorbs the re-send after a relay crash between send and mark: one effect per event', async () => {
    const p = await pipeline();
    const ids = await p.write(30);
    const wire = await p.tapWire();
    let crashes = 0;
    const relay = await p.startRelay({
      batchSize: 20,
      afterSend: () => {
        // The transport acknowledged the batch; the relay "dies" before marking it published.
        if (crashes++ === 0) throw new Error('relay crashed after send');
      },
    });
    await p.startConsumer();
    await waitForEffects(p, 30);
    await waitFor(() => wire.count >= 50, 'the first batch twice on the wire', 30_000, () => wire.count);
    await waitFor(async () => (await relay.lag()).pending === 0, 'the outbox to drain');
    await sleep(300);

    // The first batch really went out twice, with the same event ids...
    const copies = new Map<string, number>();
    for (const m of wire.received) copies.set(m.headers.ce_id, (copies.get(m.headers.ce_id) ?? 0) + 1);
    expect(wire.count).toBe(50);
    expect([...copies.values()].filter((n) => n === 2)).toHaveLength(20);
    expect(new Set(copies.keys())).toEqual(new Set(ids));
    expect(ids.slice(0, 20).every((id) => copies.get(id) === 2)).toBe(true);
    // ...and the consumer applied each event once.
    await p.expectOneEffectPerEvent(ids);
    expect(await relay.lag()).toMatchObject({ pending: 0, published: 30 });
  });

  it('loses nothing when the consumer process is killed mid-batch (SIGKILL), and applies each event once', async () => {
    const p = await pipeline();
    const ids = await p.write(60);
    const relay = await p.startRelay();
    await waitFor(async () => (await relay.lag()).pending === 0, 'the outbox to drain');

    const config: ConsumerProcessConfig = { service: p.service, databaseUrl: p.db.url, topic: p.topic, transport: harness.connection, handlerDelayMs: 50 };
    const child = startConsumerProcess(config);
    onCleanup(() => child.kill());
    // A process start is what a loaded machine slows most: the effects are awaited once it has subscribed.
    await child.ready;
    await waitForEffects(p, 12, 30_000);
    await child.kill();
    const atKill = await p.distinctEffects();
    expect(atKill).toBeGreaterThanOrEqual(12);
    expect(atKill).toBeLessThan(60); // it died with work left in the batch it had fetched

    // The service comes back (another instance): the rest is applied, nothing twice.
    await p.startConsumer();
    await waitForEffects(p, 60);
    await sleep(300);
    await p.expectOneEffectPerEvent(ids);
  }, 180_000);

  it("leaves the offset uncommitted when the consumer's database goes away mid-batch, and catches up once it is back", async () => {
    const p = await pipeline();
    const ids = await p.write(40);
    await p.startRelay();
    const database = { down: false };
    const serviceDatabase = (allow: boolean) =>
      withTestServer(async (admin) => {
        await admin.query(`ALTER DATABASE "${p.db.database}" ALLOW_CONNECTIONS ${allow}`);
        if (!allow) await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [p.db.database]);
      });
    onCleanup(() => serviceDatabase(true));
    let handled = 0;
    await p.startConsumer({
      handle: async (event, manager) => {
        if (++handled === 10) {
          // The database goes away under this very transaction (connections terminated, new ones refused).
          database.down = true;
          await serviceDatabase(false);
          setTimeout(() => void serviceDatabase(true).then(() => (database.down = false)), 1500);
        }
        await recordEffect(manager, event);
      },
    });
    await waitFor(() => database.down, 'the outage to start');
    await waitFor(() => !database.down, 'the database to come back', 10_000);
    await waitForEffects(p, 40, 40_000);
    await sleep(300);
    await p.expectOneEffectPerEvent(ids);
  });

  it('keeps events in the outbox while the event log is unreachable and delivers each exactly once after recovery', async () => {
    const isolated = await createHarness({ dedicated: true });
    onCleanup(() => isolated.close());
    onCleanup(() => isolated.outage.up());
    const p = await pipeline(isolated);
    const relay = await p.startRelay();
    await p.startConsumer();
    const before = await p.write(5);
    await waitForEffects(p, 5); // the whole path works, the consumer has joined

    await isolated.outage.down();
    const during = await p.write(40);
    await waitFor(async () => (await relay.lag()).pending === 40, 'all 40 events pending in the outbox', 10_000, () => relay.lag());
    await sleep(1500);
    const held = await relay.lag();
    expect(held.pending).toBe(40); // held, not dropped
    expect(held.oldestPendingSeconds).toBeGreaterThan(1);
    expect(await p.distinctEffects()).toBe(5);
    if (kind === 'embedded') expect(held.lastError).toBeDefined(); // (kafkajs is still retrying the send)

    await isolated.outage.up();
    await waitFor(async () => (await relay.lag()).pending === 0, 'the outbox to drain after recovery', 60_000, () => relay.lag());
    await waitForEffects(p, 45, 60_000);
    await sleep(500);
    await p.expectOneEffectPerEvent([...before, ...during]);
    expect((await relay.lag()).published).toBeGreaterThanOrEqual(45);
  });

  it('dead-letters a poison event after maxAttempts and a malformed one at once; the partition moves on', async () => {
    const p = await pipeline();
    const attempts = new Map<number, number>();
    await p.startRelay();
    await p.startConsumer({
      maxAttempts: 3,
      handle: async (event, manager) => {
        attempts.set(event.data.seq, (attempts.get(event.data.seq) ?? 0) + 1);
        if (event.data.note === 'poison') throw new Error(`cannot apply note ${event.data.seq}`);
        await recordEffect(manager, event);
      },
    });
    const dlq = new Recorder();
    await subscriptions.subscribe(p.transport('dlq-reader'), { groupId: freshGroup('dlq'), topics: [deadLetterTopic(consumerGroup(p.service))], fromBeginning: true, handle: dlq.handler('dlq') });

    // One ticket: ok, poison, ok, ok. The poison sits in the middle of the ticket's partition.
    const write = (seq: number, note?: string) => p.db.dataSource.transaction((m) => p.outbox.publish(m, p.contract, { ticketId: 'ticket-p', seq, note }));
    const ok0 = await write(0);
    const poison = await write(1, 'poison');
    const ok2 = await write(2);
    const ok3 = await write(3);

    // Malformed messages, straight onto the topic: data the contract refuses, a missing CloudEvents
    // attribute, a value that is not JSON.
    const valid = (seq: number) => encodeEvent(p.contract, { ticketId: 'ticket-p', seq }, { source: 'test-producer', time: new Date() });
    const badData: TransportMessage = { ...valid(90), value: Buffer.from(JSON.stringify({ ticketId: 'ticket-p', seq: -1 })) };
    const noType = valid(91);
    delete noType.headers.ce_type;
    const notJson: TransportMessage = { ...valid(92), value: Buffer.from('{not json') };
    await p.transport('intruder').publish([badData, noType, notJson]);
    const ok4 = await write(4);

    await waitForEffects(p, 4);
    await waitFor(() => dlq.count >= 4, 'four dead letters', 30_000, () => dlq.count);
    await sleep(300);

    await p.expectOneEffectPerEvent([ok0, ok2, ok3, ok4]);
    expect(attempts.get(1)).toBe(3); // the poison: maxAttempts tries, then dead-lettered
    expect(attempts.has(90) || attempts.has(91) || attempts.has(92)).toBe(false); // malformed: never handed to the handler
    expect(dlq.count).toBe(4);

    const letter = (ceId: string | undefined) => dlq.received.find((m) => m.headers.ce_id === ceId);
    const poisonLetter = letter(poison);
    expect(poisonLetter).toBeDefined();
    expect(poisonLetter?.key).toBe('ticket-p');
    expect(poisonLetter?.seq).toBe(1);
    expect(poisonLetter?.headers).toMatchObject({
      ce_id: poison,
      ce_type: 'ticket.noted',
      ce_source: '/carebridge/test-producer',
      ce_specversion: '1.0',
      ce_subject: 'ticket-p',
      ce_dataschema: 'urn:carebridge:events:ticket.noted:v1',
      'content-type': 'application/json',
      dlq_original_topic: p.topic,
      dlq_consumer_group: consumerGroup(p.service),
      dlq_error: 'cannot apply note 1',
      dlq_attempts: '3',
    });
    expect(poisonLetter?.headers.dlq_original_offset).toMatch(/^\d+$/);

    expect(letter(badData.headers.ce_id)?.headers).toMatchObject({ dlq_attempts: '1', dlq_error: expect.stringContaining('does not match ticket.noted v1') });
    expect(letter(noType.headers.ce_id)?.headers).toMatchObject({ dlq_attempts: '1', dlq_error: 'header ce_type is missing' });
    expect(letter(notJson.headers.ce_id)?.headers).toMatchObject({ dlq_attempts: '1', dlq_error: 'message value is not JSON' });
    for (const m of dlq.received) expect(m.key).toBe('ticket-p');
  });
});

interface ConsumerProcess {
  /** Resolves once the child has subscribed (it prints READY); rejects if it exits first. */
  ready: Promise<void>;
  kill(): Promise<void>;
}

/** The consumer of @carebridge/testing's consumer-process.ts in a child process; `kill` is SIGKILL. */
function startConsumerProcess(config: ConsumerProcessConfig): ConsumerProcess {
  const child: ChildProcess = spawn(process.execPath, [path.join(REPO_ROOT, 'tools/run.js'), CONSUMER_PROCESS_ENTRY], {
    cwd: REPO_ROOT,
    env: { ...process.env, CONSUMER_PROCESS_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code) => {
    if (code) process.stderr.write(`consumer process exited with ${code}: ${output}\n`);
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', () => output.includes('READY') && resolve());
    child.once('exit', (code, signal) => reject(new Error(`consumer process exited (${code ?? signal}) before it subscribed: ${output}`)));
  });
  ready.catch(() => undefined);
  return {
    ready,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
