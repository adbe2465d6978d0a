import { erasedToken, sealedFieldMarker, sealedFieldPattern } from '@carebridge/customer-keys';
import { Client, Pool } from 'pg';
import { type MessagingLogger, silentLogger } from './logger';
import type { EventTransport, SubscribeOptions, Subscription, TransportMessage, PartitionLag } from './transport';
import { WakeUp } from './wake-up';

export interface EmbeddedTransportOptions {
  /** The event log's own database (not a service's). */
  url: string;
  partitions?: number;
  pollIntervalMs?: number;
  batchSize?: number;
  logger?: MessagingLogger;
}

const NOTIFY_CHANNEL = 'carebridge_event_log';

/**
 * The event log in Postgres, for running without Kafka. Kafka's guarantees, kept:
 * - topics of N partitions, a message's partition chosen by its key, so one key keeps its order;
 * - offsets per partition without gaps and in commit order: a publisher takes the partition's
 *   head row lock and holds it until it commits, so no consumer can read offset 8 while 7 is
 *   still uncommitted (a plain sequence would allow that, and the reader would skip 7 for good);
 * - consumer groups with committed offsets; one member owns a partition at a time (an advisory
 *   lock on its session, released if it dies), so a group never handles a message twice at once.
 */
export class EmbeddedTransport implements EventTransport {
  readonly kind = 'embedded' as const;
  private readonly pool: Pool;
  private readonly partitions: number;
  private readonly knownTopics = new Map<string, number>();
  private readonly subscriptions = new Set<EmbeddedSubscription>();
  private initialised?: Promise<void>;

  constructor(private readonly options: EmbeddedTransportOptions) {
    this.pool = new Pool({ connectionString: options.url, max: 10, application_name: 'carebridge-event-log' });
    this.pool.on('error', (error) => (options.logger ?? silentLogger).warn({ err: error }, 'event log connection error'));
    this.partitions = options.partitions ?? 4;
  }

  private init(): Promise<void> {
    this.initialised ??= (async () => {
      const client = await this.pool.connect();
      try {
        // Several services create the log at the same moment on a fresh machine.
        await client.query('SELECT pg_advisory_lock(hashtext($1))', ['carebridge.event-log.schema']);
        await client.query(`
          CREATE TABLE IF NOT EXISTS event_log_partition (
            topic text NOT NULL,
            partition integer NOT NULL,
            next_offset bigint NOT NULL DEFAULT 0,
            PRIMARY KEY (topic, partition)
          );
          CREATE TABLE IF NOT EXISTS event_log (
            topic text NOT NULL,
            partition integer NOT NULL,
            "offset" bigint NOT NULL,
            key text NOT NULL,
            headers jsonb NOT NULL,
            value bytea NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (topic, partition, "offset")
          );
          CREATE TABLE IF NOT EXISTS event_log_consumer_offset (
            group_id text NOT NULL,
            topic text NOT NULL,
            partition integer NOT NULL,
            committed_offset bigint NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (group_id, topic, partition)
          );`);
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['carebridge.event-log.schema']).catch(() => undefined);
        client.release();
      }
    })();
    this.initialised.catch(() => (this.initialised = undefined));
    return this.initialised;
  }

  async ensureTopics(topics: string[]): Promise<void> {
    await this.init();
    const missing = topics.filter((t) => !this.knownTopics.has(t));
    if (!missing.length) return;
    await this.pool.query(
      `INSERT INTO event_log_partition (topic, partition)
       SELECT t, p FROM unnest($1::text[]) AS t, generate_series(0, $2::int - 1) AS p
       ON CONFLICT DO NOTHING`,
      [missing, this.partitions],
    );
    const { rows } = await this.pool.query<{ topic: string; count: string }>(
      'SELECT topic, count(*) AS count FROM event_log_partition WHERE topic = ANY($1) GROUP BY topic',
      [missing],
    );
    for (const row of rows) this.knownTopics.set(row.topic, Number(row.count));
  }

  partitionCount(topic: string): number {
    return this.knownTopics.get(topic) ?? this.partitions;
  }

  async publish(messages: TransportMessage[]): Promise<void> {
    if (!messages.length) return;
    await this.ensureTopics([...new Set(messages.map((m) => m.topic))]);
    // One group per partition, in a fixed order so concurrent publishers never deadlock.
    const groups = new Map<string, { topic: string; partition: number; messages: TransportMessage[] }>();
    for (const message of messages) {
      const partition = partitionFor(message.key, this.partitionCount(message.topic));
      const id = `${message.topic}\u0000${String(partition).padStart(6, '0')}`;
      if (!groups.has(id)) groups.set(id, { topic: message.topic, partition, messages: [] });
      groups.get(id)?.messages.push(message);
    }
    // A connection the server dropped while it sat idle in the pool fails on first use: run the
    // publish again on a fresh one. (Were the loss to hit the COMMIT itself, the messages may be
    // stored twice — with the same event ids, which consumers absorb: at least once, never lost.)
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.publishGroups(groups);
      } catch (error) {
        if (attempt >= 3 || !isConnectionLoss(error)) throw error;
      }
    }
  }

  private async publishGroups(groups: Map<string, { topic: string; partition: number; messages: TransportMessage[] }>): Promise<void> {
    const client = await this.pool.connect();
    // A connection lost between two queries is reported as an 'error' event; the query that
    // follows fails with it, so the event itself needs no more than a listener.
    const ignore = () => undefined;
    client.on('error', ignore);
    let broken = false;
    try {
      await client.query('BEGIN');
      for (const id of [...groups.keys()].sort()) {
        const group = groups.get(id);
        if (!group) continue;
        // One round trip per partition: take the head (its row lock is held to the commit), store the
        // messages at the offsets it gives, and wake the consumers when the transaction commits.
        const { rowCount } = await client.query(
          `WITH head AS (
             UPDATE event_log_partition SET next_offset = next_offset + $3 WHERE topic = $1 AND partition = $2 RETURNING next_offset - $3 AS first
           )
           INSERT INTO event_log (topic, partition, "offset", key, headers, value)
           SELECT $1, $2, head.first + m.n - 1, m.k, m.h, m.v
           FROM head, unnest($4::text[], $5::jsonb[], $6::bytea[]) WITH ORDINALITY AS m(k, h, v, n)
           RETURNING pg_notify($7, '')`,
          [
            group.topic,
            group.partition,
            group.messages.length,
            group.messages.map((m) => m.key),
            group.messages.map((m) => JSON.stringify(m.headers)),
            group.messages.map((m) => m.value),
            NOTIFY_CHANNEL,
          ],
        );
        if (rowCount !== group.messages.length) throw new Error(`event log has no partition ${group.partition} of ${group.topic}`);
      }
      await client.query('COMMIT');
    } catch (error) {
      broken = isConnectionLoss(error);
      if (!broken) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', ignore);
      client.release(broken);
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    await this.ensureTopics(options.topics);
    const subscription = new EmbeddedSubscription(this, this.pool, this.options, options);
    await subscription.start();
    this.subscriptions.add(subscription);
    return {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  /** Reads a topic without a consumer group: for tools that tail or replay a stream. */
  async read(topic: string, fromOffsets: Map<number, bigint>, limit: number): Promise<TransportMessage[]> {
    await this.ensureTopics([topic]);
    const partitions: TransportMessage[][] = [];
    for (let partition = 0; partition < this.partitionCount(topic); partition++) {
      const { rows } = await this.pool.query(
        `SELECT partition, "offset", key, headers, value, created_at FROM event_log
         WHERE topic = $1 AND partition = $2 AND "offset" >= $3 ORDER BY "offset" LIMIT $4`,
        [topic, partition, (fromOffsets.get(partition) ?? 0n).toString(), limit],
      );
      partitions.push(rows.map((row) => toMessage(topic, row)));
    }
    return mergeByTime(partitions);
  }

  /**
   * Erasure: overwrites, in the stored messages of `topics` (every topic when omitted), each
   * sealed field of `subject` with the erased marker. The destroyed key already made them
   * unreadable; this leaves no ciphertext of them in the log either. Offsets, keys and headers stay,
   * so consumers see the same messages at the same positions. Returns the messages changed.
   */
  async scrubSealedFields(subject: string, topics?: string[]): Promise<number> {
    await this.init();
    const { rowCount } = await this.pool.query(
      `UPDATE event_log SET value = convert_to(regexp_replace(convert_from(value, 'UTF8'), $1, $2, 'g'), 'UTF8')
       WHERE position(convert_to($3, 'UTF8') IN value) > 0 AND ($4::text[] IS NULL OR topic = ANY($4::text[]))`,
      [sealedFieldPattern(subject), JSON.stringify(erasedToken(subject)), sealedFieldMarker(subject), topics ?? null],
    );
    return rowCount ?? 0;
  }

  /** An embedded member retries for as long as it runs: its consumption never stops for good. */
  stoppedGroups(): string[] {
    return [];
  }

  /** A member takes its partitions' locks on its first poll: there is no group to join. */
  joiningGroups(): string[] {
    return [];
  }

  async consumerLag(groupId: string, topics: string[]): Promise<PartitionLag[]> {
    await this.init();
    // A partition the group has not read yet lags by everything it holds (groups start from the beginning).
    const { rows } = await this.pool.query<{ topic: string; partition: number; lag: string }>(
      `SELECT p.topic, p.partition, p.next_offset - COALESCE(o.committed_offset, 0) AS lag
       FROM event_log_partition p
       LEFT JOIN event_log_consumer_offset o ON o.group_id = $1 AND o.topic = p.topic AND o.partition = p.partition
       WHERE p.topic = ANY($2::text[]) ORDER BY p.topic, p.partition`,
      [groupId, topics],
    );
    return rows.map((row) => ({ topic: row.topic, partition: row.partition, lag: Number(row.lag) }));
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.pool.end();
  }
}

class EmbeddedSubscription {
  /**
   * The member's own connection: it holds the partition locks and LISTENs. When it is lost (the
   * server restarted, the connection was cut), so are the locks: the member forgets its partitions
   * and competes for them again on a new session.
   */
  private session?: Client;
  private running = false;
  private loop?: Promise<void>;
  private readonly wakeUp = new WakeUp();
  private readonly owned = new Set<string>();
  /** Owned partitions whose offset row is known to exist (made on first ownership). */
  private readonly positioned = new Set<string>();
  private readonly logger: MessagingLogger;

  constructor(
    private readonly transport: EmbeddedTransport,
    private readonly pool: Pool,
    private readonly transportOptions: EmbeddedTransportOptions,
    private readonly options: SubscribeOptions,
  ) {
    this.logger = transportOptions.logger ?? silentLogger;
  }

  async start(): Promise<void> {
    await this.connectSession();
    this.running = true;
    this.loop = this.run();
  }

  private async connectSession(): Promise<Client> {
    const session = new Client({ connectionString: this.transportOptions.url, application_name: `carebridge-consumer-${this.options.groupId}` });
    const lost = (error?: Error) => {
      if (this.session !== session) return;
      if (error) this.logger.warn({ err: error, groupId: this.options.groupId }, 'event log session lost; its partitions are released');
      this.session = undefined;
      this.owned.clear();
      this.positioned.clear();
      this.wakeUp.notify();
    };
    session.on('error', (error) => lost(error));
    session.on('end', () => lost());
    session.on('notification', () => this.wakeUp.notify());
    try {
      await session.connect();
      await session.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch (error) {
      await session.end().catch(() => undefined);
      throw error;
    }
    this.owned.clear();
    this.session = session;
    return session;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let delivered = 0;
      try {
        delivered = await this.pollOnce();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.logger.warn({ err: error, groupId: this.options.groupId }, 'consumer poll failed; retrying');
      }
      if (!this.running) break;
      if (delivered > 0 && failures === 0) continue;
      const wait = failures ? Math.min(200 * 2 ** failures, 10_000) : (this.transportOptions.pollIntervalMs ?? 500);
      await this.wakeUp.pause(wait);
    }
  }

  private async pollOnce(): Promise<number> {
    const session = this.session ?? (await this.connectSession());
    // Take the locks first, then read: a failure while locking leaves no read running behind us.
    const mine: { topic: string; partition: number; id: string }[] = [];
    for (const topic of this.options.topics) {
      for (let partition = 0; partition < this.transport.partitionCount(topic); partition++) {
        const id = `${topic}:${partition}`;
        if (!this.owned.has(id)) {
          const { rows } = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked', [this.options.groupId, id]);
          if (!rows[0].locked) continue;
          if (this.session !== session) throw new Error('event log session lost while taking partition locks');
          this.owned.add(id);
        }
        mine.push({ topic, partition, id });
      }
    }
    for (const p of mine) {
      if (this.positioned.has(p.id)) continue;
      await this.committedOffset(p.topic, p.partition);
      this.positioned.add(p.id);
    }
    if (!mine.length) return 0;
    // One statement reads what is new on every owned partition, from its committed offset: a wake-up
    // (any topic's NOTIFY) costs one query, not two per partition of every topic of the group.
    const { rows } = await this.pool.query<EventLogRow & { topic: string }>(
      `SELECT e.topic, e.partition, e."offset", e.key, e.headers, e.value, e.created_at
       FROM event_log_consumer_offset o
       CROSS JOIN LATERAL (
         SELECT * FROM event_log l
         WHERE l.topic = o.topic AND l.partition = o.partition AND l."offset" >= o.committed_offset
         ORDER BY l."offset" LIMIT $4
       ) e
       WHERE o.group_id = $1 AND (o.topic, o.partition) IN (SELECT * FROM unnest($2::text[], $3::int[]))
       ORDER BY e.topic, e.partition, e."offset"`,
      [this.options.groupId, mine.map((p) => p.topic), mine.map((p) => p.partition), this.transportOptions.batchSize ?? 100],
    );
    const byPartition = new Map<string, EventLogRow[]>();
    for (const row of rows) {
      const id = `${row.topic}:${row.partition}`;
      byPartition.set(id, [...(byPartition.get(id) ?? []), row]);
    }
    // Wait for every partition before the next round, so one partition is never read twice at once.
    const results = await Promise.allSettled(mine.filter((p) => byPartition.has(p.id)).map((p) => this.consumePartition(p.topic, p.partition, p.id, byPartition.get(p.id) ?? [])));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    return results.reduce((sum, r) => sum + (r.status === 'fulfilled' ? r.value : 0), 0);
  }

  private async consumePartition(topic: string, partition: number, id: string, rows: EventLogRow[]): Promise<number> {
    // Never backwards: a member that lost the partition mid-message must not undo the new owner's progress.
    const commit = (offset: bigint) =>
      this.pool.query(
        `UPDATE event_log_consumer_offset SET committed_offset = $4, updated_at = now()
         WHERE group_id = $1 AND topic = $2 AND partition = $3 AND committed_offset < $4`,
        [this.options.groupId, topic, partition, offset.toString()],
      );
    // Stopped, or the partition lock went with a lost session (another member may hold it now).
    const stillMine = () => this.running && this.owned.has(id);
    if (this.options.handleBatch && rows.length > 1) {
      if (!stillMine()) return 0;
      await this.options.handleBatch(rows.map((row) => toMessage(topic, row)));
      await commit(BigInt(rows[rows.length - 1].offset) + 1n);
      return rows.length;
    }
    let delivered = 0;
    for (const row of rows) {
      if (!stillMine()) break;
      await this.options.handle(toMessage(topic, row));
      await commit(BigInt(row.offset) + 1n);
      delivered += 1;
    }
    return delivered;
  }

  private async committedOffset(topic: string, partition: number): Promise<bigint> {
    const existing = await this.pool.query<{ committed_offset: string }>(
      'SELECT committed_offset FROM event_log_consumer_offset WHERE group_id = $1 AND topic = $2 AND partition = $3',
      [this.options.groupId, topic, partition],
    );
    if (existing.rows.length) return BigInt(existing.rows[0].committed_offset);
    // A new group starts at the oldest message, or after the newest one.
    const { rows } = await this.pool.query(
      `INSERT INTO event_log_consumer_offset (group_id, topic, partition, committed_offset)
       SELECT $1, $2, $3, CASE WHEN $4 THEN 0 ELSE next_offset END FROM event_log_partition WHERE topic = $2 AND partition = $3
       ON CONFLICT (group_id, topic, partition) DO UPDATE SET group_id = EXCLUDED.group_id
       RETURNING committed_offset`,
      [this.options.groupId, topic, partition, this.options.fromBeginning],
    );
    return BigInt(rows[0]?.committed_offset ?? 0);
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wakeUp.notify();
    await this.loop;
    // Ending the session releases its partition locks for another member of the group.
    const session = this.session;
    this.session = undefined;
    this.owned.clear();
    await session?.end().catch(() => undefined);
  }
}

interface EventLogRow {
  partition: number;
  offset: string;
  key: string;
  headers: Record<string, string>;
  value: Buffer;
  created_at: Date;
}

function toMessage(topic: string, row: EventLogRow): TransportMessage {
  return {
    topic,
    partition: row.partition,
    offset: String(row.offset),
    key: row.key,
    headers: row.headers,
    value: row.value,
    timestamp: row.created_at.toISOString(),
  };
}

/** The connection is gone (server restart, failover, terminated backend), as opposed to a query error. */
function isConnectionLoss(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || /Connection terminated|ECONNRESET|EPIPE/.test(String((error as Error).message));
}

/**
 * Interleaves partitions by time while keeping each partition in offset order: `created_at` is a
 * transaction's start, so within a partition a later offset can carry an earlier time.
 */
function mergeByTime(partitions: TransportMessage[][]): TransportMessage[] {
  const merged: TransportMessage[] = [];
  const heads = partitions.map(() => 0);
  for (;;) {
    let next = -1;
    for (let p = 0; p < partitions.length; p++) {
      const candidate = partitions[p][heads[p]];
      if (candidate && (next < 0 || String(candidate.timestamp) < String(partitions[next][heads[next]].timestamp))) next = p;
    }
    if (next < 0) return merged;
    merged.push(partitions[next][heads[next]]);
    heads[next] += 1;
  }
}

/** FNV-1a of the key: stable across processes and versions, like Kafka's key partitioning. */
export function partitionFor(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(key, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}

