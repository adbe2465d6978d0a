import { type EventContract, deadLetterTopic } from '@carebridge/event-contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { type ReceivedEvent, MalformedEventError, decodeEnvelope } from './envelope';
import { type MessagingLogger, silentLogger } from './logger';
import { withTrace } from './trace';
import type { EventTransport, Subscription, TransportMessage } from './transport';

/** What a service does when an event arrives, inside the transaction that records the event as processed. */
export interface EventHandler<C extends EventContract = EventContract> {
  contract: C;
  handle(event: ReceivedEvent<C>, manager: EntityManager): Promise<void>;
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
}

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
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  /** Handles one message; resolves when its effect (or its dead letter) is durable. */
  async deliver(message: TransportMessage): Promise<void> {
    let envelope: ReturnType<typeof decodeEnvelope>;
    try {
      envelope = decodeEnvelope(message);
    } catch (error) {
      return this.deadLetter(message, error as Error, 1);
    }
    const forType = this.options.handlers.filter((h) => h.contract.type === envelope.type);
    if (!forType.length) return; // another event type on a shared topic
    const handlers = forType.filter((h) => h.contract.version === envelope.version);
    if (!handlers.length) {
      return this.deadLetter(message, new MalformedEventError(`no handler for ${envelope.type} version ${envelope.version}`), 1);
    }
    const parsed = handlers[0].contract.schema.safeParse(envelope.rawData);
    if (!parsed.success) {
      return this.deadLetter(message, new MalformedEventError(`data does not match ${envelope.type} v${envelope.version}: ${parsed.error.message}`), 1);
    }
    const { rawData: _raw, ...attributes } = envelope;
    const event: ReceivedEvent = { ...attributes, data: parsed.data };

    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        await withTrace(event.traceparent, () =>
          this.options.dataSource.transaction(async (manager) => {
            const recorded: unknown[] = await manager.query(
              `INSERT INTO processed_event (event_id, event_type, source) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
              [event.id, event.type, event.source],
            );
            if (!recorded.length) {
              this.logger.debug({ eventId: event.id, type: event.type }, 'duplicate event ignored');
              return;
            }
            for (const handler of handlers) await handler.handle(event, manager);
          }),
        );
        return;
      } catch (error) {
        // With the database gone, no attempt can succeed: leave the offset, redeliver later.
        if (!(await this.databaseReachable())) throw error;
        if (attempt >= maxAttempts) return this.deadLetter(message, error as Error, attempt);
        this.logger.warn({ err: (error as Error).message, eventId: event.id, type: event.type, attempt }, 'event handler failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, (this.options.retryBackoffMs ?? 200) * 2 ** (attempt - 1)));
      }
    }
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
