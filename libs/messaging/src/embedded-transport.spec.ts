import { Client } from 'pg';
import { EmbeddedTransport, partitionFor } from './embedded-transport';
import { embeddedHarness, freshGroup, freshTopic, Recorder, sleep, Subscriptions, testMessage, type TransportHarness, waitFor } from '@carebridge/testing';
import { withTestServer } from '@carebridge/local-platform';
import type { TransportMessage } from './transport';

describe('partitionFor', () => {
  it('is 32-bit FNV-1a of the UTF-8 key (the published test vectors), modulo the partition count', () => {
    expect(partitionFor('', 2 ** 32)).toBe(0x811c9dc5);
    expect(partitionFor('a', 2 ** 32)).toBe(0xe40c292c);
    expect(partitionFor('foobar', 2 ** 32)).toBe(0xbf9cf968);
  });

  it('maps a key to the same partition every time and in every process (fixed values)', () => {
    // Changing any of these moves keys between partitions of existing logs and breaks their order.
    expect(partitionFor('customer-1', 4)).toBe(3);
    expect(partitionFor('5b7e3c1a-2f4d-4e6a-8b9c-0d1e2f3a4b5c', 4)).toBe(2);
    expect(partitionFor('ÄÖÜ-ключ', 4)).toBe(3);
    expect(partitionFor('ticket-0', 4)).toBe(0);
    expect(partitionFor('a', 12)).toBe(4);
    for (let i = 0; i < 100; i++) expect(partitionFor(`key-${i}`, 4)).toBe(partitionFor(`key-${i}`, 4));
  });

  it('stays within range and spreads keys over the partitions', () => {
    for (const partitions of [1, 3, 4, 16]) {
      const counts = new Array<number>(partitions).fill(0);
      for (let i = 0; i < 4000; i++) {
        const p = partitionFor(`7f3c${i}-customer`, partitions);
        expect(Number.isInteger(p) && p >= 0 && p < partitions).toBe(true);
        counts[p] += 1;
      }
      for (const count of counts) expect(count).toBeGreaterThan((4000 / partitions) * 0.8);
    }
  });
});

describe('EmbeddedTransport (Postgres event log)', () => {
  let harness: TransportHarness;
  const subscriptions = new Subscriptions();

  beforeEach(async () => {
    harness = await embeddedHarness({ dedicated: true });
  });
  afterEach(async () => {
    await subscriptions.stopAll();
    await harness.close();
  });

  it('concurrent publishers leave no gap and no skip: offsets are contiguous and every message arrives once', async () => {
    const topic = freshTopic('concurrent');
    const producer = harness.transport() as EmbeddedTransport;
    await producer.ensureTopics([topic]);
    // A random delay inside every publishing transaction, after it has taken its offsets and
    // before it commits: exactly where later offsets could otherwise become visible first.
    const url = harness.connection.kind === 'embedded' ? harness.connection.url : '';
    const admin = new Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`
        CREATE FUNCTION test_publish_delay() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_sleep(random() * 0.004); RETURN NULL; END $$;
        CREATE TRIGGER test_publish_delay AFTER INSERT ON event_log FOR EACH STATEMENT EXECUTE FUNCTION test_publish_delay();`);
    } finally {
      await admin.end();
    }

    const recorder = new Recorder();
    await subscriptions.subscribe(harness.transport(), { groupId: freshGroup('reader'), topics: [topic], fromBeginning: true, handle: recorder.handler() });

    const PUBLISHERS = 8;
    const PER_PUBLISHER = 200;
    const publishers = Array.from({ length: PUBLISHERS }, async (_, p) => {
      const transport = harness.transport(); // each publisher its own pool, like its own service
      const keys = [`pub${p}-a`, `pub${p}-b`, `pub${p}-c`];
      const seqs = new Map(keys.map((k) => [k, 0]));
      let sent = 0;
      while (sent < PER_PUBLISHER) {
        const batch: TransportMessage[] = [];
        const size = Math.min(1 + Math.floor(Math.random() * 3), PER_PUBLISHER - sent);
        for (let i = 0; i < size; i++) {
          const key = keys[Math.floor(Math.random() * keys.length)];
          const seq = seqs.get(key) ?? 0;
          seqs.set(key, seq + 1);
          batch.push(testMessage(topic, key, seq));
        }
        await transport.publish(batch);
        sent += size;
        if (Math.random() < 0.3) await sleep(Math.random() * 3);
      }
    });
    await Promise.all(publishers);

    const total = PUBLISHERS * PER_PUBLISHER;
    await waitFor(() => recorder.count >= total, `${total} messages`, 30_000, () => recorder.count);
    await sleep(300);
    expect(recorder.count).toBe(total);
    expect(recorder.duplicates()).toEqual([]);
    // Per partition, the reader saw offsets 0..n-1 in order: nothing skipped, nothing out of order.
    const byPartition = new Map<number, number[]>();
    for (const m of recorder.received) byPartition.set(m.partition, [...(byPartition.get(m.partition) ?? []), Number(m.offset)]);
    expect(byPartition.size).toBeGreaterThan(1);
    let sum = 0;
    for (const [, offsets] of byPartition) {
      expect(offsets).toEqual(offsets.map((_, i) => i));
      sum += offsets.length;
    }
    expect(sum).toBe(total);
    // Each key in its publisher's order.
    for (const [key, seqs] of recorder.byKey()) expect({ key, seqs }).toEqual({ key, seqs: seqs.map((_, i) => i) });
  });

  it('survives losing its database connections: members reconnect, keep a partition to one member at a time, and still hand over', async () => {
    const topic = freshTopic('reconnect');
    const groupId = freshGroup('members');
    const producer = harness.transport();
    const recorder = new Recorder();
    // Which member is inside the handler for a partition right now: never two at once.
    const busy = new Map<number, string>();
    const overlaps: string[] = [];
    const handle = (member: string) =>
      recorder.handler(member, async (message) => {
        const partition = message.partition ?? -1;
        const other = busy.get(partition);
        if (other) overlaps.push(`partition ${partition}: ${member} while ${other}`);
        busy.set(partition, member);
        await sleep(2);
        busy.delete(partition);
      });
    const memberA = await subscriptions.subscribe(harness.transport(), { groupId, topics: [topic], fromBeginning: true, handle: handle('A') });
    const memberB = await subscriptions.subscribe(harness.transport(), { groupId, topics: [topic], fromBeginning: true, handle: handle('B') });
    const publish = (seq: number) => producer.publish(Array.from({ length: 12 }, (_, i) => testMessage(topic, `key-${i}`, seq)));
    const distinct = () => new Set(recorder.ids()).size;

    await publish(0);
    await waitFor(() => distinct() >= 12, 'the first messages', 10_000, distinct);

    // Every connection to the event log is cut (a failover, a restart, a network blip).
    await withTestServer((admin) =>
      admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [
        harness.connection.kind === 'embedded' ? new URL(harness.connection.url).pathname.slice(1) : '',
      ]),
    );
    for (let seq = 1; seq <= 3; seq++) await publish(seq);
    await waitFor(() => distinct() >= 48, 'the messages after the connection loss', 20_000, distinct);

    // Whoever holds the partitions now leaves; the other member must be able to take them over.
    const owners = new Set(recorder.received.slice(-12).map((m) => m.member));
    const [leaving, staying] = owners.has('A') ? [memberA, 'B'] : [memberB, 'A'];
    await leaving.stop();
    const handledBefore = recorder.count;
    await publish(4);
    await waitFor(() => distinct() >= 60, 'the messages after the hand-over', 20_000, distinct);
    await sleep(200);

    expect(new Set(recorder.received.slice(handledBefore).map((m) => m.member))).toEqual(new Set([staying]));
    expect(overlaps).toEqual([]);
    expect(recorder.duplicates()).toEqual([]);
    for (const [key, seqs] of recorder.byKey()) expect({ key, seqs }).toEqual({ key, seqs: [0, 1, 2, 3, 4] });
  });

  it('fails subscribe() loudly when the event log is unreachable', async () => {
    const transport = new EmbeddedTransport({ url: 'postgres://postgres:wrong@127.0.0.1:1/nowhere', pollIntervalMs: 50 });
    await expect(transport.subscribe({ groupId: 'g', topics: ['t'], fromBeginning: true, handle: async () => undefined })).rejects.toThrow();
    await transport.close();
  });
});
