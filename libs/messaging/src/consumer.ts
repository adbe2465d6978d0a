import { type Link, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { type EventContract, deadLetterTopic } from '@carebridge/event-contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { type ReceivedEvent, MalformedEventError, decodeEnvelope } from './envelope';
import { type MessagingLogger, silentLogger } from './logger';
import type { MessagingMetrics } from './metrics';
import { contextOf, linkTo, messagingTracer } from './trace';
import type { EventTransport, Subscription, TransportMessage } from './transport';

/** What a service does when an event arrives, inside the transaction that records the event as processed. */
export interface EventHandler<C extends EventContract = EventContract> {
  contract: C;
  handle(event: ReceivedEvent<C>, manager: EntityManager): Promise<void>;
  /**
   * Called once before the transaction that applied one or more events commits. A handler that
   * gathers its writes to apply a batch in a few multi-row statements writes them here.
   */
  settle?(manager: EntityManager): Promise<void>;
}

/** Each distinct `settle` of the handlers that ran, once, in the transaction. */
async function settle(handlers: EventHandler<any>[], manager: EntityManager): Promise<void> {
  for (const settleOf of new Set(handlers.map((h) => h.settle).filter((s) => s !== undefined))) await settleOf(manager);
}

export function onEvent<C extends EventContract>(contract: C, handle: (event: ReceivedEvent<C>, manager: EntityManager) => Promise<void>): EventHandler<C> {
  return { contract, handle };
}

export interface EventConsumerOptions {
  /** The service; its consumer group is `carebridge.<service>`. */
  service: string;
  dataSource: DataSource;
  transport: EventTransport;
  handlers: EventHandler<any>[];
  logger?: MessagingLogger;
  /** Attempts before a failing event goes to the dead-letter topic. */
  maxAttempts?: number;
  retryBackoffMs?: number;
  metrics?: MessagingMetrics;
}

/**
 * Set on an event re-published from a group's dead letters: only that group applies it; every other
 * group (which handled or dead-lettered it on its own) skips it, so a replay never doubles theirs.
 */
export const REPLAYED_FOR_GROUP_HEADER = 'carebridge_replayed_for_group';

export function consumerGroup(service: string): string {
  return `carebridge.${service}`;
}

/**
 * Consumes a service's events idempotently: the event id is recorded in the service's own
 * database in the same transaction as the handler's effect, so a redelivered event has no second
 * effect. An event that keeps failing goes to the group's dead-letter topic and the partition moves on.
 */
export class EventConsumer {
  private subscription?: Subscription;
  private readonly logger: MessagingLogger;
  private readonly group: string;

  constructor(private readonly options: EventConsumerOptions) {
    this.logger = options.logger ?? silentLogger;
    this.group = consumerGroup(options.service);
  }

  get topics(): string[] {
    return [...new Set(this.options.handlers.map((h) => h.contract.topic))];
  }

  async start(): Promise<void> {
    if (!this.options.handlers.length) return;
    await this.options.transport.ensureTopics([deadLetterTopic(this.group)]);
    this.subscription = await this.options.transport.subscribe({
      groupId: this.group,
      topics: this.topics,
      // A service that starts later still learns everything that happened before it.
      fromBeginning: true,
      handle: (message) => this.deliver(message),
      handleBatch: (messages) => this.deliverBatch(messages),
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  /** What a message is to this consumer: an event to apply, one to skip, or one to dead-letter at once. */
  private read(message: TransportMessage): { event: ReceivedEvent; handlers: EventHandler<any>[] } | { skip: true } | { refused: Error } {
    let envelope: ReturnType<typeof decodeEnvelope>;
    try {
      envelope = decodeEnvelope(message);
    } catch (error) {
      return { refused: error as Error };
    }
    // A dead letter replayed for one consumer group (npm run events:dead-letters -- replay) is that group's alone.
    const replayedFor = message.headers[REPLAYED_FOR_GROUP_HEADER];
    if (replayedFor && replayedFor !== this.group) return { skip: true };
    const forType = this.options.handlers.filter((h) => h.contract.type === envelope.type);
    if (!forType.length) return { skip: true }; // another event type on a shared topic
    const handlers = forType.filter((h) => h.contract.version === envelope.version);
    if (!handlers.length) return { refused: new MalformedEventError(`no handler for ${envelope.type} version ${envelope.version}`) };
    const parsed = handlers[0].contract.schema.safeParse(envelope.rawData);
    if (!parsed.success) return { refused: new MalformedEventError(`data does not match ${envelope.type} v${envelope.version}: ${parsed.error.message}`) };
    const { rawData: _raw, ...attributes } = envelope;
    return { event: { ...attributes, data: parsed.data }, handlers };
  }

  /**
   * Applies the messages of one partition, in order, in one transaction: the ids of all of them
   * recorded in one statement, each new one handled, one commit. If a handler fails, nothing of
   * the batch is kept: the events before it are applied again as a batch, the failing one goes on
   * through `deliver` (this was its first attempt; then its retries and dead letter), the rest as
   * a batch. A batch holding a message to dead-letter goes message by message.
   */
  async deliverBatch(messages: TransportMessage[]): Promise<void> {
    const read = messages.map((message) => this.read(message));
    if (messages.length < 2 || read.some((r) => 'refused' in r)) {
      for (const message of messages) await this.deliver(message);
      return;
    }
    const events = read.filter((r): r is { event: ReceivedEvent; handlers: EventHandler<any>[] } => 'event' in r);
    if (!events.length) return;
    let failing: ReceivedEvent | undefined;
    try {
      await this.options.dataSource.transaction(async (manager) => {
        const recorded: { event_id: string }[] = await manager.query(
          `INSERT INTO processed_event (event_id, event_type, source)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
          [events.map((e) => e.event.id), events.map((e) => e.event.type), events.map((e) => e.event.source)],
        );
        const fresh = new Set(recorded.map((row) => row.event_id));
        for (const { event, handlers } of events) {
          // An event delivered twice within the batch is applied once.
          if (!fresh.delete(event.id)) continue;
          failing = event;
          await this.traced(event, async () => {
            for (const handler of handlers) await handler.handle(event, manager);
          });
          failing = undefined;
        }
        await settle(events.flatMap((e) => e.handlers), manager);
      });
      for (const { event } of events) this.options.metrics?.handled.inc({ group: this.group, event_type: event.type });
    } catch (error) {
      if (!(await this.databaseReachable())) throw error;
      const at = failing ? messages.findIndex((_, i) => 'event' in read[i] && read[i].event.id === failing?.id) : -1;
      if (failing) this.options.metrics?.handlerFailures.inc({ group: this.group, event_type: failing.type });
      this.logger.debug({ err: (error as Error).message, events: messages.length, failingAt: at }, 'a batch failed; applying it again around the failing event');
      if (at < 0) {
        for (const message of messages) await this.deliver(message);
        return;
      }
      await this.deliverBatch(messages.slice(0, at));
      await this.deliver(messages[at], { attempts: 1, error: error as Error });
      await this.deliverBatch(messages.slice(at + 1));
    }
  }

  /** Handles one message; resolves when its effect (or its dead letter) is durable. `tried`: how it failed already in a batch. */
  async deliver(message: TransportMessage, tried?: { attempts: number; error: Error }): Promise<void> {
    const read = this.read(message);
    if ('refused' in read) return this.deadLetter(message, read.refused, 1);
    if ('skip' in read) return;
    const { event, handlers } = read;

    const maxAttempts = this.options.maxAttempts ?? 5;
    if (tried) {
      if (tried.attempts >= maxAttempts) return this.deadLetter(message, tried.error, tried.attempts);
      await this.backOff(tried.attempts);
    }
    for (let attempt = (tried?.attempts ?? 0) + 1; ; attempt++) {
      try {
        const applied = await this.traced(event, () =>
          this.options.dataSource.transaction(async (manager) => {
            const recorded: unknown[] = await manager.query(
              `INSERT INTO processed_event (event_id, event_type, source) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
              [event.id, event.type, event.source],
            );
            if (!recorded.length) {
              this.logger.debug({ eventId: event.id, type: event.type }, 'duplicate event ignored');
              return false;
            }
            for (const handler of handlers) await handler.handle(event, manager);
            await settle(handlers, manager);
            return true;
          }),
        );
        if (applied) this.options.metrics?.handled.inc({ group: this.group, event_type: event.type });
        return;
      } catch (error) {
        // With the database gone, no attempt can succeed: leave the offset, redeliver later.
        if (!(await this.databaseReachable())) throw error;
        this.options.metrics?.handlerFailures.inc({ group: this.group, event_type: event.type });
        if (attempt >= maxAttempts) return this.deadLetter(message, error as Error, attempt);
        this.logger.warn({ err: (error as Error).message, eventId: event.id, type: event.type, attempt }, 'event handler failed; retrying');
        await this.backOff(attempt);
      }
    }
  }

  /**
   * Runs a handler in a consumer span: the child of the event's outbox write (the trace of the
   * request that caused it), linked to the hop that delivered it.
   */
  private traced<T>(event: ReceivedEvent, work: () => Promise<T>): Promise<T> {
    const hop = event.transportTraceparent !== event.traceparent ? linkTo(event.transportTraceparent) : undefined;
    return messagingTracer().startActiveSpan(
      `${event.type} process`,
      {
        kind: SpanKind.CONSUMER,
        links: [hop].filter((link): link is Link => link !== undefined),
        attributes: {
          'messaging.system': 'carebridge.events',
          'messaging.consumer.group.name': this.group,
          'messaging.destination.name': event.topic,
          'messaging.message.id': event.id,
          'cloudevents.event_type': event.type,
          ...(event.partition !== undefined ? { 'messaging.destination.partition.id': String(event.partition) } : {}),
        },
      },
      contextOf(event.traceparent),
      async (span) => {
        try {
          return await work();
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

  private backOff(attempt: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, (this.options.retryBackoffMs ?? 200) * 2 ** (attempt - 1)));
  }

  private async databaseReachable(): Promise<boolean> {
    try {
      await this.options.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private async deadLetter(message: TransportMessage, error: Error, attempts: number): Promise<void> {
    this.options.metrics?.deadLetters.inc({ group: this.group });
    this.logger.error({ err: error.message, topic: message.topic, partition: message.partition, offset: message.offset, eventId: message.headers.ce_id }, 'event dead-lettered');
    await this.options.transport.publish([
      {
        topic: deadLetterTopic(this.group),
        key: message.key,
        value: message.value,
        headers: {
          ...message.headers,
          dlq_original_topic: message.topic,
          dlq_original_partition: String(message.partition ?? ''),
          dlq_original_offset: String(message.offset ?? ''),
          dlq_consumer_group: this.group,
          dlq_error: error.message.slice(0, 2000),
          dlq_attempts: String(attempts),
          dlq_failed_at: new Date().toISOString(),
        },
      },
    ]);
  }
}
