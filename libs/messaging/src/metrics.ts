import { Counter, Gauge, type Registry } from 'prom-client';
import type { OutboxRelay } from './outbox';
import type { EventTransport } from './transport';

/**
 * What messaging tells Prometheus: outbox depth and age, what the relay published, and per
 * consumer group its lag per partition, its handler failures, and its dead letters. Labels are
 * bounded: groups, topics and event types come from the event catalogue, partitions from the topics.
 */
export class MessagingMetrics {
  readonly published: Counter;
  readonly handled: Counter<'group' | 'event_type'>;
  readonly handlerFailures: Counter<'group' | 'event_type'>;
  readonly deadLetters: Counter<'group'>;

  constructor(private readonly registry: Registry) {
    this.published = new Counter({ name: 'carebridge_outbox_published_total', help: 'Events this instance has published from its outbox.', registers: [registry] });
    this.handled = new Counter({
      name: 'carebridge_consumer_events_handled_total',
      help: 'Events a consumer group applied (duplicates and events of other types not counted).',
      labelNames: ['group', 'event_type'],
      registers: [registry],
    });
    this.handlerFailures = new Counter({
      name: 'carebridge_consumer_handler_failures_total',
      help: 'Failed attempts of an event handler (each retry counts; the last one dead-letters the event).',
      labelNames: ['group', 'event_type'],
      registers: [registry],
    });
    this.deadLetters = new Counter({
      name: 'carebridge_consumer_dead_letters_total',
      help: 'Events a consumer group sent to its dead-letter topic.',
      labelNames: ['group'],
      registers: [registry],
    });
  }

  /** Outbox depth and the age of its oldest unpublished event, read from the database at each scrape. */
  watchOutbox(relay: OutboxRelay): void {
    let last: Promise<Awaited<ReturnType<OutboxRelay['lag']>> | undefined> | undefined;
    // Both gauges are read in one query per scrape.
    const lag = () => (last ??= relay.lag().catch(() => undefined).finally(() => setImmediate(() => (last = undefined))));
    new Gauge({
      name: 'carebridge_outbox_pending_events',
      help: 'Events written to the outbox and not yet published (outbox depth).',
      registers: [this.registry],
      async collect() {
        const value = await lag();
        if (value) this.set(value.pending);
      },
    });
    new Gauge({
      name: 'carebridge_outbox_oldest_pending_seconds',
      help: 'Age of the oldest unpublished outbox event (outbox lag); 0 when the outbox is empty.',
      registers: [this.registry],
      async collect() {
        const value = await lag();
        if (value) this.set(value.oldestPendingSeconds);
      },
    });
  }

  /** A consumer group's lag per partition: messages after its committed offset, read from the transport at each scrape. */
  watchConsumerLag(transport: EventTransport, group: string, topics: string[]): void {
    if (!transport.consumerLag || !topics.length) return;
    const read = transport.consumerLag.bind(transport);
    new Gauge({
      name: 'carebridge_consumer_lag_messages',
      help: 'Messages of a partition after the consumer group committed offset.',
      labelNames: ['group', 'topic', 'partition'],
      registers: [this.registry],
      async collect() {
        const lags = await read(group, topics).catch(() => undefined);
        if (!lags) return;
        this.reset();
        for (const lag of lags) this.set({ group, topic: lag.topic, partition: String(lag.partition) }, lag.lag);
      },
    });
  }
}
