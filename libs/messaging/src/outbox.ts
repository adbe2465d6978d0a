import { randomUUID } from 'node:crypto';
import { type Link, ROOT_CONTEXT, SpanKind, SpanStatusCode, context } from '@opentelemetry/api';
import { type EventFieldEncryption, sealedFieldMarker, sealedFieldPattern, erasedToken } from '@carebridge/customer-keys';
import type { EventContract, EventData } from '@carebridge/event-contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { encodeEvent } from './envelope';
import { type MessagingLogger, silentLogger } from './logger';
import type { MessagingMetrics } from './metrics';
import { EVENT_TRACE_HEADER, TRANSPORT_TRACE_HEADER, linkTo, messagingTracer, traceparentOf } from './trace';
import type { EventTransport, TransportMessage } from './transport';
import { WakeUp } from './wake-up';

const NOTIFY_CHANNEL = 'carebridge_outbox';

/**
 * Writes events into the service's own database in the same transaction as the change they
 * describe (transactional outbox): a rolled-back change publishes nothing, a committed one is
 * never lost. The relay sends them on.
 */
export class Outbox {
  constructor(
    private readonly source: string,
    private readonly now: () => Date,
    /** Seals the personal-data fields contracts mark `encrypted`; a process publishing none may do without. */
    private readonly personalFields?: EventFieldEncryption,
  ) {}

  /**
   * Crypto-shredding, on a customer's erasure: destroys `subject`'s key, so that every event about
   * them ever sealed — in Kafka, the embedded log, every outbox, backups — is unreadable, and scrubs
   * this outbox in `manager`'s transaction. The key goes first: should the erasure's transaction
   * fail after it, the customer's events are unreadable and a retried erasure finishes the rest.
   */
  async eraseSealedFields(manager: EntityManager, subject: string): Promise<void> {
    if (!this.personalFields) throw new Error('Erasing sealed fields needs the customer key store');
    await this.personalFields.erase(subject);
    await scrubOutbox(manager, subject);
  }

  /** Records an event in `manager`'s transaction; returns its id. */
  async publish<C extends EventContract>(manager: EntityManager, contract: C, data: EventData<C>): Promise<string> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`Outbox.publish(${contract.type}) needs the entity manager of an open transaction`);
    }
    // A producer never sends what its own contract refuses.
    const checked = contract.schema.parse(data) as EventData<C>;
    if (contract.encrypted && !this.personalFields) throw new Error(`Outbox.publish(${contract.type}) carries personal data: this outbox needs the customer key store`);
    // Sealed before the row is written: no stored copy of the event ever holds them in the clear.
    const sealed = this.personalFields ? await this.personalFields.seal(contract, checked) : checked;
    const id = randomUUID();
    // The write is a span of the request or reaction that causes the event; the event keeps its
    // context, so the consumers' work continues this trace.
    return messagingTracer().startActiveSpan(
      `outbox write ${contract.type}`,
      { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'carebridge.outbox', 'messaging.destination.name': contract.topic, 'messaging.message.id': id, 'cloudevents.event_type': contract.type } },
      async (span) => {
        try {
          const message = encodeEvent(contract, checked, { source: this.source, time: this.now(), id, traceparent: traceparentOf() });
          if (sealed !== checked) message.value = Buffer.from(JSON.stringify(sealed));
          // One round trip: the row, and the NOTIFY that wakes the relay when the transaction commits
          // (Postgres sends a transaction's notifications at its commit, identical ones once).
          await manager.query(
            `INSERT INTO outbox_event (id, topic, key, event_type, headers, payload) VALUES ($1, $2, $3, $4, $5, $6) RETURNING pg_notify($7, '')`,
            [id, message.topic, message.key, contract.type, JSON.stringify(message.headers), message.value.toString('utf8'), NOTIFY_CHANNEL],
          );
          return id;
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  }
}

/**
 * Replaces every sealed field of `subject` in the outbox — sent rows kept for audits and re-sends,
 * and rows still waiting — by the erased marker: with the key destroyed they were unreadable
 * already; now not even the ciphertext stays. Rows keep their id and order, so the relay's
 * at-least-once sending is unchanged (a row sent just before is sent as it was). Returns the rows changed.
 */
export async function scrubOutbox(manager: Pick<EntityManager, 'query'>, subject: string): Promise<number> {
  const rows: unknown[] = await manager.query(
    `UPDATE outbox_event SET payload = regexp_replace(payload, $1, $2, 'g') WHERE strpos(payload, $3) > 0 RETURNING sequence`,
    [sealedFieldPattern(subject), JSON.stringify(erasedToken(subject)), sealedFieldMarker(subject)],
  );
  return rows.length;
}

export interface OutboxRelayOptions {
  dataSource: DataSource;
  transport: EventTransport;
  logger?: MessagingLogger;
  batchSize?: number;
  pollIntervalMs?: number;
  /** Published rows are kept this long (for audits and re-sends), then pruned. */
  retentionMs?: number;
  metrics?: MessagingMetrics;
  /** Tests stand in for a crash between sending and marking a batch. */
  afterSend?: (count: number) => void | Promise<void>;
}

export interface OutboxLag {
  pending: number;
  oldestPendingSeconds: number;
  published: number;
  lastError?: string;
}

/**
 * Sends outbox rows in order and marks them published. One relay at a time per service database
 * holds the relay lock (a transaction-scoped advisory lock), so several instances of a service do
 * not send the same rows; a crash between send and mark re-sends the batch with the same event
 * ids, which consumers absorb.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private readonly wakeUp = new WakeUp();
  private listener?: import('pg').Client;
  private publishedCount = 0;
  private lastError?: string;
  private lastPrune = 0;
  private readonly logger: MessagingLogger;

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  async start(): Promise<void> {
    this.running = true;
    try {
      // LISTEN wakes the relay as soon as a transaction with events commits.
      const { Client } = await import('pg');
      const pgOptions = this.options.dataSource.options as { url?: string };
      const listener = new Client({ connectionString: pgOptions.url, application_name: 'carebridge-outbox-relay' });
      listener.on('notification', () => this.wakeUp.notify());
      listener.on('error', () => undefined);
      await listener.connect();
      await listener.query(`LISTEN ${NOTIFY_CHANNEL}`);
      this.listener = listener;
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox relay cannot LISTEN; polling only');
    }
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let sent = 0;
      try {
        sent = await this.drainOnce();
        if (failures) this.logger.info({ afterFailures: failures }, 'outbox relay recovered');
        failures = 0;
        this.lastError = undefined;
        await this.pruneIfDue();
      } catch (error) {
        failures += 1;
        this.lastError = (error as Error).message;
        this.logger.warn({ err: (error as Error).message, failures }, 'outbox relay could not publish; events stay in the outbox and will be retried');
      }
      if (!this.running) break;
      if (sent >= (this.options.batchSize ?? 100) && failures === 0) continue;
      const wait = failures ? Math.min(250 * 2 ** (failures - 1), 30_000) : (this.options.pollIntervalMs ?? 1000);
      await this.wakeUp.pause(wait);
    }
  }

  /** Sends one batch of unpublished rows; returns how many were sent. */
  async drainOnce(): Promise<number> {
    const runner = this.options.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // The relay lock and the batch in one round trip: without the lock, no rows.
      const rows: { sequence: string; topic: string; key: string; headers: Record<string, string>; payload: string }[] = await runner.query(
        `SELECT e.sequence, e.topic, e.key, e.headers, e.payload
         FROM (SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked) relay
         CROSS JOIN LATERAL (SELECT * FROM outbox_event WHERE relay.locked AND published_at IS NULL ORDER BY sequence LIMIT $2) e`,
        ['carebridge.outbox-relay', this.options.batchSize ?? 100],
      );
      if (!rows.length) {
        await runner.commitTransaction();
        return 0;
      }
      await this.publishTraced(rows, async (messages) => {
        await this.options.transport.publish(messages);
        await this.options.afterSend?.(rows.length);
        await runner.query('UPDATE outbox_event SET published_at = now() WHERE sequence = ANY($1::bigint[])', [rows.map((r) => r.sequence)]);
        await runner.commitTransaction();
      });
      this.options.metrics?.published.inc(rows.length);
      this.publishedCount += rows.length;
      return rows.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * One span per batch, a root of its own linked to the outbox write of every event in it (a batch
   * mixes traces); each message carries the span as its transport `traceparent`.
   */
  private publishTraced(rows: { topic: string; key: string; headers: Record<string, string>; payload: string }[], send: (messages: TransportMessage[]) => Promise<void>): Promise<void> {
    const links = rows.map((r) => linkTo(r.headers[EVENT_TRACE_HEADER] ?? r.headers[TRANSPORT_TRACE_HEADER])).filter((link): link is Link => link !== undefined);
    return messagingTracer().startActiveSpan(
      'outbox relay publish',
      { kind: SpanKind.PRODUCER, links, attributes: { 'messaging.system': 'carebridge.outbox', 'messaging.batch.message_count': rows.length } },
      ROOT_CONTEXT,
      async (span) => {
        try {
          const hop = traceparentOf(context.active());
          await send(rows.map((r) => ({ topic: r.topic, key: r.key, headers: hop ? { ...r.headers, [TRANSPORT_TRACE_HEADER]: hop } : r.headers, value: Buffer.from(r.payload, 'utf8') })));
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  }

  private async pruneIfDue(): Promise<void> {
    if (Date.now() - this.lastPrune < 60_000) return;
    this.lastPrune = Date.now();
    const retention = this.options.retentionMs ?? 72 * 3600_000;
    await this.options.dataSource.query(`DELETE FROM outbox_event WHERE published_at < now() - ($1::bigint * interval '1 millisecond')`, [retention]);
  }

  async lag(): Promise<OutboxLag> {
    const [row] = await this.options.dataSource.query(
      `SELECT count(*)::int AS pending, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float AS oldest FROM outbox_event WHERE published_at IS NULL`,
    );
    return { pending: row.pending, oldestPendingSeconds: Math.round(row.oldest * 10) / 10, published: this.publishedCount, lastError: this.lastError };
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wakeUp.notify();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }
}
