import type { EventConsumer, TransportMessage } from '@carebridge/messaging';
import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { FACT_TABLES } from '../facts/fact-recording';

/** Where the streams are read from the beginning: the embedded event log (`EmbeddedTransport.read`). */
export interface EventHistory {
  read(topic: string, fromOffsets: Map<number, bigint>, limit: number): Promise<TransportMessage[]>;
}

export interface RebuildReport {
  events: number;
  replayedMs: number;
  swappedMs: number;
}

const REBUILD_SCHEMA = 'analytics_rebuild';
const RETIRED_SCHEMA = 'analytics_retired';
const BATCH = 2000;
/** Events per replay transaction. */
const REPLAY_BATCH = 250;

/**
 * Rebuilds the facts from the streams: every topic is replayed from its first offset, through the
 * kit's idempotent consumer (`deliverBatch`: a run of a partition's events per transaction) with
 * the service's own handlers and a processed-event ledger of its own, into fresh tables
 * (schema analytics_rebuild); then they are swapped in. The swap runs in one transaction that locks
 * the live tables (the live consumer waits), replays what arrived meanwhile, hands the rebuilt
 * ledger to the live consumer so that it skips what the rebuild applied, and moves the tables. The
 * service keeps answering from the old tables until that commit; other services never notice.
 */
export class FactRebuild {
  constructor(
    private readonly live: DataSource,
    private readonly history: EventHistory,
    private readonly topics: string[],
    /** The service's consumer (its handlers, its retries and dead letters) on the rebuild's own connections. */
    private readonly consumerOn: (dataSource: DataSource) => EventConsumer,
  ) {}

  async run(): Promise<RebuildReport> {
    await this.live.query(`DROP SCHEMA IF EXISTS ${REBUILD_SCHEMA} CASCADE; CREATE SCHEMA ${REBUILD_SCHEMA}`);
    for (const table of [...FACT_TABLES, 'processed_event']) {
      await this.live.query(`CREATE TABLE ${REBUILD_SCHEMA}.${table} (LIKE public.${table} INCLUDING ALL)`);
    }
    const options = this.live.options as PostgresConnectionOptions;
    // The rebuild's connections find the fresh tables first; they are swapped in by a committed transaction, so they need no synchronous commits of their own.
    const rebuild = new DataSource({
      ...options,
      name: 'analytics-rebuild',
      migrations: [],
      extra: { ...(options.extra ?? {}), max: 8, options: `-c search_path=${REBUILD_SCHEMA},public -c synchronous_commit=off` },
    } as PostgresConnectionOptions);
    await rebuild.initialize();
    try {
      const consumer = this.consumerOn(rebuild);
      const positions = new Map(this.topics.map((topic) => [topic, new Map<number, bigint>()]));
      const started = Date.now();
      let events = await this.replay(consumer, positions);
      const replayedMs = Date.now() - started;
      const swapStarted = Date.now();
      await this.live.transaction(async (manager) => {
        await manager.query(`LOCK TABLE processed_event, ${FACT_TABLES.join(', ')} IN ACCESS EXCLUSIVE MODE`);
        events += await this.replay(consumer, positions);
        await manager.query(`INSERT INTO public.processed_event SELECT * FROM ${REBUILD_SCHEMA}.processed_event ON CONFLICT DO NOTHING`);
        // Every figure remembered from the old tables is out of date once the new ones are in.
        await manager.query(`INSERT INTO public.fact_change (affected_from) VALUES ('-infinity')`);
        await manager.query(`DROP SCHEMA IF EXISTS ${RETIRED_SCHEMA} CASCADE; CREATE SCHEMA ${RETIRED_SCHEMA}`);
        for (const table of FACT_TABLES) {
          await manager.query(`ALTER TABLE public.${table} SET SCHEMA ${RETIRED_SCHEMA}`);
          await manager.query(`ALTER TABLE ${REBUILD_SCHEMA}.${table} SET SCHEMA public`);
        }
      });
      await this.live.query(`DROP SCHEMA ${RETIRED_SCHEMA} CASCADE; DROP SCHEMA ${REBUILD_SCHEMA} CASCADE`);
      return { events, replayedMs, swappedMs: Date.now() - swapStarted };
    } finally {
      await rebuild.destroy();
    }
  }

  /** Delivers every message after `positions` until the log has no more; partitions run side by side, each in its order. */
  private async replay(consumer: EventConsumer, positions: Map<string, Map<number, bigint>>): Promise<number> {
    let total = 0;
    await Promise.all(
      [...positions].map(async ([topic, offsets]) => {
        for (;;) {
          const messages = await this.history.read(topic, offsets, BATCH);
          if (!messages.length) return;
          const byPartition = new Map<number, TransportMessage[]>();
          for (const message of messages) {
            const partition = message.partition ?? 0;
            const list = byPartition.get(partition);
            if (list) list.push(message);
            else byPartition.set(partition, [message]);
          }
          await Promise.all(
            [...byPartition].map(async ([partition, list]) => {
              for (let i = 0; i < list.length; i += REPLAY_BATCH) await consumer.deliverBatch(list.slice(i, i + REPLAY_BATCH));
              offsets.set(partition, BigInt(list[list.length - 1].offset ?? '-1') + 1n);
            }),
          );
          total += messages.length;
        }
      }),
    );
    return total;
  }
}
