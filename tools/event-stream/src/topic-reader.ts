import { randomBytes } from 'node:crypto';
import type { EmbeddedTransport, EventTransport, TransportMessage } from '@carebridge/messaging';

/** Where consumer groups stand in a topic; lets a reader stop as soon as it has caught up. */
export interface StreamPositions {
  /**
   * Per partition: where the group starts (its committed offset; without a group, the oldest
   * retained message) and where the log ends now. Undefined when that cannot be known.
   */
  positions(topic: string, groupId: string | undefined): Promise<Map<number, { from: bigint; end: bigint }> | undefined>;
  /** Removes an ephemeral group once read (best effort). */
  forget(groupId: string): Promise<void>;
}

export interface ReadTopicOptions {
  topic: string;
  /** `beginning`: the oldest retained message; `end`: only messages published from now on. */
  start: 'beginning' | 'end';
  /** Keep reading new messages until the signal aborts; otherwise stop once caught up. */
  follow: boolean;
  /**
   * A consumer group that commits as it goes, so that a message is handed over once across runs.
   * Without one the read leaves no trace: the embedded log is read directly, Kafka through an
   * ephemeral group (`carebridge.tail.<random>`).
   */
  groupId?: string;
  signal?: AbortSignal;
  /** Through a subscription, "caught up" means no message for this long (default: 1 s embedded, 3 s Kafka). */
  idleMs?: number;
  /** …and this long before the first message (default: 1 s embedded, 15 s Kafka, which first joins its group). */
  firstMessageTimeoutMs?: number;
  /** Embedded, read directly: how often to look for new messages while following (default 500 ms). */
  pollIntervalMs?: number;
  /**
   * Through a subscription without following: stop once every message that was in the log at the
   * start has been handed over (and do not subscribe when there is none), rather than on a timeout.
   */
  positions?: StreamPositions;
}

/** What the reader does after a message: go on, or stop here. */
export type Verdict = 'continue' | 'stop';

export interface ReadResult {
  delivered: number;
  stoppedBy: 'caught-up' | 'handler' | 'signal';
}

type Handler = (message: TransportMessage) => Verdict | void | Promise<Verdict | void>;

/** Reads a topic in order per partition and hands each message to `handle`. */
export function readTopic(transport: EventTransport, options: ReadTopicOptions, handle: Handler): Promise<ReadResult> {
  if (!options.groupId && isEmbedded(transport)) return readEmbeddedLog(transport, options, handle);
  return readThroughSubscription(transport, options, handle);
}

export function ephemeralGroupId(): string {
  return `carebridge.tail.${randomBytes(6).toString('hex')}`;
}

function isEmbedded(transport: EventTransport): transport is EmbeddedTransport {
  return transport.kind === 'embedded' && typeof (transport as EmbeddedTransport).read === 'function';
}

const BATCH = 500;

async function readEmbeddedLog(transport: EmbeddedTransport, options: ReadTopicOptions, handle: Handler): Promise<ReadResult> {
  const positions = new Map<number, bigint>();
  const advance = (message: TransportMessage) => positions.set(message.partition ?? 0, BigInt(message.offset ?? '0') + 1n);
  if (options.start === 'end') {
    // Skip what is there now: the log keeps no index by time, so page through to its end.
    for (let batch = await transport.read(options.topic, positions, BATCH); batch.length; batch = await transport.read(options.topic, positions, BATCH)) {
      batch.forEach(advance);
    }
  }
  let delivered = 0;
  for (;;) {
    if (options.signal?.aborted) return { delivered, stoppedBy: 'signal' };
    const batch = inPartitionOrder(await transport.read(options.topic, positions, BATCH));
    for (const message of batch) {
      advance(message);
      delivered += 1;
      if ((await handle(message)) === 'stop') return { delivered, stoppedBy: 'handler' };
      if (options.signal?.aborted) return { delivered, stoppedBy: 'signal' };
    }
    if (batch.length) continue;
    if (!options.follow) return { delivered, stoppedBy: 'caught-up' };
    await sleep(options.pollIntervalMs ?? 500, options.signal);
  }
}

/**
 * Interleaves the partitions by time while keeping each partition in offset order (the embedded
 * log's `read` sorts by append time, which can put a later offset first when two publishers overlap).
 */
export function inPartitionOrder(messages: TransportMessage[]): TransportMessage[] {
  const byPartition = new Map<number, TransportMessage[]>();
  for (const message of messages) {
    const partition = message.partition ?? 0;
    if (!byPartition.has(partition)) byPartition.set(partition, []);
    byPartition.get(partition)?.push(message);
  }
  const queues = [...byPartition.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, list]) => list.sort((a, b) => (BigInt(a.offset ?? '0') < BigInt(b.offset ?? '0') ? -1 : 1)));
  const ordered: TransportMessage[] = [];
  for (;;) {
    let next: TransportMessage[] | undefined;
    for (const queue of queues) {
      if (queue.length && (!next || String(queue[0].timestamp) < String(next[0].timestamp))) next = queue;
    }
    if (!next) return ordered;
    ordered.push(next.shift() as TransportMessage);
  }
}

async function readThroughSubscription(transport: EventTransport, options: ReadTopicOptions, handle: Handler): Promise<ReadResult> {
  const kafka = transport.kind === 'kafka';
  const groupId = options.groupId ?? ephemeralGroupId();
  const committed = options.groupId !== undefined;
  // What is left to read, per partition: the offset the log ended at when the read started.
  let remaining: Map<number, bigint> | undefined;
  if (!options.follow && options.positions) {
    const positions = await options.positions.positions(options.topic, options.groupId);
    if (positions) {
      const start = (p: { from: bigint; end: bigint }) => (options.start === 'end' ? p.end : p.from);
      remaining = new Map([...positions].filter(([, p]) => start(p) < p.end).map(([partition, p]) => [partition, p.end]));
      if (!remaining.size) return { delivered: 0, stoppedBy: 'caught-up' };
    }
  }
  // Timeouts are the fallback when the end is unknown; with it they only guard against a stuck read.
  const idleMs = options.idleMs ?? (remaining ? 30_000 : kafka ? 3_000 : 1_000);
  const firstMessageTimeoutMs = options.firstMessageTimeoutMs ?? (remaining ? 60_000 : kafka ? 15_000 : idleMs);
  let delivered = 0;
  let inFlight = 0;
  /** Per partition, the offset after the last message handed over: what the group commits. */
  const handled = new Map<number, bigint>();
  let stoppedBy: ReadResult['stoppedBy'] | undefined;
  let failure: unknown;
  let timer: NodeJS.Timeout | undefined;
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const finish = (reason: ReadResult['stoppedBy']) => {
    if (stoppedBy) return;
    stoppedBy = reason;
    clearTimeout(timer);
    finished();
  };
  const waitForMore = (ms: number) => {
    clearTimeout(timer);
    if (!options.follow) timer = setTimeout(() => inFlight === 0 && finish('caught-up'), ms);
  };

  const subscription = await transport.subscribe({
    groupId,
    topics: [options.topic],
    fromBeginning: options.start === 'beginning',
    handle: async (message) => {
      if (stoppedBy) {
        // Not handed over: a committed group must not commit it (the next run gets it).
        if (committed) throw new Error('reader stopped');
        return;
      }
      inFlight += 1;
      clearTimeout(timer);
      try {
        const verdict = await handle(message);
        delivered += 1;
        handled.set(message.partition ?? 0, BigInt(message.offset ?? '0') + 1n);
        if (verdict === 'stop') finish('handler');
        const end = remaining?.get(message.partition ?? 0);
        if (remaining && end !== undefined && BigInt(message.offset ?? '0') + 1n >= end) {
          remaining.delete(message.partition ?? 0);
          if (!remaining.size) finish('caught-up');
        }
      } catch (error) {
        failure ??= error;
        finish('handler');
        throw error;
      } finally {
        inFlight -= 1;
        if (!stoppedBy) waitForMore(idleMs);
      }
    },
  });
  try {
    if (options.signal?.aborted) finish('signal');
    options.signal?.addEventListener('abort', () => finish('signal'), { once: true });
    if (!stoppedBy && inFlight === 0) waitForMore(firstMessageTimeoutMs);
    await done;
    // The transport commits right after a handler returns, but Kafka drops commits made while
    // its consumer is stopping: let the group's commits land first, or the next run repeats them.
    if (committed && options.positions) await commitsSettled(options.positions, options.topic, groupId, handled, () => inFlight);
  } finally {
    clearTimeout(timer);
    await subscription.stop();
    if (!committed) await options.positions?.forget(groupId);
  }
  if (failure) throw failure;
  return { delivered, stoppedBy: stoppedBy ?? 'caught-up' };
}

async function commitsSettled(positions: StreamPositions, topic: string, groupId: string, handled: Map<number, bigint>, inFlight: () => number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (inFlight() === 0) {
      const now = await positions.positions(topic, groupId);
      if (!now || [...handled].every(([partition, offset]) => (now.get(partition)?.from ?? -1n) >= offset)) return;
    }
    await sleep(100);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
