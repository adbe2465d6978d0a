import type { EventTransport, TransportMessage } from './transport';
import { BOTH_TRANSPORTS, freshGroup, freshTopic, Recorder, sleep, Subscriptions, testMessage, type TransportHarness, waitFor } from '@carebridge/testing';

/**
 * What every EventTransport promises (transport.ts), checked with the same test code on the
 * embedded Postgres log and on Kafka (librdkafka's mock cluster, through kafkajs).
 */
describe.each(BOTH_TRANSPORTS)('EventTransport contract: %s', (kind, createHarness) => {
  let harness: TransportHarness;
  let producer: EventTransport;
  const subscriptions = new Subscriptions();

  beforeAll(async () => {
    harness = await createHarness();
    producer = harness.transport('producer');
  });
  afterEach(() => subscriptions.stopAll());
  afterAll(() => harness?.close());

  /** `perKey` messages for each of `keys`, interleaved, sent in `batches` publish calls. */
  async function publishInterleaved(topic: string, keys: string[], perKey: number, batches: number, firstSeq = 0): Promise<TransportMessage[]> {
    const all: TransportMessage[] = [];
    for (let seq = firstSeq; seq < firstSeq + perKey; seq++) for (const key of keys) all.push(testMessage(topic, key, seq));
    const size = Math.ceil(all.length / batches);
    for (let i = 0; i < all.length; i += size) await producer.publish(all.slice(i, i + size));
    return all;
  }

  const keysFor = (count: number, prefix = 'key') => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

  it('keeps each key in publish order across many keys and several batches', async () => {
    const topic = freshTopic('order');
    const keys = keysFor(24);
    const sent = await publishInterleaved(topic, keys, 25, 6);
    const recorder = new Recorder();
    await subscriptions.subscribe(harness.transport('consumer'), { groupId: freshGroup('order'), topics: [topic], fromBeginning: true, handle: recorder.handler() });
    await waitFor(() => recorder.count >= sent.length, `${sent.length} messages`, 30_000, () => recorder.count);
    await sleep(200); // room for a message that should not come

    expect(recorder.count).toBe(sent.length);
    expect(recorder.duplicates()).toEqual([]);
    const expected = Array.from({ length: 25 }, (_, i) => i);
    for (const key of keys) expect({ key, seqs: recorder.byKey().get(key) }).toEqual({ key, seqs: expected });
    // One key, one partition; and the keys do spread over the partitions.
    for (const key of keys) expect(new Set(recorder.received.filter((m) => m.key === key).map((m) => m.partition)).size).toBe(1);
    expect(new Set(recorder.received.map((m) => m.partition)).size).toBeGreaterThan(1);
    // Offsets grow along each partition in delivery order.
    const lastOffset = new Map<number, bigint>();
    for (const m of recorder.received) {
      const offset = BigInt(m.offset);
      expect(offset > (lastOffset.get(m.partition) ?? -1n)).toBe(true);
      lastOffset.set(m.partition, offset);
    }
  });

  it('resumes a consumer group from its committed offsets: no loss, no repeat of anything committed', async () => {
    const topic = freshTopic('resume');
    const groupId = freshGroup('resume');
    const keys = keysFor(8);
    const first = await publishInterleaved(topic, keys, 10, 2); // 80
    const consumer = harness.transport('consumer');

    // Stop the subscription while it is still working through the backlog: from the 20th message on,
    // handlers wait until the stop has begun, so however slow the machine, the stop comes mid-way.
    const run1 = new Recorder();
    let stopBegun: () => void = () => undefined;
    const stopping = new Promise<void>((resolve) => (stopBegun = resolve));
    const subscription = await subscriptions.subscribe(consumer, {
      groupId,
      topics: [topic],
      fromBeginning: true,
      handle: run1.handler('run1', () => (run1.count >= 20 ? stopping : sleep(5))),
    });
    await waitFor(() => run1.count >= 20, '20 messages of the first run', 30_000, () => run1.count);
    const stopped = subscription.stop();
    stopBegun();
    await stopped;
    const handledInRun1 = run1.count;
    expect(handledInRun1).toBeLessThan(first.length); // really stopped mid-way

    const second = await publishInterleaved(topic, keys, 5, 1, 10); // 40 more, seq 10..14
    const run2 = new Recorder();
    await subscriptions.subscribe(harness.transport('consumer-again'), { groupId, topics: [topic], fromBeginning: true, handle: run2.handler('run2') });
    const total = first.length + second.length;
    const union = () => new Set([...run1.ids(), ...run2.ids()]).size;
    await waitFor(() => union() >= total, `all ${total} messages over both runs`, 30_000, () => ({ run1: run1.count, run2: run2.count }));
    await sleep(300);

    // Nothing lost.
    expect(union()).toBe(total);
    expect(run1.duplicates()).toEqual([]);
    expect(run2.duplicates()).toEqual([]);
    // A repeat is allowed only for a message whose offset commit the stop could have cut off: the
    // last one each partition handled in the first run. Everything else committed is not seen again.
    const lastPerPartition = new Map<number, string>();
    for (const m of run1.received) lastPerPartition.set(m.partition, `${m.key}#${m.seq}`);
    const repeated = run2.ids().filter((id) => run1.ids().includes(id));
    for (const id of repeated) expect([...lastPerPartition.values()]).toContain(id);
    // And the second run still delivers each key in order, continuing where the first left off.
    for (const key of keys) {
      const seqs = run2.byKey().get(key) ?? [];
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      const lastInRun1 = Math.max(-1, ...(run1.byKey().get(key) ?? []));
      expect(seqs[0]).toBeLessThanOrEqual(lastInRun1 + 1);
    }
  });

  it('replays the whole topic to a new group that starts from the beginning', async () => {
    const topic = freshTopic('replay');
    const keys = keysFor(10);
    const sent = await publishInterleaved(topic, keys, 6, 3);

    // An existing group has consumed and committed everything...
    const early = new Recorder();
    await subscriptions.subscribe(harness.transport('early'), { groupId: freshGroup('early'), topics: [topic], fromBeginning: true, handle: early.handler() });
    await waitFor(() => early.count >= sent.length, 'the first group to catch up', 30_000, () => early.count);

    // ...which does not stop a new group from reading it all again.
    const late = new Recorder();
    await subscriptions.subscribe(harness.transport('late'), { groupId: freshGroup('late'), topics: [topic], fromBeginning: true, handle: late.handler() });
    await waitFor(() => late.count >= sent.length, 'the new group to replay everything', 30_000, () => late.count);
    await sleep(200);
    expect(late.count).toBe(sent.length);
    expect(late.duplicates()).toEqual([]);
    expect(new Set(late.ids())).toEqual(new Set(sent.map((m) => `${m.key}#${m.headers.test_seq}`)));
    for (const [, seqs] of late.byKey()) expect(seqs).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('gives each message to exactly one member of a group, and hands partitions over when a member leaves', async () => {
    const topic = freshTopic('members');
    const groupId = freshGroup('members');
    const recorder = new Recorder();
    const memberA = await subscriptions.subscribe(harness.transport('member-a'), { groupId, topics: [topic], fromBeginning: true, handle: recorder.handler('A') });
    await subscriptions.subscribe(harness.transport('member-b'), { groupId, topics: [topic], fromBeginning: true, handle: recorder.handler('B') });

    // Let the group settle before the counted messages: on Kafka both members join (and the group
    // rebalances); warm-up messages spread over every partition show when both have partitions.
    const warmUp = await publishInterleaved(topic, keysFor(40, 'warm'), 1, 1);
    const warmUpIds = new Set(warmUp.map((m) => `${m.key}#${m.headers.test_seq}`));
    await waitFor(
      () => {
        const seen = recorder.received.filter((m) => m.key.startsWith('warm'));
        const members = new Set(seen.map((m) => m.member));
        return new Set(recorder.ids(seen)).size === warmUpIds.size && (kind === 'embedded' || members.size === 2);
      },
      'the group to settle',
      30_000,
      () => recorder.received.map((m) => m.member).join(''),
    );
    const counted = () => recorder.received.filter((m) => !m.key.startsWith('warm'));
    const distinct = () => new Set(recorder.ids(counted())).size;
    /**
     * Exactly one member handles each message. A rebalance may refuse the offset commit of the
     * message a member was finishing (Kafka is at-least-once): that member then gets it again
     * (EventConsumer absorbs such repeats); the embedded log commits before it hands a partition over.
     */
    const expectOneMemberPerMessage = () => {
      const members = new Map<string, Set<string>>();
      for (const m of counted()) members.set(`${m.key}#${m.seq}`, (members.get(`${m.key}#${m.seq}`) ?? new Set()).add(m.member));
      for (const [id, who] of members) expect({ id, members: [...who] }).toEqual({ id, members: [expect.any(String)] });
      const repeats = counted().length - distinct();
      if (kind === 'embedded') expect(repeats).toBe(0);
      else expect(repeats).toBeLessThanOrEqual(4); // at most the in-flight message of each partition
    };

    const keys = keysFor(30);
    const batch1 = await publishInterleaved(topic, keys, 5, 3); // 150
    await waitFor(() => distinct() >= batch1.length, 'the first batch', 30_000, () => distinct());
    await sleep(300);
    expect(distinct()).toBe(batch1.length);
    expectOneMemberPerMessage();
    // One key, one member (its partition's owner).
    for (const key of keys) expect(new Set(counted().filter((m) => m.key === key).map((m) => m.member)).size).toBe(1);
    if (kind === 'kafka') expect(new Set(counted().map((m) => m.member))).toEqual(new Set(['A', 'B']));

    // A leaves: B takes over its partitions and continues from A's committed offsets.
    await memberA.stop();
    const handledBefore = counted().length;
    const batch2 = await publishInterleaved(topic, keys, 3, 2, 5); // 90
    await waitFor(() => distinct() >= batch1.length + batch2.length, 'the second batch', 40_000, () => distinct());
    await sleep(300);
    expect(distinct()).toBe(batch1.length + batch2.length);
    expect(new Set(counted().slice(handledBefore).map((m) => m.member))).toEqual(new Set(['B']));
    expectOneMemberPerMessage();
    // Per-key order holds through the hand-over (a repeat re-handles the latest message, in place).
    for (const [key, seqs] of recorder.byKey()) {
      if (key.startsWith('warm')) continue;
      expect(seqs.filter((seq, i) => seqs[i - 1] !== seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    }
  });
});
